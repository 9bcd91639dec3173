"""Checks on every core: contiguous chunks of the inputs in forked worker processes.

Every check is a function of one segment, so a segment's findings do not depend on which
other segments share its batch: the chunks' findings, joined in chunk order, are the findings
of one run over everything. The parent checks the first chunk itself before it forks, so the
spaCy pipelines and the lexicons the checks load on first use are loaded once and shared
(copy-on-write) by the workers. Forking needs a platform with `fork` (Linux, the BSDs); where
there is none, everything runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_INPUTS = 200
"""Inputs in one call before workers are used: forking costs tens of milliseconds a worker,
and the parent's first chunk must be large enough to be worth checking while they start."""

CHUNKS_PER_WORKER = 4
"""More chunks than workers, so that a worker that drew easy segments takes another chunk."""

WORKERS_ENV = "EVALSUITE_CHECK_WORKERS"

_JOB: tuple[Callable[[Sequence[Any]], list[Any]], list[Sequence[Any]]] | None = None


def worker_count(requested: int | None, n_inputs: int) -> int:
    """How many processes check `n_inputs` inputs: `requested`, else $EVALSUITE_CHECK_WORKERS,
    else every core for large inputs; always 1 without fork, while other threads run (a lock
    one of them holds would stay held in the child forever), inside a daemon process (a
    multiprocessing worker may not fork) or inside a Ray worker (Ray spreads the work)."""
    if requested is not None and requested < 1:
        raise ValueError(f"workers must be at least 1, got {requested}")
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if multiprocessing.current_process().daemon or "RAY_RAYLET_PID" in os.environ:
        return 1
    if threading.active_count() > 1:
        return 1
    if requested is None:
        env = os.environ.get(WORKERS_ENV, "").strip()
        if env:
            requested = max(1, int(env)) if env.isdigit() else 1
        elif n_inputs < MIN_INPUTS:
            return 1
        else:
            requested = _cores()
    return max(1, min(requested, n_inputs))


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def chunked(items: Sequence[T], n_chunks: int) -> list[Sequence[T]]:
    """Contiguous chunks of nearly equal size, in order."""
    n_chunks = max(1, min(n_chunks, len(items)))
    size, extra = divmod(len(items), n_chunks)
    chunks, start = [], 0
    for k in range(n_chunks):
        end = start + size + (1 if k < extra else 0)
        chunks.append(items[start:end])
        start = end
    return chunks


def map_chunks(
    items: Sequence[T], run: Callable[[Sequence[T]], list[R]], workers: int
) -> list[R]:
    """`run` over contiguous chunks of `items`: the first here, then the others in `workers`
    forked processes while this one waits; the results joined in order."""
    global _JOB
    if workers <= 1 or len(items) < 2:
        return run(items)
    chunks = chunked(items, workers * CHUNKS_PER_WORKER)
    results: list[R] = list(run(chunks[0]))  # warms every lazy resource before the fork
    _JOB = (run, list(chunks))
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers) as pool:
            for part in pool.imap(_run_chunk, range(1, len(chunks))):
                results.extend(part)
    finally:
        _JOB = None
    return results


def _run_chunk(index: int) -> list[Any]:
    """In a worker: the chunk, from the job the parent set before forking."""
    assert _JOB is not None, "map_chunks sets the job before it forks"
    run, chunks = _JOB
    return run(chunks[index])
