"""A Hunspell dictionary read as data: stems with their flags, and the affix rules of its .aff.

What negation and the name finders need: which stems (with which flags) a word form comes
from. Negation asks whether the rest of a word that starts with a declared prefix (Czech "ne-",
flag N in Debian's `hunspell-cs`) is a form of a stem that takes the prefix; the name finders
ask whether a capitalised word is a form of a lowercase dictionary word or of a capitalised one
(a name: "Krakowie" <- "Kraków"). Affix stripping follows Hunspell's own lookup (strip the added
affix, restore the stripped letters, check the rule's condition on the stem), one suffix and
one prefix deep, which covers the inflected forms the dictionary derives. The .aff's character
set (`SET`, ISO8859-2 for Polish) and flag format (`FLAG long` for French, `UTF-8`, `num`) are
read; compounding rules are not (German compounds are split by `evalsuite.text.names`).

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
    cross: bool = True
    """The rule combines with a prefix rule (the .aff's "Y" on the rule's header)."""


class HunspellLexicon:
    """Stems -> flags, and suffix (and prefix) rules indexed by the letters they add."""

    def __init__(
        self,
        stems: dict[str, frozenset[str]],
        suffixes: list[_Suffix],
        prefixes: list[_Suffix] | None = None,
        options: dict[str, str] | None = None,
    ) -> None:
        self.stems = stems
        self.options = options or {}
        """The .aff's one-value directives: `options.get("COMPOUNDEND")` is that flag."""
        self._by_add: dict[str, list[_Suffix]] = {}
        for rule in suffixes:
            self._by_add.setdefault(rule.add, []).append(rule)
        self._longest_add = max((len(a) for a in self._by_add), default=0)
        self._prefix_by_add: dict[str, list[_Suffix]] = {}
        for rule in prefixes or ():
            self._prefix_by_add.setdefault(rule.add, []).append(rule)
        self._longest_prefix = max((len(a) for a in self._prefix_by_add), default=0)

    def stems_of(self, form: str) -> frozenset[str]:
        """Every stem `form` derives from: itself, by one suffix, by one prefix, or by a
        prefix and a suffix that both combine."""
        found = {stem for stem, _, _ in self.analyses(form)}
        for cut in range(1, min(len(form) - 1, self._longest_prefix) + 1):
            for rule in self._prefix_by_add.get(form[:cut], ()):
                rest = rule.strip + form[cut:]
                if not rule.condition.search(rest[::-1]):
                    continue  # a prefix condition reads the stem's first letters
                flags = self.stems.get(rest)
                if flags and rule.flag in flags:
                    found.add(rest)
                if rule.cross:
                    found.update(
                        stem
                        for stem, stem_flags, suffix in self.analyses(rest)
                        if suffix and rule.flag in stem_flags
                    )
        return frozenset(found)

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


@dataclass(frozen=True)
class _Format:
    encoding: str
    flags: str
    """"char" (one character a flag), "long" (two), "num" (comma-separated numbers)."""
    options: tuple[tuple[str, str], ...] = ()
    """The .aff's one-value directives ("COMPOUNDEND z", "ONLYINCOMPOUND o")."""


def _read_format(aff: Path) -> _Format:
    encoding, flags = "utf-8", "char"
    options = []
    with aff.open(encoding="latin-1") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 2 and parts[0].isupper() and parts[0].isalpha():
                options.append((parts[0], parts[1]))
            if len(parts) >= 2 and parts[0] == "SET":
                encoding = parts[1]
            elif len(parts) >= 2 and parts[0] == "FLAG":
                flags = {"long": "long", "num": "num"}.get(parts[1], "char")
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "utf-8"
    return _Format(encoding, flags, tuple(options))


def _split_flags(flags: str, fmt: _Format) -> frozenset[str]:
    if fmt.flags == "long":
        return frozenset(flags[i : i + 2] for i in range(0, len(flags) - 1, 2))
    if fmt.flags == "num":
        return frozenset(f for f in flags.split(",") if f)
    return frozenset(flags)


def _read_affixes(aff: Path, kind: str, fmt: _Format | None = None) -> list[_Suffix]:
    """The rules of one kind ("SFX" or "PFX"); a prefix's condition is kept reversed, so that
    it reads a reversed stem's end, as a suffix's condition reads a stem's end."""
    fmt = fmt or _read_format(aff)
    rules = []
    cross: dict[str, bool] = {}
    with aff.open(encoding=fmt.encoding, errors="replace") as handle:
        for line in handle:
            parts = line.split("#", 1)[0].split()
            if len(parts) == 4 and parts[0] == kind:
                cross[parts[1]] = parts[2] == "Y"  # the header: flag, cross product, count
                continue
            if len(parts) < 5 or parts[0] != kind:
                continue
            flag, strip, add, condition = parts[1], parts[2], parts[3], parts[4]
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add.split("/", 1)[0]
            if condition != "." and kind == "PFX":
                condition = "".join(reversed(re.findall(r"\[[^\]]*\]|.", condition)))
            try:
                pattern = re.compile(("" if condition == "." else condition) + "$")
            except re.error:
                continue
            rules.append(_Suffix(flag, strip, add, pattern, cross.get(flag, True)))
    return rules


def _read_suffixes(aff: Path) -> list[_Suffix]:
    return _read_affixes(aff, "SFX")


def _read_stems(dic: Path, fmt: _Format | None = None) -> dict[str, frozenset[str]]:
    fmt = fmt or _read_format(dic.with_suffix(".aff"))
    stems: dict[str, frozenset[str]] = {}
    with dic.open(encoding=fmt.encoding, errors="replace") as handle:
        next(handle, None)  # the entry count
        for line in handle:
            fields = line.split()  # the entry, then morphological fields ("po:adj")
            if not fields:
                continue
            word, _, flags = fields[0].partition("/")
            if word:
                stems[word] = stems.get(word, frozenset()) | _split_flags(flags, fmt)
    return stems


@lru_cache(maxsize=8)
def load_hunspell(name: str) -> HunspellLexicon | None:
    """The dictionary `name`, read once; None when it is not installed."""
    dic = find_dictionary(name)
    if dic is None:
        return None
    aff = dic.with_suffix(".aff")
    fmt = _read_format(aff)
    return HunspellLexicon(
        _read_stems(dic, fmt), _read_affixes(aff, "SFX", fmt), _read_affixes(aff, "PFX", fmt),
        dict(fmt.options),
    )  # fmt: skip
