"""Content-word keys of a stretch of text, comparable across paraphrases of one language.

Checks that align clauses or ask whether a sentence is supported need the same crude notion of
"what this is about" with or without a parser: lemmas (spaCy) or Snowball stems (rules), minus
stop words, plus numbers as written digits.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

import snowballstemmer

from evalsuite.text.memo_sizes import WORD_MEMO
from evalsuite.text.tokenize import SNOWBALL_LANGUAGES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["content_keys", "overlap", "recall", "stem", "token_keys", "word_keys"]

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?")
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "X"})
_MIN_LEN = 3


@lru_cache(maxsize=32)
def _stop_words(lang: str) -> frozenset[str]:
    try:
        module = importlib.import_module(f"spacy.lang.{lang}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(w.casefold() for w in module.STOP_WORDS)


@lru_cache(maxsize=32)
def _stemmer(lang: str) -> snowballstemmer.Stemmer | None:
    name = SNOWBALL_LANGUAGES.get(lang)
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=WORD_MEMO)
def stem(word: str, lang: str) -> str:
    """A casefolded stem: Snowball where it knows the language, else the first five letters."""
    word = word.casefold().replace("’", "'")
    if word[:1].isdigit():
        return re.sub(r"[.,]", "", word)
    stemmer = _stemmer(lang)
    return stemmer.stemWord(word) if stemmer else word[:5]


def _is_content(word: str, lang: str) -> bool:
    if word[:1].isdigit():
        return True
    return len(word) >= _MIN_LEN and word.casefold() not in _stop_words(lang)


def word_keys(text: str, lang: str) -> list[str]:
    """Stems of the content words of plain text (no parse)."""
    return [stem(w, lang) for w in _WORD.findall(text) if _is_content(w, lang)]


def token_keys(tokens: Iterable[Token], lang: str) -> list[str]:
    """Stems of the lemmas of content tokens of a parse (same key space as `word_keys`)."""
    keys = []
    for tok in tokens:
        if tok.is_punct or tok.is_space or tok.like_num and not tok.text[:1].isdigit():
            continue
        word = tok.text if tok.pos_ == "PROPN" or tok.like_num else tok.lemma_ or tok.text
        if tok.pos_ in _CONTENT_POS and _is_content(word, lang) and not tok.is_stop:
            keys.append(stem(word, lang))
    return keys


def content_keys(span: Span | str, lang: str) -> frozenset[str]:
    """Content keys of a parsed span or a plain string."""
    if isinstance(span, str):
        return frozenset(word_keys(span, lang))
    return frozenset(token_keys(span, lang))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice overlap of two key sets (0 when either is empty)."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def recall(part: frozenset[str], whole: frozenset[str]) -> float:
    """Share of `part`'s keys found in `whole` (1 for an empty `part`)."""
    return len(part & whole) / len(part) if part else 1.0
