"""Names in Hindi: Devanagari has no capitals and no NER model installs here, so a name is a
word the Hindi-English lexicon does not know (after Hindi suffix stripping) that is no
function word, or a place the alias table knows ("जर्मनी", from CLDR's Hindi names); plus Latin
words ("ZMapp", "Audi TT").

Unknown words are weak names: an inflected or rare ordinary word is unknown too, so they serve
as evidence that an output name has a source (by transliteration: "गूगल" / "Google"), never as
a name reported missing; known places are strong.
"""

from __future__ import annotations

import re

from evalsuite.text.hindi_stemmer import stem_hindi
from evalsuite.text.names import Name, NamePart
from evalsuite.text.names.common import is_place, known, latin_names, stop_word
from evalsuite.text.phonetic import latin_form

__all__ = ["find"]

_WORD = re.compile(r"[\u0900-\u097f]+")
_MIN_LEN = 2


def find(text: str) -> list[Name]:
    names: list[Name] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) < _MIN_LEN or stop_word(word, "hi"):
            continue
        place = is_place(word, "hi") or is_place(stem_hindi(word), "hi")
        if not place and (known(word, "hi") or known(stem_hindi(word), "hi")):
            continue
        part = NamePart(word, match.start(), match.end(), (latin_form(word),))
        label, how = ("LOC", "alias") if place else ("MISC", "unknown-word")
        names.append(Name(word, match.start(), match.end(), label, how, place, (part,)))
    names.extend(latin_names(text))
    return names
