"""The textbook O(n*m) LCS table: the oracle the bit-parallel LCS is tested against."""

from __future__ import annotations

from collections.abc import Sequence


def dp_lcs(a: Sequence[str], b: Sequence[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        row = [0]
        for j, y in enumerate(b):
            row.append(prev[j] + 1 if x == y else max(prev[j + 1], row[j]))
        prev = row
    return prev[-1]
