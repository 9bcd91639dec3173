"""Read FreeDict dictionaries in the dictd format Debian installs (`dict-freedict-deu-eng`, ...).

A dictd dictionary is an index (`headword TAB offset TAB length`, numbers in dictd's base64)
and a text file, gzip- or dictzip-compressed, whose entries the index points into. An entry's
first line holds its headwords (with pronunciation and grammar tags), the lines after it the
translations, interleaved with notes, cross-references and examples, which are dropped.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

__all__ = ["FREEDICT_LANGS", "entry_pairs", "read_dictd"]

# FreeDict's ISO 639-3 names of the languages paired with English here.
FREEDICT_LANGS = {
    "deu": "de",
    "fra": "fr",
    "spa": "es",
    "ces": "cs",
    "ita": "it",
    "jpn": "ja",
    "pol": "pl",
    "rus": "ru",
    "hin": "hi",
    "por": "pt",
    "nld": "nl",
    "swe": "sv",
    "dan": "da",
    "tur": "tr",
}
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_VALUE = {ch: i for i, ch in enumerate(_B64)}
_BRACKETED = re.compile(r"/[^/\n]*/|<[^>\n]*>|\[[^\]\n]*\]|\{[^}\n]*\}|\([^)\n]*\)")
_NUMBERING = re.compile(r"^\s*(?:\d+[.)]\s*)+|\b_\S+")
_SKIP_LINE = re.compile(r"^\s*(?:see:|synonyms?:|antonyms?:|\"|“|„|»|«)", re.IGNORECASE)
_NOTE = re.compile(r"^\s*Note:\s*", re.IGNORECASE)
_MAX_PHRASE_WORDS = 4


def _b64(text: str) -> int:
    value = 0
    for ch in text:
        value = value * 64 + _B64_VALUE[ch]
    return value


def read_dictd(index: Path, data: Path) -> Iterator[str]:
    """The text of every entry of a dictd dictionary, in file order, each entry once."""
    if data.suffix == ".dz":
        with gzip.open(data) as handle:
            raw = handle.read()
    else:
        raw = data.read_bytes()
    seen: set[tuple[int, int]] = set()
    for line in index.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if (
            len(parts) < 3
            or parts[0].startswith("00-database")
            or parts[0].startswith("00database")
        ):
            continue
        try:
            where = (_b64(parts[1]), _b64(parts[2]))
        except KeyError:
            continue
        if where in seen:
            continue
        seen.add(where)
        yield raw[where[0] : where[0] + where[1]].decode("utf-8", errors="replace")


def _phrases(line: str) -> list[str]:
    cleaned = _BRACKETED.sub(" ", _NUMBERING.sub("", line)).replace("~", " ")
    out = []
    for part in re.split(r"[,;]", cleaned):
        phrase = " ".join(part.split()).strip(" .:!?'\"")
        if phrase and len(phrase.split()) <= _MAX_PHRASE_WORDS:
            out.append(phrase)
    return out


def _known_notes(entries: list[str]) -> dict[str, list[str]]:
    """Note texts that stand alone on their line somewhere; Japanese entries glue the gloss
    to the note ("word usually written using kana alonewave motion"), and these cut it off."""
    notes: set[str] = set()
    for entry in entries:
        lines = entry.splitlines()
        for line, following in zip(lines, [*lines[1:], ""], strict=True):
            if _NOTE.match(line) and (_NOTE.match(following) or not following.strip()):
                notes.add(_NOTE.sub("", line).strip())
    by_start: dict[str, list[str]] = {}
    for note in sorted((n for n in notes if len(n) > 3), key=len, reverse=True):
        by_start.setdefault(note[:4], []).append(note)
    return by_start


def _gloss_lines(entry: str, notes: dict[str, list[str]]) -> list[str]:
    lines = []
    for line in entry.splitlines()[1:]:
        if _SKIP_LINE.match(line) or line.rstrip().endswith(";"):
            continue  # cross-references, examples, monolingual definitions ("imię męskie;")
        if _NOTE.match(line):
            text = _NOTE.sub("", line).strip()
            candidates = notes.get(text[:4], ())
            glued = next((n for n in candidates if text.startswith(n) and len(text) > len(n)), None)
            if glued is None:
                continue
            line = text[len(glued) :]
        lines.append(line)
    return lines


def entry_pairs(entries: list[str], *, english_first: bool) -> Iterator[tuple[str, str]]:
    """(foreign word, English phrase) pairs of the entries of one dictionary.

    `english_first`: the headwords are English (an eng-xxx dictionary)."""
    notes = _known_notes(entries)
    for entry in entries:
        if not entry.strip():
            continue
        heads = _phrases(entry.splitlines()[0])
        glosses = [p for line in _gloss_lines(entry, notes) for p in _phrases(line)]
        for head in heads:
            for gloss in glosses:
                yield (gloss, head) if english_first else (head, gloss)
