"""Does a Japanese katakana word render an English word? ("グース" / "goose", "ボガー" /
"booger", "スターツ" / "starts").

A katakana run no dictionary knows is taken for a name, yet many are loanwords, and a
translation writes them as lowercase English words. Comparing the romaji reading with the
English spelling as it stands fails where Japanese renders English sounds its own way, so the
English word is first put in the shape katakana gives it: the r after a vowel is not
pronounced (British English, which katakana follows: "booger" -> ブーガー), a final silent e
is dropped, and a plural's -s or -es may be left off (katakana nouns have no plural). Then
the two must have the same consonant classes (`evalsuite.text.phonetic`), the same first
sound, and spellings not far apart (Jaro-Winkler with l/r and b/v merged), which keeps
"gusu" from "case" and "gas".
"""

from __future__ import annotations

import re
from functools import lru_cache

from evalsuite.text.memo_sizes import WORD_MEMO
from evalsuite.text.normalize import jaro_winkler
from evalsuite.text.phonetic import first_class, phonetic_keys

__all__ = ["english_shapes", "renders_english"]

_MIN_WORD = 3
_MIN_JW = 0.7
_SILENT_R = re.compile(r"(?<=[aeiouy])r(?![aeiouy])")
_VOWELS = "aeiouy"


def english_shapes(word: str) -> tuple[str, ...]:
    """`word` (lowercase Latin) as katakana would shape it: with and without its plural
    ending, without an r that follows a vowel and a final silent e."""
    forms = [word]
    if word.endswith("es") and len(word) > _MIN_WORD + 2:
        forms.append(word[:-2])
    if word.endswith("s") and len(word) > _MIN_WORD + 1:
        forms.append(word[:-1])
    out: list[str] = []
    for form in forms:
        shaped = _SILENT_R.sub("", form)
        if shaped.endswith("e") and len(shaped) > _MIN_WORD:
            shaped = shaped[:-1]
        out.extend((form, shaped))
    return tuple(dict.fromkeys(f for f in out if f))


def _onset(latin: str) -> str:
    first = first_class(latin)
    return "V" if first and first in _VOWELS else first


def _loose(latin: str) -> str:
    return latin.replace("r", "l").replace("v", "b")


@lru_cache(maxsize=WORD_MEMO)
def renders_english(reading: str, word: str) -> bool:
    """Whether a katakana word read as `reading` (romaji) renders the English `word`."""
    if len(reading) < _MIN_WORD or len(word) < _MIN_WORD or not word.isalpha():
        return False
    keys = set(phonetic_keys(reading))
    for shape in english_shapes(word.lower()):
        if (
            keys & set(phonetic_keys(shape))
            and _onset(shape) == _onset(reading)
            and jaro_winkler(_loose(reading), _loose(shape)) >= _MIN_JW
        ):
            return True
    return False
