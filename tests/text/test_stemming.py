"""Stemming per language: short words kept, Hindi light stemming, no Greek stemming."""

from __future__ import annotations

import pytest

from evalsuite.text.hindi_stemmer import stem_hindi
from evalsuite.text.stemming import stemmer_for


def _stem(lang: str, words: str) -> list[str]:
    stemmer = stemmer_for(lang)
    assert stemmer is not None
    return [stemmer.stem(w) for w in words.split()]


def test_short_function_words_are_never_merged() -> None:
    # Snowball alone: она, оно, они -> он; les -> le, des -> de.
    assert _stem("ru", "она оно они кошками") == ["она", "оно", "они", "кошк"]
    assert _stem("fr", "les des chats") == ["les", "des", "chat"]


def test_hindi_keeps_postpositions_apart_and_strips_endings() -> None:
    assert _stem("hi", "के को की") == ["के", "को", "की"]
    assert _stem("hi", "लड़कों लड़के खेला खेली") == ["लड़क", "लड़क", "खेल", "खेल"]
    assert stemmer_for("hi-IN").name == "hindi-light>3"  # type: ignore[union-attr]


@pytest.mark.parametrize(("token", "stem"), [("जाएंगे", "जा"), ("किताबें", "किताब"), ("घर", "घर")])
def test_hindi_stemmer_keeps_two_characters(token: str, stem: str) -> None:
    """ाएंगे would leave one character of जाएंगे, so the next longest suffix, एंगे, goes."""
    assert stem_hindi(token) == stem


def test_greek_is_not_stemmed() -> None:
    assert stemmer_for("el") is None
