"""The in-process backend: partitions one after another, in this process."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from evalsuite.data import Example
from evalsuite.engine.corpus import RunAggregator
from evalsuite.engine.partitions import paired_partitions, partitions
from evalsuite.engine.segments import Partition, score_partition
from evalsuite.engine.spec import ScoringSpec
from evalsuite.generation import Generated, generate_with_meta
from evalsuite.results import RunRecord
from evalsuite.systems.config import SystemConfig


class LocalBackend:
    """Generates and scores in the calling process, partition by partition."""

    name = "local"

    def generate(
        self,
        config: SystemConfig,
        examples: Sequence[Example],
        cache_dir: Path | None,
        *,
        show_progress: bool,
    ) -> Generated:
        system = config.build()
        return Generated.joined(
            generate_with_meta(system, part, cache_dir, show_progress=show_progress)
            for part in partitions(examples)
        )

    def score(
        self, spec: ScoringSpec, examples: Sequence[Example], hypotheses: Sequence[str]
    ) -> RunRecord:
        return self.score_stream(spec, paired_partitions(examples, hypotheses))

    def score_stream(self, spec: ScoringSpec, partitions: Iterable[Partition]) -> RunRecord:
        """Score partitions as they come (a generator need never hold the corpus)."""
        parts = (
            score_partition(spec, index, examples, hypotheses)
            for index, (examples, hypotheses) in enumerate(partitions)
        )
        return RunAggregator(spec).add_all(parts)

    def close(self) -> None:
        return None
