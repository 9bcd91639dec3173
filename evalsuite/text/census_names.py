"""Common personal names of the 1990 US Census lists (`resources/census_names.tsv`, public
domain, built by scripts/build_census_names.py): which folded words are given names, which
common surnames. Read once."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["is_given_name", "is_personal_name"]


@lru_cache(maxsize=1)
def _flags() -> dict[str, str]:
    text = (resources.files("evalsuite") / "resources" / "census_names.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: row[1] if len(row) > 1 else "" for row in rows}


def is_personal_name(key: str) -> bool:
    """Whether a folded word is a given name or a common surname."""
    return key in _flags()


def is_given_name(key: str) -> bool:
    """Whether a folded word is a given name ("marie", "marine"; not "smith")."""
    return "g" in _flags().get(key, "")
