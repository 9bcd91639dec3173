"""Is a capitalised word a name? What WordNet says of its case.

"Boss" in "Boss Ashley", "Broadcaster" in "Broadcaster Sky" and "Tributes" opening a sentence
are common words that a sentence start capitalised; "Mark" or "Grant" may be first names. The
table `resources/wordnet_words.tsv` (built by `scripts/build_wordnet_words.py` from WordNet
3.0) says, per single-word lemma, whether WordNet has it in lower case, as a lower-case noun
of a person (a role or title: boss, singer), and capitalised (a proper noun too).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["common_word", "plural_of_common_noun", "proper_lemma", "role_noun"]

TABLE = "wordnet_words.tsv"


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    text = (resources.files("evalsuite") / "resources" / TABLE).read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {word: flags for word, flags in rows}


def _lemmas(word: str) -> list[str]:
    """The word and the singulars it may be a plural of (tributes, countries, boxes)."""
    word = word.lower()
    forms = [word]
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        forms.append(word[:-2])
    if word.endswith("s") and len(word) > 3:
        forms.append(word[:-1])
    return forms


def _flags(word: str) -> str:
    """The flags of the word, or else of the first singular WordNet has ("boss" is not a
    plural of "bos")."""
    table = _table()
    return next((table[form] for form in _lemmas(word) if form in table), "")


def common_word(word: str) -> bool:
    """Whether WordNet has the word (or its singular) in lower case: "tributes", "boss"."""
    return "c" in _flags(word)


def role_noun(word: str) -> bool:
    """Whether the word is a lower-case noun of a person in WordNet: "boss", "singer"."""
    return "p" in _flags(word)


def proper_lemma(word: str) -> bool:
    """Whether WordNet also has the word capitalised, as a name: "Mark", "China", "Singer"."""
    return "C" in _flags(word)


def plural_of_common_noun(word: str) -> bool:
    """Whether the word is no lemma itself but the plural of a lower-case one ("Tributes",
    "Officials"); names are seldom plural."""
    table, forms = _table(), _lemmas(word)
    return forms[0] not in table and any("c" in table.get(form, "") for form in forms[1:])
