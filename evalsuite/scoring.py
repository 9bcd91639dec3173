"""Score given outputs: corpus metrics, segment scores and findings of one system on one dataset.

Scoring runs in two phases that every backend shares: `segment_scoring.score_partition` per
partition, then `corpus_scoring.RunAggregator` over the partitions in order. `score_run` is the
in-process path through both, for callers with outputs in hand (`evalsuite score`, the API).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from evalsuite.checks.api import Task
from evalsuite.corpus_profile import corpus_profile, output_lang
from evalsuite.corpus_scoring import RunAggregator
from evalsuite.data import Example
from evalsuite.errors import UsageError
from evalsuite.partitions import partition_bounds
from evalsuite.results import RunRecord
from evalsuite.segment_scoring import ScoringSpec, check_inputs, score_partition, scoring_metric

__all__ = ["check_inputs", "output_lang", "score_run", "scoring_spec"]


def scoring_spec(
    examples: Sequence[Example],
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
    xling_model: str | None = None,
) -> ScoringSpec:
    """Everything a worker needs to score partitions of these examples (no texts)."""
    spec = ScoringSpec(
        dataset=dataset,
        task=task,
        system=system,
        system_signature=system_signature,
        metrics=tuple(metrics),
        checks=tuple(checks) if checks is not None else None,
        rouge_stemmer=rouge_stemmer,
        profile=corpus_profile(examples, task),
        bootstrap=bootstrap,
        seed=seed,
        confidence=confidence,
        xling_model=xling_model,
    )
    require_distinct_scores(spec)
    return dataclasses.replace(spec, prepared=prepared_states(spec, examples))


def require_distinct_scores(spec: ScoringSpec) -> None:
    """Two metrics that report a score of the same name (two COMET checkpoints) would
    overwrite each other in the results: refused."""
    owners: dict[str, str] = {}
    for name in spec.metrics:
        for kind in scoring_metric(name, spec.rouge_stemmer).scores:
            if kind.name in owners:
                raise UsageError(
                    f"metrics '{owners[kind.name]}' and '{name}' both report '{kind.name}'; "
                    "score them in separate runs"
                )
            owners[kind.name] = name


def prepared_states(spec: ScoringSpec, examples: Sequence[Example]) -> dict[str, Any]:
    """Each scored metric's corpus-wide state (BERTScore's idf over every reference), from
    its `prepare`, computed before any partition is scored."""
    states: dict[str, Any] = {}
    references = [list(ex.reference) for ex in examples]
    for name in spec.scored_metrics:
        state = scoring_metric(name, spec.rouge_stemmer).prepare(references)
        if state is not None:
            states[name] = state
    return states


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
    parts = (
        score_partition(spec, index, examples[start:end], hypotheses[start:end])
        for index, (start, end) in enumerate(partition_bounds(len(examples)))
    )
    streamed = RunAggregator(spec).add_all(parts)
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
