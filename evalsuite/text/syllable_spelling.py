"""Whether a text in a script without word spaces (Chinese, Japanese kana, Devanagari) spells a
Latin name: "Beijing" in 北京 (bei jing), "Li Xufeng" in 李絮枫 (li xu feng), the United States
in 美国 (mei guo, its Chinese name in CLDR).

Such a text is folded character by character (`normalize.fold`: pinyin for Han characters,
romaji for kana, letters for Devanagari), and a name counts as spelled only when its folded
letters are a run of whole syllables: "guo" never matches the "uo" of another syllable. Latin
words of the text are syllables of their own.
"""

from __future__ import annotations

from functools import lru_cache

from evalsuite.text.normalize import fold

__all__ = ["spells", "syllables"]

MIN_KEY = 5
"""Fewer letters ("us", "li") are spelled by chance."""
MIN_SYLLABLES = 2


@lru_cache(maxsize=1024)
def syllables(text: str) -> tuple[str, ...]:
    """The folded syllables of `text`, in order; "" marks a break (punctuation, a space)."""
    out: list[str] = []
    latin = ""
    for ch in [*text, " "]:
        if ch.isascii() and ch.isalnum():
            latin += ch.lower()
            continue
        if latin:
            out.append(latin)
            latin = ""
        folded = fold(ch).replace(" ", "") if ch.isalpha() else ""
        if folded or not out or out[-1]:
            out.append(folded)
    return tuple(out)


def spells(text: str, key: str) -> bool:
    """Whether `key` (folded, spaces ignored) is the concatenation of two or more
    consecutive syllables of `text`."""
    key = key.replace(" ", "")
    if len(key) < MIN_KEY:
        return False
    parts = syllables(text)
    for start, first in enumerate(parts):
        if not first or not key.startswith(first):
            continue
        joined, count = "", 0
        for part in parts[start:]:
            if not part:
                break
            joined += part
            count += 1
            if len(joined) >= len(key) or not key.startswith(joined):
                break
        if joined == key and count >= MIN_SYLLABLES:
            return True
    return False
