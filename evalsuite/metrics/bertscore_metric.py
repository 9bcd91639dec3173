"""BERTScore on the metric contract: each segment's (P, R, F) from `metrics.bertscore` (parity
with the bert-score package), corpus scores their means. The idf table, when asked for, is
built once from every reference of the corpus (`prepare`), so partitions weigh tokens alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from evalsuite import __version__
from evalsuite.metrics.base import (
    CorpusProfile,
    CorpusStats,
    Metric,
    RunSettings,
    ScoreKind,
    SegmentBatch,
    SegmentPart,
    mean_segment_score,
    stats_matrix,
)
from evalsuite.metrics.bertscore import BertScore, BertScoreSettings
from evalsuite.metrics.model_options import MODEL_OPTIONS, model_options
from evalsuite.metrics.signature import Signature
from evalsuite.stats.aggregate import MeanOfColumn


def _kind(name: str, label: str, in_summary: bool) -> ScoreKind:
    return ScoreKind(
        name, label, "BERTScore", 1, MeanOfColumn(0), scale=100.0, in_summary=in_summary
    )


class BertScoreMetric(Metric):
    """`bertscore_f` (the headline), `bertscore_p`, `bertscore_r`: means of segment scores."""

    name = "bertscore"
    argument = "model"
    OPTIONS = {
        **MODEL_OPTIONS, "layer": int, "idf": bool, "rescale": bool, "baseline": str, "lang": str,
    }  # fmt: skip
    SCORES = (
        _kind("bertscore_f", "BERTScore", True),
        _kind("bertscore_p", "BERTScore-P", False),
        _kind("bertscore_r", "BERTScore-R", False),
    )

    def __init__(self, scorer: BertScore) -> None:
        self.scorer = scorer

    @classmethod
    def from_options(cls, options: Mapping[str, Any], settings: RunSettings) -> Metric:
        runtime, own = model_options(options)
        return cls(BertScore(BertScoreSettings(**own), runtime))

    def prepare(self, references: Sequence[Sequence[str]]) -> Any:
        return self.scorer.idf_table(references) if all(references) else None

    def segment_statistics(self, batch: SegmentBatch, profile: CorpusProfile) -> SegmentPart:
        triples = self.scorer.score_segments(batch.hypotheses, batch.references, batch.prepared)
        rows = [{"bertscore_f": f, "bertscore_p": p, "bertscore_r": r} for p, r, f in triples]
        stats = {
            kind.name: stats_matrix([[row[kind.name]] for row in rows], 1)
            for kind in self.SCORES
        }
        return SegmentPart(rows, stats)

    def corpus_value(self, kind: ScoreKind, corpus: CorpusStats) -> float:
        return mean_segment_score(kind, corpus)

    def signature(self, kind: ScoreKind, corpus: CorpusStats) -> Signature:
        counts = corpus.profile.reference_counts
        nrefs = str(counts[0]) if len(counts) == 1 and counts[0] > 0 else "var"
        fields = [("nrefs", nrefs), *self.scorer.signature_fields().items()]
        return Signature.of([*fields, ("version", __version__)])
