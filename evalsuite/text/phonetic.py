"""A coarse sound key for names written in different scripts ("Germany" / "जर्मनी" / "Германии",
"Trump" / "トランプ" / "特朗普" in pinyin "telangpu").

Transliteration alone does not make two spellings of one name equal: Hindi drops vowels
("jrmni"), Japanese adds them ("toranpu"), Chinese has no r ("telangpu"), Russian declines
("Sholtsem"). What survives is the order of consonants up to their place of articulation, as in
Soundex (Russell and Odell, 1918): labials, dentals, velars and sibilants, liquids, nasals. The
key keeps one class letter per consonant group, merges l/r (neither Chinese nor Japanese
distinguishes them in loanwords) and drops vowels, h, y and repeated classes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

from evalsuite.text.memo_sizes import WORD_MEMO
from evalsuite.text.normalize import edit_distance, jaro_winkler

__all__ = [
    "first_class",
    "latin_form",
    "phonetic_key",
    "phonetic_keys",
    "sounds_alike",
    "sounds_close",
]

_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("tsch", "c"),
    ("tch", "c"),
    ("dzh", "j"),
    ("sch", "s"),
    ("ph", "f"),
    ("th", "t"),
    ("kh", "k"),
    ("gh", "g"),
    ("ch", "c"),
    ("sh", "s"),
    ("zh", "j"),
    ("ck", "k"),
    ("ts", "s"),
    ("tz", "s"),
    ("dz", "s"),
)
_CLASSES = str.maketrans(
    {
        **dict.fromkeys("pbfvw", "P"),
        **dict.fromkeys("td", "T"),
        **dict.fromkeys("cgjkqsxz", "K"),
        **dict.fromkeys("lr", "L"),
        **dict.fromkeys("mn", "M"),
    }
)
_NG = re.compile(r"ng(?![aeiouy])|ngu$")
_NOT_CLASS = re.compile(r"[^PTKLM]")
_REPEATS = re.compile(r"(.)\1+")
_MIN_FUZZY_KEY = 4
_CLOSE_JW = 0.75


@lru_cache(maxsize=WORD_MEMO)
def latin_form(text: str) -> str:
    """Lowercase Latin letters of `text` in any script (anyascii: pinyin for Chinese
    characters; kana as Hepburn romaji, see `_kana`), other characters as spaces."""
    text = unicodedata.normalize("NFC", text)
    latin = _kana(text) if _KANA.search(text) else anyascii(text)
    return " ".join(re.sub(r"[^a-z]+", " ", latin.lower()).split())


_KANA = re.compile(r"[\u3041-\u30ff]")
_SMALL_Y = {"ゃ": "a", "ゅ": "u", "ょ": "o", "ャ": "a", "ュ": "u", "ョ": "o"}
_SMALL_VOWELS = {
    "ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o",
    "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o",
}  # fmt: skip
_SOKUON = frozenset("っッ")
_LONG = "ー"


def _kana(text: str) -> str:
    """Kana in Hepburn romaji: anyascii reads each kana alone ("ジャック" -> "jiyatsuku"); here
    a small ya/yu/yo joins the syllable before ("ja"), a small vowel replaces its vowel
    ("ティ" -> "ti", "ウィ" -> "wi"), the sokuon and the long-vowel mark add no letters."""
    out: list[str] = []
    for ch in text:
        if ch in _SOKUON or ch == _LONG:
            continue
        if ch in _SMALL_Y and out and out[-1].endswith("i") and len(out[-1]) > 1:
            stem = out[-1][:-1]
            out[-1] = (
                stem + _SMALL_Y[ch] if stem in ("sh", "ch", "j") else stem + "y" + _SMALL_Y[ch]
            )
            continue
        if ch in _SMALL_VOWELS and out:
            stem = out[-1][:-1] if out[-1][-1:] in "aiueo" else out[-1]
            out[-1] = (
                (stem or "w") + _SMALL_VOWELS[ch] if out[-1] != "u" else "w" + _SMALL_VOWELS[ch]
            )
            continue
        out.append(anyascii(ch).lower())
    return "".join(out)


@lru_cache(maxsize=WORD_MEMO)
def phonetic_key(latin: str) -> str:
    """The consonant-class key of a Latin-letter word ("germany" and "jrmni" -> "KLM")."""
    return phonetic_keys(latin)[0]


@lru_cache(maxsize=WORD_MEMO)
def phonetic_keys(latin: str) -> tuple[str, ...]:
    """The key, and the key with "w" read as a vowel ("Lewis" / "liuyisi"; "Sweden" keeps
    its "w" as the "v" of "svidn")."""
    word = re.sub(r"[^a-z]", "", latin.lower())
    for old, new in _DIGRAPHS:
        word = word.replace(old, new)
    word = _NG.sub("n", word)  # "telangpu", "kuratingu"; not "chenguang" (n + gu)
    keys = [word, word.replace("w", "")] if "w" in word else [word]
    return tuple(
        dict.fromkeys(_REPEATS.sub(r"\1", _NOT_CLASS.sub("", k.translate(_CLASSES))) for k in keys)
    )


def first_class(latin: str) -> str:
    """The class of a form's first letter (a vowel stands for itself): "c" and "k" are one."""
    first = latin[:1].lower()
    return first.translate(_CLASSES) if first.translate(_CLASSES) != first else first


def sounds_alike(a: str, b: str) -> bool:
    """Whether two Latin-letter forms may write one name: equal keys of two classes or more,
    or keys of four or more that differ by one class (an inserted or dropped consonant)."""
    for ka in phonetic_keys(a):
        for kb in phonetic_keys(b):
            if min(len(ka), len(kb)) < 2:
                continue
            if ka == kb:
                return True
            if min(len(ka), len(kb)) >= _MIN_FUZZY_KEY and edit_distance(ka, kb) <= 1:
                return True
    return False


def sounds_close(a: str, b: str) -> bool:
    """A weaker likeness, for names told two ways: one key of four classes or more inside the
    other ("sitengbao" in "rustenburg"), or keys of three or more that differ by one class in
    words that begin alike ("bafuken" / "bafalcon")."""
    for ka in phonetic_keys(a):
        for kb in phonetic_keys(b):
            short, long = sorted((ka, kb), key=len)
            if len(short) >= _MIN_FUZZY_KEY and short in long:
                return True
            if (
                len(short) >= 3
                and edit_distance(short, long) <= 1
                and a[:1] == b[:1]
                and jaro_winkler(a, b) >= _CLOSE_JW
            ):
                return True
    return False
