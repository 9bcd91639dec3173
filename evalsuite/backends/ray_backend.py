"""The Ray backend: system actors generate, scoring tasks score, the driver only aggregates.

- Generation: each system gets a pool of actors (one per GPU, `num_gpus=1`, where the cluster
  has GPUs; else one per CPU, up to the number of partitions), each loading the model once.
  Partitions go to whichever actor is free; outputs come back in partition order.
- Scoring: one task per partition (`engine.segments.score_partition`); the driver keeps a
  bounded window of them in flight and feeds results, in order, to the same `RunAggregator`
  the local backend uses. Only segment lines (streamed to disk) and numbers reach the driver.
- Failures: an actor whose process dies is restarted and its partition retried
  (`max_restarts`, `max_task_retries`); a scoring task is retried (`max_retries`). A retried
  partition yields the same result and is aggregated once (the aggregator takes each partition
  index exactly once, in order), and a retried generation finds the finished batches of the
  dead attempt in the output cache, so it regenerates only the batch that was in flight.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from evalsuite.backends.ordered import ordered_results
from evalsuite.backends.ray_session import RaySession
from evalsuite.backends.ray_workers import SystemWorker, run_scorer, score_partition_task
from evalsuite.data import Example
from evalsuite.engine.corpus import RunAggregator
from evalsuite.engine.partitions import paired_partitions, partition_bounds
from evalsuite.engine.segments import Partition, PartitionScores
from evalsuite.engine.spec import ScoringSpec
from evalsuite.generation import Generated
from evalsuite.results import RunRecord
from evalsuite.systems.config import SystemConfig

RETRIES = 3
"""Restarts of a dead actor, and retries of a task whose worker died."""

PartitionScorer = Callable[[ScoringSpec, int, Sequence[Example], Sequence[str]], PartitionScores]


class RayBackend:
    """Runs generation and scoring on a Ray cluster (a local one without an address)."""

    name = "ray"

    def __init__(
        self,
        address: str | None = None,
        *,
        scorer: PartitionScorer = score_partition_task,
        retries: int = RETRIES,
    ) -> None:
        self.session = RaySession(address)
        ray = self.session.ray
        self.retries = retries
        self.scorer = scorer
        self._score_remote = ray.remote(max_retries=retries, retry_exceptions=False)(run_scorer)
        self._worker_class = ray.remote(SystemWorker)

    def _cluster(self) -> tuple[int, int]:
        resources = self.session.resources()
        return max(1, int(resources.get("CPU", 1))), int(resources.get("GPU", 0))

    def generate(
        self,
        config: SystemConfig,
        examples: Sequence[Example],
        cache_dir: Path | None,
        *,
        show_progress: bool,
    ) -> Generated:
        ray = self.session.ray
        bounds = partition_bounds(len(examples))
        cpus, gpus = self._cluster()
        placement: dict[str, Any] = {"num_gpus": 1} if gpus else {"num_cpus": 1}
        count = min(gpus if gpus else cpus, len(bounds)) or 1
        actors = [
            self._worker_class.options(
                max_restarts=self.retries, max_task_retries=self.retries, **placement
            ).remote(config)
            for _ in range(count)
        ]
        pool = ray.util.ActorPool(actors)
        try:
            return Generated.joined(
                pool.map(
                    lambda actor, span: actor.generate.remote(
                        examples[span[0] : span[1]], cache_dir
                    ),
                    bounds,
                )
            )
        finally:
            for actor in actors:
                ray.kill(actor, no_restart=True)

    def score(
        self, spec: ScoringSpec, examples: Sequence[Example], hypotheses: Sequence[str]
    ) -> RunRecord:
        return self.score_stream(spec, paired_partitions(examples, hypotheses))

    def score_stream(self, spec: ScoringSpec, partitions: Iterable[Partition]) -> RunRecord:
        """Score partitions as they come; at most two per CPU are in flight at once."""
        ray = self.session.ray
        cpus, _ = self._cluster()
        spec_ref = ray.put(spec)

        def submit(job: tuple[int, Partition]) -> Any:
            index, (examples, hypotheses) = job
            return self._score_remote.remote(
                self.scorer, spec_ref, index, list(examples), list(hypotheses)
            )

        parts = ordered_results(enumerate(partitions), submit, ray.get, window=2 * cpus)
        return RunAggregator(spec).add_all(parts)

    def close(self) -> None:
        self.session.close()
