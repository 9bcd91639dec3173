"""The words around a number that say what it counts, per language: hedges ("more than"),
age markers ("aged", "-year-old"), and phrases that date a text relative to a year ("last
year"). Units and currencies come from CLDR (`evalsuite.text.units`); these are the few
grammatical words CLDR does not cover, written from each language's grammar, not from data.

A language without a table here still gets units, currencies and dates; its numbers are
then compared without hedges or ages (as exact values of their unit).
"""

from __future__ import annotations

import dataclasses
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
    indefinite: tuple[str, ...] = ()
    """Articles that make an ordinal count ("a second man": two men; "a third woman": two
    before her, three in all), unless a fraction follows ("a third of")."""
    fraction_after: tuple[str, ...] = ()
    """Words after such an ordinal that make it a fraction ("a third of the staff")."""
    fractions: dict[str, int] = dataclasses.field(default_factory=dict)
    """Fraction words after a number, to their denominator ("two-thirds": 2/3, a share read
    as a percentage)."""
    implicit: dict[str, tuple[float, str]] = dataclasses.field(default_factory=dict)
    """Phrases that state a number without one, to (value, unit word or "count"): "a decade"
    is one decade, "both" and "twins" two of something. An article's such phrase licenses the
    summary's number ("ten years", "two men"); the phrase itself is never reported."""


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
    indefinite=("a", "an"),
    fraction_after=("of",),
    implicit={
        "a decade": (1, "decade"), "a century": (1, "century"), "a fortnight": (2, "weeks"),
        "half a year": (0.5, "year"), "half a century": (0.5, "century"),
        "half a decade": (0.5, "decade"), "a year and a half": (1.5, "years"),
        "a year and a half's": (1.5, "years"), "a month": (1, "month"), "a week": (1, "week"),
        "a year": (1, "year"), "a day": (1, "day"), "an hour": (1, "hour"),
        "half an hour": (0.5, "hour"), "a quarter of an hour": (0.25, "hour"),
        "a year's": (1, "year"), "a decade's": (1, "decade"),
        "both": (2, "count"), "twins": (2, "count"), "a pair of": (2, "count"),
        "a couple of": (2, "count"), "a brace": (2, "count"), "a trio of": (3, "count"),
        "triplets": (3, "count"), "a hat-trick": (3, "count"), "a hat trick": (3, "count"),
        "quadruplets": (4, "count"), "a quartet of": (4, "count"),
        "quintuplets": (5, "count"), "sextuplets": (6, "count"), "twice": (2, "count"),
        "a double": (2, "count"), "a treble": (3, "count"),
        "half of": (50, "percent"), "a half of": (50, "percent"), "a quarter of": (25, "percent"),
        "a third of": (100 / 3, "percent"), "one third of": (100 / 3, "percent"),
        "two-thirds of": (200 / 3, "percent"), "two thirds of": (200 / 3, "percent"),
        "three-quarters of": (75, "percent"), "three quarters of": (75, "percent"),
        "doubled": (100, "percent"), "tripled": (200, "percent"), "trebled": (200, "percent"),
        "quadrupled": (300, "percent"), "halved": (50, "percent"),
    },
    fractions={
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
        "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
        "tenth": 10, "tenths": 10,
    },
)  # fmt: skip

_TABLES = {"en": _EN}
_EMPTY = QuantityWords({}, (), {}, (), ())


def quantity_words(lang: str) -> QuantityWords:
    """The phrase table of `lang` (an empty one for a language without a table)."""
    return _TABLES.get(lang, _EMPTY)
