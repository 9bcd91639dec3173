"""Proper nouns of an Apertium monolingual dictionary, read from the installed `.dix` file.

Devanagari has no capitals and no Hindi NER model installs here, so the Hindi name finder
calls a word a name only when no lexicon knows it, and such a word is weak (an inflected or
rare ordinary word is unknown too). Apertium's Hindi dictionary (Debian's `apertium-hin`,
GPL-3, by F. M. Tyers, K. B. Unhammer, R. Motlani and S. Rathi) lists about 1,200 proper nouns,
each with a paradigm that says what kind of name it is: a given name (`ant`), a surname (`cog`),
a place (`top`), an organisation (`org`). A word listed there is a name for sure.

The dictionary is read where Debian installs it, or from `$EVALSUITE_APERTIUM_HIN` (a user
without root unpacks the .deb with `dpkg-deb -x` and points the variable at the `.dix` file);
without it the finder works as before. Only one-word entries whose written form is their
lemma are kept (a few entries pair a lemma with another place's spelling), and the paradigm
`al` (other: the compass words "उत्तर", north) is left out: those are ordinary words.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

__all__ = ["DEFAULT_HINDI_DIX", "ENV_VAR", "hindi_proper_nouns", "name_key", "read_proper_nouns"]

ENV_VAR = "EVALSUITE_APERTIUM_HIN"
DEFAULT_HINDI_DIX = Path("/usr/share/apertium/apertium-hin/apertium-hin.hin.dix")
_LABELS = {"ant": "PERSON", "cog": "PERSON", "top": "LOC", "org": "ORG"}
"""Apertium's proper-noun classes, as the labels of `evalsuite.text.names`."""
_NUKTA = "\u093c"
_CHANDRABINDU, _ANUSVARA = "\u0901", "\u0902"
_JOINERS = "\u200c\u200d"


def name_key(word: str) -> str:
    """A Devanagari word as looked up: without nukta and zero-width joiners, and with
    chandrabindu as anusvara ("गाँधी" and "गांधी", "ग़ज़नवी" and "गजनवी" are one name)."""
    for mark in (_NUKTA, *_JOINERS):
        word = word.replace(mark, "")
    return word.replace(_CHANDRABINDU, _ANUSVARA)


def _text(element: ET.Element | None) -> str:
    """An entry side's written form, with `<b/>` (a blank) as a space."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        parts.append(" " if child.tag == "b" else "")
        parts.append(child.tail or "")
    return "".join(parts).strip()


def read_proper_nouns(path: Path) -> dict[str, str]:
    """`name_key(word)` -> label for the one-word proper nouns of an Apertium `.dix` file.
    Raises OSError or ET.ParseError for an unreadable file."""
    root = ET.parse(path).getroot()
    classes: dict[str, str] = {}
    for pardef in root.iter("pardef"):
        tags = [s.get("n") for s in pardef.iter("s")]
        if len(tags) >= 2 and tags[0] == "np" and tags[1] in _LABELS:
            classes[pardef.get("n", "")] = _LABELS[tags[1]]
    names: dict[str, str] = {}
    for section in root.iter("section"):
        for entry in section.iter("e"):
            par = entry.find("par")
            label = classes.get(par.get("n", "")) if par is not None else None
            lemma = (entry.get("lm") or "").strip()
            if label is None or not lemma or " " in lemma or _text(entry.find("i")) != lemma:
                continue
            names.setdefault(name_key(lemma), label)
    return names


@lru_cache(maxsize=1)
def hindi_proper_nouns() -> dict[str, str]:
    """The Hindi proper nouns of `apertium-hin` (empty when it is not installed)."""
    path = Path(os.environ.get(ENV_VAR) or DEFAULT_HINDI_DIX)
    if not path.is_file():
        return {}
    try:
        return read_proper_nouns(path)
    except (OSError, ET.ParseError) as exc:
        raise ValueError(f"{path}: not a readable Apertium dictionary ({exc})") from exc
