"""Other names of one place or organisation: exonyms, endonyms, transliterations, short forms
and demonyms (München/Munich/Мюнхен, UK/Britain/British, Wales/Welsh).

The table ships as `resources/entity_aliases.tsv`, built from CLDR territory names in many
languages, countryinfo's names and demonyms, and GeoNames city names, plus a short documented
supplement (see `scripts/build_entity_aliases.py`). Keys are folded like names are
(`normalize.fold`), so a form in any script is looked up by its transliteration. One key may
name several places (Moscow, Russia and Moscow, Idaho): two names are aliases when they share
a place.

Islands go by a short form too (the Falklands, les Malouines, las Malvinas, the Faroes): a key
of a country or region that is one word besides a plural word for islands gets that word, and
an English "X Islands" also the plural "Xs", at load time (`_island_short_forms`), unless the
word is a person's name or an ordinary English word ("Cook", "Canary").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Place", "alias_keys", "countries_of", "places_of", "same_place", "sorted_keys"]

TABLE = "entity_aliases.tsv"


@dataclass(frozen=True)
class Place:
    """One row of the table: what it is, its English name, and every folded form of it."""

    kind: str  # country, region, city or org
    name: str
    source: str
    keys: tuple[str, ...]


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[Place, ...], dict[str, tuple[int, ...]]]:
    text = (resources.files("evalsuite") / "resources" / TABLE).read_text(encoding="utf-8")
    places: list[Place] = []
    index: dict[str, list[int]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        kind, name, source, forms = line.split("\t")
        keys = tuple(forms.split("|"))
        if kind in _ISLAND_KINDS:
            keys += tuple(k for k in _island_short_forms(keys) if k not in keys)
        for key in keys:
            index.setdefault(key, []).append(len(places))
        places.append(Place(kind, name, source, keys))
    return tuple(places), {key: tuple(ids) for key, ids in index.items()}


_ISLAND_KINDS = frozenset({"country", "region"})
# Plural words for islands in the table's languages (folded; Cyrillic as transliterated).
_ISLAND_WORDS = frozenset({
    "islands", "iles", "illes", "islas", "illas", "isole", "ilhas", "inseln", "eilanden",
    "wyspy", "ostrovy", "ostrova", "otoci", "otoki", "saared", "szigetek", "adalari",
})  # fmt: skip
_MIN_SHORT = 5


def _island_short_forms(keys: tuple[str, ...]) -> list[str]:
    """Short forms of an island country's keys: "iles malouines" -> "malouines", "falkland
    islands" -> "falkland", "falklands"."""
    from evalsuite.text.census_names import is_personal_name
    from evalsuite.text.word_case import common_word

    out: list[str] = []
    for key in keys:
        words = key.split()
        if len(words) != 2 or not _ISLAND_WORDS & set(words):
            continue
        rest = next((w for w in words if w not in _ISLAND_WORDS), None)
        if rest is None or len(rest) < _MIN_SHORT or not rest.isalpha():
            continue
        if is_personal_name(rest) or common_word(rest):
            continue
        out.append(rest)
        if words == [rest, "islands"] and not rest.endswith("s"):
            out.append(rest + "s")
    return out


def places_of(key: str) -> tuple[Place, ...]:
    """The places a folded key names (none for most names)."""
    places, index = _table()
    return tuple(places[i] for i in index.get(key, ()))


@lru_cache(maxsize=8192)
def countries_of(key: str) -> frozenset[str]:
    """The English names of the countries a folded key names, by name, short form or demonym
    ("russian" -> Russia; "french" -> France and the territories whose people are French)."""
    return frozenset(place.name for place in places_of(key) if place.kind == "country")


def same_place(a: str, b: str) -> bool:
    """Whether two folded keys name one place ("munchen", "munich")."""
    _, index = _table()
    in_a, in_b = index.get(a), index.get(b)
    if not in_a or not in_b:
        return False
    return in_a == in_b or not set(in_a).isdisjoint(in_b)


@lru_cache(maxsize=8192)
def alias_keys(key: str) -> tuple[str, ...]:
    """Every other folded form of the places `key` names, sorted."""
    found = {k for place in places_of(key) for k in place.keys}
    found.discard(key)
    return tuple(sorted(found))


@lru_cache(maxsize=1)
def sorted_keys() -> tuple[str, ...]:
    """Every folded key of the table, sorted (to look up declined forms by their stem)."""
    _, index = _table()
    return tuple(sorted(index))
