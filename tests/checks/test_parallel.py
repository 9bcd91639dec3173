"""Checks on every core: forked workers give the one-process findings, in the same order."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from evalsuite.checks import parallel
from evalsuite.checks.api import CheckInput
from evalsuite.checks.runner import run_checks
from tests.fixtures.fresh_process import in_fresh_process

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform"
)

PAIRS = [
    ("Angela Merkel visited Paris on Monday.", "Angela Merkel visited Berlin on Monday."),
    ("The company sold 300 cars in 2020.", "The company sold 30 cars in 2020."),
    ("The police arrested the protester.", "The protester arrested the police."),
    ("He did not sign the treaty.", "He signed the treaty."),
    ("Kyiv is the capital of Ukraine.", "Kiev is the capital of Ukraine."),
    ("Prices rose by 5 percent last year.", "Prices rose by 5 percent last year."),
]


def _inputs(n: int) -> list[CheckInput]:
    return [
        CheckInput(hypothesis=hyp, reference=ref, hyp_lang="en")
        for ref, hyp in (PAIRS[i % len(PAIRS)] for i in range(n))
    ]


def _as_dicts(findings: list[list[object]]) -> list[list[dict[str, object]]]:
    return [[f.to_dict() for f in found] for found in findings]  # type: ignore[attr-defined]


@needs_fork
@pytest.mark.parametrize("workers", [2, 3])
def test_workers_give_the_findings_of_one_process(
    workers: int, request: pytest.FixtureRequest
) -> None:
    if not in_fresh_process(request):
        return
    inputs = _inputs(23)  # not a multiple of the chunk count
    assert parallel.worker_count(workers, len(inputs)) == workers
    one = _as_dicts(run_checks(inputs, workers=1))
    assert any(one), "the pairs must produce findings for the test to mean anything"
    assert _as_dicts(run_checks(inputs, workers=workers)) == one


def test_chunks_are_contiguous_and_cover_everything() -> None:
    items = list(range(23))
    for n in (1, 2, 5, 8, 23, 40):
        chunks = parallel.chunked(items, n)
        assert [x for chunk in chunks for x in chunk] == items
        sizes = [len(chunk) for chunk in chunks]
        assert max(sizes) - min(sizes) <= 1 and len(chunks) == min(n, len(items))


@needs_fork
def test_worker_count_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.delenv(parallel.WORKERS_ENV, raising=False)
    monkeypatch.delenv("RAY_RAYLET_PID", raising=False)
    assert parallel.worker_count(None, parallel.MIN_INPUTS - 1) == 1  # small: not worth a fork
    assert parallel.worker_count(4, 2) == 2  # never more workers than inputs
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    assert parallel.worker_count(None, 10_000) == 1
    monkeypatch.setenv("RAY_RAYLET_PID", str(os.getpid()))  # inside a Ray worker: Ray spreads
    assert parallel.worker_count(8, 10_000) == 1
    monkeypatch.delenv("RAY_RAYLET_PID")
    monkeypatch.setattr(threading, "active_count", lambda: 2)  # another thread: never fork
    assert parallel.worker_count(8, 10_000) == 1
    with pytest.raises(ValueError, match="at least 1"):
        parallel.worker_count(0, 10)


def _doubled(items: Sequence[int]) -> list[int]:
    return [2 * x for x in items]


@needs_fork
@pytest.mark.parametrize("workers", [2, 3])
def test_map_chunks_keeps_input_order_and_warms_one_of_each_kind(workers: int) -> None:
    seen_here: list[list[int]] = []
    parent = os.getpid()

    def run(items: Sequence[int]) -> list[int]:
        if os.getpid() == parent:
            seen_here.append(list(items))
        return _doubled(items)

    items = list(range(50))
    got = parallel.map_chunks(items, run, workers, kind=lambda x: x % 7)
    assert got == _doubled(items)
    assert seen_here[0] == list(range(7)), "first, here: the first item of every kind"


def test_grouped_puts_equal_keys_together_in_first_appearance_order() -> None:
    indices = [3, 4, 5, 6, 7, 8]
    keys = ["b", "a", "b", "c", "a", "b"]
    assert parallel.grouped(indices, keys) == [3, 5, 8, 4, 7, 6]
    assert parallel.grouped([], []) == []


@needs_fork
def test_map_chunks_cuts_chunks_from_grouped_items_and_keeps_their_order() -> None:
    """Items of one group (one reference) share chunks; results still in item order."""
    items = [i % 5 for i in range(60)]  # five groups of 12, interleaved

    def run(part: Sequence[int]) -> list[tuple[int, int]]:
        return [(x, len(set(part))) for x in part]

    got = parallel.map_chunks(items, run, 2, group=lambda x: x, warm=False)
    assert [x for x, _ in got] == items
    # 12 chunks of 5 cut from the grouped order hold one or two groups each (five without).
    assert max(groups for _, groups in got) <= 2
    ungrouped = parallel.map_chunks(items, run, 2, warm=False)
    assert max(groups for _, groups in ungrouped) == 5


def _fail_in_a_worker(flag: str, how: str, parent: int) -> Callable[[Sequence[int]], list[int]]:
    def run(items: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            open(flag, "w").close()
            if how == "raise":
                raise ValueError("boom in a worker")
            os._exit(3)
        if list(items) != [0]:  # after the warm-up, wait until a worker has drawn a chunk
            for _ in range(200):
                if os.path.exists(flag):
                    break
                time.sleep(0.05)
        return _doubled(items)

    return run


@needs_fork
@pytest.mark.parametrize(("how", "message"), [("raise", "boom in a worker"), ("die", "ended")])
def test_a_worker_that_fails_or_dies_is_an_error(tmp_path: Path, how: str, message: str) -> None:
    run = _fail_in_a_worker(str(tmp_path / "flag"), how, os.getpid())
    with pytest.raises(RuntimeError, match=message):
        parallel.map_chunks(list(range(40)), run, 2)


def _raise_terminated(signum: int, frame: object) -> None:
    raise KeyboardInterrupt("Terminated")


@needs_fork
def test_workers_do_not_keep_the_parents_signal_handlers(request: pytest.FixtureRequest) -> None:
    """The CLI's SIGTERM handler raises; a worker that inherits it prints a traceback when the
    parent ends it. Workers take the default SIGTERM and ignore SIGINT."""
    if not in_fresh_process(request):
        return
    parent = os.getpid()
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:

        def run(items: Sequence[int]) -> list[tuple[bool, object, object]]:
            here = os.getpid() == parent
            if here:
                time.sleep(0.05)  # leave some chunks to the worker
            handlers = (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT))
            return [(here, *handlers) for _ in items]

        got = parallel.map_chunks(list(range(40)), run, 2)
    finally:
        signal.signal(signal.SIGTERM, previous)
    in_workers = {(term, sigint) for here, term, sigint in got if not here}
    assert in_workers == {(signal.SIG_DFL, signal.SIG_IGN)}
    assert {term for here, term, _ in got if here} == {_raise_terminated}
