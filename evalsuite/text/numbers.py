"""Numbers in text, read by value: digits with each language's separators, number words,
scale words ("1.5 million"), magnitude words ("thousands"), clock times, month names, and
unit conversions in brackets ("190 miles (300 km)") grouped so that either half can stand
for the other. The `number_mismatch` check compares what this module reads.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from evalsuite.checks.base import Span
from evalsuite.text.cjk_numbers import cjk_numbers
from evalsuite.text.clock_times import (
    TWELVE,
    TWENTY_FOUR,
    hour_of_day,
    hour_words,
    same_hour,
    twelve_hour_clock,
)
from evalsuite.text.decades import is_decade, same_decade
from evalsuite.text.number_words import (
    COMPOUNDING,
    NumberWord,
    fold,
    month_abbreviations,
    month_names,
    number_words,
)

__all__ = [
    "NumberMention", "extract_numbers", "has_number_words", "month_number", "ordinal_word",
    "number_key", "read_digits", "satisfies",
]  # fmt: skip


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_COMMA_DECIMAL = _words(
    "de fr es it pt ru uk pl cs sk nl tr ro bg hr sr sl da sv nb no fi hu el lt lv et id"
)
_SPACE_GROUPING = _COMMA_DECIMAL | {"xx"}
_DIGITS = re.compile(r"(?<![\d.,])\d+(?:[.,'’\u00a0\u202f\u2009 \u066b\u066c]\d+)*")
# A number glued to a Latin word, directly or by a hyphen, is part of a name (COVID-19, F-16,
# A16, Xman52): it may match but is never reported. "10th-11th" is not such a name.
_NAME_PREFIX = re.compile(r"(?:(?<!\w)[^\W\d_]+[-‐]|[A-Za-z\u00c0-\u024f])$")
# Digits that begin an identifier ("2C_images") are not a number.
_NAME_SUFFIX = re.compile(r"[A-Za-z]+_")
_GROUP_SPACES = "\u00a0\u202f\u2009"
_CLOCK = re.compile(r"\s*(?:h\b|uhr\b)", re.IGNORECASE)
_TWELVE_HOUR = re.compile(r"\b(\d{1,2})[:.](\d{2})\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)
_BARE_TWELVE_HOUR = re.compile(r"\b(\d{1,2})\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)
"""An hour and a day half with no minutes ("7 pm"), read where the language keeps a 12-hour
clock: elsewhere "7 am" is German "7 am Montag"."""
_HOUR_WORD = re.compile(r"\s*([^\W\d_]+)\.?")
_MINUTES_AFTER = re.compile(r":\d{2}(?!\d)")
_PERCENT = re.compile(r"\s?[%％٪]")

_SCALES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "billion": 1e9,
    "billions": 1e9, "bn": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
    "tausend": 1e3, "mio": 1e6, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9,
    "mrd": 1e9, "mille": 1e3, "milliard": 1e9, "milliards": 1e9, "millón": 1e6,
    "millones": 1e6, "тыс": 1e3, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "млн": 1e6,
    "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9,
    "миллиарда": 1e9, "миллиардов": 1e9, "mln": 1e6, "mld": 1e9,
}  # fmt: skip
_SCALE_OVERRIDES: dict[str, dict[str, float]] = {
    "de": {"billion": 1e12, "billionen": 1e12},
    "fr": {"billion": 1e12, "billions": 1e12},
    "es": {"mil": 1e3, "billón": 1e12, "billones": 1e12},
    "pt": {"mil": 1e3},
    "cs": {"tis": 1e3, "mil": 1e6},
    "pl": {"tys": 1e3},
    "it": {"mila": 1e3},
}


_CJK = frozenset({"zh", "ja"})
"""Languages whose numerals are characters (evalsuite.text.cjk_numbers)."""
_MARKS = "\u0300-\u036f\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
_WORD = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{_MARKS}])*")
_APOSTROPHE_WORD = re.compile(rf"{_WORD.pattern}(?:['’]{_WORD.pattern})*")
"""Ukrainian writes an apostrophe inside words ("п'ять")."""
"""A word, with the combining marks that Devanagari vowel signs and the nukta are."""
_WORD_JOINERS = _words("and et y und и e")
_HALF_JOINERS = _words("a an un une")
_AND_A_HALF = frozenset({"and a", "and one"})
"""What joins a number to a half that adds to it, in English ("two and a half years")."""
_MARKER_JOINERS = _words("of de des di d' of")
_SOFT_MAX = 12
_MARKER_SPAN = 1000.0  # "thousands" covers [1000, 1000 * 1000)
_SCALE_AFTER = re.compile(rf"\s*({_WORD.pattern})\.?")


@dataclass(frozen=True)
class NumberMention:
    """A number in a text: its comparable `key` ("1500", "1.5"; "~1000" for "thousands"),
    character span, and whether it may go unreported (`weak`: "one", "un", "ein")."""

    key: str
    value: float
    start: int
    end: int
    text: str
    weak: bool = False
    marker: bool = False
    group: int = -1
    spelled: bool = False
    digits: str = ""
    """The value before a scale word ("98" in "98 millions"), for "from 98 to 127 million"."""
    clock: str = ""
    """An hour: `clock_times.TWELVE` ("7 pm", value 19) or `TWENTY_FOUR` ("07:30")."""
    decade: bool = False
    """A decade ("1990s", "los años 90"; `evalsuite.text.decades`)."""

    @property
    def soft(self) -> bool:
        """A small number in words ("the two sides", "six months"): translations add and
        drop these freely, so one is reported only when it replaces another number (a
        summary's, which the source must support, is always reported)."""
        return self.spelled and not self.marker and self.value <= _SOFT_MAX

    def to_span(self) -> Span:
        return Span(self.start, self.end, self.text)


def _format(value: float) -> str:
    if abs(value - round(value)) < 1e-9:
        return str(int(round(value)))
    return f"{value:.6f}".rstrip("0").rstrip(".")


@lru_cache(maxsize=8192)
def extract_numbers(text: str, lang: str) -> tuple[NumberMention, ...]:
    """Every number in `text`, read with `lang`'s separators and number words."""
    cjk = _cjk_mentions(text) if lang in _CJK else []
    digits = [d for d in _digit_mentions(text, lang) if not any(_overlap(d, c) for c in cjk)]
    digits += cjk
    words = [w for w in _word_mentions(text, lang) if not any(_overlap(w, d) for d in digits)]
    if lang == "hi":
        digits = _fractions_before_digits(text, digits, number_words(lang))
    mentions = digits + words + _abbreviated_months(text, lang)
    mentions.sort(key=lambda m: m.start)
    return tuple(_with_conversion_groups(text, mentions))


_WORD_BEFORE = re.compile(rf"({_WORD.pattern})\s$")


def _fractions_before_digits(
    text: str, mentions: list[NumberMention], table: dict[str, NumberWord]
) -> list[NumberMention]:
    """Hindi "साढ़े 3 लाख" (3.5 lakh), "सवा 2 करोड़" (2.25 crore): a fraction word before
    digits adds to the digits before their scale."""
    out = []
    for m in mentions:
        before = _WORD_BEFORE.search(text, max(0, m.start - 12), m.start)
        entry = table.get(fold(before.group(1))) if before else None
        base = _float(m.digits or m.text)
        if before and entry and entry[1] == "plus" and base:
            value = m.value / base * (base + entry[0])
            m = dataclasses.replace(m, key=_format(value), value=value, start=before.start(1),
                                    text=text[before.start(1) : m.end], digits="")  # fmt: skip
        out.append(m)
    return out


_ABBREVIATED_MONTH = re.compile(r"\b([A-Z][a-zé]{2,3})\.?(?=\s\d{1,2}\b)")


def _abbreviated_months(text: str, lang: str) -> list[NumberMention]:
    """An abbreviated month before a day ("Feb. 10", "Sept 3"): the month's number, weak like
    a month name (it matches the "2" of "2月10日", never reported)."""
    table = month_abbreviations(lang) if lang not in _CJK else {}
    out = []
    for m in _ABBREVIATED_MONTH.finditer(text) if table else ():
        number = table.get(fold(m.group(1)))
        if number is not None:
            out.append(NumberMention(str(number), float(number), m.start(1), m.end(1),
                                     m.group(1), weak=True, spelled=True))  # fmt: skip
    return out


def _overlap(a: NumberMention, b: NumberMention) -> bool:
    return a.start < b.end and b.start < a.end


def _cjk_mentions(text: str) -> list[NumberMention]:
    mentions = []
    for n in cjk_numbers(text):
        end = n.end + (1 if n.kind == "percent" and text[n.end : n.end + 1] in "%％" else 0)
        about = n.kind == "about"
        key = f"~{_format(n.value)}" if about else _format(n.value)
        weak = n.weak or n.kind == "ordinal"
        mentions.append(
            NumberMention(key, n.value, n.start, end, text[n.start : end], weak=weak,
                          marker=about, spelled=not n.digits,
                          digits=_format(n.value) if n.digits else "")
        )  # fmt: skip
    return mentions


def _clock_mentions(text: str, lang: str) -> list[NumberMention]:
    """Read "8:30 p.m." as 20 and 30, so that it equals "20:30"; "7 pm" as 19 where the
    language keeps a 12-hour clock."""
    mentions: list[NumberMention] = []
    for m in _TWELVE_HOUR.finditer(text):
        mentions += _hour_and_minutes(m.group(1), m.start(1), m.group(2), m.start(2),
                                      m.group(3))  # fmt: skip
    for m in _BARE_TWELVE_HOUR.finditer(text) if twelve_hour_clock(lang) else ():
        if 1 <= int(m.group(1)) <= 12 and not any(_inside(m.start(), c) for c in mentions):
            mentions += _hour_and_minutes(m.group(1), m.start(1), "", 0, m.group(2))
    return mentions


def _inside(at: int, mention: NumberMention) -> bool:
    return mention.start <= at < mention.end


def _hour_and_minutes(
    hour: str, at: int, minutes: str, minutes_at: int, half: str = ""
) -> list[NumberMention]:
    """An hour (of the day, with a day `half` "a"/"p") and its minutes; "00" minutes are weak
    ("19.00 Uhr" is "7 pm")."""
    value = float(hour_of_day(int(hour), half) if half else int(hour))
    clock = TWELVE if half else TWENTY_FOUR
    out = [NumberMention(_format(value), value, at, at + len(hour), hour, clock=clock)]
    if minutes:
        minute = float(minutes)
        out.append(NumberMention(_format(minute), minute, minutes_at,
                                 minutes_at + len(minutes), minutes, weak=minute == 0))  # fmt: skip
    return out


def _digit_mentions(text: str, lang: str) -> list[NumberMention]:
    mentions = _clock_mentions(text, lang)
    for raw in _DIGITS.finditer(text):
        if any(m.start <= raw.start() < m.end for m in mentions):
            continue
        for chunk, offset in _chunks(raw.group(), lang):
            start = raw.start() + offset
            end = start + len(chunk)
            if _NAME_PREFIX.search(text, max(0, start - 20), start) or _NAME_SUFFIX.match(
                text, end
            ):
                value = _parse_digits(chunk, lang)
                if value is not None:
                    mentions.append(NumberMention(_format(value), value, start, end, chunk, True))
            else:
                mentions.extend(_read_chunk(text, chunk, start, end, lang))
    return mentions


def _chunks(raw: str, lang: str) -> list[tuple[str, int]]:
    """Split a digit run at spaces that do not group thousands ("in 2019 300" -> two)."""
    parts = [(m.group(), m.start()) for m in re.finditer(r"[^ ]+", raw)]
    chunks: list[tuple[str, int]] = []
    for part, offset in parts:
        spaced = lang in _SPACE_GROUPING or _comma_decimal(lang)
        if chunks and spaced and _continues_group(chunks[-1][0], part):
            prev, prev_offset = chunks[-1]
            chunks[-1] = (raw[prev_offset : offset + len(part)], prev_offset)
        else:
            chunks.append((part, offset))
    return chunks


def _continues_group(previous: str, part: str) -> bool:
    head = re.split(r"[ " + _GROUP_SPACES + "]", previous)[0]
    return len(head) <= 3 and re.fullmatch(r"\d{3}(?:[.,]\d+)?", part) is not None


def _read_chunk(text: str, chunk: str, start: int, end: int, lang: str) -> list[NumberMention]:
    clock = re.fullmatch(r"(\d{1,2})[.](\d{2})", chunk)
    if clock and _clock_cue(text, end, lang):
        return _hour_and_minutes(clock.group(1), start, clock.group(2), end - 2)
    value = _parse_digits(chunk, lang)
    if value is None:
        return []
    if value == 0 and text[start - 1 : start] in (":", "h"):
        return [NumberMention("0", 0.0, start, end, chunk, weak=True)]  # "15:00" is "15"
    if _MINUTES_AFTER.match(text, end) and value <= 24 and not twelve_hour_clock(lang):
        return [NumberMention(_format(value), value, start, end, chunk, clock=TWENTY_FOUR)]
    digits = _format(value)
    scale = _SCALE_AFTER.match(text, end)
    factor = _scale_factor(scale.group(1), lang) if scale else None
    if scale and factor:
        value *= factor
        end = scale.end()
    percent = _PERCENT.match(text, end)
    if percent:
        end = percent.end()
    decade = not (scale and factor) and not percent and is_decade(text, start, end, value, lang)
    return [NumberMention(_format(value), value, start, end, text[start:end], digits=digits,
                          decade=decade)]  # fmt: skip


def _clock_cue(text: str, end: int, lang: str) -> bool:
    """Whether "H.MM" at `end` is a time: "h" or "Uhr" follows, or, where a decimal comma
    leaves the dot free, one of the language's hour words ("19.30 horas")."""
    if _CLOCK.match(text, end):
        return True
    word = _HOUR_WORD.match(text, end)
    return word is not None and _comma_decimal(lang) and word.group(1).lower() in hour_words(lang)


def _scale_factor(word: str, lang: str) -> float | None:
    low = word.lower()
    found = _SCALE_OVERRIDES.get(lang, {}).get(low) or _SCALES.get(low)
    if found is None and lang not in ("en", "es", "pt"):  # "mil" is a thousand there
        value, kind = number_words(lang).get(fold(word), (0.0, ""))
        found = value if kind in ("scale", "scales") else None
    return found


def _float(digits: str) -> float | None:
    try:
        return float(digits)
    except ValueError:
        return None


@lru_cache(maxsize=64)
def _comma_decimal(lang: str) -> bool:
    """Whether `lang` writes a decimal comma ("1,5"): CLDR's number symbols for it."""
    if lang in _COMMA_DECIMAL:
        return True
    from babel import Locale, UnknownLocaleError

    try:
        return bool(Locale.parse(lang).number_symbols["latn"]["decimal"] == ",")
    except (UnknownLocaleError, ValueError, KeyError):
        return False


def _parse_digits(chunk: str, lang: str) -> float | None:
    """Value of a digit string under `lang`'s decimal and grouping conventions."""
    digits = re.sub(r"['’ \u066c" + _GROUP_SPACES + "]", "", chunk)
    if "\u066b" in digits:  # the Arabic decimal separator
        return _float(digits.replace("\u066b", ".").replace(",", ""))
    decimal = "," if _comma_decimal(lang) else "."
    group = "." if decimal == "," else ","
    seps = [ch for ch in digits if ch in ".,"]
    if not seps:
        return float(digits)
    if len(set(seps)) == 2:
        last = max(digits.rfind("."), digits.rfind(","))
        whole = re.sub(r"[.,]", "", digits[:last])
        return float(f"{whole}.{digits[last + 1 :]}")
    sep = seps[0]
    parts = digits.split(sep)
    grouped = 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])
    if len(parts) > 2:
        indian = sep == "," and len(parts[-1]) == 3 and all(len(p) == 2 for p in parts[1:-1])
        return float("".join(parts)) if grouped or indian and len(parts[0]) <= 2 else None
    if grouped and sep == group:
        return float("".join(parts))
    return float(f"{parts[0]}.{parts[1]}")


def _word_mentions(text: str, lang: str) -> list[NumberMention]:
    table = number_words(lang)
    if not table:
        return []
    pattern = _APOSTROPHE_WORD if lang == "uk" else _WORD
    words = [m for m in pattern.finditer(text) if _kind(table, m) not in (None, "piece")]
    mentions: list[NumberMention] = []
    run: list[re.Match[str]] = []
    for word in words:
        if run and not _joined(text, run[-1], word, table, lang):
            mentions.extend(_word_number(text, run, table, lang))
            run = []
        run.append(word)
    if run:
        mentions.extend(_word_number(text, run, table, lang))
    if lang in COMPOUNDING:
        mentions.extend(_compounds(text, lang, table))
        mentions.sort(key=lambda m: m.start)
        mentions = _after_millions(text, mentions)
    return mentions


def _after_millions(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """"eine Million siebzehntausend", "un milione e diciassettemila": one number."""
    merged: list[NumberMention] = []
    for m in mentions:
        prev = merged[-1] if merged else None
        if (
            prev is not None and prev.spelled and m.spelled and not prev.marker and not m.marker
            and prev.value >= 1e6 and prev.value % 1e6 == 0 and m.value < 1e6
            and text[prev.end : m.start] in (" ", " e ", " und ")
        ):  # fmt: skip
            value = prev.value + m.value
            merged[-1] = dataclasses.replace(
                prev, key=_format(value), value=value, end=m.end, text=text[prev.start : m.end]
            )
            continue
        merged.append(m)
    return merged


def _kind(table: dict[str, NumberWord], word: re.Match[str]) -> str | None:
    entry = table.get(fold(word.group()))
    return entry[1] if entry else None


def _entry(table: dict[str, NumberWord], word: re.Match[str]) -> NumberWord:
    return table[fold(word.group())]


@lru_cache(maxsize=16)
def _pieces(lang: str) -> tuple[tuple[int, ...], dict[str, NumberWord]]:
    """The words a one-word compound is made of, and their lengths, longest first."""
    table = number_words(lang)
    kinds = ("add", "weak", "mul", "scale", "scales", "piece")
    pieces = {w: e for w, e in table.items() if e[1] in kinds and " " not in w}
    return tuple(sorted({len(p) for p in pieces}, reverse=True)), pieces


def _split(word: str, start: int, lengths: tuple[int, ...], pieces: dict[str, NumberWord],
           ) -> list[NumberWord] | None:  # fmt: skip
    """`word[start:]` as number pieces, longest first, backing off where the rest fails
    ("cent-ottanta" after "cento-" fails)."""
    if start == len(word):
        return []
    for length in lengths:
        piece = word[start : start + length]
        if len(piece) == length and piece in pieces:
            rest = _split(word, start + length, lengths, pieces)
            if rest is not None:
                return [pieces[piece], *rest]
    return None


def _compounds(text: str, lang: str, table: dict[str, NumberWord]) -> list[NumberMention]:
    """German and Italian numbers written as one word ("dreitausendfünfhundert", "ventitré")."""
    mentions = []
    for word in _WORD.finditer(text):
        low = fold(word.group())
        if low in table or len(low) < 7:
            continue
        value = _compound_value(low, lang)
        if value is not None:
            mentions.append(
                NumberMention(_format(value), value, word.start(), word.end(), word.group(),
                              spelled=True)
            )  # fmt: skip
    return mentions


def _compound_value(word: str, lang: str) -> float | None:
    """Value of a number word made of several pieces, or None when it is not one."""
    lengths, pieces = _pieces(lang)
    entries = _split(word, 0, lengths, pieces)
    if entries is None:
        return None
    values = [e for e in entries if e[0] != 0 or e[1] != "piece"]  # "und"
    if len(entries) < 2 or entries[0][1] == "piece" and entries[0][0] == 0:
        return None
    if entries[-1][1] == "piece" and entries[-1][0] == 0:
        return None
    return _accumulate(values, lang)


def _accumulate(entries: list[NumberWord], lang: str) -> float:
    """The value of number words in a row: units and tens add, "hundred" multiplies what is
    pending, a scale closes a group ("two million three hundred thousand"), a larger scale
    after a smaller one multiplies everything before it ("mil millones")."""
    total, current, last_scale, previous = 0.0, 0.0, 0.0, 0.0
    fraction = 0.0
    for value, kind in entries:
        if kind == "plus":
            fraction = value  # Hindi "साढ़े तीन" 3.5, "सवा लाख" 1.25 lakh, "पौने दो" 1.75
            continue
        if fraction and kind in ("add", "weak"):
            value, fraction = value + fraction, 0.0
        elif fraction and current == 0:
            current, fraction = 1.0 + fraction, 0.0
        if value == 20 and previous == 4 and current >= 4 and lang == "fr":
            current += 4 * 20 - 4  # "quatre-vingts"
        elif kind == "mul":
            current = max(current, 1.0) * value
        elif kind in ("scale", "scales"):
            if last_scale and value > last_scale:
                total = (total + max(current, 0.0)) * value
            else:
                total += max(current, 1.0) * value
            last_scale = value
            current = 0.0
        else:
            current += value
        previous = value if kind in ("add", "weak") else 0.0
    return total + current


def _joined(
    text: str,
    left: re.Match[str],
    right: re.Match[str],
    table: dict[str, NumberWord],
    lang: str,
) -> bool:
    """Whether two number words belong to one number: side by side ("twenty five"), or with
    "and" after a hundred or a thousand ("hundred and fifty"), between tens and units
    ("vingt et un", "treinta y cinco"), and always in German ("zwei und zwanzig"); "half a"
    before a scale or dozen, "and a half" after a number ("two and a half million"), and
    "tens of" before "thousands"."""
    (lvalue, lkind), (rvalue, rkind) = _entry(table, left), _entry(table, right)
    between = text[left.end() : right.start()].strip(" -").lower()
    if between == "," and lkind in ("scale", "scales") and rkind in ("add", "weak"):
        return True  # "thirty-two thousand, one hundred"
    if rkind == "half" and lkind in ("add", "weak", "scale", "scales", "mul"):
        # "two and a half", "two-and-a-half-year", "a hundred and a half"
        return lang == "en" and " ".join(between.replace("-", " ").split()) in _AND_A_HALF
    if lkind == "half":
        return rkind in ("scale", "scales", "mul") and rvalue >= 12 and (
            between == "" or between in _HALF_JOINERS
        )  # fmt: skip
    if lkind == "marker":
        return rkind in ("marker", "scales") and (between == "" or between in _MARKER_JOINERS)
    if rkind == "plus":
        return False
    if {lkind, rkind} & {"marker", "ord", "half"}:
        return False
    if between == "":
        return True
    if between not in _WORD_JOINERS:
        return False
    if lang == "de" or lkind in ("mul", "scale", "scales"):
        return True
    # "trinta e dois", "duzentos e trinta", "soixante et onze"; not "two and three"
    places = 10 ** len(str(int(rvalue)))
    return lvalue > rvalue and (lvalue % places == 0 or lvalue % 10 == 0 and rvalue < 20)


def _word_number(
    text: str, run: list[re.Match[str]], table: dict[str, NumberWord], lang: str
) -> list[NumberMention]:
    entries = [_entry(table, w) for w in run]
    if entries[-1][1] == "plus":
        return []  # "साढ़े" before digits: `_fractions_before_digits` reads it
    start, end = run[0].start(), run[-1].end()
    span = text[start:end]
    if entries[0][1] == "marker" or len(entries) == 1 and entries[0][1] == "scales":
        value = 1.0
        for v, _ in entries:
            value *= v
        key = f"~{_format(value)}"
        return [NumberMention(key, value, start, end, span, marker=True, spelled=True)]
    if entries[0][1] == "half" and len(entries) > 1:
        value = 0.5 * _accumulate(entries[1:], lang)
        return [NumberMention(_format(value), value, start, end, span, spelled=True)]
    value = _accumulate(entries, lang)
    weak = len(entries) == 1 and entries[0][1] in ("weak", "ord", "half")
    mention = NumberMention(_format(value), value, start, end, span, weak, spelled=True)
    return [mention]


def _with_conversion_groups(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """Give "190 miles (300 km)" one group id, so that either value satisfies the other."""
    result = list(mentions)
    for i in range(len(result) - 1):
        left, right = result[i], result[i + 1]
        between = text[left.end : right.start]
        after = text[right.end : right.end + 16]
        if re.fullmatch(r"\s*[^\s\d()]{0,12}\s*\(\s*[^\s\d()]{0,4}\s*", between) and re.match(
            r"\s*[^\W\d_]{0,10}\.?\s*[²³]?\)", after
        ):
            group = left.group if left.group >= 0 else i
            result[i] = _regroup(left, group)
            result[i + 1] = _regroup(right, group)
    return result


def _regroup(mention: NumberMention, group: int) -> NumberMention:
    return dataclasses.replace(mention, group=group)


def month_number(word: str, lang: str) -> int | None:
    """1-12 for a month name of `lang` ("April" -> 4, "ledna" -> 1), else None."""
    return month_names(lang).get(fold(word))


def ordinal_word(word: str, lang: str) -> bool:
    """Whether `word` is an ordinal number word of `lang` ("third"), not a month name."""
    entry = number_words(lang).get(fold(word))
    return entry is not None and entry[1] == "ord" and month_number(word, lang) is None


@lru_cache(maxsize=64)
def has_number_words(lang: str) -> bool:
    """Whether numbers written in words (or, in Chinese and Japanese, numerals) are read."""
    return lang in _CJK or any(kind != "ord" for _, kind in number_words(lang).values())


def satisfies(available: NumberMention, wanted: NumberMention) -> bool:
    """Same value; a bare number equal to the other's digits before its scale word; a year
    and its two digits written with a leading zero ("1/1/08" for 2008); an hour of a 12-hour
    clock and the same hour of the day ("7 pm" / "19:00"); a decade with and without its
    century ("the 1990s" / "los años 90"); or a magnitude word and a number of that magnitude."""
    if available.key == wanted.key or _short_year(available, wanted):
        return True
    a, w = available, wanted
    if same_hour(a.clock, a.text, w.clock, w.value) or same_hour(w.clock, w.text, a.clock, a.value):
        return True
    if a.decade and w.decade and same_decade(a.value, a.text, w.value, w.text):
        return True
    scaled = {available.digits != available.key, wanted.digits != wanted.key}
    if available.digits and available.digits == wanted.digits and scaled == {True, False}:
        return True
    marker, number = (available, wanted) if available.marker else (wanted, available)
    if marker.marker and number.marker:
        return _countless(available, wanted)
    if not marker.marker:
        return False
    return marker.value <= number.value < marker.value * _MARKER_SPAN


def _countless(a: NumberMention, b: NumberMention) -> bool:
    """Two magnitude words: "hundreds" is not "thousands", but a weak one (an idiom that
    means "countless": "千千万万", "成千上万") is any magnitude from its own up ("millions")."""
    low, high = sorted((a, b), key=lambda m: m.value)
    return low.weak and not high.weak or a.value == b.value


def _short_year(a: NumberMention, b: NumberMention) -> bool:
    short, year = (a, b) if len(a.text) == 2 else (b, a)
    return (
        re.fullmatch(r"0\d", short.text) is not None and 2000 <= year.value <= 2009
        and year.value % 100 == short.value and re.fullmatch(r"\d{4}", year.text) is not None
    )  # fmt: skip


def number_key(value: float) -> str:
    """The comparable key of a value ("1500", "1.5")."""
    return _format(value)


def read_digits(chunk: str, lang: str) -> float | None:
    """The value of a string of digits and separators, as `lang` writes them ("1.000,5"), or
    None when it is not one number."""
    try:
        return _parse_digits(chunk, lang)
    except ValueError:
        return None
