"""How a dataset is cut into partitions: the same cut on every backend.

Partitions are contiguous runs of segments in dataset order. The cut depends only on the
number of segments and the partition size, never on the backend or the number of workers, so
a system sees the same batches and the aggregator the same segment order everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")

PARTITION_SIZE = 500
"""Segments per partition: large enough that a task's overhead is noise (scoring 500 pairs
with every check takes seconds), small enough to spread a 10,000-segment run over many cores."""


def partition_bounds(n_items: int, size: int = PARTITION_SIZE) -> list[tuple[int, int]]:
    """[start, end) of each partition."""
    if size < 1:
        raise ValueError(f"partition size must be at least 1, got {size}")
    return [(start, min(start + size, n_items)) for start in range(0, n_items, size)]


def partitions(items: Sequence[T], size: int = PARTITION_SIZE) -> Iterator[Sequence[T]]:
    for start, end in partition_bounds(len(items), size):
        yield items[start:end]


def paired_partitions(
    first: Sequence[T], second: Sequence[U], size: int = PARTITION_SIZE
) -> Iterator[tuple[Sequence[T], Sequence[U]]]:
    """The same cut of two aligned sequences (examples and their outputs)."""
    for start, end in partition_bounds(len(first), size):
        yield first[start:end], second[start:end]
