"""A fixed tuning / validation split of every labelled dev set, by document or source item.

Checks are developed on the tuning half only; README reports the validation half. The split
is a hash of the set's name, a fixed seed and the item's document key, so it never depends on
row order, on which rows a loader keeps, or on the Python version, and one document (all its
perturbations, all its summaries, all its systems' outputs) always lands on one side.

Document keys per set (what "the same document" means there):

| set | key |
|---|---|
| demetr | `item_id` (one FLORES sentence: its good MT and every perturbation of it) |
| fib | `doc_id` (one article: every summary pair of it) |
| wmt21 | the source sentence (one source, whatever its language pair) |
| wmt23 | `doc` (one news document, every system and segment of it) |
| pawsx_de | the pair's `id` |
| hans | the pair's `id` |
"""

from __future__ import annotations

import hashlib
from typing import Literal

SPLIT_SEED = "evalsuite-split-2026"
"""Changing it re-draws every split; it is fixed so that numbers stay comparable."""

Half = Literal["tune", "validation"]
HALVES: tuple[Half, ...] = ("tune", "validation")


def half_of(dataset: str, key: str) -> Half:
    """The half that the document `key` of `dataset` belongs to (about 50/50)."""
    digest = hashlib.sha256(f"{SPLIT_SEED}\x00{dataset}\x00{key}".encode()).digest()
    return "tune" if digest[0] % 2 == 0 else "validation"


def in_half(dataset: str, key: str, half: Half | None) -> bool:
    """Whether `key` is in `half`; `None` means the whole set."""
    return half is None or half_of(dataset, key) == half
