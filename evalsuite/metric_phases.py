"""Each metric split in two: what a partition of segments yields, and the corpus score from it.

A corpus score must not depend on how the corpus was cut. So the segment phase keeps only what
a segment contributes on its own (its score, its sufficient statistics, a few counts) and always
uses the corpus's settings (`CorpusProfile`); the corpus phase then computes the score from all
segments' statistics the way the metric itself does on the whole corpus:

- BLEU, chrF, TER: sacrebleu's `_compute_score_from_stats` of the column sums, summed segment
  after segment as sacrebleu's `sum_of_lists` does, with the corpus object carrying the
  reference count and the TER shift cap for the signature and notes;
- ROUGE: the exactly rounded mean (`math.fsum`) of the segment F-measures;
- entity scores: the entity counts pooled over all segments.

Both backends run these same two phases, so they produce the same numbers bit for bit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from evalsuite.checks.api import Task
from evalsuite.corpus_profile import CorpusProfile
from evalsuite.metrics.base import CorpusScore
from evalsuite.metrics.model_spec import is_model_metric, model_metric
from evalsuite.metrics.registry import metric_from_name
from evalsuite.metrics.rouge import Rouge
from evalsuite.metrics.sacrebleu_metrics import _reference_streams, _SacrebleuMetric

FloatMatrix = NDArray[np.float64]


@dataclass
class MetricPart:
    """One metric on one partition: per-segment scores and statistics, and summable counts."""

    segment_scores: list[dict[str, float]]
    stats: dict[str, FloatMatrix] = field(default_factory=dict)  # score name -> rows x stats
    counts: list[int] = field(default_factory=list)  # summed over partitions in the driver
    labels: list[str] = field(default_factory=list)  # e.g. languages seen; united in the driver
    findings: list[list[Any]] = field(default_factory=list)  # per segment (model metrics)


@dataclass
class MetricCorpus:
    """Everything the corpus phase reads: full statistics matrices, summed counts, labels."""

    n_segments: int
    stats: dict[str, FloatMatrix]
    counts: list[int]
    labels: list[str]


class MetricPhases(Protocol):
    """A metric's segment phase (per partition) and corpus phase (once, in the driver)."""

    def segment(
        self, hypotheses: Sequence[str], references: Sequence[Sequence[str]],
        langs: Sequence[str | None],
    ) -> MetricPart: ...

    def corpus(self, data: MetricCorpus) -> tuple[list[CorpusScore], list[str]]: ...


def sequential_column_sums(matrix: FloatMatrix) -> list[float]:
    """Column sums added row after row, as sacrebleu's `sum_of_lists` adds them.

    The order matters for fractional statistics (TER's average reference length with several
    references); integer statistics sum exactly either way.
    """
    if matrix.shape[0] == 0:
        return [0.0] * matrix.shape[1]
    total = matrix[0].copy()
    for row in matrix[1:]:
        total += row
    return [float(x) for x in total]


def _as_matrix(rows: Sequence[Sequence[float]], width: int) -> FloatMatrix:
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), width)


class SacrebleuPhases:
    """BLEU, chrF, chrF++ and TER through the metric's own sacrebleu objects."""

    def __init__(self, metric: _SacrebleuMetric, profile: CorpusProfile) -> None:
        self.metric = metric
        self.profile = profile

    def _corpus_object(self) -> Any:
        # The corpus's languages pick the tokenizer, whatever this partition holds.
        return self.metric._corpus_metric(list(self.profile.langs))

    def segment(
        self, hypotheses: Sequence[str], references: Sequence[Sequence[str]],
        langs: Sequence[str | None],
    ) -> MetricPart:
        corpus = self._corpus_object()
        rows = corpus._extract_corpus_statistics(
            list(hypotheses), _reference_streams(references)
        )
        scorer = self.metric._segment_metric(list(self.profile.langs))
        name = self.metric.name
        scores = [{name: float(scorer._compute_score_from_stats(list(r)).score)} for r in rows]
        matrix = _as_matrix([[float(x) for x in r] for r in rows], len(rows[0]) if rows else 0)
        return MetricPart(scores, {name: matrix}, [int(getattr(corpus, "capped", 0))])

    def corpus(self, data: MetricCorpus) -> tuple[list[CorpusScore], list[str]]:
        corpus = self._corpus_object()
        counts = self.profile.reference_counts
        corpus.num_refs = counts[0] if len(counts) == 1 else -1  # what extraction would set
        if hasattr(corpus, "capped"):
            corpus.capped = data.counts[0]
        name = self.metric.name
        result = corpus._compute_score_from_stats(sequential_column_sums(data.stats[name]))
        score = CorpusScore(
            name=name,
            value=float(result.score),
            signature=self.metric._signature(corpus),
            higher_is_better=self.metric.higher_is_better,
        )
        return [score], self.metric._notes(corpus)


class RougePhases:
    """ROUGE: segment triples per language; the corpus value is the mean F-measure."""

    def __init__(self, metric: Rouge, profile: CorpusProfile) -> None:
        self.metric = metric
        self.profile = profile

    def segment(
        self, hypotheses: Sequence[str], references: Sequence[Sequence[str]],
        langs: Sequence[str | None],
    ) -> MetricPart:
        output = self.metric.compute(hypotheses, references, langs)
        stats = {
            t: _as_matrix([seg[t] for seg in output.segment_stats], 3)
            for t in dict.fromkeys(self.metric.rouge_types)
        }
        return MetricPart(output.segments, stats)

    def corpus(self, data: MetricCorpus) -> tuple[list[CorpusScore], list[str]]:
        langs = list(self.profile.langs)
        scores = [
            CorpusScore(
                name=rouge_type,
                value=math.fsum(data.stats[rouge_type][:, 2].tolist()) / data.n_segments,
                signature=self.metric.signature(rouge_type, langs),
                higher_is_better=self.metric.higher_is_better,
            )
            for rouge_type in dict.fromkeys(self.metric.rouge_types)
        ]
        return scores, []


class EntityPhases:
    """Entity precision-source / recall-target: counts per segment, pooled over the corpus.

    Precision is measured against each segment's source where it has a comparable one (see
    `entity_scores`), so the segment phase reads the sources too (`reads_sources`)."""

    reads_sources = True

    def __init__(self, metric: Any, profile: CorpusProfile) -> None:
        self.metric = metric
        self.profile = profile

    def segment(
        self, hypotheses: Sequence[str], references: Sequence[Sequence[str]],
        langs: Sequence[str | None], *, sources: Sequence[str | None] | None = None,
        src_langs: Sequence[str | None] | None = None, task: Task = "translation",
    ) -> MetricPart:
        from evalsuite.checks.api import CheckInput
        from evalsuite.checks.entity_scores import PREC, RECALL, entity_scores
        from evalsuite.checks.runner import parse_segments

        n = len(hypotheses)
        if sources is not None and len(sources) != n:
            raise ValueError("entity: need one source per segment")
        inputs = [
            CheckInput(
                hyp, refs[0] if refs else None, sources[i] if sources is not None else None,
                lang, src_langs[i] if src_langs is not None else None, task=task,
            )
            for i, (hyp, refs, lang) in enumerate(zip(hypotheses, references, langs, strict=True))
        ]
        parsed = parse_segments(inputs)
        rows = entity_scores(parsed)
        scores = [
            {key: float(row[key]) for key in (PREC, RECALL) if row[key] is not None}
            for row in rows
        ]
        counts = [
            sum(int(row[key]) for row in rows)
            for key in ("hyp_supported", "hyp_entities", "ref_kept", "ref_entities")
        ] + [sum(row["precision_against"] == basis for row in rows)
             for basis in ("source", "reference")]  # fmt: skip
        seen = {t.lang for s in parsed for t in (s.hyp, s.ref, s.src) if t is not None}
        return MetricPart(scores, {}, counts, sorted(seen))

    def corpus(self, data: MetricCorpus) -> tuple[list[CorpusScore], list[str]]:
        from evalsuite.checks.entity_scores import PREC, RECALL, precision_basis

        supported, n_hyp, kept, n_ref, against_source, against_reference = data.counts
        # The signature reads only each parsed text's language: one stand-in text per language.
        stand_ins = [
            SimpleNamespace(hyp=SimpleNamespace(lang=lang), ref=None, src=None)
            for lang in sorted(set(data.labels))
        ]
        against = precision_basis(against_source, against_reference)
        signature = self.metric.signature(stand_ins, against)
        return [
            CorpusScore(PREC, supported / n_hyp if n_hyp else 1.0, signature),
            CorpusScore(RECALL, kept / n_ref if n_ref else 1.0, signature),
        ], []


def metric_phases(
    name: str, profile: CorpusProfile, *, rouge_stemmer: bool, prepared: Any = None
) -> MetricPhases:
    """The two phases of a metric named in a suite ("bleu", "rouge", "bertscore:PATH"...)."""
    if is_model_metric(name):
        from evalsuite.metrics.model_phases import ModelMetricPhases

        return ModelMetricPhases(model_metric(name), profile, prepared)
    metric = metric_from_name(name, rouge_stemmer=rouge_stemmer)
    if isinstance(metric, Rouge):
        return RougePhases(metric, profile)
    if isinstance(metric, _SacrebleuMetric):
        return SacrebleuPhases(metric, profile)
    if metric.name == "entity":
        return EntityPhases(metric, profile)
    raise TypeError(f"metric '{name}' has no segment/corpus phases")
