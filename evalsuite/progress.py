"""Progress for long loops: a live bar on a terminal, periodic plain lines in CI logs."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class ThroughputColumn(ProgressColumn):
    """Items per second, so users can judge a run's speed at a glance."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0.0:.1f}/s")


class _LineProgress:
    """Prints 'desc: n/total (rate/s)' at most every `interval` seconds (for non-terminals)."""

    def __init__(self, description: str, total: int, interval: float = 10.0) -> None:
        self.description, self.total, self.interval = description, total, interval
        self.done = 0
        self.start = self.last = time.monotonic()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.last >= self.interval or self.done >= self.total:
            rate = self.done / max(now - self.start, 1e-9)
            print(
                f"{self.description}: {self.done}/{self.total} ({rate:.1f}/s)",
                file=sys.stderr,
                flush=True,
            )
            self.last = now


class _SilentProgress:
    """For --quiet runs and empty loops."""

    def advance(self, n: int = 1) -> None:
        del n


class _RichProgress:
    def __init__(self, progress: Progress, task_id: object) -> None:
        self.progress, self.task_id = progress, task_id

    def advance(self, n: int = 1) -> None:
        self.progress.advance(self.task_id, n)  # type: ignore[arg-type]


@contextmanager
def progress_bar(
    description: str, total: int, *, enabled: bool = True
) -> Iterator[_LineProgress | _RichProgress | _SilentProgress]:
    """Yield an object with `advance(n)`; quiet when disabled or when total is tiny."""
    if not enabled or total <= 0:
        yield _SilentProgress()
        return
    if not sys.stderr.isatty():
        yield _LineProgress(description, total)
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        ThroughputColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True) as progress:
        task_id = progress.add_task(description, total=total)
        yield _RichProgress(progress, task_id)
