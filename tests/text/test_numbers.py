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
    assert all(has_number_words(lang) for lang in ("en", "de", "cs", "pl", "hi", "ja", "zh"))
    assert not has_number_words("th")


# (text, language, keys): each language's separators, digits, words, scales and dates.
PER_LANGUAGE = [
    ("1.000 Euro, 1,5 Millionen", "de", ["1000", "1500000"]),
    ("zweiundzwanzig Leute, jeder Sechste", "de", ["22", "6"]),
    ("eine Million siebzehntausend", "de", ["1017000"]),
    ("1 000 000 habitants, 12,5 %", "fr", ["1000000", "12.5"]),
    ("quatre-vingt-dix-sept ans", "fr", ["97"]),
    ("1.234,5 euros", "es", ["1234.5"]),
    ("media docena de ejemplos", "es", ["6"]),
    ("trescientos cuarenta y dos", "es", ["342"]),
    ("ventitré persone, duemilaventi", "it", ["23", "2020"]),
    ("3,5 milioni di euro", "it", ["3500000"]),
    ("centinaia di persone", "it", ["~100"]),
    ("2,5 miliardy korun, 15 milionů", "cs", ["2500000000", "15000000"]),
    ("čtyři měsíce, pěti lidí, dvě stě", "cs", ["4", "5", "200"]),
    ("desítky tisíc lidí", "cs", ["~10000"]),
    ("14 000 obyvatel", "cs", ["14000"]),
    ("pięciu tysięcy osób, 3 minuty", "pl", ["5000", "3"]),
    ("dwadzieścia jeden, 10 tys. zł", "pl", ["21", "10000"]),
    ("около двадцати пяти тысяч", "ru", ["25000"]),
    ("тысячи людей", "ru", ["~1000"]),
    ("२५ लाख रुपये", "hi", ["2500000"]),
    ("तीन हज़ार पाँच सौ इक्कीस", "hi", ["3521"]),
    ("छह-बिंदु वाली", "hi", ["6"]),
    ("1,00,000 रुपये", "hi", ["100000"]),
    ("٣٫٥ مليون", "ar", ["3.5"]),
    ("９カ所で", "ja", ["9"]),
    ("1.5 million, half a dozen, tens of thousands", "en", ["1500000", "6", "~10000"]),
    ("thirty-two thousand, one hundred", "en", ["32100"]),
    ("two and three", "en", ["2", "3"]),
]


@pytest.mark.parametrize(
    ("text", "lang", "keys"), PER_LANGUAGE, ids=[f"{c[1]}-{i}" for i, c in enumerate(PER_LANGUAGE)]
)
def test_per_language(text: str, lang: str, keys: list[str]) -> None:
    mentions = extract_numbers(text, lang)
    assert [m.key for m in mentions] == keys
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_magnitudes_match_only_their_own_magnitude() -> None:
    [tens_of_thousands] = extract_numbers("tens of thousands", "en")
    [thousands] = extract_numbers("тысячи", "ru")
    [desitky] = extract_numbers("desítky tisíc", "cs")
    assert satisfies(desitky, tens_of_thousands) and not satisfies(thousands, tens_of_thousands)


def test_a_year_in_two_digits_with_a_leading_zero() -> None:
    short = [m for m in extract_numbers("on 1/1/08", "en") if m.text == "08"][0]
    [year] = extract_numbers("im Jahr 2008", "de")
    assert satisfies(year, short) and satisfies(short, year)


def test_digits_that_begin_an_identifier_are_weak() -> None:
    [m] = extract_numbers("see 2C_images", "en")
    assert m.weak


def test_abbreviated_month_before_a_day() -> None:
    keys = [(m.key, m.weak) for m in extract_numbers("BEIJING, Feb. 10 and Sept 3", "en")]
    assert keys == [("2", True), ("10", False), ("9", True), ("3", False)]
    assert [m.key for m in extract_numbers("Jan said Mar was fine", "en")] == []


def test_countless_idiom_satisfies_any_larger_magnitude_word() -> None:
    [idiom] = extract_numbers("千千万万的店铺", "zh")
    [millions] = extract_numbers("millions of shops", "en")
    [hundreds] = extract_numbers("hundreds of shops", "en")
    [thousands] = extract_numbers("тысячи", "ru")
    assert satisfies(idiom, millions) and satisfies(millions, idiom)
    assert not satisfies(idiom, hundreds) and not satisfies(thousands, millions)
