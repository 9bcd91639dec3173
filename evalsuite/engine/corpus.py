"""Phase two of scoring a run: partitions in, corpus scores, intervals and one run record out.

The aggregator takes partitions strictly in order (whatever order workers finished them in),
writes their segment lines to a spool file at once and keeps only numbers: each score's
statistics matrix (preallocated from the corpus size), summed counts and finding counts. The
corpus scores and bootstrap intervals are then computed from those numbers alone, so a run of
any size costs the driver a few dozen floats per segment, and the same partitions give the
same record on every backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np

from evalsuite.checks.base import SEVERITIES
from evalsuite.checks.runner import available_checks
from evalsuite.engine.segments import FindingCounts, PartitionScores
from evalsuite.engine.spec import ScoringSpec, scoring_metric
from evalsuite.engine.spool import SegmentSpool, SpooledSegments
from evalsuite.metrics.base import (
    CorpusScore,
    CorpusStats,
    FloatMatrix,
    IntervalSettings,
    sorted_seen,
)
from evalsuite.results import RunRecord, SegmentRecord


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
    of finding its metrics make)."""
    names = []
    if spec.runs_checks:
        names = list(spec.checks) if spec.checks is not None else available_checks()
    for metric in spec.scored_metrics:
        found = scoring_metric(metric, spec.rouge_stemmer).finding_checks
        names += [check for check in found if check not in names]
    return names


class RunAggregator:
    """Collects one run's partitions, in order, into a `StreamedRunRecord`."""

    def __init__(self, spec: ScoringSpec) -> None:
        self.spec = spec
        self.spool = SegmentSpool()
        self.filled = 0
        self.next_index = 0
        self.stats: dict[str, dict[str, FloatMatrix]] = {}
        self.counts: dict[str, dict[str, int]] = {}
        self.seen: dict[str, dict[str, set[str]]] = {}
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
            total = self.counts.setdefault(metric, {})
            for key, count in counts.items():
                total[key] = total.get(key, 0) + count
        for metric, seen in part.seen.items():
            united = self.seen.setdefault(metric, {})
            for key, values in seen.items():
                united.setdefault(key, set()).update(values)
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
        interval = IntervalSettings(spec.bootstrap, spec.seed, spec.confidence)
        for name in spec.metrics:
            lacking = spec.lacking(name)
            if lacking is not None:
                text, count = lacking
                notes.append(f"{name}: not computed, {count} segment(s) have no {text}")
                continue
            metric = scoring_metric(name, spec.rouge_stemmer)
            corpus = CorpusStats(
                spec.profile, self.stats.get(name, {}), self.counts.get(name, {}),
                sorted_seen(self.seen.get(name, {})),
            )
            scores.extend(metric.corpus_scores(corpus, interval))
            notes.extend(metric.notes(corpus))
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
