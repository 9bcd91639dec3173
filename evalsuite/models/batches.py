"""Length-sorted batching: items of similar length share a batch, so little is padded."""

from __future__ import annotations

from collections.abc import Sequence


def length_sorted_batches(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Indices grouped into batches of at most `batch_size`, longest first.

    Longest first puts the batch most likely to run out of memory at the start, where it
    costs least. Ties keep input order, so the batches are the same on every run.
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
