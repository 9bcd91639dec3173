"""Names in English: the NER entities of the shared spaCy parse (people, bodies, places,
nationalities, events, works, products, laws); without a model, capitalised runs, of which
only acronyms are strong (an English capital alone does not make a name). In shouted text
(a third of the words in capitals) an all-capitals entity is weak: "SIR", "UNFORTUNATELY"."""

from __future__ import annotations

import re

from evalsuite.align.keys import is_stop_word
from evalsuite.text.names import Name, NamePart
from evalsuite.text.names import latin as latin_finder
from evalsuite.text.nlp import Entity
from evalsuite.text.phonetic import latin_form

__all__ = ["find"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+")
_POSSESSIVE = re.compile(r"['’]s?$")
_CAPS_WORD = re.compile(r"[A-Za-z]{2,}")
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]+(?:['’-][A-Za-z]+)?\b")
_SHOUTED = 0.3
_MIN_SHOUTED = 3
_LONG_SHOUT = 7


def _shouting(text: str) -> bool:
    words = _CAPS_WORD.findall(text)
    return len(words) >= _MIN_SHOUTED and sum(w.isupper() for w in words) >= _SHOUTED * len(
        words
    )


def find(text: str, entities: tuple[Entity, ...] | None) -> list[Name]:
    if entities is None:
        return latin_finder.find(text, "en")
    names = []
    shouting = _shouting(text)
    for ent in entities:
        parts = tuple(
            NamePart(m.group(), ent.start + m.start(), ent.start + m.end(), (latin_form(word),))
            for m in _WORD.finditer(ent.text)
            if (word := _POSSESSIVE.sub("", m.group()))
        )
        if not parts or all(is_stop_word(p.text, "en") for p in parts):
            continue  # "AREN'T", tagged in shouted text
        # In shouted text capitals mark nothing, nor do they in one long word ("UNFORTUNATELY"):
        # such an entity is weak evidence.
        shouted = ent.text.isupper() and (shouting or len(ent.text) >= _LONG_SHOUT)
        strong = not shouted
        names.append(Name(ent.text, ent.start, ent.end, ent.label, "ner", strong, parts))
    # Capitalised words NER left out are weak names: never reported, but evidence that a name
    # of the other side has its counterpart here.
    taken = [(e.start, e.end) for e in entities]
    for match in _CAPITALISED.finditer(text):
        start, end = match.span()
        if not any(s < end and start < e for s, e in taken) and not is_stop_word(
            match.group(), "en"
        ):
            part = NamePart(match.group(), start, end, (latin_form(match.group()),))
            names.append(Name(match.group(), start, end, "MISC", "capitalised", False, (part,)))
    return names
