"""What every metric returns: corpus scores with signatures, and per-segment scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class CorpusScore:
    """One corpus-level number on the metric's natural scale.

    ROUGE is on 0-1 (rouge-score's convention); BLEU, chrF and TER on 0-100 (sacrebleu's).
    `signature` holds every setting that changes the number, sacrebleu style; with a bootstrap
    interval it ends in the interval's settings (`|bs:1000|seed:12345|ci:95`).
    """

    name: str
    value: float
    signature: str
    higher_is_better: bool = True
    ci_low: float | None = None
    ci_high: float | None = None
    ci_mean: float | None = None  # mean of the bootstrap resamples (sacrebleu's "mu")


@dataclass(frozen=True)
class MetricOutput:
    """Corpus scores plus, per segment, each score's value and its sufficient statistics.

    `segment_stats[i][name]` is what the corpus score `name` is aggregated from (BLEU: lengths and
    n-gram matches/totals; chrF: n-gram counts; TER: edits, reference length; ROUGE: P, R, F), so
    confidence intervals and paired tests can resample them without the texts.
    """

    scores: list[CorpusScore]
    segments: list[dict[str, float]] = field(default_factory=list)
    segment_stats: list[dict[str, list[float]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Metric(Protocol):
    """Scores hypotheses against references; `langs` gives each segment's target language."""

    name: str

    def compute(
        self,
        hypotheses: Sequence[str],
        references: Sequence[Sequence[str]],
        langs: Sequence[str | None],
    ) -> MetricOutput: ...
