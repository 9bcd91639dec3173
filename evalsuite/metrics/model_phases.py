"""The segment and corpus phases of every model metric (BERTScore, COMET, NLI).

A segment phase runs the model on one partition (outputs cached per input) and yields each
segment's scores, a one-column statistics matrix per score, and the findings the model makes
(`comet_error_span`, `nli_unsupported`); the corpus score is the mean of the statistics, so
intervals and paired tests resample segments like every other metric's. Settings that depend
on the whole corpus (BERTScore's idf table) are computed once, before partitions are handed
out, by `prepare`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from evalsuite.checks.base import Finding
from evalsuite.corpus_profile import CorpusProfile
from evalsuite.metrics.base import CorpusScore
from evalsuite.metrics.bertscore import SCORE_NAMES as BERTSCORE_NAMES
from evalsuite.metrics.bertscore import BertScore
from evalsuite.metrics.comet import CHECK as COMET_CHECK
from evalsuite.metrics.comet import Comet
from evalsuite.metrics.nli import CHECK as NLI_CHECK
from evalsuite.metrics.nli import NliFaithfulness

Rows = tuple[list[dict[str, float]], list[list[Finding]]]


def score_names(metric: Any) -> tuple[str, ...]:
    return BERTSCORE_NAMES if isinstance(metric, BertScore) else (metric.name,)


def finding_checks(metric: Any) -> tuple[str, ...]:
    """The finding kinds a model metric can produce (they get zero rows when none is found)."""
    if isinstance(metric, NliFaithfulness):
        return (NLI_CHECK,)
    if isinstance(metric, Comet) and metric.checkpoint.family in ("xcomet_metric",) or (
        isinstance(metric, Comet) and metric.checkpoint.hparams.get("word_level_training")
    ):
        return (COMET_CHECK,)
    return ()


def needs_reference(metric: Any) -> bool:
    if isinstance(metric, BertScore):
        return True
    if isinstance(metric, Comet):
        return metric.needs_reference
    return False


def prepare(metric: Any, references: Sequence[Sequence[str]]) -> Any:
    """Corpus-wide state a partition needs (BERTScore's idf table), or None."""
    return metric.idf_table(references) if isinstance(metric, BertScore) else None


class ModelMetricPhases:
    reads_sources = True  # COMET and NLI read the source; the engine passes it

    def __init__(self, metric: Any, profile: CorpusProfile, prepared: Any = None) -> None:
        self.metric = metric
        self.profile = profile
        self.prepared = prepared

    def rows(
        self, hypotheses: Sequence[str], references: Sequence[Sequence[str]],
        langs: Sequence[str | None], sources: Sequence[str | None],
        source_langs: Sequence[str | None],
    ) -> Rows:
        metric = self.metric
        empty: list[list[Finding]] = [[] for _ in hypotheses]
        if isinstance(metric, BertScore):
            triples = metric.score_segments(hypotheses, references, self.prepared)
            return [
                {"bertscore_f": f, "bertscore_p": p, "bertscore_r": r} for p, r, f in triples
            ], empty
        if isinstance(metric, Comet):
            found = metric.segments(hypotheses, sources, references)
            return [{metric.name: s.score} for s in found], [s.findings for s in found]
        premises = [src if src is not None else (refs[0] if refs else None)
                    for src, refs in zip(sources, references, strict=True)]  # fmt: skip
        premise_langs = [sl if src is not None else lang for src, sl, lang in
                         zip(sources, source_langs, langs, strict=True)]  # fmt: skip
        against = ["source" if src is not None else "reference" for src in sources]
        verdicts = metric.verdicts(hypotheses, premises, langs, premise_langs, against)
        return [{metric.name: v.score} for v in verdicts], [v.findings for v in verdicts]

    def segment(
        self, hypotheses: Sequence[str], references: Sequence[Sequence[str]],
        langs: Sequence[str | None], *, sources: Sequence[str | None] | None = None,
        src_langs: Sequence[str | None] | None = None, task: str | None = None,
    ) -> Any:
        from evalsuite.metric_phases import MetricPart

        n = len(hypotheses)
        rows, findings = self.rows(
            hypotheses, references, langs, sources or [None] * n, src_langs or [None] * n
        )
        stats = {
            name: np.asarray([[row[name]] for row in rows], dtype=np.float64).reshape(n, 1)
            for name in score_names(self.metric)
        }
        return MetricPart(rows, stats, findings=findings)

    def corpus(self, data: Any) -> tuple[list[CorpusScore], list[str]]:
        metric = self.metric
        if isinstance(metric, BertScore):
            counts = self.profile.reference_counts
            signature = metric.signature(counts[0] if len(counts) == 1 else -1)
        else:
            signature = metric.signature()
        n = data.n_segments or 1
        return [
            CorpusScore(name, math.fsum(data.stats[name][:, 0].tolist()) / n, signature, True)
            for name in score_names(metric)
        ], []
