"""Decades with and without their century, per language's decade words."""

from __future__ import annotations

import pytest

from evalsuite.text.decades import decade_cues, is_decade, same_decade
from evalsuite.text.numbers import extract_numbers, satisfies


def test_every_language_row_has_a_known_place() -> None:
    for lang in ("en", "de", "ru", "es", "fr", "pl", "cs"):
        assert set(decade_cues(lang)) <= {"before", "after", "suffix"}
        assert decade_cues(lang)
    assert decade_cues("xx") == {}


@pytest.mark.parametrize(
    ("text", "lang", "decade"),
    [
        ("the 1990s", "en", True),
        ("the '80s", "en", True),
        ("die 90er Jahre", "de", True),
        ("in den 70ern", "de", True),
        ("в 90-е годы", "ru", True),
        ("в 1980-х", "ru", True),
        ("los años 90", "es", True),
        ("les années 1990", "fr", True),
        ("w latach 90.", "pl", True),
        ("v 90. letech", "cs", True),
        ("in 1990", "en", False),
        ("90 years", "en", False),
        ("the 1995s", "en", False),  # a decade ends in 0
        ("los años 95", "es", False),
        ("100 años", "es", False),
    ],
)
def test_is_decade(text: str, lang: str, decade: bool) -> None:
    [number] = [m for m in extract_numbers(text, lang) if m.text.isdigit()]
    assert number.decade is decade
    assert is_decade(text, number.start, number.end, number.value, lang) is decade


@pytest.mark.parametrize(
    ("left", "left_lang", "right", "right_lang", "same"),
    [
        ("in the 1990s", "en", "w latach 90.", "pl", True),
        ("in the 90s", "en", "los años 90", "es", True),
        ("in the 1990s", "en", "die 90er Jahre", "de", True),
        ("in the 1990s", "en", "в 90-е годы", "ru", True),
        ("in the 90s", "en", "les années 1990", "fr", True),
        ("in the 1990s", "en", "in the 1980s", "en", False),
        ("in the 80s", "en", "w latach 90.", "pl", False),
        ("in the 1980s", "en", "los años 90", "es", False),
        ("in 1990", "en", "los años 90", "es", False),  # a year is not a decade
    ],
)
def test_same_decade_across_languages(left: str, left_lang: str, right: str, right_lang: str,
                                      same: bool) -> None:  # fmt: skip
    a, b = extract_numbers(left, left_lang)[0], extract_numbers(right, right_lang)[0]
    assert satisfies(a, b) is same and satisfies(b, a) is same


def test_same_decade_needs_one_short_and_one_long_form() -> None:
    assert same_decade(90, "90", 1990, "1990") and same_decade(1890, "1890", 90, "90")
    assert not same_decade(90, "90", 90, "90")  # equal keys match anyway, not by this rule
    assert not same_decade(1990, "1990", 1890, "1890")
