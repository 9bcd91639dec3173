"""Whether an article supports a summary's quantity, and how: graded matching.

In order: the same value in a compatible reading (a unit converted: "140km" / "87 miles"); a
hedge the article's value satisfies ("more than 65" / 67); the article's value rounded to
the precision the summary writes ("£1.5m" / £1,480,000); simple arithmetic on two article
quantities of the same unit near each other (a sum or difference, a percentage of one in the
other); a duration between two of the article's years or dates ("three days" from the 4th to
the 7th); a year next to one the article states when the article dates events relative to
its own year ("last year"); a decade the article has a year of ("the 1980s" / 1984).
Nothing else: a number the article does not license this way is unsupported.
"""

from __future__ import annotations

import dataclasses
import datetime
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from evalsuite.text.content_words import word_keys
from evalsuite.text.number_words import fold as fold_number_word
from evalsuite.text.number_words import month_names, number_words
from evalsuite.text.quantities import Quantity, Reading, implicit_quantities, read_quantities
from evalsuite.text.quantity_words import quantity_words

__all__ = [
    "Article", "Support", "article_quantities", "closest_evidence", "context_words", "find_support",
    "foreign", "merged", "reportable",
]  # fmt: skip

_CONVERSION_TOLERANCE = 0.02
"""Relative slack for a value converted between units ("190 miles" is 305.8 km, "300 km")."""
_ABOUT = 0.1
"""How far "about N" / "nearly N" may be from the article's value, relative to N."""
_BOUND_REACH = 0.5
"""How far past a round N "more than N" (or below it, "less than N") the article's value may
lie, relative to N."""
_WINDOW = 1
"""Arithmetic combines quantities of the same or the next sentence only."""
_ARITHMETIC_KINDS = frozenset({"count", "bare", "money", "measure"})
_NOT_REPORTED = frozenset({"ordinal"})
_CONTEXT_KINDS = frozenset({"money"})
"""Kinds whose support must also share a word of context (see `find_support`)."""
_CONTEXT_WORDS = 6
_ANY_CONTEXT = frozenset({"*"})
"""The context of an article number whose words cannot be compared (another language)."""
_PUNCTUATION = ".,;:!?()[]\"'“”‘’"
_SENTENCE_END = re.compile(r"[.!?]['\"’”]?\s+|\n+")
_REPLACEABLE = frozenset({"bare", "count", "ordinal"})


@dataclass(frozen=True)
class Support:
    """How the article licenses a quantity, and the article quantities that do."""

    how: str
    evidence: tuple[Quantity, ...]


@dataclass(frozen=True)
class Article:
    """The quantities of the texts a summary is checked against, the content words around
    each (`contexts`, in the same order), and whether the texts date events relative to
    their own year ("last year": an adjacent year is then implied)."""

    quantities: tuple[Quantity, ...]
    relative_year: bool
    contexts: tuple[frozenset[str], ...] = ()
    lang: str = "en"

    def context_of(self, q: Quantity) -> frozenset[str]:
        for other, context in zip(self.quantities, self.contexts, strict=False):
            if other is q:
                return context
        return frozenset()


def _shares(context: frozenset[str], other: frozenset[str]) -> bool:
    return bool(context & other) or other == _ANY_CONTEXT


def context_words(text: str, q: Quantity, lang: str) -> frozenset[str]:
    """Content-word stems within a few words either side of a quantity, in its sentence, not
    counting numbers: what it is about."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, q.start)), default=0)
    end = next((m.start() for m in _SENTENCE_END.finditer(text, q.end)), len(text))
    left = _wordy(text[start : q.start].split(), lang)[-_CONTEXT_WORDS:]
    right = _wordy(text[q.end : end].split(), lang)[:_CONTEXT_WORDS]
    keys = word_keys(" ".join(left + right), lang)
    return frozenset(k for k in keys if not k[:1].isdigit())


def _wordy(tokens: list[str], lang: str) -> list[str]:
    """The tokens that are no numeral or number word (month names kept): a nearby number
    written "£1 million" rather than "£1m" must not push the words of the thing it is said
    of out of the window."""
    table, months = number_words(lang), month_names(lang)
    return [
        t for t in tokens
        if not any(ch.isdigit() for ch in t)
        and ((w := fold_number_word(t.strip(_PUNCTUATION))) not in table or w in months)
    ]  # fmt: skip


@lru_cache(maxsize=1024)
def article_quantities(text: str, lang: str) -> Article:
    words = quantity_words(lang)
    low = text.lower()
    relative = any(phrase in low for phrase in words.relative_years)
    # An article's "one in five" licenses 20% and also "five" of something: both readings.
    plain = read_quantities(text, lang, shares=False)
    shares = [q for q in read_quantities(text, lang) if q not in plain]
    stated = tuple(sorted((*plain, *shares), key=lambda q: q.start))
    quantities = _with_implicit(stated, implicit_quantities(text, lang))
    quantities = tuple(_counted_ordinal(text, q, lang) for q in quantities)
    contexts = tuple(context_words(text, q, lang) for q in quantities)
    return Article(quantities, relative, contexts, lang)


def _with_implicit(
    stated: tuple[Quantity, ...], implicit: tuple[Quantity, ...]
) -> tuple[Quantity, ...]:
    """The stated quantities and the implicit ones ("a decade"), in text order; an implicit
    phrase replaces a number read inside it without a unit ("half" of "half a year", "two"
    of "two-thirds of") and yields to any other."""
    kept = list(stated)
    for extra in implicit:
        inside = [q for q in kept if q.start < extra.end and extra.start < q.end]
        if all(q.kind in _REPLACEABLE or q.weak for q in inside):
            kept = [q for q in kept if q not in inside] + [extra]
    return tuple(sorted(kept, key=lambda q: q.start))


def _counted_ordinal(text: str, q: Quantity, lang: str) -> Quantity:
    """An ordinal after an indefinite article also counts: "a second man was arrested" says
    two men were, "a third woman was hurt" that two came before her (two or three)."""
    words = quantity_words(lang)
    if q.kind != "ordinal" or not words.indefinite or q.value < 2:
        return q
    before = text[max(0, q.start - 4) : q.start].lower().split()
    after = text[q.end : q.end + 8].lower().split()
    indefinite = bool(before) and before[-1] in words.indefinite
    fraction = bool(after) and after[0].strip(",.;:") in words.fraction_after
    if not indefinite or fraction:
        return q
    counts = (Reading("count", q.value), Reading("count", q.value - 1))
    return dataclasses.replace(q, readings=(*q.readings, *counts))


def foreign(article: Article) -> Article:
    """An article in another language than the summary: its words around a number are not
    read against the summary's ("1992 roku", "7月17日"), so only amounts, percentages and
    dates (month names are read per language) keep their reading; every other number is
    bare, and its context words match any."""
    kept = ("money", "percent", "month", "day")
    quantities = tuple(
        q if q.kind in kept else dataclasses.replace(q, readings=(Reading("bare", q.value),))
        for q in article.quantities
    )
    contexts = tuple(_ANY_CONTEXT for _ in quantities)
    return dataclasses.replace(article, quantities=quantities, contexts=contexts)


def merged(articles: Sequence[Article]) -> Article:
    """One pool from several texts (a summary's source and reference)."""
    quantities = tuple(q for a in articles for q in a.quantities)
    contexts = tuple(c for a in articles for c in a.contexts)
    langs = {a.lang for a in articles}
    lang = langs.pop() if len(langs) == 1 else ""
    return Article(quantities, any(a.relative_year for a in articles), contexts, lang)


def reportable(q: Quantity, lang: str = "en") -> bool:
    """Whether a summary quantity must be supported: not a weak word ("one"), a number
    inside a name or an ordinal (which the article may paraphrase freely: "the third
    Briton" from two named ones), nor a month name that is also a word ("may")."""
    if q.kind == "month":
        return q.text[:1].isupper() or q.text.lower() not in quantity_words(lang).ambiguous_months
    return not q.weak and q.kind not in _NOT_REPORTED


def find_support(
    q: Quantity, article: Article, context: frozenset[str] | None = None
) -> Support | None:
    """The first way the article licenses `q`, or None. With the summary's `context` words
    (`context_words`), an amount of money must also be said of the same thing: some article
    amount that licenses it shares a content word with it ("raised £30m" is not licensed by
    "his target had been £30m")."""
    for reading in q.readings:
        for how, evidence in _ways(q, reading, article):
            if (
                context is None
                or q.kind not in _CONTEXT_KINDS
                or any(_shares(context, article.context_of(e)) for e in evidence)
            ):
                return Support(how, evidence)
    return None


def _ways(q: Quantity, s: Reading, article: Article) -> Iterator[tuple[str, tuple[Quantity, ...]]]:
    pool = article.quantities
    if s.kind == "month":
        for a in pool:
            if any(r.kind == "month" and r.value == s.value
                   or r.kind == "day" and r.month == s.value for r in a.readings):  # fmt: skip
                yield "same", (a,)
        return
    for a in pool:
        for r in a.readings:
            if _compatible(s, r) and not _unit_unsaid(q, s, a, r, article):
                how = _value_match(q, s, a, r)
                if how:
                    yield how, (a,)
    if s.kind == "year" and article.relative_year:
        for a in pool:
            if any(r.kind == "year" and abs(r.value - s.value) == 1 for r in a.readings):
                yield "implied_year", (a,)
    if s.kind == "decade":
        for a in pool:
            if any(r.kind == "year" and s.value <= r.value < s.value + 10 for r in a.readings):
                yield "decade", (a,)
    if s.kind == "measure" and s.unit is not None and s.unit.dimension == "duration":
        yield from _durations(q, s, pool)
    if s.kind == "year":
        yield from _shifted_years(s, pool)
    if s.kind == "age" and s.unit is not None and s.unit.id == "duration-year":
        yield from _ages_from_years(s, pool)
    if s.kind in _ARITHMETIC_KINDS:
        yield from _arithmetic(q, s, pool)
    if s.kind == "percent":
        yield from _percentages(q, s, pool)


def _unit_unsaid(q: Quantity, s: Reading, a: Quantity, r: Reading, article: Article) -> bool:
    """Whether a summary's measure ("5 years", "six miles") meets an article number without a
    unit whose words the article does not say near it: "all five were arrested" says nothing
    of five years, "between three and five years" does (the unit is beside the number)."""
    if s.kind != "measure" or r.kind != "bare" or not article.lang:
        return False
    context = article.context_of(a)
    if context == _ANY_CONTEXT:
        return False  # another language's words: not compared
    unit_words = {k for k in word_keys(q.text, article.lang) if not k[:1].isdigit()}
    return bool(unit_words) and not unit_words & context


def _compatible(s: Reading, a: Reading) -> bool:
    """Whether an article reading can stand for a summary reading: a bare number stands for
    anything (and a bare summary number takes any article reading); otherwise the kinds
    agree, and so do the dimension, the age unit, the currency, or the month."""
    if s.kind == "bare" or a.kind == "bare":
        return s.kind not in ("decade",)
    if s.kind == "hour" or a.kind == "hour":
        return False  # "7" of "7 pm" is no "7" of "7 am": only a bare "7" stands for it
    if s.kind != a.kind:
        # "a sixth victim" says there are six: an ordinal supports a count or a day (not
        # "second", which is as often a unit of time or "another")
        ordinal = a.kind == "ordinal" and (s.kind == "day" or s.kind == "count" and a.value > 2)
        return ordinal or (s.kind == "ordinal" and a.kind == "day")
    if s.kind == "money":
        return not s.currencies or not a.currencies or bool(s.currencies & a.currencies)
    if s.kind == "measure":
        return s.unit is not None and a.unit is not None and s.unit.dimension == a.unit.dimension
    if s.kind == "age":
        return s.unit == a.unit
    if s.kind == "day":
        return not s.month or not a.month or s.month == a.month
    return True


def _equal(x: float, y: float) -> bool:
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)


def _value_match(q: Quantity, s: Reading, a: Quantity, r: Reading) -> str | None:
    wanted, found = s.value, r.value
    converted = False
    if s.kind == "measure" and r.kind == "measure" and s.unit != r.unit:
        if s.base is None or r.base is None:
            return None
        wanted, found, converted = s.base, r.base, True
    if q.mention.marker:
        countable = r.kind in ("count", "bare", "money", "measure")
        return "magnitude" if countable and _same_magnitude(q, a) else None
    if a.mention.marker:
        return None  # the article's "thousands" does not say which number
    if converted:
        if math.isclose(wanted, found, rel_tol=_CONVERSION_TOLERANCE):
            return "converted"
        return "hedged" if q.bound != "exact" and _within_bound(q, wanted, found) else None
    if _equal(wanted, found):
        return "same"
    if q.bound != "exact":
        return "hedged" if _within_bound(q, wanted, found) else None
    if _rounds_to(found, wanted, q, a):
        return "rounded"
    return None


def _same_magnitude(q: Quantity, a: Quantity) -> bool:
    """The summary's "thousands" stands for an article number from 1,000 to 999,999 (or the
    article's own "thousands")."""
    if a.mention.marker:
        return _equal(q.value, a.value)
    return q.value <= a.value < q.value * 1000


def _within_bound(q: Quantity, wanted: float, found: float) -> bool:
    """ "more than N" holds for an article value a little above N (within a tenth), or above
    a round N (a multiple of 5, 10, 50, ...) by up to half of N: "more than 65" for 67, "more
    than 100" for 140, not "at least 19" for 25. "less than N" / "up to N" likewise below N;
    "about N" within a tenth of N either way."""
    if q.bound == "about":
        return abs(found - wanted) <= _ABOUT * abs(wanted)
    gap = found - wanted if q.bound in ("more", "least") else wanted - found
    if gap < 0:
        return False
    return gap <= _ABOUT * abs(wanted) or _round(wanted) and gap <= _BOUND_REACH * abs(wanted)


def _round(value: float) -> bool:
    """A number people round to: a multiple of 5 from 5 up."""
    return value >= 5 and value.is_integer() and value % 5 == 0


def _rounds_to(found: float, wanted: float, q: Quantity, a: Quantity | None) -> bool:
    """Whether the article's value, written more precisely, rounds to the summary's at the
    precision the summary writes, when the summary writes at least two significant digits
    ("£1.5m" for £1.48m, "65,000" for 64,847; not "30" for 25)."""
    if q.significant < 2:
        return False
    if a is not None and a.precision >= q.precision:
        return False
    return abs(found - wanted) <= q.precision / 2 + 1e-9


def _near(a: Quantity, b: Quantity) -> bool:
    return abs(a.sentence - b.sentence) <= _WINDOW


def _operands(s: Reading, pool: Sequence[Quantity]) -> list[tuple[Quantity, Reading]]:
    operands = []
    for a in pool:
        if a.weak and a.kind != "measure":
            continue  # "one" is no operand; "a year" (in "a year and six months") is
        for r in a.readings:
            if r.kind in _ARITHMETIC_KINDS and _compatible(s, r) and _same_unit(s, r):
                operands.append((a, r))
                break
    return operands


def _same_unit(s: Reading, r: Reading) -> bool:
    if s.kind == "measure" or r.kind == "measure":
        return s.unit == r.unit or _in_units_of(r, s) is not None
    return True


def _in_units_of(r: Reading, s: Reading) -> float | None:
    """A measure's value in the summary's unit of the same dimension ("a year" in months)."""
    if r.unit == s.unit:
        return r.value
    if s.unit is None or s.unit.factor is None or r.base is None:
        return None
    if r.unit is None or r.unit.dimension != s.unit.dimension:
        return None
    return r.base / s.unit.factor


def _arithmetic(
    q: Quantity, s: Reading, pool: Sequence[Quantity]
) -> Iterator[tuple[str, tuple[Quantity, ...]]]:
    """A sum or difference of two nearby article quantities of the summary's unit."""
    operands = _operands(s, pool)
    for (a, x), (b, y) in combinations(operands, 2):
        if not _near(a, b) or (x.kind == "money") != (y.kind == "money"):
            continue
        xv, yv = _in_units_of(x, s) or x.value, _in_units_of(y, s) or y.value
        for how, value in (("sum", xv + yv), ("difference", abs(xv - yv))):
            if _matches_computed(q, s.value, value):
                yield how, (a, b)


def _matches_computed(q: Quantity, wanted: float, value: float) -> bool:
    """A computed value licenses the summary's number when equal, rounded to it, or within
    "about"; not by a one-sided bound ("at least 26" from 25 + 2 of something else): a sum
    or difference that merely exceeds a bound says nothing."""
    if _equal(value, wanted):
        return True
    if q.bound == "about":
        return _within_bound(q, wanted, value)
    return _rounds_to(value, wanted, q, None)


def _percentages(
    q: Quantity, s: Reading, pool: Sequence[Quantity]
) -> Iterator[tuple[str, tuple[Quantity, ...]]]:
    """A share of one nearby article quantity in another, or the change from one to it."""
    numbers = [
        (a, r) for a in pool if not a.weak for r in a.readings[:1]
        if r.kind in ("count", "bare", "money") and r.value > 0
    ]  # fmt: skip
    tolerance = max(q.precision / 2, 0.5)
    for (a, x), (b, y) in combinations(numbers, 2):
        if not _near(a, b) or x.kind != y.kind:
            continue
        small, large = sorted((x.value, y.value))
        share, change = 100 * small / large, 100 * (large - small) / small
        for how, value in (("ratio", share), ("change", change)):
            if abs(value - s.value) <= tolerance:
                yield how, (a, b)


def _durations(
    q: Quantity, s: Reading, pool: Sequence[Quantity]
) -> Iterator[tuple[str, tuple[Quantity, ...]]]:
    """A span of years between two of the article's years, of days between two of its
    dates; "N years ago" also from N - 1 or N + 1 (the article's own date is not known)."""
    assert s.unit is not None and s.unit.factor is not None
    days = s.value * s.unit.factor
    years = [(a, r.value) for a in pool for r in a.readings if r.kind == "year"]
    if s.unit.id in ("duration-year", "duration-decade", "duration-century"):
        span = days / 365.25
        slack = 1 if q.ago else 0
        for (a, y1), (b, y2) in combinations(years, 2):
            if abs(abs(y1 - y2) - span) <= slack + 1e-9:
                yield "years_between", (a, b)
    dates = [(a, r) for a in pool for r in a.readings if r.kind == "day" and r.month]
    for (a, d1), (b, d2) in combinations(dates, 2):
        between = abs(_day_of_year(d1) - _day_of_year(d2))
        if _equal(between, days) or q.bound != "exact" and _within_bound(q, days, between):
            yield "days_between", (a, b)


def _years_of(r: Reading) -> float | None:
    """A duration or an age in years (None for other readings or units)."""
    if r.kind not in ("measure", "age") or r.unit is None or r.unit.dimension != "duration":
        return None
    if r.unit.factor is None:
        return r.value if r.unit.id == "duration-year" else None
    years = r.value * r.unit.factor / 365.25
    return years if years >= 1 and abs(years - round(years)) < 1e-6 else None


def _shifted_years(
    s: Reading, pool: Sequence[Quantity]
) -> Iterator[tuple[str, tuple[Quantity, ...]]]:
    """A year the article implies: one of its years moved by a span of years it states
    nearby ("joined in 2010 ... five years later": 2015), or a birth year from an age and a
    year ("26 when she won in 2016": 1990, or 1989 before her birthday)."""
    years = [(a, r.value) for a in pool for r in a.readings if r.kind == "year"]
    spans = [(b, r, span) for b in pool for r in b.readings if (span := _years_of(r))]
    for a, year in years:
        for b, r, span in spans:
            if not _near(a, b):
                continue
            if abs(abs(s.value - year) - span) < 1e-9:
                yield "shifted_year", (a, b)
            elif r.kind == "age" and 0 <= year - span - s.value <= 1:
                yield "birth_year", (a, b)


def _ages_from_years(
    s: Reading, pool: Sequence[Quantity]
) -> Iterator[tuple[str, tuple[Quantity, ...]]]:
    """An age between two nearby years of the article (born in 1990, won in 2016: 26, or
    25 before the birthday)."""
    years = [(a, r.value) for a in pool for r in a.readings if r.kind == "year"]
    for (a, y1), (b, y2) in combinations(years, 2):
        if _near(a, b) and 0 <= abs(y1 - y2) - s.value <= 1:
            yield "age_from_years", (a, b)


def _day_of_year(r: Reading) -> int:
    try:
        return datetime.date(2001, r.month, int(r.value)).timetuple().tm_yday
    except ValueError:
        return -1000


def closest_evidence(q: Quantity, article: Article) -> tuple[Quantity | None, str]:
    """The article quantity nearest to `q`, and what it is: the nearest value of the same
    kind and unit ("same unit"), else of a number without a unit ("unitless"), else the
    same value in another reading ("same number, other unit"), else the nearest value of
    all ("nearest number")."""
    s = q.readings[0]
    numbers = [a for a in article.quantities if not a.weak] or list(article.quantities)
    same_kind = [a for a in numbers if a.kind == s.kind and _compatible(s, a.readings[0])]
    unitless = [a for a in numbers if a.kind == "bare"]
    for group, relation in ((same_kind, "same unit"), (unitless, "unitless")):
        if group:
            return min(group, key=lambda a: _distance(s.value, a.value)), relation
    same_number = [a for a in numbers if any(_equal(r.value, s.value) for r in a.readings)]
    if same_number:
        return same_number[0], "same number, other unit"
    if numbers:
        return min(numbers, key=lambda a: _distance(s.value, a.value)), "nearest number"
    return None, ""


def _distance(x: float, y: float) -> float:
    if x > 0 and y > 0:
        return abs(math.log(x / y))
    return abs(x - y) + 1e6
