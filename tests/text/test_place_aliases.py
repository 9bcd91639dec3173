"""The place table: other names of countries, regions and cities from CLDR, countryinfo and
GeoNames (see scripts/build_entity_aliases.py), looked up by folded key."""

from __future__ import annotations

import pytest

from evalsuite.text.normalize import fold
from evalsuite.text.place_aliases import alias_keys, places_of, same_place


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Wales", "Welsh", True),  # countryinfo demonym of a region
        ("United Kingdom", "British", True),
        ("Britain", "UK", True),  # the supplement's short form
        ("Germany", "Deutschland", True),  # CLDR, German
        ("Germany", "Германия", True),  # CLDR, Russian, transliterated
        ("München", "Munich", True),  # GeoNames alternate name
        ("Kiev", "Kyiv", True),
        ("Bavaria", "Bavarian", False),  # a derived form: same_stem relates them, not the table
        ("Wales", "British", False),  # a region is not its country
        ("Warsaw", "Prague", False),
    ],
)
def test_same_place(a: str, b: str, same: bool) -> None:
    assert same_place(fold(a), fold(b)) is same


def test_a_key_may_name_several_places() -> None:
    kinds = {place.kind for place in places_of("moscow")}
    assert kinds == {"city"} and len(places_of("moscow")) >= 1
    assert "moskva" in alias_keys("moscow")


def test_the_table_names_places_and_bodies_never_people() -> None:
    assert {p.kind for key in ("germany", "wales", "munich", "nato") for p in places_of(key)} == {
        "country", "region", "city", "org"
    }  # fmt: skip
    assert places_of("zelensky") == () and places_of("gdynia") == ()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Malouines", "Falklands"),  # French short form, English plural short form
        ("Malvinas", "Falkland Islands"),
        ("Faroes", "Färöer"),
    ],
)
def test_island_countries_go_by_their_short_forms(a: str, b: str) -> None:
    assert same_place(fold(a), fold(b))


def test_no_short_form_that_is_a_persons_name_or_an_ordinary_word() -> None:
    assert not places_of("cook")  # Cook Islands: a surname
    assert not places_of("canary")  # Canary Islands: a bird
