"""What a worker needs to score a run's partitions: the run's names, its metrics and checks,
the corpus's profile and each metric's corpus-wide state; small and picklable (no texts).

`scoring_spec` builds it from the examples in one pass before any partition is handed out, so
every backend scores every partition with the same settings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from evalsuite.checks.api import Task
from evalsuite.data import Example
from evalsuite.engine.profile import corpus_profile
from evalsuite.errors import UsageError
from evalsuite.metrics.base import CorpusProfile, Metric, Text
from evalsuite.metrics.spec import build_metric


@dataclass(frozen=True)
class ScoringSpec:
    """How to score one system's outputs on one dataset; small and picklable for workers."""

    dataset: str
    task: Task
    system: str
    system_signature: str
    metrics: tuple[str, ...]
    checks: tuple[str, ...] | None  # None: every registered check
    rouge_stemmer: bool
    profile: CorpusProfile
    bootstrap: int = 1000
    seed: int | None = 12345
    confidence: float = 0.95
    prepared: dict[str, Any] = field(default_factory=dict)  # metric -> corpus-wide state
    xling_model: str | None = None  # the model that judges translations against sources
    findings_cache: str | None = None  # folder of the findings cache (None: no cache)

    def lacking(self, metric: str) -> tuple[Text, int] | None:
        """The text a metric needs that some segments lack, and how many lack it."""
        for text in scoring_metric(metric, self.rouge_stemmer).needs:
            if self.profile.lacking(text):
                return text, self.profile.lacking(text)
        return None

    @property
    def scored_metrics(self) -> tuple[str, ...]:
        """The metrics every segment has the texts for (a reference, for most)."""
        return tuple(name for name in self.metrics if self.lacking(name) is None)

    @property
    def runs_checks(self) -> bool:
        return self.checks is None or bool(self.checks)


def scoring_metric(spec: str, rouge_stemmer: bool) -> Metric:
    """The metric a spec names, built once per process: a model metric loads its model once,
    not per partition."""
    return build_metric(spec, rouge_stemmer)


def scoring_spec(
    examples: Iterable[Example],
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
    findings_cache: str | None = None,
) -> ScoringSpec:
    """Everything a worker needs to score partitions of these examples (no texts), from one
    pass over them: `examples` may be a generator that never holds the corpus. The references
    are kept only where a metric computes corpus-wide state from them (BERTScore's idf)."""
    references: list[list[str]] = []
    keep = any(has_corpus_state(scoring_metric(name, rouge_stemmer)) for name in metrics)

    def passing() -> Iterator[Example]:
        for example in examples:
            if keep:
                references.append(list(example.reference))
            yield example

    spec = ScoringSpec(
        dataset=dataset,
        task=task,
        system=system,
        system_signature=system_signature,
        metrics=tuple(metrics),
        checks=tuple(checks) if checks is not None else None,
        rouge_stemmer=rouge_stemmer,
        profile=corpus_profile(passing(), task),
        bootstrap=bootstrap,
        seed=seed,
        confidence=confidence,
        xling_model=xling_model,
        findings_cache=findings_cache,
    )
    require_distinct_scores(spec)
    return dataclasses.replace(spec, prepared=prepared_states(spec, references))


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


def has_corpus_state(metric: Metric) -> bool:
    """Whether `metric` overrides `prepare`: only such a metric needs every reference at once."""
    return type(metric).prepare is not Metric.prepare


def prepared_states(spec: ScoringSpec, references: Sequence[Sequence[str]]) -> dict[str, Any]:
    """Each scored metric's corpus-wide state (BERTScore's idf over every reference), from
    its `prepare`, computed before any partition is scored; `references` are those of every
    segment (empty where no metric of the run has such state)."""
    states: dict[str, Any] = {}
    for name in spec.scored_metrics:
        metric = scoring_metric(name, spec.rouge_stemmer)
        if not has_corpus_state(metric):
            continue
        state = metric.prepare(references)
        if state is not None:
            states[name] = state
    return states
