"""Reading numbers by value: separators per language, words, scales, dates, conversions."""

from __future__ import annotations

import pytest

from evalsuite.text.numbers import extract_numbers, has_number_words, satisfies


@pytest.mark.parametrize(
    ("text", "lang", "keys"),
    [
        ("1,5 Millionen", "de", ["1500000"]),
        ("1.5 million", "en", ["1500000"]),
        ("1.000 Euro", "de", ["1000"]),
        ("1 000 euros", "fr", ["1000"]),
        ("12,5 %", "fr", ["12.5"]),
        ("two thousand", "en", ["2000"]),
        ("thousands of people", "en", ["~1000"]),
        ("26 July 2020", "en", ["26", "7", "2020"]),
        ("2020-07-26", "en", ["2020", "7", "26"]),
        ("zwei und zwanzig", "de", ["22"]),
        ("zweiundzwanzig Leute", "de", ["22"]),
        ("dreitausendfünfhundert Euro", "de", ["3500"]),
        ("siebzehn", "de", ["17"]),
        ("Undine kam", "de", []),
    ],
)
def test_keys(text: str, lang: str, keys: list[str]) -> None:
    assert sorted(m.key for m in extract_numbers(text, lang)) == sorted(keys)


def test_conversion_in_brackets_is_one_group() -> None:
    miles, km = extract_numbers("travel up to 190 miles (300 km).", "en")
    assert miles.group == km.group >= 0


def test_magnitude_word_satisfies_a_number_of_its_magnitude() -> None:
    [marker] = extract_numbers("thousands", "en")
    [exact] = extract_numbers("5,000", "en")
    assert satisfies(marker, exact) and satisfies(exact, marker)
    [small] = extract_numbers("500", "en")
    assert not satisfies(marker, small)


def test_number_word_tables() -> None:
    assert has_number_words("en") and has_number_words("de") and not has_number_words("ja")
