"""variant_keys: two names match_names calls a variant always share a key (the blocking
inconsistent_entity relies on to skip comparing every pair of names)."""

from __future__ import annotations

import itertools
from pathlib import Path

from evalsuite.text.normalize import match_names, variant_keys

ALIASES = Path(__file__).resolve().parents[2] / "evalsuite" / "resources" / "entity_aliases.tsv"

PEOPLE = [
    "Volodymyr Zelensky", "Zelenskiy", "Selenskyj", "Mr Zelenskyy", "Antony Blinken",
    "Anthony Blinken", "Olaf Scholz", "Scholtz", "Emmanuel Macron", "Makron", "Sánchez",
    "Pedro Sanchez", "Charles de Gaulle", "DeGaulle", "Xi Jinping", "Xi Jinpin", "Navalny",
    "Alexei Navalnyy", "Tchaikovsky", "Chaikovsky", "Mohammed bin Salman", "Muhammad bin Salman",
]  # fmt: skip
PLACES = [
    "Kyiv", "Kiev", "Kyjiw", "St Petersburg", "Saint Petersburg", "Sankt-Peterburg", "MSK",
    "Moscow", "Moskva", "Köln", "Koln", "Cologne", "Mt Everest", "Mount Everest", "Ft Worth",
    "Fort Worth", "Sta Monica", "Santa Monica", "Ste Marie", "Sainte Marie", "Kharkiv",
    "Kharkov", "Xinjiang", "Sinkiang", "Qatar", "Katar", "Phnom Penh", "Pnom Penh",
]  # fmt: skip


def _mutations(name: str) -> list[str]:
    """Respellings of the kinds names take: a doubled, dropped, changed or swapped letter."""
    out = []
    for i in range(1, len(name) - 1):
        if name[i].isalpha() and name[i + 1].isalpha():
            out.append(name[:i] + name[i + 1] + name[i] + name[i + 2 :])  # swap
            out.append(name[:i] + name[i + 1 :])  # drop
            out.append(name[:i] + name[i] + name[i:])  # double
            out.append(name[:i] + ("e" if name[i] != "e" else "a") + name[i + 1 :])  # change
            break
    return out


def _names() -> list[str]:
    rows = [line.split("\t") for line in ALIASES.read_text(encoding="utf-8").splitlines()]
    english = [row[1] for row in rows if len(row) == 4 and not row[0].startswith("#")][::80]
    names = [*PEOPLE, *PLACES, *english]
    return list(dict.fromkeys(names + [m for n in names[::4] for m in _mutations(n)]))


def test_every_variant_pair_shares_a_key() -> None:
    names = _names()
    keys = {name: variant_keys(name) for name in names}
    variants = 0
    for a, b in itertools.combinations(names, 2):
        match = match_names(a, b)
        if match is not None and match[0] == "variant":
            variants += 1
            assert keys[a] & keys[b], (a, b)
    assert variants >= 100  # the names above are rich in respellings, or the test says little


def test_unrelated_names_share_no_key() -> None:
    assert not variant_keys("Kyiv") & variant_keys("Olaf Scholz")
    assert not variant_keys("Moscow") & variant_keys("Berlin")
    assert not variant_keys("")
