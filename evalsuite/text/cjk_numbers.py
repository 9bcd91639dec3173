"""Chinese and Japanese numbers: numerals (三, 两, 〇), their place words (十 百 千) and
myriad scales (万 亿/億 兆), mixed with digits ("9.1万", "１万１０００", "3万5千"), clock
halves ("9点半", "9時半"), percentages ("百分之三十", "３０％"), ordinals ("第三"),
approximate pairs ("七八个": seven or eight), year digits ("二〇二〇年"), magnitudes
("数千", "几百", "成千上万", "千千万万": thousands, hundreds), tenths as percentages ("三割",
"三成": 30 %) and era years read as the Gregorian year a translation writes ("令和3年",
"平成元年", "民国110年": 2021, 1989, 2021).

Numerals are also parts of words (十分 "very", 一直 "always", 千万 "by all means", 万一 "in
case"): a run written only in numerals counts as a number when a counter, unit or time word
follows it (三个, 五名, 十年, 千里, 两千万元), as Chinese and Japanese grammar has numbers
take; otherwise it is `weak` (it may match a number of the other text but is never
reported).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CjkNumber", "cjk_numbers"]

_DIGIT_VALUES = {
    "〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "兩": 2, "三": 3, "叁": 3,
    "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_PLACES = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_SCALES = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
_NUMERAL = "".join(_DIGIT_VALUES) + "".join(_PLACES) + "".join(_SCALES)
_ARABIC = r"\d+(?:[.．,，]\d+)*"
_RUN = re.compile(rf"(?:{_ARABIC}|[{_NUMERAL}])+")
# What may follow a number: classifiers, counters, units, time and currency words.
_COUNTERS = (
    "个個名位人口年岁歳才月日号號天周週星小时時分秒次回遍倍家座条條只隻头頭匹件种種类類项項架"
    "辆輛艘所部本台张張片块塊元角円美欧英公米里吨噸斤克度层層楼樓届屆场場轮輪起例份支枚颗顆粒"
    "首篇章节節期批组組队隊双雙对對套门門间間亩畝平多余餘来來%％つ箇ヶカケか社店軒校機発点點番"
    "階票钟鐘世纪紀代季"
)
_AFTER_CLOCK = re.compile(r"[点點時]半")
_PERCENT_BEFORE = re.compile(r"百分之$")
_PERCENT_AFTER = re.compile(r"[%％]")
_ABOUT_BEFORE = re.compile(r"[几幾数數]$")
_ORDINAL_BEFORE = re.compile(r"第$")
_ERAS = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019, "民国": 1912,
         "民國": 1912}  # fmt: skip
"""First Gregorian year of each Japanese era (Meiji to Reiwa) and of the Republic of China
calendar (民国元年 = 1912): an era year n is the first year plus n - 1."""
_ERA_YEAR = re.compile(rf"({'|'.join(_ERAS)})\s*(元|{_ARABIC}|[〇零一二三四五六七八九十]+)\s*年")
_TENTHS = re.compile(r"[割成](?![为為立功长長本员員就果绩績熟人不])")
"""割 (Japanese) and 成 (Chinese) after a number count tenths: "三割", "三成" = 30 %; not
成 opening a word ("一成不变" is no 10 %; 成为 "become", 成立 "found")."""
_MAGNITUDE_CHARS = "十百千万萬亿億"
_MAGNITUDE_IDIOM = re.compile(
    rf"([{_MAGNITUDE_CHARS}])\1([{_MAGNITUDE_CHARS}])\2"
    rf"|成([{_MAGNITUDE_CHARS}])上[{_MAGNITUDE_CHARS}]"
)
"""Magnitudes said by doubling or by "成…上…": "千千万万", "成千上万" (thousands upon
thousands), "成百上千" (hundreds): about the first magnitude, not 20,010,000; weak, as a
translation may say "countless" or "millions" for them."""


@dataclass(frozen=True)
class CjkNumber:
    """One number read from Chinese or Japanese text."""

    value: float
    start: int
    end: int
    digits: bool
    """Written with digits at least in part ("9.1万"): never a part of a word."""
    weak: bool = False
    kind: str = "number"
    """number, percent, ordinal, minute (the 30 of "9点半"), or about ("数千": thousands)."""


def cjk_numbers(text: str) -> list[CjkNumber]:
    """Every number of a Chinese or Japanese `text`, in text order."""
    found: list[CjkNumber] = []
    taken: list[tuple[int, int]] = []
    for era in _ERA_YEAR.finditer(text):
        year = 1.0 if era.group(2) == "元" else _value(era.group(2))
        if year is not None and year >= 1:
            digits = any(ch.isdigit() for ch in era.group(2))
            gregorian = _ERAS[era.group(1)] + year - 1
            found.append(CjkNumber(gregorian, era.start(), era.end(2), digits))
            taken.append((era.start(), era.end(2)))
    for idiom in _MAGNITUDE_IDIOM.finditer(text):
        first = idiom.group(1) or idiom.group(3)
        magnitude = float(_PLACES.get(first) or _SCALES[first])
        found.append(CjkNumber(magnitude, idiom.start(), idiom.end(), False, True, "about"))
        taken.append(idiom.span())
    for run in _RUN.finditer(text):
        start, end = run.start(), run.end()
        chunk = run.group()
        if any(a <= start and end <= b for a, b in taken):
            continue
        tenths = _value(chunk) if _TENTHS.match(text, end) else None
        if tenths is not None and tenths <= 10:
            digits = any(ch.isdigit() for ch in chunk)
            found.append(CjkNumber(tenths * 10, start, end + 1, digits, False, "percent"))
            continue
        clock_half = _AFTER_CLOCK.match(text, end)
        if clock_half:
            found.append(CjkNumber(30, clock_half.end() - 1, clock_half.end(), False, False,
                                   "minute"))  # fmt: skip
        if chunk.isascii() and not any(ch in _NUMERAL for ch in chunk):
            continue  # plain digits: read with the digit rules
        if chunk.endswith("百") and text.startswith("分之", end):
            chunk, end = chunk[:-1], end - 1  # 百分之: "per hundred", a percent sign
            if not chunk:
                continue
        digits = any(ch.isdigit() for ch in chunk)
        before = text[max(0, start - 3) : start]
        if _PERCENT_BEFORE.search(before) and not digits:
            found.extend(_read_run(chunk, start, True, "percent", False))
            continue
        if (chunk[0] in _PLACES or chunk[0] in _SCALES) and _ABOUT_BEFORE.search(before):
            value = _value(chunk)
            if value is not None and not digits:
                found.append(CjkNumber(value, start - 1, end, False, False, "about"))
                continue
        follows = text[end : end + 1]
        counted = bool(follows) and follows in _COUNTERS and not _lexical_fen(chunk, text, end)
        kind = "ordinal" if _ORDINAL_BEFORE.search(before) else "number"
        if _PERCENT_AFTER.match(text, end):
            kind, counted = "percent", True
        found.extend(_read_run(chunk, start, digits or counted, kind, digits))
    found.sort(key=lambda n: n.start)
    return found


def _lexical_fen(chunk: str, text: str, end: int) -> bool:
    """十分 ("very", "enough") and 一分 are words; 十分钟 is ten minutes."""
    return text[end] == "分" and not any(ch.isdigit() for ch in chunk) and (
        text[end + 1 : end + 2] not in ("钟", "鐘")
    )  # fmt: skip


def _read_run(
    chunk: str, start: int, strong: bool, kind: str, digits: bool
) -> list[CjkNumber]:
    value = _value(chunk)
    if value is not None:
        return [CjkNumber(value, start, start + len(chunk), digits, not strong, kind)]
    # "七八个" (seven or eight), "三四天": two numbers side by side.
    if len(chunk) == 2 and all(ch in _DIGIT_VALUES for ch in chunk):
        return [
            CjkNumber(_DIGIT_VALUES[ch], start + i, start + i + 1, False, not strong, kind)
            for i, ch in enumerate(chunk)
        ]
    return []


def _value(chunk: str) -> float | None:
    """The value of a run of numerals and digits, or None when it is no one number."""
    if all(ch in _DIGIT_VALUES for ch in chunk):
        if len(chunk) == 1:
            return float(_DIGIT_VALUES[chunk])
        if len(chunk) >= 3 or "〇" in chunk or "零" in chunk:
            return float("".join(str(_DIGIT_VALUES[ch]) for ch in chunk))  # 二〇二〇
        return None
    total, section, current = 0.0, 0.0, None
    last_scale = 0.0
    pending_digit = False
    i = 0
    while i < len(chunk):
        arabic = re.match(_ARABIC, chunk[i:])
        if arabic:
            if current is not None:
                return None
            current = _arabic(arabic.group())
            if current is None:
                return None
            i += arabic.end()
            pending_digit = False
            continue
        ch = chunk[i]
        if ch in _DIGIT_VALUES:
            if current is not None and pending_digit and _DIGIT_VALUES[ch] != 0:
                return None  # two numerals with no place word between: not one number
            if _DIGIT_VALUES[ch] != 0:
                current = float(_DIGIT_VALUES[ch])
                pending_digit = True
        elif ch in _PLACES:
            section += (current if current is not None else 1.0) * _PLACES[ch]
            current, pending_digit = None, False
        else:
            scale = _SCALES[ch]
            group = section + (current or 0.0)
            if scale > last_scale and last_scale:
                total = (total + group) * scale
            else:
                total += (group or 1.0) * scale
            last_scale = scale
            section, current, pending_digit = 0.0, None, False
        i += 1
    return total + section + (current or 0.0)


def _arabic(digits: str) -> float | None:
    plain = digits.replace("．", ".").replace("，", ",").replace(",", "")
    try:
        return float(plain)
    except ValueError:
        return None
