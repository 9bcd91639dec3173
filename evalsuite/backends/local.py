"""The in-process backend: partitions one after another, in this process."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from evalsuite.corpus_scoring import RunAggregator
from evalsuite.data import Example
from evalsuite.generation import Generated, generate_with_meta
from evalsuite.partitions import partition_bounds
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
        outputs: list[str] = []
        meta: list[dict[str, Any]] = []
        for start, end in partition_bounds(len(examples)):
            part = generate_with_meta(
                system, examples[start:end], cache_dir, show_progress=show_progress
            )
            outputs.extend(part.outputs)
            meta.extend(part.meta)
        return Generated(outputs, meta)

    def score(
        self, spec: ScoringSpec, examples: Sequence[Example], hypotheses: Sequence[str]
    ) -> RunRecord:
        slices = (
            (examples[start:end], hypotheses[start:end])
            for start, end in partition_bounds(len(examples))
        )
        return self.score_stream(spec, slices)

    def score_stream(self, spec: ScoringSpec, partitions: Iterable[Partition]) -> RunRecord:
        """Score partitions as they come (a generator need never hold the corpus)."""
        parts = (
            score_partition(spec, index, examples, hypotheses)
            for index, (examples, hypotheses) in enumerate(partitions)
        )
        return RunAggregator(spec).add_all(parts)

    def close(self) -> None:
        return None
