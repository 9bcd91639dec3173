"""Submit work with a bounded number in flight, and take results back in submission order.

The aggregator needs partitions in order; workers finish them in any order. Waiting on the
oldest submission while at most `window` others run keeps every worker busy, and bounds what
the driver holds to `window` partitions, however large the dataset.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Job = TypeVar("Job")
Handle = TypeVar("Handle")
Result = TypeVar("Result")


def ordered_results(
    jobs: Iterable[Job],
    submit: Callable[[Job], Handle],
    wait: Callable[[Handle], Result],
    window: int,
) -> Iterator[Result]:
    """`wait(submit(job))` for every job, in order, with up to `window` submitted at once."""
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    pending: deque[Handle] = deque()
    for job in jobs:
        pending.append(submit(job))
        if len(pending) >= window:
            yield wait(pending.popleft())
    while pending:
        yield wait(pending.popleft())
