"""Times of day across the 12-hour and 24-hour clocks: CLDR's conventions, and the readings."""

from __future__ import annotations

import pytest

from evalsuite.text.clock_times import hour_of_day, hour_words, twelve_hour_clock
from evalsuite.text.numbers import extract_numbers, satisfies


def test_which_languages_keep_a_twelve_hour_clock() -> None:
    assert twelve_hour_clock("en") and twelve_hour_clock("hi")
    assert not any(twelve_hour_clock(lang) for lang in ("de", "es", "fr", "ru", "pl", "cs"))
    assert not twelve_hour_clock("not-a-language")


def test_hour_words_come_from_cldr() -> None:
    assert {"uhr", "stunden"} <= hour_words("de")
    assert {"horas", "h"} <= hour_words("es")
    assert "часов" in hour_words("ru")
    assert hour_words("not-a-language") == frozenset()


@pytest.mark.parametrize(
    ("hour", "half", "value"), [(7, "p", 19), (7, "a", 7), (12, "a", 0), (12, "p", 12)]
)
def test_hour_of_day(hour: int, half: str, value: int) -> None:
    assert hour_of_day(hour, half) == value


def _hour(text: str, lang: str):  # type: ignore[no-untyped-def]
    return extract_numbers(text, lang)[0]


@pytest.mark.parametrize(
    ("left", "left_lang", "right", "right_lang", "same"),
    [
        ("at 7 pm", "en", "в 19:00", "ru", True),
        ("at 7 p.m.", "en", "um 19 Uhr", "de", True),
        ("at 7.30 pm", "en", "a las 19.30 horas", "es", True),
        ("at 7pm", "en", "à 19 h", "fr", True),
        ("at 7 pm", "en", "a las 7 de la tarde", "es", True),  # the day half said in words
        ("at 8 pm", "en", "в 19:00", "ru", False),
        ("at 7 am", "en", "в 19:00", "ru", False),
        ("at 7 pm", "en", "um 07:00", "de", False),  # a 24-hour time is no bare "7"
        ("at 7 am", "en", "at 7 pm", "en", False),
    ],
)
def test_same_time_of_day(left: str, left_lang: str, right: str, right_lang: str,
                          same: bool) -> None:  # fmt: skip
    a, b = _hour(left, left_lang), _hour(right, right_lang)
    assert satisfies(a, b) is same and satisfies(b, a) is same


def test_twelve_hour_reading_only_where_the_language_keeps_that_clock() -> None:
    [seven] = extract_numbers("Artikel 7 am Ende", "de")
    assert seven.clock == ""
    assert [m.key for m in extract_numbers("7 amps, 12 am", "en")] == ["7", "0"]


def test_a_decimal_before_an_hour_word_stays_a_decimal_where_the_dot_is_decimal() -> None:
    assert [m.key for m in extract_numbers("1.30 hours", "en")] == ["1.3"]
    assert [m.key for m in extract_numbers("19.00 horas", "es")] == ["19", "0"]
    assert extract_numbers("19.00 horas", "es")[1].weak
