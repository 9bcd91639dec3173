"""Checks on every core: chunks of the inputs in forked worker processes and this one.

Every check is a function of one segment, so a segment's findings do not depend on which
other segments share its batch: the chunks' findings, put back in input order, are the findings
of one run over everything. Before it forks, the parent checks one input of every kind (one per
language pair and task, say), so that the spaCy pipelines and the lexicons the checks load on
first use are loaded once and shared (copy-on-write) by the workers. Inputs of one group (the
outputs of many systems for one reference and source) go into one chunk where they can: a
process parses a text once and remembers what the checks read from it, so a reference whose
inputs were spread over every process would be parsed and read once per process. Then the
parent and the workers take chunks from one counter until none is left: the parent's core never
idles, and a process that drew easy segments takes another chunk. Forking needs a platform with
`fork` (Linux, the BSDs); where there is none, everything runs in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import signal
import threading
import traceback
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_INPUTS = 200
"""Inputs in one call before workers are used: forking costs tens of milliseconds a worker,
and each chunk must be large enough for spaCy's batches."""

CHUNKS_PER_WORKER = 6
"""More chunks than processes, so that one that drew easy segments takes another chunk."""

_POLL_SECONDS = 1.0

WORKERS_ENV = "EVALSUITE_CHECK_WORKERS"


def worker_count(requested: int | None, n_inputs: int, *, min_inputs: int = MIN_INPUTS) -> int:
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
        elif n_inputs < min_inputs:
            return 1
        else:
            requested = cores()
    return max(1, min(requested, n_inputs))


def cores() -> int:
    """The cores this process may run on."""
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


def grouped(indices: Sequence[int], keys: Sequence[Hashable]) -> list[int]:
    """`indices` reordered so that those whose `keys` are equal are adjacent: each group where
    its first member was, members in their order (a stable sort by first appearance)."""
    first: dict[Hashable, int] = {}
    for rank, key in enumerate(keys):
        first.setdefault(key, rank)
    order = sorted(range(len(indices)), key=lambda rank: (first[keys[rank]], rank))
    return [indices[rank] for rank in order]


def map_chunks(
    items: Sequence[T],
    run: Callable[[Sequence[T]], list[R]],
    workers: int,
    *,
    kind: Callable[[T], Hashable] | None = None,
    group: Callable[[T], Hashable] | None = None,
    warm: bool = True,
) -> list[R]:
    """`run` over chunks of `items` in `workers` processes (this one among them), the results
    in the order of `items`. `run` must return one result per item, each independent of the
    other items of its chunk. First, here, `run` sees the first item of every `kind` (the
    first item without one), which loads what it loads lazily before the fork; not without
    `warm` (everything `run` needs is loaded already). Items of one `group` are put next to
    each other before the chunks are cut, so that they share a chunk unless a chunk boundary
    falls inside the group."""
    if workers <= 1 or len(items) < 2:
        return run(items)
    firsts: dict[Hashable, int] = {}
    for index, item in enumerate(items):
        firsts.setdefault(kind(item) if kind is not None else None, index)
    first = sorted(firsts.values()) if warm else []
    results: dict[int, R] = dict(zip(first, run([items[i] for i in first]), strict=True))
    rest = [i for i in range(len(items)) if i not in results]
    if group is not None:
        rest = grouped(rest, [group(items[i]) for i in rest])
    chunks = chunked(rest, workers * CHUNKS_PER_WORKER) if rest else []
    for k, part in _chunk_results(items, run, chunks, workers):
        results.update(zip(chunks[k], part, strict=True))
    return [results[i] for i in range(len(items))]


def _chunk_results(
    items: Sequence[T],
    run: Callable[[Sequence[T]], list[R]],
    chunks: list[Sequence[int]],
    workers: int,
) -> list[tuple[int, list[R]]]:
    """(chunk number, results) of every chunk, from this process and `workers - 1` forks."""
    if not chunks:
        return []
    context = multiprocessing.get_context("fork")
    counter = context.Value("i", 0)
    done: multiprocessing.Queue[tuple[int, list[R] | None, str | None]] = context.Queue()

    def claim() -> int:
        with counter.get_lock():
            k = int(counter.value)
            counter.value = k + 1
        return k

    def work() -> None:  # in a worker
        _default_signals()
        while (k := claim()) < len(chunks):
            try:
                done.put((k, run([items[i] for i in chunks[k]]), None))
            except BaseException:  # noqa: BLE001  (reported to the parent, which raises)
                done.put((k, None, traceback.format_exc()))
                return

    gc.freeze()  # the inherited objects are never scanned, so their pages stay shared
    n_forks = min(workers, len(chunks)) - 1
    forks = [context.Process(target=work, daemon=True) for _ in range(n_forks)]
    try:
        for process in forks:
            process.start()
        gc.unfreeze()
        mine = []
        while (k := claim()) < len(chunks):
            mine.append((k, run([items[i] for i in chunks[k]])))
        return mine + _collect(done, len(chunks) - len(mine), forks)
    finally:
        gc.unfreeze()
        for process in forks:
            if process.is_alive():
                process.terminate()
            process.join()


def _default_signals() -> None:
    """A worker dies quietly on SIGTERM and leaves SIGINT to its parent: the handlers it
    inherits (the CLI's raise an exception, for the parent's cleanup) would print a traceback
    each time the parent ends a worker that is still shutting down, or on a Ctrl-C."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _collect(
    done: multiprocessing.Queue[tuple[int, list[R] | None, str | None]],
    expected: int,
    forks: list[Any],
) -> list[tuple[int, list[R]]]:
    """The workers' `expected` chunk results; raises when one failed or died."""
    got: list[tuple[int, list[R]]] = []
    while len(got) < expected:
        try:
            k, part, error = done.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            if all(p.exitcode is not None for p in forks) and done.empty():
                codes = [p.exitcode for p in forks]
                raise RuntimeError(f"a check worker ended early (exit codes {codes})") from None
            continue
        if error is not None:
            raise RuntimeError(f"a check worker failed:\n{error}")
        assert part is not None
        got.append((k, part))
    return got
