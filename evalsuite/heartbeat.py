"""A heartbeat for long inputs: which stage is running, and for how long.

A progress bar counts items; one long pair (a 50,000-word summary, a book-length reference)
is one item, and its checks or metrics can run for minutes with nothing to show. The CLI
(`check`, `score`; not with --quiet) keeps a heartbeat: the code that runs a stage names it
(`stage("checks: entity_variant")`), and a background thread prints one line on stderr once a
stage has run for `interval` seconds, then again every `interval` seconds while it runs:

    evalsuite: still working: checks > entity_variant (22 s in this stage, 31 s in all)

Stages nest; a stage shorter than the interval never prints, so runs of many short pairs stay
quiet. The clock and the writer are injected, so tests drive it without waiting.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["INTERVAL", "Heartbeat", "current", "heartbeat", "stage"]

INTERVAL = 10.0
"""Seconds between two lines about one stage."""


class Heartbeat:
    """Which stages run now (outermost first), and when the last line was written."""

    def __init__(
        self,
        write: Callable[[str], None],
        *,
        interval: float = INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._write, self._interval, self._clock = write, interval, clock
        self._lock = threading.Lock()
        self._stages: list[tuple[str, float]] = []
        self._started = clock()
        self._last = self._started

    def enter(self, name: str) -> None:
        with self._lock:
            now = self._clock()
            self._stages.append((name, now))
            self._last = now

    def leave(self) -> None:
        with self._lock:
            self._stages.pop()
            self._last = self._clock()

    def beat(self) -> str | None:
        """Write (and return) a line if the innermost stage has run `interval` seconds since
        it began or since the last line; else nothing."""
        with self._lock:
            if not self._stages:
                return None
            now = self._clock()
            if now - self._last < self._interval:
                return None
            self._last = now
            since = self._stages[-1][1]
            path = " > ".join(name for name, _ in self._stages)
            line = (
                f"evalsuite: still working: {path} ({now - since:.0f} s in this stage, "
                f"{now - self._started:.0f} s in all)"
            )
        self._write(line)
        return line


_current: Heartbeat | None = None


def current() -> Heartbeat | None:
    """The heartbeat of this run, if one is kept."""
    return _current


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Mark a stage of the work for the heartbeat (nothing when none is kept)."""
    beat = _current
    if beat is None:
        yield
        return
    beat.enter(name)
    try:
        yield
    finally:
        beat.leave()


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


@contextmanager
def heartbeat(
    *,
    enabled: bool = True,
    write: Callable[[str], None] = _stderr,
    interval: float = INTERVAL,
    clock: Callable[[], float] = time.monotonic,
    thread: bool = True,
) -> Iterator[Heartbeat | None]:
    """Keep a heartbeat while the block runs: a daemon thread asks it every second whether
    a line is due (`thread=False`: the caller calls `beat`, as tests do)."""
    global _current
    if not enabled:
        yield None
        return
    beat = Heartbeat(write, interval=interval, clock=clock)
    previous, _current = _current, beat
    stop = threading.Event()
    worker = None
    if thread:
        def run() -> None:
            while not stop.wait(min(1.0, interval)):
                beat.beat()

        worker = threading.Thread(target=run, name="evalsuite-heartbeat", daemon=True)
        worker.start()
    try:
        yield beat
    finally:
        stop.set()
        if worker is not None:
            worker.join(timeout=2.0)
        _current = previous
