"""Names in Japanese: UniDic's proper nouns (固有名詞: people, places, bodies) as MeCab tags
them (fugashi with unidic-lite), katakana runs the lexicon does not know, and Latin words.

Each name carries its reading in romaji (MeCab's kana reading through anyascii: "甲府" ->
"koufu"), and for a loanword UniDic's origin ("アマゾン" has lemma "アマゾン-Amazon"), so it
can be compared with the Latin spelling of a translation. Katakana words the lexicon knows, or
that UniDic lists as ordinary nouns of foreign origin ("ユーザー-user"), are loanwords
("キャンペーン", "ウイルス"), not names; a compound of katakana words the lexicon knows
("ソックパペット", sock puppet) is a weak name (a loanword, or a name made of words), and so
is a proper noun UniDic finds inside such a compound ("ジャック" of "ジャックブーツ",
jackboots). Spaces between Japanese characters (pre-tokenised text) are ignored.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from evalsuite.text.memo_sizes import WORD_MEMO
from evalsuite.text.names import Name, NamePart
from evalsuite.text.names.common import compact, known, latin_names, uncompact
from evalsuite.text.phonetic import latin_form

__all__ = ["find", "reading", "tokens"]

_KATAKANA = re.compile(r"[\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]{2,}")
_KATAKANA_WORD = re.compile(r"[\u30a0-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f]{2,}")
"""A katakana run without the interpunct "・", which joins the words of one name."""
_LABELS = {"人名": "PERSON", "地名": "LOC"}
_ORIGIN = re.compile(r"-([A-Za-z][A-Za-z .'-]*)$")


def tokens(text: str) -> list[tuple[str, int, int, Any]]:
    """MeCab tokens of `text`: (surface, start, end, features)."""
    from evalsuite.align.words import _fugashi

    out = []
    position = 0
    for token in _fugashi()(text):
        start = text.find(token.surface, position)
        if start < 0:
            continue
        position = start + len(token.surface)
        out.append((token.surface, start, position, token.feature))
    return out


def reading(surface: str, feature: Any) -> str:
    """A token's reading in romaji (its kana reading, else its surface, through anyascii)."""
    kana = getattr(feature, "kana", None)
    source = kana if kana and kana != "*" else surface
    return latin_form(str(source)).replace(" ", "")


def _latin(surface: str, feature: Any) -> tuple[str, ...]:
    forms = []
    lemma = getattr(feature, "lemma", None) or ""
    origin = _ORIGIN.search(str(lemma))
    if origin:
        forms.append(latin_form(origin.group(1)).replace(" ", ""))
    forms.append(reading(surface, feature))
    return tuple(dict.fromkeys(f for f in forms if f))


def _loanword(feature: Any) -> bool:
    """An ordinary noun UniDic knows a foreign origin for."""
    lemma = str(getattr(feature, "lemma", None) or "")
    return getattr(feature, "pos2", None) == "普通名詞" and _ORIGIN.search(lemma) is not None


_MIN_PIECE = 2


@lru_cache(maxsize=WORD_MEMO)
def _pieces_known(rest: str, *, top: bool = False) -> bool:
    """Whether a katakana run splits into katakana words the lexicon knows, of two characters
    or more, longest first ("ジャックブーツ" = ジャック + ブーツ); `top`: not the run whole."""
    if not rest:
        return True
    for cut in range(len(rest) - (1 if top else 0), _MIN_PIECE - 1, -1):
        head = rest[:cut]
        if head[0] != "ー" and known(head, "ja") and _pieces_known(rest[cut:]):
            return True
    return False


def _loanword_piece(start: int, end: int, text: str, toks: list[Any]) -> bool:
    """A katakana proper noun that is only a piece of a longer katakana run whose other
    tokens are ordinary loanwords (UniDic's or the lexicon's): "ジャック" of "ジャックブーツ"
    (jackboots) is no person; "アマゾン" of "アマゾン・ドット・コム" is one word of a name."""
    for match in _KATAKANA_WORD.finditer(text):
        if match.start() <= start and end <= match.end() and (start, end) != match.span():
            rest = [t for t in toks if match.start() <= t[1] and t[2] <= match.end()]
            others = [t for t in rest if not (start <= t[1] and t[2] <= end)]
            return bool(others) and all(
                len(t[0].strip("ー")) >= _MIN_PIECE and (_loanword(t[3]) or known(t[0], "ja"))
                for t in others
            )  # not a long-vowel mark the tokenizer left apart ("グアラニ" + "ー")
    return False


def _proper(feature: Any) -> bool:
    return getattr(feature, "pos2", None) == "固有名詞"


def find(text: str) -> list[Name]:
    compacted, offsets = compact(text)
    return uncompact(_find(compacted), text, offsets)


def _find(text: str) -> list[Name]:
    toks = tokens(text)
    names: list[Name] = []
    i = 0
    while i < len(toks):
        if not _proper(toks[i][3]):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and _proper(toks[j + 1][3]) and toks[j + 1][1] == toks[j][2]:
            j += 1
        group = toks[i : j + 1]
        start, end = group[0][1], group[-1][2]
        label = _LABELS.get(getattr(group[0][3], "pos3", ""), "MISC")
        parts = tuple(NamePart(s, a, b, _latin(s, f)) for s, a, b, f in group)
        strong = not _loanword_piece(start, end, text, toks)
        names.append(Name(text[start:end], start, end, label, "unidic", strong, parts))
        i = j + 1
    taken = [(n.start, n.end) for n in names]
    for match in _KATAKANA.finditer(text):
        start, end = match.start(), match.end()
        if any(s < end and start < e for s, e in taken) or known(match.group(), "ja"):
            continue
        inside = [t for t in toks if start <= t[1] and t[2] <= end]
        if inside and all(_loanword(t[3]) for t in inside):
            continue  # UniDic's ordinary loanwords ("ユーザー-user", "ページ-page")
        forms = tuple(f for t in inside for f in _latin(t[0], t[3])) or (latin_form(match.group()),)
        joined = latin_form(match.group()).replace(" ", "")
        part = NamePart(match.group(), start, end, tuple(dict.fromkeys((joined, *forms))))
        # A compound of known loanwords is weak: evidence, never reported missing.
        strong = not _pieces_known(match.group(), top=True)
        names.append(Name(match.group(), start, end, "MISC", "katakana", strong, (part,)))
    names.extend(latin_names(text))
    return names
