"""Where a suite runs: in this process (`local`) or on a Ray cluster (`ray`).

A backend does two things for the harness: get a system's outputs for a dataset, and score
outputs into a run record. Both backends cut the dataset into the same partitions
(`engine.partitions`) and score through the same two phases (`engine.segments`, then
`engine.corpus`), so they give the same results; only the wall-clock time differs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from evalsuite.data import Example
from evalsuite.engine.spec import ScoringSpec
from evalsuite.errors import UsageError
from evalsuite.generation import Generated
from evalsuite.results import RunRecord
from evalsuite.systems.config import SystemConfig

BACKENDS = ("local", "ray")


class Backend(Protocol):
    """Runs generation and scoring somewhere; results never depend on where."""

    name: str

    def generate(
        self,
        config: SystemConfig,
        examples: Sequence[Example],
        cache_dir: Path | None,
        *,
        show_progress: bool,
    ) -> Generated: ...

    def score(
        self, spec: ScoringSpec, examples: Sequence[Example], hypotheses: Sequence[str]
    ) -> RunRecord: ...

    def close(self) -> None: ...


@contextmanager
def open_backend(name: str, *, address: str | None = None) -> Iterator[Backend]:
    """The named backend, closed (a Ray instance it started is shut down) on leaving."""
    if name not in BACKENDS:
        raise UsageError(f"unknown backend '{name}' (valid: {', '.join(BACKENDS)})")
    backend: Backend
    if name == "ray":
        from evalsuite.backends.ray_backend import RayBackend

        backend = RayBackend(address=address)
    else:
        from evalsuite.backends.local import LocalBackend

        backend = LocalBackend()
    try:
        yield backend
    finally:
        backend.close()
