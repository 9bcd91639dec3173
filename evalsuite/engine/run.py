"""Score given outputs in this process: corpus metrics, segment scores and findings of one
system on one dataset, through the same two phases every backend runs (`segments`, then
`corpus`). For callers with outputs in hand (`evalsuite score`, the API).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from evalsuite.checks.api import Task
from evalsuite.data import Example
from evalsuite.engine.corpus import RunAggregator, StreamedRunRecord
from evalsuite.engine.partitions import partition_bounds
from evalsuite.engine.segments import Partition, score_partition
from evalsuite.engine.spec import ScoringSpec, scoring_spec
from evalsuite.results import RunRecord


def score_run(
    examples: Sequence[Example],
    hypotheses: Sequence[str],
    *,
    dataset: str,
    task: Task,
    system: str,
    system_signature: str,
    metrics: Sequence[str],
    checks: Sequence[str] | None,
    rouge_stemmer: bool = False,
    bootstrap: int = 1000,
    seed: int | None = 12345,
    confidence: float = 0.95,
    on_disk: bool = False,
    xling_model: str | None = None,
) -> RunRecord:
    """Everything evalsuite measures for one system's outputs on one dataset.

    Corpus scores get seeded bootstrap intervals (`bootstrap` resamples; 0 turns them off) from
    the segment statistics, which the segments keep so later tests need no texts. With
    `on_disk`, the record's segments stay in their spool file (read back one at a time), so
    memory does not grow with the segments' texts and findings; `evalsuite score` uses that.
    """
    if len(examples) != len(hypotheses):
        raise ValueError(f"{len(examples)} examples but {len(hypotheses)} outputs")
    spec = scoring_spec(
        examples, dataset=dataset, task=task, system=system,
        system_signature=system_signature, metrics=metrics, checks=checks,
        rouge_stemmer=rouge_stemmer, bootstrap=bootstrap, seed=seed, confidence=confidence,
        xling_model=xling_model,
    )
    streamed = score_partitions(
        spec,
        ((examples[start:end], hypotheses[start:end]) for start, end in
         partition_bounds(len(examples))),
    )
    if on_disk:
        return streamed
    return RunRecord(
        dataset=streamed.dataset,
        task=streamed.task,
        system=streamed.system,
        system_signature=streamed.system_signature,
        scores=streamed.scores,
        checks=streamed.checks,
        segments=list(streamed.segments),
        notes=streamed.notes,
    )


def score_partitions(spec: ScoringSpec, partitions: Iterable[Partition]) -> StreamedRunRecord:
    """Score partitions in this process as they come: a generator that reads them from a file
    never holds the corpus (`evalsuite score`). Segments stay in their spool file."""
    parts = (
        score_partition(spec, index, examples, hypotheses)
        for index, (examples, hypotheses) in enumerate(partitions)
    )
    return RunAggregator(spec).add_all(parts)
