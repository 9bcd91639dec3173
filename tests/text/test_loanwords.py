"""Katakana readings against English words: loanwords are found, unrelated words are not."""

from __future__ import annotations

import pytest

from evalsuite.text.loanwords import english_shapes, renders_english


@pytest.mark.parametrize(
    ("reading", "word"),
    [
        ("gusu", "goose"),  # a final silent e
        ("boga", "booger"),  # no r after a vowel
        ("sutatsu", "starts"),  # a plural, ts
        ("tairudo", "tildes"),
        ("akaiku", "Archaic"),  # in capitals, opening a sentence
        ("monyumento", "monuments"),
    ],
)
def test_a_loanword_renders_its_english_word(reading: str, word: str) -> None:
    assert renders_english(reading, word)


@pytest.mark.parametrize(
    ("reading", "word"),
    [
        ("gusu", "case"),  # the same consonant class, spelled far apart
        ("sumisu", "smith"),  # th is no s
        ("potoro", "yesterday"),
        ("gusu", "gu"),  # too short to compare
        ("gusu", "goose's"),  # not a word of letters
    ],
)
def test_an_unrelated_word_is_not_rendered(reading: str, word: str) -> None:
    assert not renders_english(reading, word)


def test_english_shapes() -> None:
    assert english_shapes("booger") == ("booger", "boog")
    assert english_shapes("starts") == ("starts", "stats", "start", "stat")
