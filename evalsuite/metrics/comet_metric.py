"""COMET on the metric contract: `comet` (with the reference when the checkpoint reads one)
and `comet-qe` (never with it). Segment statistics are the segment scores, the corpus score
their mean (COMET's system score); word-level checkpoints' error spans become
`comet_error_span` findings. The scoring is `metrics.comet` (parity with unbabel-comet).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from evalsuite import __version__
from evalsuite.metrics.base import (
    CorpusProfile,
    CorpusStats,
    Metric,
    RunSettings,
    ScoreKind,
    SegmentBatch,
    SegmentPart,
    Text,
    mean_segment_score,
    stats_matrix,
)
from evalsuite.metrics.comet import CHECK, Comet, CometSettings
from evalsuite.metrics.model_options import MODEL_OPTIONS, model_options
from evalsuite.metrics.signature import Signature
from evalsuite.stats.aggregate import MeanOfColumn


class CometMetric(Metric):
    """Reference-based COMET (a QE-capable checkpoint also scores records without one)."""

    name = "comet"
    argument = "model"
    qe: ClassVar[bool] = False
    OPTIONS = {key: kind for key, kind in MODEL_OPTIONS.items() if key != "revision"}
    SCORES = (ScoreKind("comet", "COMET", "COMET", 1, MeanOfColumn(0), scale=100.0),)

    def __init__(self, scorer: Comet) -> None:
        self.scorer = scorer

    @classmethod
    def from_options(cls, options: Mapping[str, Any], settings: RunSettings) -> Metric:
        runtime, own = model_options(options)
        return cls(Comet(CometSettings(own["model"], qe=cls.qe), runtime))

    @property
    def needs(self) -> tuple[Text, ...]:
        return ("reference",) if self.scorer.needs_reference else ()

    @property
    def finding_checks(self) -> tuple[str, ...]:
        checkpoint = self.scorer.checkpoint
        word_level = checkpoint.family == "xcomet_metric" or checkpoint.hparams.get(
            "word_level_training"
        )
        return (CHECK,) if word_level else ()

    def segment_statistics(self, batch: SegmentBatch, profile: CorpusProfile) -> SegmentPart:
        (kind,) = self.SCORES
        found = self.scorer.segments(batch.hypotheses, batch.sources, batch.references)
        rows = [{kind.name: s.score} for s in found]
        stats = {kind.name: stats_matrix([[s.score] for s in found], 1)}
        return SegmentPart(rows, stats, findings=[s.findings for s in found])

    def corpus_value(self, kind: ScoreKind, corpus: CorpusStats) -> float:
        return mean_segment_score(kind, corpus)

    def signature(self, kind: ScoreKind, corpus: CorpusStats) -> Signature:
        fields = [*self.scorer.signature_fields().items(), ("version", __version__)]
        return Signature.of(fields)


class CometQeMetric(CometMetric):
    """COMET without references: CometKiwi, or a unified/xCOMET checkpoint in QE mode."""

    name = "comet-qe"
    qe = True
    NEEDS = ()
    SCORES = (ScoreKind("comet_qe", "COMET-QE", "COMET-QE", 1, MeanOfColumn(0), scale=100.0),)
