"""The synthetic role swaps of the cross-lingual role benchmark (benchmarks/role_swaps.py)."""

from __future__ import annotations

import pytest

from benchmarks.role_swaps import swap_roles


@pytest.mark.parametrize(
    ("lang", "text", "swapped"),
    [
        ("en", "The police arrested three men in Lyon.", "Three men arrested the police in Lyon."),
        ("en", "Yesterday Airbus sued the European Commission.",
         "Yesterday the European Commission sued Airbus."),
        ("fr", "La police a arrêté trois hommes.", "Trois hommes a arrêté la police."),  # verb kept
    ],
)  # fmt: skip
def test_subject_and_object_are_exchanged(lang: str, text: str, swapped: str) -> None:
    assert [s.text for s in swap_roles(text, lang)] == [swapped]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Three men were arrested by the police."),  # passive: no object to swap
        ("en", "Biden met Xi in Lima."),  # symmetric
        ("en", "She arrested him."),  # pronouns
        ("en", "The meeting took place in Lima."),  # an idiom's lone noun
        ("ru", "Полиция задержала трёх грабителей."),  # case, not order, carries the roles
    ],
)
def test_no_swap_where_order_changes_no_roles(lang: str, text: str) -> None:
    assert swap_roles(text, lang) == []
