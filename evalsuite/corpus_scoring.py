"""Phase two of scoring a run: partitions in, corpus scores, intervals and one run record out.

The aggregator takes partitions strictly in order (whatever order workers finished them in),
writes their segment lines to a spool file at once and keeps only numbers: each score's
statistics matrix (preallocated from the corpus size), summed counts and finding counts. The
corpus scores and bootstrap intervals are then computed from those numbers alone, so a run of
any size costs the driver a few dozen floats per segment, and the same partitions give the
same record on every backend.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np

from evalsuite.checks.base import SEVERITIES
from evalsuite.checks.runner import available_checks
from evalsuite.metric_phases import FloatMatrix, MetricCorpus, metric_phases
from evalsuite.metrics.base import CorpusScore
from evalsuite.metrics.model_spec import model_finding_checks
from evalsuite.results import RunRecord, SegmentRecord
from evalsuite.segment_scoring import FindingCounts, PartitionScores, ScoringSpec
from evalsuite.spooled import SegmentSpool, SpooledSegments
from evalsuite.stats.aggregate import stat_scorer
from evalsuite.stats.streamed import streamed_bootstrap_ci


@dataclass
class StreamedRunRecord(RunRecord):
    """A run whose segments live in a spool file; finding counts were kept while streaming."""

    counts: FindingCounts = field(default_factory=dict)
    models: dict[str, str] = field(default_factory=dict)  # NLP models the workers loaded

    @property
    def finding_counts(self) -> dict[str, dict[str, int]]:
        return {check: dict(row) for check, row in self.counts.items()}

    def segment_lines(self) -> Iterator[dict[str, Any]]:
        segments = self.segments
        if isinstance(segments, SpooledSegments):
            yield from segments.lines()  # exactly the lines the partitions serialized
        else:
            yield from super().segment_lines()


def check_names(spec: ScoringSpec) -> list[str]:
    """The checks a run reports, with zero rows for those that found nothing (and the kinds
    of finding its model metrics make)."""
    names = []
    if spec.runs_checks:
        names = list(spec.checks) if spec.checks is not None else available_checks()
    return names + [c for c in model_finding_checks(spec.scored_metrics) if c not in names]


class RunAggregator:
    """Collects one run's partitions, in order, into a `StreamedRunRecord`."""

    def __init__(self, spec: ScoringSpec) -> None:
        self.spec = spec
        self.spool = SegmentSpool()
        self.filled = 0
        self.next_index = 0
        self.stats: dict[str, dict[str, FloatMatrix]] = {}
        self.counts: dict[str, list[int]] = {}
        self.labels: dict[str, set[str]] = {}
        self.models: dict[str, str] = {}
        self.findings: FindingCounts = {
            name: dict.fromkeys((*SEVERITIES, "total"), 0) for name in check_names(spec)
        }

    def add(self, part: PartitionScores) -> None:
        if part.index != self.next_index:
            raise ValueError(f"partition {part.index} arrived, expected {self.next_index}")
        rows = slice(self.filled, self.filled + part.n_segments)
        for metric, matrices in part.stats.items():
            store = self.stats.setdefault(metric, {})
            for name, matrix in matrices.items():
                if name not in store:
                    width = matrix.shape[1]
                    store[name] = np.empty((self.spec.profile.n_segments, width), np.float64)
                store[name][rows] = matrix
        for metric, counts in part.counts.items():
            total = self.counts.setdefault(metric, [0] * len(counts))
            self.counts[metric] = [a + b for a, b in zip(total, counts, strict=True)]
        for metric, labels in part.labels.items():
            self.labels.setdefault(metric, set()).update(labels)
        for check, row in part.findings.items():
            mine = self.findings.setdefault(check, dict.fromkeys((*SEVERITIES, "total"), 0))
            for severity, count in row.items():
                mine[severity] += count
        self.models.update(part.models)
        self.spool.write(part.lines, part.n_segments)
        self.filled += part.n_segments
        self.next_index += 1

    def add_all(self, parts: Iterable[PartitionScores]) -> StreamedRunRecord:
        for part in parts:
            self.add(part)
        return self.finish()

    def finish(self) -> StreamedRunRecord:
        spec = self.spec
        if self.filled != spec.profile.n_segments:
            raise ValueError(f"{self.filled} segments scored, expected {spec.profile.n_segments}")
        scores: list[CorpusScore] = []
        notes: list[str] = []
        for name in spec.metrics:
            if name not in spec.scored_metrics:
                notes.append(
                    f"{name}: not computed, {spec.profile.without_reference} segment(s) have "
                    "no reference"
                )
                continue
            phases = metric_phases(
                name, spec.profile, rouge_stemmer=spec.rouge_stemmer,
                prepared=spec.prepared.get(name),
            )
            data = MetricCorpus(
                spec.profile.n_segments, self.stats.get(name, {}), self.counts.get(name, []),
                sorted(self.labels.get(name, set())),
            )
            corpus_scores, metric_notes = phases.corpus(data)
            scores.extend(self._with_interval(score, data) for score in corpus_scores)
            notes.extend(metric_notes)
        segments = self.spool.close()
        return StreamedRunRecord(
            dataset=spec.dataset,
            task=spec.task,
            system=spec.system,
            system_signature=spec.system_signature,
            scores=scores,
            checks=check_names(spec),
            segments=cast(list[SegmentRecord], segments),  # a read-only, disk-backed sequence
            notes=notes,
            counts=self.findings,
            models=self.models,
        )

    def _with_interval(self, score: CorpusScore, data: MetricCorpus) -> CorpusScore:
        """The score with its seeded bootstrap interval, as `with_intervals` attaches it."""
        spec = self.spec
        matrix = data.stats.get(score.name)
        if spec.bootstrap <= 0 or matrix is None or not len(matrix):
            return score
        try:
            stat_scorer(score.name)
        except KeyError:
            return score
        ci = streamed_bootstrap_ci(
            matrix, score.name, n_resamples=spec.bootstrap, seed=spec.seed,
            confidence=spec.confidence,
        )
        return dataclasses.replace(
            score,
            signature=f"{score.signature}|{ci.signature}",
            ci_low=ci.low,
            ci_high=ci.high,
            ci_mean=ci.mean,
        )
