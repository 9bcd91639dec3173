"""NLI faithfulness on the metric contract: each output sentence scored for entailment by its
best chunk of the source (or of the reference when a segment has no source), segment score the
mean over sentences, corpus score the mean over segments; unsupported sentences become
`nli_unsupported` findings. The scoring is `metrics.nli`.
"""

from __future__ import annotations

from collections.abc import Mapping
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
from evalsuite.metrics.model_options import MODEL_OPTIONS, model_options
from evalsuite.metrics.nli import CHECK, NliFaithfulness, NliSettings
from evalsuite.metrics.signature import Signature
from evalsuite.stats.aggregate import MeanOfColumn


class NliMetric(Metric):
    """Mean entailment of output sentences against the source (else the reference)."""

    name = "nli"
    argument = "model"
    NEEDS = ()  # a source or a reference per segment: the premise
    OPTIONS = {**MODEL_OPTIONS, "chunk_words": int, "score": str, "threshold": float}
    SCORES = (ScoreKind("nli", "NLI", "NLI", 1, MeanOfColumn(0), scale=100.0),)

    def __init__(self, scorer: NliFaithfulness) -> None:
        self.scorer = scorer

    @classmethod
    def from_options(cls, options: Mapping[str, Any], settings: RunSettings) -> Metric:
        runtime, own = model_options(options)
        return cls(NliFaithfulness(NliSettings(**own), runtime))

    @property
    def finding_checks(self) -> tuple[str, ...]:
        return (CHECK,)

    def segment_statistics(self, batch: SegmentBatch, profile: CorpusProfile) -> SegmentPart:
        (kind,) = self.SCORES
        premises, premise_langs, against = [], [], []
        for src, src_lang, refs, lang in zip(
            batch.sources, batch.src_langs, batch.references, batch.langs, strict=True
        ):
            premises.append(src if src is not None else (refs[0] if refs else None))
            premise_langs.append(src_lang if src is not None else lang)
            against.append("source" if src is not None else "reference")
        verdicts = self.scorer.verdicts(
            batch.hypotheses, premises, batch.langs, premise_langs, against
        )
        rows = [{kind.name: v.score} for v in verdicts]
        stats = {kind.name: stats_matrix([[v.score] for v in verdicts], 1)}
        return SegmentPart(rows, stats, findings=[v.findings for v in verdicts])

    def corpus_value(self, kind: ScoreKind, corpus: CorpusStats) -> float:
        return mean_segment_score(kind, corpus)

    def signature(self, kind: ScoreKind, corpus: CorpusStats) -> Signature:
        fields = [*self.scorer.signature_fields().items(), ("version", __version__)]
        return Signature.of(fields)
