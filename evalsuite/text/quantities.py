"""Quantities: each number of a text with what it counts, read from the words around it.

"£30m" is 30,000,000 in pounds, "a two-year-old" an age of 2 years, "two-year deal" a
duration, "two cyclists" a count, "in 2014" a year, "April 8" the 8th day of April, "the
1980s" a decade, "more than 65" a lower bound. A summary's number is supported only by an
article number of a compatible reading (see `quantity_support`): the article's "two
cyclists" does not support the summary's "two-year-old girl". A number with nothing around it
that says what it is, is `bare` and compatible with any reading.

Numbers themselves (digits, words, scales) are read by `evalsuite.text.numbers`; units and
currencies come from CLDR (`evalsuite.text.units`), hedges and ages from
`evalsuite.text.quantity_words`.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from evalsuite.text.clock_times import TWELVE
from evalsuite.text.content_words import _stop_words
from evalsuite.text.numbers import NumberMention, extract_numbers, month_number, ordinal_word
from evalsuite.text.quantity_words import quantity_words
from evalsuite.text.units import (
    Unit,
    currency_codes,
    currency_names,
    currency_symbols,
    unit_words,
)

__all__ = ["Quantity", "Reading", "implicit_quantities", "read_quantities"]

TYPED = frozenset({"money", "measure", "age", "percent"})
"""Readings whose unit a range's bare end takes over ("98 to 127 million euros")."""

_SCALE_SUFFIX = {"m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3, "tn": 1e12, "trn": 1e12}
_SCALE_AFTER = re.compile(r"\s?(mn|bn|trn|tn|m|k|b)\b")
_METRES = re.compile(r"m\b(\s+[^\W\d_]{3,})?")
_DECADE_AFTER = re.compile(r"['’]?s\b")
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"[:.]\d\d\b|\s?(?:[ap]\.?m\b|gmt\b|bst\b|utc\b|cet\b|h\b)", re.I)
_CLOCK_BEFORE = re.compile(r"\d[:.]$")
_NEXT_WORD = re.compile(r"[\s-]*([^\W\d_][\w'’-]*)")
_YEAR_SPAN = re.compile(r"((?:1[89]|20)\d\d)\s?[-–/]\s?(\d\d)\b")
_SENTENCE_END = re.compile(r"[.!?]['\"’”]?\s+|\n+")


@dataclass(frozen=True)
class Reading:
    """One way to read a number: its kind, value in its own unit, and that unit.

    kinds: bare, count, money, measure, age, percent, year, decade, day, month, ordinal, clock,
    hour (the hour written on a 12-hour clock, "7" of "7 pm": only a bare number matches it).
    """

    kind: str
    value: float
    unit: Unit | None = None
    currencies: frozenset[str] = frozenset()
    month: int = 0
    """For a day: the month it is in (0 when the text does not say)."""
    noun: str = ""
    """For a count: the word after the number ("cyclists")."""

    @property
    def base(self) -> float | None:
        """The value in its dimension's base unit (None without a known factor)."""
        return self.unit.to_base(self.value) if self.unit is not None else None


@dataclass(frozen=True)
class Quantity:
    """A number with its readings (usually one; "5 pounds" is money or a mass), its span
    (currency and unit included), a hedge `bound` ("exact", "more", "least", "less", "most",
    "about"), and how precisely it is written (`precision`: the place value of its last
    significant digit, in its unit; `significant`: how many digits it has)."""

    start: int
    end: int
    text: str
    readings: tuple[Reading, ...]
    mention: NumberMention
    bound: str = "exact"
    sentence: int = 0
    precision: float = 1.0
    significant: int = 1
    ago: bool = False
    """A duration counted back from the text's own date ("three years ago")."""

    @property
    def kind(self) -> str:
        return self.readings[0].kind

    @property
    def value(self) -> float:
        return self.readings[0].value

    @property
    def weak(self) -> bool:
        """A number that may match but is never reported: inside a name (COVID-19), a word
        that doubles as an article ("one"), an ordinal word or a month name."""
        return self.mention.weak and self.kind not in ("day",)


@dataclass(frozen=True)
class _Lexicon:
    units: dict[str, Unit]
    unit_after: re.Pattern[str] | None
    symbols: dict[str, frozenset[str]]
    symbol_before: re.Pattern[str] | None
    symbol_after: re.Pattern[str] | None
    code_before: re.Pattern[str]
    names: dict[str, tuple[frozenset[str], float]]
    name_after: re.Pattern[str] | None
    hedge_before: re.Pattern[str] | None
    hedges: dict[str, str]
    age_before: re.Pattern[str] | None
    age_after: re.Pattern[str] | None
    ages: dict[str, str]
    ago_after: re.Pattern[str] | None
    stop_words: frozenset[str]
    fractions: dict[str, int]
    fraction_after: re.Pattern[str] | None


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=32)
def _lexicon(lang: str) -> _Lexicon:
    units = unit_words(lang)
    symbols = currency_symbols(lang)
    names = currency_names(lang)
    words = quantity_words(lang)
    ages = {key.lstrip("-"): unit for key, unit in words.age_after.items()}

    def compiled(pattern: str, items: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
        return re.compile(pattern.replace("ITEMS", _alternation(items)), flags)

    return _Lexicon(
        units=units,
        unit_after=compiled(r"[\s-]?(ITEMS)(?![^\W_])", list(units)) if units else None,
        symbols=symbols,
        symbol_before=compiled(r"(?:^|(?<=[\s(\-–]))(ITEMS)\s?$", list(symbols))
        if symbols else None,
        symbol_after=compiled(r"\s?(ITEMS)(?!\w)", [s for s in symbols if not s.isalpha()])
        if symbols else None,
        code_before=re.compile(r"(?<![A-Za-z])([A-Z]{3})\s?$"),
        names=names,
        name_after=compiled(
            r"(?:\s(ITEMS)\b|(GLUED)\b(?!\.?\w))".replace(
                "GLUED", _alternation([n for n in names if len(n) == 1]) or "(?!)"
            ),
            [n for n in names if len(n) > 1],
        ) if names else None,  # "50p": a one-letter name only glued to the number
        hedge_before=compiled(r"(?<![\w])(ITEMS)\s+$", list(words.hedges))
        if words.hedges else None,
        hedges=words.hedges,
        age_before=compiled(r"(?<![\w])(ITEMS)\s+$", list(words.age_before))
        if words.age_before else None,
        age_after=compiled(r"[\s-]?(ITEMS)(?![^\W_])", list(ages)) if ages else None,
        ages=ages,
        ago_after=compiled(r"\s(ITEMS)\b", list(words.ago)) if words.ago else None,
        stop_words=_stop_words(lang),
        fractions=words.fractions,
        fraction_after=compiled(r"[\s-](ITEMS)\b", list(words.fractions))
        if words.fractions else None,
    )  # fmt: skip


@lru_cache(maxsize=4096)
def read_quantities(text: str, lang: str, *, shares: bool = True) -> tuple[Quantity, ...]:
    """Every number of `text` with its readings, in text order; without `shares`, "one in
    five" stays two numbers (an article keeps both readings: see quantity_support)."""
    lex = _lexicon(lang)
    mentions = extract_numbers(text, lang)
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    quantities = [_read(text, m, lang, lex, bisect.bisect_right(ends, m.start)) for m in mentions]
    quantities = _dates(text, quantities, lang)
    quantities = _year_spans(text, quantities)
    if shares:
        quantities = _ratios(text, quantities, lang, lex)
    return tuple(_ranges(text, quantities))


@lru_cache(maxsize=1024)
def implicit_quantities(text: str, lang: str) -> tuple[Quantity, ...]:
    """Numbers a text states without writing one ("a decade", "both", "twins"; see
    `QuantityWords.implicit`), each weak: it may license a summary's number, and is never
    itself reported."""
    phrases = quantity_words(lang).implicit
    if not phrases:
        return ()
    lex = _lexicon(lang)
    pattern = re.compile(rf"(?<![\w-])({_alternation(list(phrases))})(?![\w-])", re.IGNORECASE)
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    found = []
    for match in pattern.finditer(text):
        value, unit_word = phrases[match.group(1).lower()]
        value = float(value)
        unit = lex.units.get(unit_word)
        if unit_word != "count" and unit is None:
            continue
        kind = "count" if unit is None else "percent" if unit.dimension == "concentr" else "measure"
        reading = Reading(kind, value, unit)
        mention = NumberMention(
            _format_value(value), value, match.start(), match.end(), match.group(), weak=True
        )
        sentence = bisect.bisect_right(ends, match.start())
        precision = 1.0 if value.is_integer() else 1e-9  # 33.33...% rounds to "33%"
        found.append(Quantity(
            match.start(), match.end(), match.group(), (reading,), mention, sentence=sentence,
            precision=precision,
        ))  # fmt: skip
    return tuple(found)


def _format_value(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _read(text: str, m: NumberMention, lang: str, lex: _Lexicon, sentence: int) -> Quantity:
    before = text[max(0, m.start - 40) : m.start]
    after_start = m.end
    value = m.value
    scaled = m.spelled and m.value >= 1000 or m.digits != m.key
    currencies: frozenset[str] = frozenset()
    money = False
    symbol = lex.symbol_before.search(before) if lex.symbol_before else None
    code = lex.code_before.search(before)
    start = m.start
    if symbol:
        currencies, money, start = lex.symbols[symbol.group(1).lower()], True, m.start - len(
            before) + symbol.start(1)  # fmt: skip
    elif code and code.group(1) in currency_codes():
        currencies, money = frozenset({code.group(1)}), True
        start = m.start - len(before) + code.start(1)
    after = text[after_start : after_start + 48]
    if not scaled and not m.spelled:
        suffix = _SCALE_AFTER.match(after)
        if suffix and (money or _currency_follows(after[suffix.end() :], lex)):
            value *= _SCALE_SUFFIX[suffix.group(1).lower()]
            after_start += suffix.end()
            after = text[after_start : after_start + 48]
            scaled = True
    readings: list[Reading] = []
    end = after_start
    if not money and lex.symbol_after and (found := lex.symbol_after.match(after)):
        currencies, money = lex.symbols[found.group(1).lower()], True
        end = after_start + found.end()
    if not money and lex.name_after and (named := lex.name_after.match(after)):
        name = (named.group(1) or named.group(2)).lower()
        codes, factor = lex.names[name]
        readings.append(Reading("money", value * factor, currencies=codes))
        end = after_start + named.end()
        if name in lex.units:  # "5 pounds": money or a mass
            unit = lex.units[name]
            readings.append(Reading("measure", value, unit))
    elif money:
        name = lex.name_after.match(after) if lex.name_after else None
        if name:
            end = after_start + name.end()
        readings.append(Reading("money", value, currencies=currencies))
    bound = _hedge(text[max(0, start - 40) : start], lex)
    if not readings and (fraction := _fraction(m, after, lex, lang)):
        share, length = fraction
        readings, end = [Reading("percent", share, lex.units.get("percent"))], after_start + length
        bound = "about" if bound == "exact" else bound  # "two-thirds" is "about 67%"
    if not readings:
        readings, end = _unit_readings(text, m, value, after, after_start, lex, lang)
        if _age_decade(text, m, after, lang) and bound == "exact":
            bound = "least"  # "in his 30s": 30 or more (and below 40)
    ago = bool(lex.ago_after and lex.ago_after.match(text, end, end + 12))
    precision, significant = _precision(m, value)
    return Quantity(
        start, end, text[start:end], tuple(readings), m, bound, sentence, precision,
        significant, ago,
    )  # fmt: skip


def _fraction(
    m: NumberMention, after: str, lex: _Lexicon, lang: str
) -> tuple[float, int] | None:
    """A cardinal before a fraction word ("two-thirds", "three quarters"), as a percentage
    and the length of the fraction word with its dash or space ("the second half" is none)."""
    if not lex.fraction_after or m.value <= 0 or ordinal_word(m.text.lower(), lang):
        return None
    found = lex.fraction_after.match(after)
    if found is None:
        return None
    denominator = lex.fractions[found.group(1).lower()]
    return 100 * m.value / denominator, found.end()


def _currency_follows(after: str, lex: _Lexicon) -> bool:
    return bool(lex.name_after and lex.name_after.match(after))


def _unit_readings(
    text: str, m: NumberMention, value: float, after: str, after_start: int, lex: _Lexicon,
    lang: str,
) -> tuple[list[Reading], int]:  # fmt: skip
    """A number without a currency: an age, a measure, a percent, a year, a decade, an
    ordinal, a clock time, a count or bare, from the words right after (or before) it."""
    end = after_start
    before = text[max(0, m.start - 24) : m.start]
    if m.text.endswith("%"):
        return [Reading("percent", value, lex.units.get("percent"))], end
    if lex.age_after and (age := lex.age_after.match(after)):
        unit_id = lex.ages[age.group(1).lower()]
        return [Reading("age", value, Unit(unit_id, "duration", None))], end + age.end()
    if lex.age_before and lex.age_before.search(before):
        return [Reading("age", value, Unit("duration-year", "duration", None))], end
    word = m.text.lower()
    if month_number(word, lang) or lang in _CJK and after.startswith("月") and value <= 12:
        return [Reading("month", value)], end
    if ordinal_word(word, lang) or _ORDINAL_AFTER.match(after) and not m.spelled:
        suffix = _ORDINAL_AFTER.match(after) if not m.spelled else None
        return [Reading("ordinal", value)], end + (suffix.end() if suffix else 0)
    if lex.unit_after and (unit := lex.unit_after.match(after)):
        found = lex.units[unit.group(1).lower()]
        kind = "percent" if found.id == "concentr-percent" else "measure"
        reading = Reading(kind, value, found)
        if found.id == "duration-year" and lang != "en" and _is_year(m, ""):
            # "2031 год", "v roce 2031", "2031年": most languages write the word "year" after
            # a year; English never does ("2000 years" is a duration)
            return [Reading("year", value), reading], end + unit.end()
        return [reading], end + unit.end()
    if m.clock == TWELVE and m.text.isdigit():
        # "7 pm" is 19 o'clock, and also the bare hour "7" of "at 7 in the evening"
        return [Reading("clock", value), Reading("hour", float(m.text))], end
    if _CLOCK_AFTER.match(after) or _CLOCK_BEFORE.search(before):
        return [Reading("clock", value)], end
    if (decade := _DECADE_AFTER.match(after)) and value % 10 == 0 and not m.spelled:
        if _age_decade(text, m, after, lang):  # "in his 30s": an age from 30
            return [Reading("age", value, Unit("duration-year", "duration", None))], (
                end + decade.end()
            )
        return [Reading("decade", value if value >= 100 else 1900 + value)], end + decade.end()
    if _is_year(m, after):
        return [Reading("year", value)], end
    if not m.spelled and (metres := _METRES.match(after)) and lex.units:
        # "200m": metres, or (before a noun: "800m people") millions
        metre = Reading("measure", value, lex.units.get("metre") or lex.units.get("meter"))
        million = Reading("count", value * 1e6)
        readings = [million, metre] if metres.group(1) else [metre, million]
        return readings, end + 1
    noun = _NEXT_WORD.match(after)
    if noun and noun.group(1).lower() not in lex.stop_words and lex.stop_words:
        return [Reading("count", value, noun=noun.group(1).lower())], end
    return [Reading("bare", value)], end


_AGE_DECADE_BEFORE = {
    "en": re.compile(r"\b(?:his|her|their)\s+(?:(?:early|mid|late)[\s-]+)?$", re.IGNORECASE)
}
"""What puts an age decade before "30s": "in his 30s", "in their late 20s"."""


def _age_decade(text: str, m: NumberMention, after: str, lang: str) -> bool:
    """Whether "30s" is the decade of someone's age, not of a century ("in his 30s")."""
    pattern = _AGE_DECADE_BEFORE.get(lang)
    if pattern is None or m.value >= 100 or m.spelled or not _DECADE_AFTER.match(after):
        return False
    return pattern.search(text, max(0, m.start - 24), m.start) is not None


def _is_year(m: NumberMention, after: str) -> bool:
    return (
        not m.spelled and re.fullmatch(r"\d{4}", m.text) is not None
        and 1000 <= m.value <= 2100 and not after.startswith("%")
    )  # fmt: skip


def _hedge(before: str, lex: _Lexicon) -> str:
    if not lex.hedge_before:
        return "exact"
    found = lex.hedge_before.search(before.lower())
    return lex.hedges[found.group(1).lower()] if found else "exact"


def _precision(m: NumberMention, value: float) -> tuple[float, int]:
    """The place value of the last written significant digit, and how many there are:
    "1.5m" -> (100000, 2), "65,000" -> (1000, 2), "28" -> (1, 2), "sixty" -> (1, 2)."""
    if m.spelled or not m.digits:
        return 1.0, len(str(int(value))) if value >= 1 else 1
    digits = re.sub(r"[^\d.,]", "", m.text)
    digits_only = re.sub(r"\D", "", m.digits.replace(".", ""))
    decimals = len(m.digits.split(".")[1]) if "." in m.digits else 0
    scale = value / float(m.digits) if float(m.digits) else 1.0
    if decimals:
        significant = len(digits_only.lstrip("0"))
        return 10.0**-decimals * scale, max(significant, 1)
    stripped = digits_only.rstrip("0")
    zeros = len(digits_only) - len(stripped)
    del digits
    return 10.0**zeros * scale, max(len(stripped.lstrip("0")), 1)


_DATE_GAP = r"\s*(?:(?:st|nd|rd|th)\s*)?(?:of\s+)?(?:the\s+)?"
_CJK = frozenset({"zh", "ja"})
"""Languages that write a month as a number before 月 ("7月26日")."""


def _dates(text: str, quantities: list[Quantity], lang: str) -> list[Quantity]:
    """A day next to a month name ("April 8", "8 April", "8th of April") is a day of that
    month, not a count."""
    result = list(quantities)
    for i, q in enumerate(result):
        if q.kind != "month":
            continue
        month = int(q.value)
        for j in (i + 1, i - 1):
            if not 0 <= j < len(result):
                continue
            other = result[j]
            left, right = (q, other) if j > i else (other, q)
            gap = text[left.mention.end : right.mention.start].lower()
            small = other.value.is_integer() and 1 <= other.value <= 31 and other.kind != "year"
            day_mark = text[right.mention.end : right.mention.end + 1]
            cjk_day = lang in _CJK and j > i and gap == "月" and day_mark in ("日", "号")
            if small and (cjk_day or re.fullmatch(_DATE_GAP, gap)):
                reading = Reading("day", other.value, month=month)
                result[j] = dataclasses.replace(other, readings=(reading,))
                break
    return result


def _year_spans(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The short end of "2016-17" is the year 2017."""
    result = list(quantities)
    for i in range(len(result) - 1):
        first, second = result[i], result[i + 1]
        if first.kind != "year":
            continue
        span = _YEAR_SPAN.match(text, first.mention.start)
        if span and span.start(2) == second.mention.start:
            year = float(int(first.value) // 100 * 100 + int(span.group(2)))
            if year > first.value:
                result[i + 1] = dataclasses.replace(second, readings=(Reading("year", year),))
    return result


_RATIO_GAP = {"en": re.compile(r"\s+(?:(in)|out\s+of)\s+", re.IGNORECASE)}
"""What stands between the two numbers of a share ("one in five", "nine out of ten"); a
group holds the word that makes a share only after one ("in": "one in five", not "scored 2
in 5 games")."""


def _ratios(text: str, quantities: list[Quantity], lang: str, lex: _Lexicon) -> list[Quantity]:
    """ "One in five", "nine out of 10": one share, about its percentage (20%, 90%), where
    both numbers are plain counts and the first is the smaller ("born in 1990", "two in 10
    minutes", "2 in 5 games" are none)."""
    gap = _RATIO_GAP.get(lang)
    unit = lex.units.get("percent")
    if gap is None or unit is None:
        return quantities
    result: list[Quantity] = []
    i = 0
    while i < len(quantities):
        left = quantities[i]
        right = quantities[i + 1] if i + 1 < len(quantities) else None
        plain = right is not None and {left.kind, right.kind} <= {"bare", "count"}
        joined = gap.fullmatch(text, left.end, right.start) if plain and right else None
        one_in = joined is not None and (joined.group(1) is None or left.value == 1)
        if right is None or not one_in or not 0 < left.value < right.value:
            result.append(left)
            i += 1
            continue
        share = 100 * left.value / right.value
        span = text[left.start : right.end]
        mention = NumberMention(_format_value(share), share, left.start, right.end, span)
        result.append(Quantity(
            left.start, right.end, span, (Reading("percent", share, unit),), mention,
            "about" if left.bound == "exact" else left.bound, left.sentence, precision=1e-9,
            significant=2,
        ))  # fmt: skip
        i += 2
    return result


_RANGE_GAP = re.compile(r"\s*(?:to|and|or|-|–|—|bis|à|a|y|et|und|и|до)\s*", re.IGNORECASE)


def _ranges(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The bare end of a range takes the unit and scale of the other end: "from 98 to 127
    million euros", "aged 18 and 19", "5-10%"."""
    result = list(quantities)
    for i in range(len(result) - 1):
        left, right = result[i], result[i + 1]
        if not _RANGE_GAP.fullmatch(text[left.end : right.start]):
            continue
        if left.kind in ("bare", "count") and right.kind == "day":
            result[i] = _take_unit(left, right)  # "on 7 and 8 January"
        elif left.kind in ("bare", "count") and (right.kind in TYPED or _scale(right) > 1):
            result[i] = _take_unit(left, right)
        elif right.kind in ("bare", "count") and left.kind in TYPED:
            result[i + 1] = _take_unit(right, left)
    return result


def _scale(q: Quantity) -> float:
    """The factor a scale word or suffix applied to the written digits ("127 million": 1e6)."""
    written = float(q.mention.digits) if q.mention.digits else q.mention.value
    return q.value / written if written else 1.0


def _take_unit(q: Quantity, model: Quantity) -> Quantity:
    factor = _scale(model)
    own_scale = q.mention.digits != q.mention.key or q.mention.spelled or factor < 1000
    value = q.value if own_scale else q.value * factor
    source = model.readings if model.kind in (*TYPED, "day") else q.readings
    readings = tuple(dataclasses.replace(r, value=value) for r in source)
    precision = q.precision if own_scale else q.precision * factor
    return dataclasses.replace(q, readings=readings, precision=precision)
