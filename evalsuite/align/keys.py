"""Lookup keys of words, shared by the lexicon builder and the aligner.

A bilingual lexicon and a sentence must meet on the same keys, or nothing aligns: the builder
writes its files with `lexeme_key`, and the aligner looks words up with it. Keys are casefolded
Snowball stems where Snowball knows the language (so "Regierungen" finds "Regierung"), and the
word itself in Chinese and Japanese, whose words do not inflect that way. `KEY_VERSION` is
written into every lexicon file: a file built with other keys is rebuilt, not misread.
"""

from __future__ import annotations

import importlib
import unicodedata
from functools import lru_cache

from evalsuite.text.memo_sizes import WORD_MEMO
from evalsuite.text.tokenize import SNOWBALL_LANGUAGES, snowball_stem

__all__ = ["KEY_VERSION", "english_key", "is_stop_word", "lexeme_key"]

KEY_VERSION = "1"
# Function words of dictionary glosses that no sentence needs covered ("to go", "sth").
_GLOSS_FILLER = frozenset(
    ["sb", "sth", "sb's", "sth's", "one's", "oneself", "someone", "something", "etc", "e.g"]
)


@lru_cache(maxsize=WORD_MEMO)
def lexeme_key(word: str, lang: str) -> str:
    """The key of one word of `lang`: NFC, casefolded, stemmed where Snowball can."""
    folded = unicodedata.normalize("NFC", word).casefold().replace("’", "'")
    algorithm = SNOWBALL_LANGUAGES.get(lang)
    if algorithm is None or any(ch.isdigit() for ch in folded):
        return folded
    return snowball_stem(algorithm, folded)


def english_key(word: str) -> str:
    """The key of an English word (the side every lexicon here has)."""
    return lexeme_key(word, "en")


@lru_cache(maxsize=64)
def _stop_words(lang: str) -> frozenset[str]:
    try:
        module = importlib.import_module(f"spacy.lang.{lang}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(w.casefold() for w in module.STOP_WORDS)


def is_stop_word(word: str, lang: str) -> bool:
    """A function word of `lang` (spaCy's stop list), or a gloss filler in English."""
    folded = word.casefold()
    if lang == "en" and folded in _GLOSS_FILLER:
        return True
    return folded in _stop_words(lang)
