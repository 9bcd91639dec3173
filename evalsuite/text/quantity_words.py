"""The words around a number that say what it counts, per language: hedges ("more than"),
age markers ("aged", "-year-old"), and phrases that date a text relative to a year ("last
year"). Units and currencies come from CLDR (`evalsuite.text.units`); these are the few
grammatical words CLDR does not cover, written from each language's grammar, not from data.

A language without a table here still gets units, currencies and dates; its numbers are
then compared without hedges or ages (as exact values of their unit).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QuantityWords", "quantity_words"]


@dataclass(frozen=True)
class QuantityWords:
    """Phrases of one language, lowercased. Hedges map to a bound: "more" (the value is
    above the number), "least" (at or above), "less", "most" (at or below), "about"."""

    hedges: dict[str, str]
    age_before: tuple[str, ...]
    """Words before an age ("aged 25", "age of 25")."""
    age_after: dict[str, str]
    """Words after an age, to the CLDR duration unit the age is counted in."""
    relative_years: tuple[str, ...]
    """Phrases that place an event a year from the text's own date ("last year")."""
    ago: tuple[str, ...]
    """Words after a duration that count it back from the text's date ("three years ago")."""
    ambiguous_months: tuple[str, ...] = ()
    """Month names that are also common words, read as months only when capitalised."""


_EN = QuantityWords(
    hedges={
        "more than": "more", "over": "more", "above": "more", "in excess of": "more",
        "upwards of": "more", "exceeding": "more", "just over": "more", "well over": "more",
        "at least": "least", "a minimum of": "least", "no fewer than": "least",
        "no less than": "least", "less than": "less", "fewer than": "less", "under": "less",
        "below": "less", "just under": "less", "up to": "most", "at most": "most",
        "a maximum of": "most", "as many as": "most", "as much as": "most", "about": "about",
        "around": "about", "approximately": "about", "roughly": "about", "some": "about",
        "nearly": "about", "almost": "about", "close to": "about", "an estimated": "about",
        "estimated": "about", "circa": "about", "c.": "about", "approx.": "about",
        "almost exactly": "about", "more or less": "about", "an average of": "about",
    },
    age_before=("aged", "age of", "ages of", "age", "aged between"),
    age_after={
        "-year-old": "duration-year", "-years-old": "duration-year",
        "year-old": "duration-year", "years old": "duration-year", "year old": "duration-year",
        "-month-old": "duration-month", "months old": "duration-month",
        "-week-old": "duration-week", "weeks old": "duration-week",
        "-day-old": "duration-day", "days old": "duration-day",
        "-year-olds": "duration-year", "year-olds": "duration-year",
    },
    relative_years=(
        "last year", "this year", "next year", "a year ago", "a year earlier",
        "a year later", "the previous year", "the following year", "the year before",
        "the year after", "earlier this year", "later this year", "last season",
        "this season", "next season", "this spring", "this summer", "this autumn",
        "this winter", "last spring", "last summer", "last autumn", "last winter",
        "the past year", "the coming year", "this month", "last month", "next month",
    ),
    ago=("ago", "earlier", "before", "since"),
    ambiguous_months=("may", "march"),
)  # fmt: skip

_TABLES = {"en": _EN}
_EMPTY = QuantityWords({}, (), {}, (), ())


def quantity_words(lang: str) -> QuantityWords:
    """The phrase table of `lang` (an empty one for a language without a table)."""
    return _TABLES.get(lang, _EMPTY)
