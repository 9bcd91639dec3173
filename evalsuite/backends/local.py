"""The in-process backend: partitions one after another, in this process."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from evalsuite.corpus_scoring import RunAggregator
from evalsuite.data import Example
from evalsuite.generation import Generated, generate_with_meta
from evalsuite.partitions import paired_partitions, partitions
from evalsuite.results import RunRecord
from evalsuite.segment_scoring import Partition, ScoringSpec, score_partition
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
