"""Other names of one place or organisation: exonyms, endonyms, transliterations, short forms
and demonyms (München/Munich/Мюнхен, UK/Britain/British, Wales/Welsh).

The table ships as `resources/entity_aliases.tsv`, built from CLDR territory names in many
languages, countryinfo's names and demonyms, and GeoNames city names, plus a short documented
supplement (see `scripts/build_entity_aliases.py`). Keys are folded like names are
(`normalize.fold`), so a form in any script is looked up by its transliteration. One key may
name several places (Moscow, Russia and Moscow, Idaho): two names are aliases when they share
a place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Place", "alias_keys", "places_of", "same_place", "sorted_keys"]

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
        for key in keys:
            index.setdefault(key, []).append(len(places))
        places.append(Place(kind, name, source, keys))
    return tuple(places), {key: tuple(ids) for key, ids in index.items()}


def places_of(key: str) -> tuple[Place, ...]:
    """The places a folded key names (none for most names)."""
    places, index = _table()
    return tuple(places[i] for i in index.get(key, ()))


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
