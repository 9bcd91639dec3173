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

__all__ = [
    "NumberMention", "extract_numbers", "has_number_words", "month_number", "ordinal_word",
    "satisfies",
]  # fmt: skip


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_COMMA_DECIMAL = _words(
    "de fr es it pt ru uk pl cs sk nl tr ro bg hr sr sl da sv nb no fi hu el lt lv et id"
)
_SPACE_GROUPING = _COMMA_DECIMAL | {"xx"}
_DIGITS = re.compile(r"(?<![\d.,])\d+(?:[.,'’\u00a0\u202f\u2009 ]\d+)*")
# A number glued to a Latin word, directly or by a hyphen, is part of a name (COVID-19, F-16,
# A16, Xman52): it may match but is never reported. "10th-11th" is not such a name.
_NAME_PREFIX = re.compile(r"(?:(?<!\w)[^\W\d_]+[-‐]|[A-Za-z\u00c0-\u024f])$")
_GROUP_SPACES = "\u00a0\u202f\u2009"
_CLOCK = re.compile(r"\s*(?:h\b|uhr\b)", re.IGNORECASE)
_TWELVE_HOUR = re.compile(r"\b(\d{1,2})[:.](\d{2})\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)
_PERCENT = re.compile(r"\s?%")

_SCALES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "billion": 1e9,
    "billions": 1e9, "bn": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
    "tausend": 1e3, "mio": 1e6, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9,
    "mrd": 1e9, "mille": 1e3, "milliard": 1e9, "milliards": 1e9, "millón": 1e6,
    "millones": 1e6, "тыс": 1e3, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "млн": 1e6,
    "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9,
    "миллиарда": 1e9, "миллиардов": 1e9,
}  # fmt: skip
_SCALE_OVERRIDES: dict[str, dict[str, float]] = {
    "de": {"billion": 1e12, "billionen": 1e12},
    "fr": {"billion": 1e12, "billions": 1e12},
    "es": {"mil": 1e3, "billón": 1e12, "billones": 1e12},
    "pt": {"mil": 1e3},
}
_SCALE_AFTER = re.compile(r"\s*([^\W\d_]+)\.?", re.UNICODE)


def _table(entries: str) -> dict[str, tuple[float, str]]:
    """Parse "word=value:kind ..." into {word: (value, kind)}."""
    table: dict[str, tuple[float, str]] = {}
    for entry in entries.split():
        word, spec = entry.split("=")
        value, kind = spec.split(":")
        table[word] = (float(value), kind)
    return table


# kinds: add (units, tens), weak (also an article or pronoun), mul (hundred), scale, marker,
# ord (an ordinal, also a fraction: "a third"; it may match "3rd" but is never reported).
_WORDS: dict[str, dict[str, tuple[float, str]]] = {
    "en": _table(
        "zero=0:add one=1:weak two=2:add three=3:add four=4:add five=5:add six=6:add "
        "seven=7:add eight=8:add nine=9:add ten=10:add eleven=11:add twelve=12:add "
        "thirteen=13:add fourteen=14:add fifteen=15:add sixteen=16:add seventeen=17:add "
        "eighteen=18:add nineteen=19:add twenty=20:add thirty=30:add forty=40:add fifty=50:add "
        "sixty=60:add seventy=70:add eighty=80:add ninety=90:add dozen=12:add hundred=100:mul "
        "thousand=1000:scale million=1000000:scale billion=1000000000:scale "
        "trillion=1000000000000:scale dozens=12:marker hundreds=100:marker "
        "thousands=1000:marker millions=1000000:marker billions=1000000000:marker "
        "twenties=20:add thirties=30:add forties=40:add fifties=50:add sixties=60:add "
        "seventies=70:add eighties=80:add nineties=90:add first=1:ord second=2:ord "
        "third=3:ord fourth=4:ord fifth=5:ord sixth=6:ord seventh=7:ord eighth=8:ord "
        "ninth=9:ord tenth=10:ord eleventh=11:ord twelfth=12:ord"
    ),
    "fr": _table(
        "un=1:weak une=1:weak deux=2:add trois=3:add quatre=4:add cinq=5:add six=6:add "
        "sept=7:add huit=8:add neuf=9:weak dix=10:add onze=11:add douze=12:add treize=13:add "
        "quatorze=14:add quinze=15:add seize=16:add vingt=20:add vingts=20:add trente=30:add "
        "quarante=40:add cinquante=50:add soixante=60:add cent=100:mul cents=100:mul "
        "mille=1000:scale million=1000000:scale millions=1000000:scale "
        "milliard=1000000000:scale milliards=1000000000:scale dizaines=10:marker "
        "centaines=100:marker milliers=1000:marker"
    ),
    "es": _table(
        "un=1:weak uno=1:weak una=1:weak dos=2:add tres=3:add cuatro=4:add cinco=5:add "
        "seis=6:add siete=7:add ocho=8:add nueve=9:add diez=10:add once=11:add doce=12:add "
        "trece=13:add catorce=14:add quince=15:add veinte=20:add treinta=30:add "
        "cuarenta=40:add cincuenta=50:add sesenta=60:add setenta=70:add ochenta=80:add "
        "noventa=90:add cien=100:add ciento=100:add doscientos=200:add trescientos=300:add "
        "quinientos=500:add mil=1000:scale millón=1000000:scale millones=1000000:scale "
        "decenas=10:marker cientos=100:marker miles=1000:marker"
    ),
    "de": _table(
        "ein=1:weak eine=1:weak einen=1:weak einem=1:weak einer=1:weak eins=1:weak zwei=2:add "
        "drei=3:add vier=4:add fünf=5:add sechs=6:add sieben=7:add acht=8:add neun=9:add "
        "zehn=10:add elf=11:add zwölf=12:add zwanzig=20:add dreißig=30:add vierzig=40:add "
        "fünfzig=50:add hundert=100:mul tausend=1000:scale million=1000000:scale "
        "millionen=1000000:scale milliarde=1000000000:scale milliarden=1000000000:scale "
        "dutzende=12:marker hunderte=100:marker tausende=1000:marker"
    ),
    "ru": _table(
        "один=1:weak одна=1:weak одно=1:weak одного=1:weak одной=1:weak два=2:add две=2:add "
        "двух=2:add три=3:add трёх=3:add трех=3:add четыре=4:add четырёх=4:add четырех=4:add "
        "пять=5:add пяти=5:add шесть=6:add шести=6:add семь=7:add семи=7:add восемь=8:add "
        "восьми=8:add девять=9:add девяти=9:add десять=10:add десяти=10:add двадцать=20:add "
        "тридцать=30:add сорок=40:add пятьдесят=50:add сто=100:add тысяча=1000:scale "
        "тысячи=1000:scale тысяч=1000:scale миллион=1000000:scale миллиона=1000000:scale "
        "миллионов=1000000:scale миллиард=1000000000:scale"
    ),
}
_MONTHS = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}


def _add_months(words: dict[str, dict[str, tuple[float, str]]]) -> None:
    """Month names match a month written in digits ("December 6" / "12月6日", "6.12.") but,
    like ordinals, are never reported themselves."""
    for lang, names in _MONTHS.items():
        for number, name in enumerate(names.split(), start=1):
            words[lang].setdefault(name, (float(number), "ord"))


_add_months(_WORDS)
_WORD_JOINERS = _words("and et y und и")
_SOFT_MAX = 12
_MARKER_SPAN = 1000.0  # "thousands" covers [1000, 1000 * 1000)


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
    digits = _digit_mentions(text, lang)
    words = [w for w in _word_mentions(text, lang) if not any(_overlap(w, d) for d in digits)]
    mentions = digits + words
    mentions.sort(key=lambda m: m.start)
    return tuple(_with_conversion_groups(text, mentions))


def _overlap(a: NumberMention, b: NumberMention) -> bool:
    return a.start < b.end and b.start < a.end


def _clock_mentions(text: str) -> list[NumberMention]:
    """Read "8:30 p.m." as 20 and 30, so that it equals "20:30"."""
    mentions: list[NumberMention] = []
    for m in _TWELVE_HOUR.finditer(text):
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
        minute = float(m.group(2))
        mentions.append(NumberMention(str(hour), hour, m.start(1), m.end(1), m.group(1)))
        mentions.append(NumberMention(_format(minute), minute, m.start(2), m.end(2), m.group(2)))
    return mentions


def _digit_mentions(text: str, lang: str) -> list[NumberMention]:
    mentions = _clock_mentions(text)
    for raw in _DIGITS.finditer(text):
        if any(m.start <= raw.start() < m.end for m in mentions):
            continue
        for chunk, offset in _chunks(raw.group(), lang):
            start = raw.start() + offset
            end = start + len(chunk)
            if _NAME_PREFIX.search(text, max(0, start - 20), start):
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
        if chunks and lang in _SPACE_GROUPING and _continues_group(chunks[-1][0], part):
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
    if clock and _CLOCK.match(text, end):
        hours, minutes = clock.group(1), clock.group(2)
        return [
            NumberMention(_format(float(hours)), float(hours), start, start + len(hours), hours),
            NumberMention(_format(float(minutes)), float(minutes), end - 2, end, minutes),
        ]
    value = _parse_digits(chunk, lang)
    if value is None:
        return []
    if value == 0 and text[start - 1 : start] in (":", "h"):
        return [NumberMention("0", 0.0, start, end, chunk, weak=True)]  # "15:00" is "15"
    digits = _format(value)
    scale = _SCALE_AFTER.match(text, end)
    factor = _scale_factor(scale.group(1), lang) if scale else None
    if scale and factor:
        value *= factor
        end = scale.end()
    percent = _PERCENT.match(text, end)
    if percent:
        end = percent.end()
    return [NumberMention(_format(value), value, start, end, text[start:end], digits=digits)]


def _scale_factor(word: str, lang: str) -> float | None:
    low = word.lower()
    return _SCALE_OVERRIDES.get(lang, {}).get(low) or _SCALES.get(low)


def _parse_digits(chunk: str, lang: str) -> float | None:
    """Value of a digit string under `lang`'s decimal and grouping conventions."""
    digits = re.sub(r"['’ " + _GROUP_SPACES + "]", "", chunk)
    decimal = "," if lang in _COMMA_DECIMAL else "."
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
        return float("".join(parts)) if grouped else None
    if grouped and sep == group:
        return float("".join(parts))
    return float(f"{parts[0]}.{parts[1]}")


def _word_mentions(text: str, lang: str) -> list[NumberMention]:
    table = _WORDS.get(lang)
    if not table:
        return []
    words = [m for m in re.finditer(r"[^\W\d_]+", text) if m.group().lower() in table]
    mentions: list[NumberMention] = []
    run: list[re.Match[str]] = []
    for word in words:
        if run and not _joined(text, run[-1], word, table):
            mentions.extend(_word_number(text, run, table))
            run = []
        run.append(word)
    if run:
        mentions.extend(_word_number(text, run, table))
    if lang == "de":
        mentions.extend(_german_compounds(text, table))
        mentions.sort(key=lambda m: m.start)
    return mentions


# German writes numbers below a million as one word ("zweiundzwanzig", "dreitausendfünfhundert").
_DE_PIECES: dict[str, float] = {
    "eins": 1, "ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
    "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "sech": 6, "sieb": 7,
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
    "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000, "und": 0,
}  # fmt: skip
_DE_PIECE = re.compile("|".join(sorted(_DE_PIECES, key=len, reverse=True)))


def _german_compounds(text: str, table: dict[str, tuple[float, str]]) -> list[NumberMention]:
    mentions = []
    for word in re.finditer(r"[^\W\d_]+", text):
        low = word.group().lower()
        if low in table or len(low) < 7:
            continue
        value = _german_compound_value(low)
        if value is not None:
            mentions.append(
                NumberMention(_format(value), value, word.start(), word.end(), word.group(),
                              spelled=True)
            )  # fmt: skip
    return mentions


def _german_compound_value(word: str) -> float | None:
    """Value of a German number word made of several pieces, or None when it is not one."""
    pieces: list[str] = []
    i = 0
    while i < len(word):
        piece = _DE_PIECE.match(word, i)
        if piece is None:
            return None
        pieces.append(piece.group())
        i = piece.end()
    if len(pieces) < 2 or pieces[0] == "und" or pieces[-1] == "und":
        return None
    total, current = 0.0, 0.0
    for name in pieces:
        if name == "hundert":
            current = max(current, 1.0) * 100
        elif name == "tausend":
            total += max(current, 1.0) * 1000
            current = 0.0
        elif name == "zehn" and 0 < current % 100 < 10:
            current += 10  # "dreizehn", "siebzehn"
        else:
            current += _DE_PIECES[name]
    return total + current


def _joined(
    text: str, left: re.Match[str], right: re.Match[str], table: dict[str, tuple[float, str]]
) -> bool:
    kinds = {table[left.group().lower()][1], table[right.group().lower()][1]}
    if kinds & {"marker", "ord"}:
        return False
    between = text[left.end() : right.start()].strip(" -").lower()
    return between == "" or between in _WORD_JOINERS


def _word_number(
    text: str, run: list[re.Match[str]], table: dict[str, tuple[float, str]]
) -> list[NumberMention]:
    entries = [table[w.group().lower()] for w in run]
    start, end = run[0].start(), run[-1].end()
    if entries[0][1] == "marker":
        value = entries[0][0]
        key = f"~{_format(value)}"
        return [NumberMention(key, value, start, end, text[start:end], marker=True, spelled=True)]
    total, current = 0.0, 0.0
    for value, kind in entries:
        if kind == "mul":
            current = max(current, 1.0) * value
        elif kind == "scale":
            total += max(current, 1.0) * value
            current = 0.0
        elif current and value == 20 and current in (4.0,):
            current *= value  # "quatre-vingts"
        else:
            current += value
    value = total + current
    weak = len(entries) == 1 and entries[0][1] in ("weak", "ord")
    mention = NumberMention(_format(value), value, start, end, text[start:end], weak, spelled=True)
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


@lru_cache(maxsize=32)
def _month_numbers(lang: str) -> dict[str, int]:
    names = _MONTHS.get(lang, "").split()
    return {name: number for number, name in enumerate(names, start=1)}


def month_number(word: str, lang: str) -> int | None:
    """1-12 for a month name of `lang` ("April" -> 4), else None."""
    return _month_numbers(lang).get(word.lower())


def ordinal_word(word: str, lang: str) -> bool:
    """Whether `word` is an ordinal number word of `lang` ("third"), not a month name."""
    entry = _WORDS.get(lang, {}).get(word.lower())
    return entry is not None and entry[1] == "ord" and month_number(word, lang) is None


def has_number_words(lang: str) -> bool:
    """Whether numbers written in words are read for `lang`."""
    return lang in _WORDS


def satisfies(available: NumberMention, wanted: NumberMention) -> bool:
    """Same value; a bare number equal to the other's digits before its scale word; or a
    magnitude word and a number of that magnitude."""
    if available.key == wanted.key:
        return True
    scaled = {available.digits != available.key, wanted.digits != wanted.key}
    if available.digits and available.digits == wanted.digits and scaled == {True, False}:
        return True
    marker, number = (available, wanted) if available.marker else (wanted, available)
    if not marker.marker or number.marker:
        return False
    return marker.value <= number.value < marker.value * _MARKER_SPAN
