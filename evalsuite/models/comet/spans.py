"""Error spans from a word-level COMET model's token tags (xCOMET, word-level CometKiwi).

Each token of the translation gets the label with the highest probability ("O" or
"I-<severity>"); a run of tagged tokens is one span, with the severity of its first token, its
character range from the tokens' offsets and, as confidence, the mean probability of the
winning labels. As in the package, a run still open at the end of the sequence is not a span.
xCOMET's MQM-style score counts the spans: minor 1, major 5, critical 10, capped at 25,
mapped to (25 - total) / 25.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

PENALTIES = {"minor": 1, "major": 5, "critical": 10}
MAX_PENALTY = 25


@dataclass(frozen=True)
class ErrorSpan:
    start: int
    end: int
    severity: str
    confidence: float
    tokens: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "severity": self.severity,
                "confidence": self.confidence, "tokens": list(self.tokens)}  # fmt: skip


def decode_spans(
    probabilities: Any, token_ids: Sequence[int], offsets: Sequence[tuple[int, int]],
    labels: Sequence[str],
) -> list[ErrorSpan]:
    """Spans of one translation; `probabilities` is (tokens x labels), one row per token."""
    spans: list[ErrorSpan] = []
    current: dict[str, Any] | None = None
    for position, token in enumerate(token_ids[: len(offsets)]):
        row = probabilities[position]
        best = int(row.argmax())
        probability = float(row[best])
        label = labels[best]
        if label.startswith("I"):
            if current is None:
                current = {"tokens": [token], "severity": label.split("-", 1)[1],
                           "start": offsets[position][0], "end": offsets[position][1],
                           "confidence": [probability]}  # fmt: skip
            else:
                current["tokens"].append(token)
                current["confidence"].append(probability)
                current["end"] = offsets[position][1]
        elif current is not None:
            spans.append(_closed(current))
            current = None
    return spans


def _closed(span: dict[str, Any]) -> ErrorSpan:
    import torch

    confidence = float(torch.tensor(span["confidence"]).mean())
    return ErrorSpan(span["start"], span["end"], span["severity"], confidence,
                     tuple(span["tokens"]))  # fmt: skip


def mqm_from_spans(spans: Sequence[ErrorSpan]) -> float:
    total = min(sum(PENALTIES.get(span.severity, 0) for span in spans), MAX_PENALTY)
    return (MAX_PENALTY - total) / MAX_PENALTY
