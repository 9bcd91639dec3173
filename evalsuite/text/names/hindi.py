"""Names in Hindi: Devanagari has no capitals and no NER model installs here, so a name is a
word the Hindi-English lexicon does not know (after Hindi suffix stripping) that is no
function word, a place the alias table knows ("जर्मनी", from CLDR's Hindi names), a proper noun
of Apertium's Hindi dictionary (`evalsuite.text.apertium_names`: "यूरोप", "गांधी"), or an
acronym spelled in English letter names ("एमएल" = ML); plus Latin words ("ZMapp", "Audi TT").

Other unknown words are weak names: an inflected or rare ordinary word is unknown too, so they
serve as evidence that an output name has a source (by transliteration: "गूगल" / "Google"),
never as a name reported missing; known places, Apertium's proper nouns (when the lexicon does
not know the word as an ordinary one: "विजय", victory, stays a word) and spelled acronyms are
strong.
"""

from __future__ import annotations

import re

from evalsuite.align import translations
from evalsuite.align.keys import lexeme_key
from evalsuite.text.apertium_names import hindi_proper_nouns, name_key
from evalsuite.text.hindi_stemmer import stem_hindi
from evalsuite.text.names import Name, NamePart
from evalsuite.text.names.common import is_place, known, latin_names, stop_word
from evalsuite.text.phonetic import first_class, latin_form, sounds_alike

__all__ = ["LETTER_NAMES_HI", "find"]

_WORD = re.compile(r"[\u0900-\u0963\u0966-\u097f]+")  # not the danda "।"
_MIN_LEN = 2
_MIN_LETTERS = 2
_LETTER_NAMES = [
    "ए",
    "बी",
    "सी",
    "डी",
    "ई",
    "एफ",
    "जी",
    "एच",
    "आई",
    "जे",
    "के",
    "एल",
    "एम",
    "एन",
    "ओ",
    "पी",
    "क्यू",
    "आर",
    "एस",
    "टी",
    "यू",
    "वी",
    "डब्ल्यू",
    "एक्स",
    "वाई",
    "ज़ेड",
]
LETTER_NAMES_HI = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", _LETTER_NAMES, strict=True))
"""English letter names in Devanagari, as Hindi writes acronyms ("NSA" -> "एनएसए")."""
_BY_SPELLING = sorted(((v, k) for k, v in LETTER_NAMES_HI.items()), key=lambda kv: -len(kv[0]))


def spelled_acronym(word: str) -> str | None:
    """The Latin acronym a Devanagari word spells letter by letter ("एमएल" -> "ML"), or None."""
    letters = ""
    rest = word
    while rest:
        for spelling, letter in _BY_SPELLING:
            if rest.startswith(spelling):
                letters += letter
                rest = rest[len(spelling) :]
                break
        else:
            return None
    return letters if len(letters) >= _MIN_LETTERS else None


def _renders_itself(word: str) -> bool:
    """Whether the lexicon translates `word` by its own sound ("यूरोप" -> Europe): an entry of a
    name, not of an ordinary word ("विजय" -> victory; "सिंह" -> lion, though Singh is a name)."""
    latin = latin_form(word)
    return any(
        sounds_alike(latin, target) and _onset(latin) == _onset(target)
        for target in translations(lexeme_key(word, "hi"), "hi", "en")
    )


def _onset(latin: str) -> str:
    """A form's first sound class, any vowel or "y" as one ("yurop" / "europe")."""
    first = first_class(latin)
    return "V" if first and first in "aeiouy" else first


def find(text: str) -> list[Name]:
    names: list[Name] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) < _MIN_LEN or stop_word(word, "hi"):
            continue
        place = is_place(word, "hi") or is_place(stem_hindi(word), "hi")
        listed = None if place else hindi_proper_nouns().get(name_key(word))
        ordinary = known(word, "hi") or known(stem_hindi(word), "hi")
        if not place and ordinary and not (listed and _renders_itself(word)):
            continue
        acronym = None if place or listed else spelled_acronym(word)
        latin = (acronym.lower(), latin_form(word)) if acronym else (latin_form(word),)
        part = NamePart(word, match.start(), match.end(), latin)
        label, how = ("LOC", "alias") if place else ("MISC", "unknown-word")
        if acronym:
            label, how = "ORG", "spelled-acronym"
        elif listed:
            label, how = listed, "apertium"
        strong = place or acronym is not None or listed is not None
        names.append(Name(word, match.start(), match.end(), label, how, strong, (part,)))
    names.extend(latin_names(text))
    return names
