"""What runs inside Ray workers: a system actor that keeps its model, and the scoring task.

Neither imports Ray: the backend wraps them with `ray.remote` and its retry options, so this
module stays importable (and testable) where Ray is not installed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from evalsuite.data import Example
from evalsuite.engine.segments import PartitionScores, score_partition
from evalsuite.engine.spec import ScoringSpec
from evalsuite.generation import Generated, generate_with_meta
from evalsuite.systems.config import SystemConfig


class SystemWorker:
    """One copy of a system: built once, so its model loads once and serves every partition.

    Each partition's batches go to the shared output cache as they finish, so a restarted
    worker (after a crash) finds them there and generates only what was still missing.
    """

    def __init__(self, config: SystemConfig) -> None:
        self.system = config.build()

    def generate(self, examples: Sequence[Example], cache_dir: Path | None) -> Generated:
        return generate_with_meta(self.system, examples, cache_dir, show_progress=False)


def run_scorer(
    scorer: Callable[[ScoringSpec, int, Sequence[Example], Sequence[str]], PartitionScores],
    spec: ScoringSpec,
    index: int,
    examples: Sequence[Example],
    hypotheses: Sequence[str],
) -> PartitionScores:
    """The Ray task: any partition scorer (a plain function, a partial...) shipped as data."""
    return scorer(spec, index, examples, hypotheses)


def score_partition_task(
    spec: ScoringSpec, index: int, examples: Sequence[Example], hypotheses: Sequence[str]
) -> PartitionScores:
    """A partition's segment phase; a pure function of its arguments, so retrying is safe."""
    return score_partition(spec, index, examples, hypotheses)
