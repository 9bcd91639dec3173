"""The content words of a text, with character spans and lookup keys, in any language.

Chinese is segmented with jieba and Japanese with MeCab (fugashi, unidic-lite), whose
dictionary form (lemma) is a second key; other languages split on letters. Function words
(spaCy's stop lists; in Japanese also UniDic's particles, auxiliaries, pronouns and light
verbs) are left out: alignment is about what a sentence says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from evalsuite.align.keys import is_stop_word, lexeme_key

__all__ = ["WORD", "Word", "content_words"]

# Letters and the combining vowel signs that Indic scripts write words with ("राष्ट्रपति").
_LETTERS = r"(?:[^\W\d_]|[\u0300-\u036f\u0900-\u0dff])+"
WORD = re.compile(rf"\d+(?:[.,:]\d+)*%?|{_LETTERS}(?:['’\-]{_LETTERS})*")
_SEGMENTED = frozenset({"zh", "ja"})
_CJK_PUNCT = re.compile(r"^[\W_]+$")
_MIN_LEN = {"zh": 1, "ja": 1}


@dataclass(frozen=True)
class Word:
    """One content word: where it is, its text, and the keys it is looked up by."""

    start: int
    end: int
    text: str
    keys: tuple[str, ...]

    @property
    def parts(self) -> tuple[str, ...]:
        """The word and, for a hyphenated one ("UN-Experte"), each of its parts."""
        return (self.text, *self.text.split("-")) if "-" in self.text else (self.text,)

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


@cache
def _fugashi() -> Any:
    import fugashi

    return fugashi.Tagger()


_JA_FUNCTION_POS = frozenset({"助詞", "助動詞", "補助記号", "記号", "空白", "代名詞"})
"""UniDic parts of speech that carry no content: particles, auxiliaries ("まし" of
"ました"), symbols, pronouns."""
_JA_LIGHT = "非自立可能"
"""UniDic's mark of a verb that leans on another word ("し" of "復帰しました", "い" of "て
いる")."""


def _japanese_function(feature: Any) -> bool:
    pos1 = getattr(feature, "pos1", None)
    light = pos1 == "動詞" and getattr(feature, "pos2", "") == _JA_LIGHT
    return pos1 in _JA_FUNCTION_POS or light


def _japanese(text: str) -> list[tuple[str, int, int, str]]:
    out = []
    position = 0
    for token in _fugashi()(text):
        surface = token.surface
        start = text.find(surface, position)
        if start < 0:
            continue
        position = start + len(surface)
        if _japanese_function(token.feature) and not surface.isascii():
            continue
        lemma = getattr(token.feature, "lemma", None) or surface
        out.append((surface, start, position, str(lemma).split("-")[0]))
    return out


def _chinese(text: str) -> list[tuple[str, int, int, str]]:
    import jieba

    jieba.setLogLevel(60)
    return [(w, s, e, w) for w, s, e in jieba.tokenize(text)]


def _segmented(text: str, lang: str) -> list[tuple[str, int, int, str]]:
    pieces = _chinese(text) if lang == "zh" else _japanese(text)
    out: list[tuple[str, int, int, str]] = []
    for surface, start, end, lemma in pieces:
        if surface.isascii():  # Latin names, digits: split like any other text
            out.extend(
                (m.group(), start + m.start(), start + m.end(), m.group())
                for m in WORD.finditer(surface)
            )
        elif not _CJK_PUNCT.match(surface):
            out.append((surface, start, end, lemma))
    return out


@cache
def _english_irregular() -> dict[str, str]:
    """Irregular English forms and their lemmas ("said" -> "say"), from the exception
    tables of the installed English spaCy model's lemmatizer (empty without one)."""
    from evalsuite.text.nlp import load_pipeline

    nlp = load_pipeline("en")
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return {}
    table = lookups.get_table("lemma_exc")
    forms: dict[str, str] = {}
    for pos in ("verb", "noun", "adj"):
        for form, lemmas in (table.get(pos) or {}).items():
            if lemmas and lemmas[0] != form:
                forms.setdefault(form, lemmas[0])
    return forms


@lru_cache(maxsize=16384)
def content_words(text: str, lang: str) -> tuple[Word, ...]:
    """The content words of `text` in `lang`, in order."""
    if lang in _SEGMENTED:
        pieces = _segmented(text, lang)
    else:
        pieces = [(m.group(), m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    words = []
    minimum = _MIN_LEN.get(lang, 2)
    irregular = _english_irregular() if lang == "en" else {}
    for surface, start, end, lemma in pieces:
        lemma = irregular.get(lemma.casefold(), lemma)
        if not surface[:1].isdigit() and (len(surface) < minimum or is_stop_word(surface, lang)):
            continue
        parts = [lemma, *surface.split("-")] if "-" in surface else [lemma]
        keys = dict.fromkeys(
            [lexeme_key(surface, lang)] + [lexeme_key(p, lang) for p in parts if p]
        )
        words.append(Word(start, end, surface, tuple(keys)))
    return tuple(words)
