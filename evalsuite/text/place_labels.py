"""A capital the NER model calls a person ("Kyiv" PERSON) is a place.

The small English spaCy model labels some single-word city and country names PERSON, most
often a name it has seen little of in training (a new spelling). The entity checks compare a
person's name by its surname and report it as a person, so the label matters. A span is
relabelled GPE only when all of this holds: it is one word of four letters or more, the alias
table (`place_aliases`, cities of 300,000+ people and countries) knows it as a city or a
country, and it is not plausibly a person's name: neither a given name nor a common surname
of the 1990 US Census lists (`resources/census_names.tsv`: "Jordan", "Chad", "Georgia" and
"Paris" stay persons). A word of a longer person name in the same text is a person too: that
is the caller's context, passed as `person_words`.
"""

from __future__ import annotations

from collections.abc import Collection

from evalsuite.text import place_aliases
from evalsuite.text.census_names import is_personal_name
from evalsuite.text.normalize import fold

__all__ = ["PERSON_LABELS", "is_personal_name", "place_label"]

PERSON_LABELS = frozenset({"PERSON", "PER"})
PLACE_KINDS = frozenset({"city", "country"})
MIN_LETTERS = 4
"""Shorter alternate names of cities ("Ko", "Kiv") are too often also names of people."""


def place_label(text: str, label: str, person_words: Collection[str] = ()) -> str:
    """GPE for a one-word span labelled a person that is a known city or country and no
    plausible person's name; `label` unchanged otherwise."""
    if label not in PERSON_LABELS:
        return label
    key = fold(text)
    if (" " in key or len(key) < MIN_LETTERS or not key.isalpha() or not text[:1].isupper()
            or key in person_words or is_personal_name(key)):  # fmt: skip
        return label
    if any(place.kind in PLACE_KINDS for place in place_aliases.places_of(key)):
        return "GPE"
    return label
