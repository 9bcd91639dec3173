"""The Porter stemmer exactly as rouge-score uses it (NLTK's `PorterStemmer()`, whose default
mode adds NLTK's extensions to Porter 1980), for lowercase ASCII letters and digits.

Why not call NLTK: stemming cold vocabulary dominated ROUGE's cost (about 20 us a word there).
This version computes each word's consonant/vowel pattern once per step with `str.translate`
and reads every measure off a slice of it. `tests/text/test_porter.py` checks it is equal to
NLTK word for word; anything outside [a-z0-9] goes to NLTK itself.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

# Irregular forms NLTK's extended mode maps directly (taken as facts from its documentation).
_IRREGULAR = {
    "sky": "sky", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
    "news": "news", "innings": "inning", "inning": "inning", "outings": "outing",
    "outing": "outing", "cannings": "canning", "canning": "canning", "howe": "howe",
    "proceed": "proceed", "exceed": "exceed", "succeed": "succeed",
}

# 'v' for a vowel, 'c' for a consonant; 'y' is resolved from its left neighbour in _pattern.
_CV_TABLE = str.maketrans(
    {**{chr(c): "c" for c in range(ord("a"), ord("z") + 1)}, **dict.fromkeys("aeiou", "v"),
     "y": "y", **{d: "c" for d in "0123456789"}}
)


def _pattern(word: str) -> str:
    """One letter per character: 'c' consonant, 'v' vowel. A 'y' is a consonant at the start
    or after a vowel, a vowel after a consonant (Porter's definition)."""
    cv = word.translate(_CV_TABLE)
    if "y" not in cv:
        return cv
    out: list[str] = []
    for i, ch in enumerate(cv):
        if ch == "y":
            ch = "c" if i == 0 or out[i - 1] == "v" else "v"
        out.append(ch)
    return "".join(out)


def _measure(cv: str, length: int) -> int:
    """Porter's m of the first `length` letters: the number of vowel-consonant boundaries."""
    return cv[:length].count("vc")


def _ends_cvc(word: str, cv: str) -> bool:
    """Condition *o (consonant-vowel-consonant, last not w/x/y), plus NLTK's two-letter case."""
    n = len(word)
    if n >= 3:
        return cv[n - 3 : n] == "cvc" and word[-1] not in "wxy"
    return n == 2 and cv[:2] == "vc"


def _step1a(word: str) -> str:
    if word.endswith("ies") and len(word) == 4:
        return word[:-1]  # NLTK: 'dies' -> 'die' where Porter gives 'di'
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("ies"):
        return word[:-2]
    if word.endswith("ss"):
        return word
    if word.endswith("s"):
        return word[:-1]
    return word


def _step1b(word: str) -> str:
    if word.endswith("ied"):
        return word[:-1] if len(word) == 4 else word[:-2]
    if word.endswith("eed"):
        return word[:-1] if _measure(_pattern(word), len(word) - 3) > 0 else word
    for suffix in ("ed", "ing"):
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            if "v" in _pattern(stem):
                break
    else:
        return word
    if stem.endswith(("at", "bl", "iz")):
        return stem + "e"
    cv = _pattern(stem)
    if len(stem) >= 2 and stem[-1] == stem[-2] and cv[-1] == "c":
        return stem if stem[-1] in "lsz" else stem[:-1]
    if _measure(cv, len(stem)) == 1 and _ends_cvc(stem, cv):
        return stem + "e"
    return stem


def _step1c(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and _pattern(word)[-2] == "c":
        return word[:-1] + "i"
    return word


_M0 = 0  # condition: measure of the stem > 0
_M1 = 1  # measure of the stem > 1
_LOGI = 2  # measure of the stem plus its 'l' > 0
_ION = 3  # measure > 1 and the stem ends in s or t

# (suffix, replacement, condition) in NLTK's order: the first suffix that matches decides.
_STEP2 = (
    ("ational", "ate", _M0), ("tional", "tion", _M0), ("enci", "ence", _M0),
    ("anci", "ance", _M0), ("izer", "ize", _M0), ("bli", "ble", _M0), ("alli", "al", _M0),
    ("entli", "ent", _M0), ("eli", "e", _M0), ("ousli", "ous", _M0), ("ization", "ize", _M0),
    ("ation", "ate", _M0), ("ator", "ate", _M0), ("alism", "al", _M0),
    ("iveness", "ive", _M0), ("fulness", "ful", _M0), ("ousness", "ous", _M0),
    ("aliti", "al", _M0), ("iviti", "ive", _M0), ("biliti", "ble", _M0),
    ("fulli", "ful", _M0), ("logi", "log", _LOGI),
)
_STEP3 = (
    ("icate", "ic", _M0), ("ative", "", _M0), ("alize", "al", _M0), ("iciti", "ic", _M0),
    ("ical", "ic", _M0), ("ful", "", _M0), ("ness", "", _M0),
)
_STEP4 = (
    ("al", "", _M1), ("ance", "", _M1), ("ence", "", _M1), ("er", "", _M1), ("ic", "", _M1),
    ("able", "", _M1), ("ible", "", _M1), ("ant", "", _M1), ("ement", "", _M1),
    ("ment", "", _M1), ("ent", "", _M1), ("ion", "", _ION), ("ou", "", _M1),
    ("ism", "", _M1), ("ate", "", _M1), ("iti", "", _M1), ("ous", "", _M1),
    ("ive", "", _M1), ("ize", "", _M1),
)


class _RuleTable:
    """A step's rules looked up by suffix, longest first. In each step's list, a suffix that
    ends another one always comes after it, so the longest match is NLTK's first match."""

    def __init__(self, rules: tuple[tuple[str, str, int], ...]) -> None:
        self.rules = {suffix: (replacement, condition) for suffix, replacement, condition in rules}
        self.lengths = sorted({len(suffix) for suffix in self.rules}, reverse=True)

    def apply(self, word: str) -> str:
        for length in self.lengths:
            rule = self.rules.get(word[-length:])
            if rule is None:
                continue
            replacement, condition = rule
            stem = word[:-length]
            cv = _pattern(word)
            if condition == _M0:
                holds = _measure(cv, len(stem)) > 0
            elif condition == _M1:
                holds = _measure(cv, len(stem)) > 1
            elif condition == _LOGI:
                holds = _measure(cv, len(stem) + 1) > 0
            else:
                holds = _measure(cv, len(stem)) > 1 and stem[-1] in "st"
            return stem + replacement if holds else word
        return word


_STEP2_TABLE, _STEP3_TABLE, _STEP4_TABLE = (_RuleTable(r) for r in (_STEP2, _STEP3, _STEP4))


def _step2(word: str) -> str:
    # NLTK applies ALLI -> AL first and, when it fires, runs step 2 again on the result.
    if word.endswith("alli") and _measure(_pattern(word), len(word) - 4) > 0:
        return _step2(word[:-2])
    return _STEP2_TABLE.apply(word)


def _step5a(word: str) -> str:
    if not word.endswith("e"):
        return word
    stem = word[:-1]
    cv = _pattern(stem)
    m = _measure(cv, len(stem))
    if m > 1 or (m == 1 and not _ends_cvc(stem, cv)):
        return stem
    return word


def _step5b(word: str) -> str:
    if word.endswith("ll") and _measure(_pattern(word), len(word) - 1) > 1:
        return word[:-1]
    return word


@lru_cache(maxsize=1)
def _fallback() -> Callable[[str], str]:
    """NLTK's own stemmer, for words outside [a-z0-9]."""
    from nltk.stem import porter

    return porter.PorterStemmer().stem


def porter_stem(word: str) -> str:
    """rouge-score's Porter stem of `word` (NLTK's extended mode); lowercases first."""
    lowered = word.lower()
    if not (lowered.isascii() and lowered.isalnum()):
        return _fallback()(word)
    irregular = _IRREGULAR.get(lowered)
    if irregular is not None:
        return irregular
    if len(word) <= 2:
        return lowered
    stem = _step1a(lowered)
    stem = _step1b(stem)
    stem = _step1c(stem)
    stem = _step2(stem)
    stem = _STEP3_TABLE.apply(stem)
    stem = _STEP4_TABLE.apply(stem)
    stem = _step5a(stem)
    return _step5b(stem)
