"""What every metric returns: corpus scores with signatures, and per-segment scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class CorpusScore:
    """One corpus-level number on the metric's natural scale.

    ROUGE is on 0-1 (rouge-score's convention); BLEU, chrF and TER on 0-100 (sacrebleu's).
    `signature` holds every setting that changes the number, sacrebleu style.
    """

    name: str
    value: float
    signature: str
    higher_is_better: bool = True


@dataclass(frozen=True)
class MetricOutput:
    """Corpus scores plus, per segment, each score's segment-level value."""

    scores: list[CorpusScore]
    segments: list[dict[str, float]] = field(default_factory=list)


class Metric(Protocol):
    """Scores hypotheses against references; `langs` gives each segment's target language."""

    name: str

    def compute(
        self,
        hypotheses: Sequence[str],
        references: Sequence[Sequence[str]],
        langs: Sequence[str | None],
    ) -> MetricOutput: ...
