"""Names in a text of any language, found by what each language offers, for comparing a
translation with a source in another language.

Each language has its own evidence that a word is a name: capitalisation where only names are
capitalised (Spanish, French, Czech, ...), capitalisation minus the nouns a bilingual lexicon
knows where every noun is capitalised (German), natasha's NER for Russian, jieba's proper-noun
tags and CC-CEDICT's proper-noun entries for Chinese, UniDic's proper-noun tags and katakana
runs for Japanese, words no lexicon knows for Hindi, and the spaCy NER of the shared parse
where a model is installed (English). `find_names` dispatches; each module says what it uses.

A `Name` is `strong` when it must survive translation (a word the lexicon does not know, an
NER span, an acronym, a place the alias table knows) and weak when it is only evidence (a
capitalised word the lexicon translates: "Senat", "Rewolucji"); the checks report only strong
names as missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from evalsuite.text.nlp import Entity

__all__ = ["Name", "NamePart", "find_names"]


@dataclass(frozen=True)
class NamePart:
    """One word of a name: where it is, and its Latin forms for comparison across scripts
    (a transliteration, a reading, a loanword's origin: "アマゾン" -> "amazon")."""

    text: str
    start: int
    end: int
    latin: tuple[str, ...]
    known: bool = False
    """The lexicon translates the word (a common noun inside a name: "Partei", "City")."""
    glosses: tuple[str, ...] = ()
    """English names a dictionary gives for this name (CC-CEDICT's "South West Africa")."""


@dataclass(frozen=True)
class Name:
    """A name found in a text, with its words and how it was found."""

    text: str
    start: int
    end: int
    label: str
    how: str
    strong: bool
    parts: tuple[NamePart, ...]

    @property
    def is_acronym(self) -> bool:
        letters = [ch for ch in self.text if ch.isalpha()]
        return len(self.parts) == 1 and len(letters) >= 2 and self.text.isupper()


@lru_cache(maxsize=4096)
def find_names(
    text: str, lang: str, entities: tuple[Entity, ...] | None = None
) -> tuple[Name, ...]:
    """The names of `text` in `lang`, in text order. `entities`: the NER spans of the shared
    parse, None without a model (English uses them; the other finders have their own)."""
    from evalsuite.text.names import chinese, english, hindi, japanese, latin, russian

    if lang == "zh":
        found = chinese.find(text)
    elif lang == "ja":
        found = japanese.find(text)
    elif lang == "hi":
        found = hindi.find(text)
    elif lang == "ru":
        found = russian.find(text)
    elif lang == "en":
        found = english.find(text, entities)
    else:
        found = latin.find(text, lang)
    return tuple(sorted(found, key=lambda n: (n.start, -n.end)))
