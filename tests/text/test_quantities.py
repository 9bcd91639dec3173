"""Reading quantities: what each number of a text counts, from the words around it."""

from __future__ import annotations

import pytest

from evalsuite.text.quantities import read_quantities
from evalsuite.text.units import currency_names, currency_symbols, unit_words


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("a £76m takeover", [("£76m", "money", 76e6)]),
        ("for $1.5m", [("$1.5m", "money", 1.5e6)]),
        ("5 million dollars", [("5 million dollars", "money", 5e6)]),
        ("US$ 20bn", [("US$ 20bn", "money", 20e9)]),
        ("costs 50p", [("50p", "money", 0.5)]),
        ("a two-year-old girl", [("two-year-old", "age", 2)]),
        ("aged 26", [("26", "age", 26)]),
        ("a three-month-old baby", [("three-month-old", "age", 3)]),
        ("a two-year deal", [("two-year", "measure", 2)]),
        ("28 weeks and two days", [("28 weeks", "measure", 28), ("two days", "measure", 2)]),
        ("100 kilometres", [("100 kilometres", "measure", 100)]),
        ("5 per cent", [("5 per cent", "percent", 5)]),
        ("12.5%", [("12.5%", "percent", 12.5)]),
        ("two cyclists", [("two", "count", 2)]),
        ("in 2014", [("2014", "year", 2014)]),
        ("the 1980s", [("1980s", "decade", 1980)]),
        ("at 09:35", [("09", "clock", 9), ("35", "clock", 35)]),
        ("the 25th", [("25th", "ordinal", 25)]),
        ("five of them", [("five", "bare", 5)]),
        ("two-thirds of them", [("two-thirds", "percent", 200 / 3)]),
        ("in the second half", [("second", "ordinal", 2), ("half", "bare", 0.5)]),
        # a half that adds to the number before it
        ("a two-and-a-half-year deal", [("two-and-a-half-year", "measure", 2.5)]),
        ("one and a half million pounds", [("one and a half million pounds", "money", 1.5e6)]),
        ("two and a half per cent", [("two and a half per cent", "percent", 2.5)]),
        # a share in two numbers
        ("one in five adults", [("one in five", "percent", 20)]),
        ("nine out of 10 doctors", [("nine out of 10", "percent", 90)]),
        ("scored 2 in 5 games", [("2", "bare", 2), ("5", "count", 5)]),
        # a decade of someone's age, not of a century
        ("a man in his 30s", [("30s", "age", 30)]),
        ("music of the 80s", [("80s", "decade", 1980)]),
    ],
)
def test_reading(text: str, readings: list[tuple[str, str, float]]) -> None:
    found = [(q.text, q.kind, q.value) for q in read_quantities(text, "en")]
    assert found == [(t, k, pytest.approx(v)) for t, k, v in readings]


def test_dates_ranges_and_seasons() -> None:
    april = [q for q in read_quantities("held on April 8 and 9 May", "en") if q.kind == "day"]
    assert [(q.value, q.readings[0].month) for q in april] == [(8, 4), (9, 5)]
    [low, high] = read_quantities("from 98 to 127 million euros", "en")
    assert (low.kind, low.value, high.value) == ("money", 98e6, 127e6)
    [first, second] = read_quantities("the 2016-17 season", "en")
    assert (first.value, second.kind, second.value) == (2016, "year", 2017)
    [young, old] = read_quantities("aged 18 and 19", "en")
    assert young.kind == old.kind == "age"


def test_hedges_and_precision() -> None:
    [q] = read_quantities("more than 65 people", "en")
    assert q.bound == "more"
    [q] = read_quantities("about £1.5m", "en")
    assert (q.bound, q.precision, q.significant) == ("about", pytest.approx(1e5), 2)
    [q] = read_quantities("65,000 fans", "en")
    assert (q.precision, q.significant) == (1000, 2)


def test_ambiguous_forms_keep_every_reading() -> None:
    [q] = read_quantities("weighs 5 pounds", "en")
    assert {r.kind for r in q.readings} == {"money", "measure"}


def test_cldr_tables() -> None:
    units = unit_words("en")
    assert units["kilometres"].id == units["km"].id == "length-kilometer"
    assert units["miles"].factor == pytest.approx(1609.344)
    assert "in" not in units and "pm" not in units  # everyday words are never units
    assert "USD" in currency_symbols("en")["$"] and "AUD" in currency_symbols("en")["$"]
    assert currency_symbols("en")["£"] >= {"GBP"}
    assert currency_names("en")["us dollars"][0] == {"USD"}
    assert unit_words("ru")["километров"].id == "length-kilometer"


def test_a_year_written_with_the_word_year_outside_english() -> None:
    [q] = read_quantities("запуск намечен на 2031 год", "ru")
    assert [r.kind for r in q.readings] == ["year", "measure"] and q.value == 2031
    [q] = read_quantities("it took 2000 years", "en")
    assert [r.kind for r in q.readings] == ["measure"]


def test_numbers_stated_without_a_numeral() -> None:
    from evalsuite.text.quantities import implicit_quantities

    found = [(q.text, q.kind, q.value) for q in implicit_quantities(
        "Both men served a decade; twins were born half a year later.", "en")]  # fmt: skip
    assert found == [("Both", "count", 2), ("a decade", "measure", 1),
                     ("twins", "count", 2), ("half a year", "measure", 0.5)]  # fmt: skip
    assert all(q.weak for q in implicit_quantities("Both men left.", "en"))
    assert implicit_quantities("Both men left.", "de") == ()


@pytest.mark.parametrize(
    ("lang", "nouns", "adjectives"),
    [
        ("ru", ["рубль", "доллар", "крона", "фунт"], ["российский", "австралийский", "чешская"]),
        ("cs", ["koruna", "dolar", "libra"], ["česká", "australský", "britská"]),
        ("uk", ["рубль", "долар", "крона"], ["російський", "австралійський", "чеська"]),
    ],
)
def test_currency_nouns_not_adjectives(lang: str, nouns: list[str], adjectives: list[str]) -> None:
    """A currency name's noun alone names it; a country's adjective alone does not."""
    names = currency_names(lang)
    assert all(noun in names for noun in nouns)
    assert not any(adjective in names for adjective in adjectives)
