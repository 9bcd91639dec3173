"""A Hunspell dictionary read as data: stems with their flags, and the suffix rules of its .aff.

Only what negation needs: given a word that starts with a prefix the dictionary declares
(Czech "ne-", flag N in Debian's `hunspell-cs`), is the rest a form of a stem that takes the
prefix, and which stems (with which flags) does it come from? Affix stripping follows Hunspell's
own lookup (strip the added suffix, restore the stripped letters, check the rule's condition
on the stem), one suffix deep, which covers the inflected forms the dictionary derives.

Dictionaries are looked for in $EVALSUITE_HUNSPELL_DIR, ~/.local/share/hunspell,
/usr/share/hunspell and /usr/share/myspell (Debian's `hunspell-cs` installs the second-to-last;
a user without root can unpack the .deb with `dpkg-deb -x` and point the variable at it).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["HunspellLexicon", "dictionary_places", "find_dictionary", "load_hunspell"]

_PLACES = ("~/.local/share/hunspell", "/usr/share/hunspell", "/usr/share/myspell")


@dataclass(frozen=True)
class _Suffix:
    flag: str
    strip: str
    add: str
    condition: re.Pattern[str]


class HunspellLexicon:
    """Stems -> flags, and suffix rules indexed by the letters they add."""

    def __init__(self, stems: dict[str, frozenset[str]], suffixes: list[_Suffix]) -> None:
        self.stems = stems
        self._by_add: dict[str, list[_Suffix]] = {}
        for rule in suffixes:
            self._by_add.setdefault(rule.add, []).append(rule)
        self._longest_add = max((len(a) for a in self._by_add), default=0)

    def analyses(self, form: str) -> list[tuple[str, frozenset[str], str]]:
        """(stem, stem flags, suffix flag or '') for every way `form` derives from a stem."""
        found = []
        flags = self.stems.get(form)
        if flags is not None:
            found.append((form, flags, ""))
        for cut in range(1, min(len(form), self._longest_add) + 1):
            add = form[-cut:]
            for rule in self._by_add.get(add, ()):
                stem = form[:-cut] + rule.strip
                stem_flags = self.stems.get(stem)
                if stem_flags and rule.flag in stem_flags and rule.condition.search(stem):
                    found.append((stem, stem_flags, rule.flag))
        for rule in self._by_add.get("", ()):
            stem = form + rule.strip
            stem_flags = self.stems.get(stem)
            if (
                rule.strip
                and stem_flags
                and rule.flag in stem_flags
                and rule.condition.search(stem)
            ):
                found.append((stem, stem_flags, rule.flag))
        return found


def dictionary_places() -> list[Path]:
    """The folders searched for dictionaries, first $EVALSUITE_HUNSPELL_DIR when set."""
    places = [os.environ.get("EVALSUITE_HUNSPELL_DIR", ""), *_PLACES]
    return [Path(place).expanduser() for place in places if place]


def find_dictionary(name: str) -> Path | None:
    """The .dic file of dictionary `name` ("cs_CZ"), with its .aff beside it, if installed."""
    for place in dictionary_places():
        dic = place / f"{name}.dic"
        if dic.is_file() and dic.with_suffix(".aff").is_file():
            return dic
    return None


def _read_suffixes(aff: Path) -> list[_Suffix]:
    rules = []
    with aff.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            parts = line.split("#", 1)[0].split()
            if len(parts) < 5 or parts[0] != "SFX":
                continue
            flag, strip, add, condition = parts[1], parts[2], parts[3], parts[4]
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add.split("/", 1)[0]
            try:
                pattern = re.compile(("" if condition == "." else condition) + "$")
            except re.error:
                continue
            rules.append(_Suffix(flag, strip, add, pattern))
    return rules


def _read_stems(dic: Path) -> dict[str, frozenset[str]]:
    stems: dict[str, frozenset[str]] = {}
    with dic.open(encoding="utf-8", errors="replace") as handle:
        next(handle, None)  # the entry count
        for line in handle:
            word, _, flags = line.strip().partition("/")
            if word:
                stems[word] = stems.get(word, frozenset()) | frozenset(flags)
    return stems


@lru_cache(maxsize=4)
def load_hunspell(name: str) -> HunspellLexicon | None:
    """The dictionary `name`, read once; None when it is not installed."""
    dic = find_dictionary(name)
    if dic is None:
        return None
    return HunspellLexicon(_read_stems(dic), _read_suffixes(dic.with_suffix(".aff")))
