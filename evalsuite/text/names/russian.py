"""Names in Russian: natasha's NER (slovnet's news model: PER, LOC, ORG), plus acronyms
("ВМФ") and Latin-script words ("Twitter", "The Hockey News").

natasha (MIT) ships its model weights inside the PyPI package, so it works offline; it is
loaded on first use (about 3 s), once per process. Without it, Russian falls back to
capitalised runs, as for the other languages that capitalise only names.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from evalsuite.text.names import Name, NamePart
from evalsuite.text.names import latin as latin_finder
from evalsuite.text.names.common import latin_names, place_of
from evalsuite.text.names.dictionary import name_lemmas
from evalsuite.text.phonetic import latin_form

__all__ = ["available", "find"]

_LABELS = {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG"}
_ACRONYM = re.compile(r"\b[А-ЯЁ]{2,}\b")
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _tagger() -> tuple[Any, Any] | None:
    try:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError:
        return None
    return Segmenter(), NewsNERTagger(NewsEmbedding())


def available() -> bool:
    """Whether natasha is installed (and loads)."""
    return _tagger() is not None


def _parts(text: str, start: int, end: int) -> tuple[NamePart, ...]:
    return tuple(
        NamePart(m.group(), start + m.start(), start + m.end(), _latin_forms(m.group()))
        for m in _WORD.finditer(text[start:end])
    )


def _latin_forms(word: str) -> tuple[str, ...]:
    """The word's Latin form, then those of the names the Hunspell dictionary has it as a
    form of ("Путина" -> putina, putin; "Москве" -> moskve, moskva)."""
    lemmas = sorted(name_lemmas(word, "ru"))
    return tuple(dict.fromkeys([latin_form(word), *(latin_form(lemma) for lemma in lemmas)]))


def find(text: str) -> list[Name]:
    tagger = _tagger()
    if tagger is None:
        return latin_finder.find(text, "ru")
    from natasha import Doc

    segmenter, ner = tagger
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(ner)
    names: list[Name] = []
    for span in doc.spans:
        label = _LABELS.get(span.type, "MISC")
        names.append(
            Name(
                text[span.start : span.stop], span.start, span.stop, label, "natasha", True,
                _parts(text, span.start, span.stop),
            )
        )  # fmt: skip
    taken = [(n.start, n.end) for n in names]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    for match in _ACRONYM.finditer(text):
        if free(match.start(), match.end()):
            label = "LOC" if place_of(match.group(), "ru") else "ACRONYM"
            names.append(
                Name(
                    match.group(), match.start(), match.end(), label, "acronym", True,
                    _parts(text, match.start(), match.end()),
                )
            )  # fmt: skip
    names.extend(n for n in latin_names(text) if free(n.start, n.end))
    return names
