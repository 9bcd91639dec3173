"""The finding schema shared by every check (see DESIGN.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["critical", "major", "minor"]
SEVERITIES: tuple[Severity, ...] = ("critical", "major", "minor")


@dataclass(frozen=True)
class Span:
    """Character offsets [start, end) into a text, with the covered text for readability."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Finding:
    """One fault found by a check: data, not a log line.

    `hyp_span` points into the hypothesis; `ref_span` into the text it was compared with,
    which `evidence["against"]` names ("reference" or "source") when there is one.
    """

    check: str
    severity: Severity
    message: str
    hyp_span: Span | None = None
    ref_span: Span | None = None
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "severity": self.severity,
            "message": self.message,
            "hyp_span": self.hyp_span.to_dict() if self.hyp_span else None,
            "ref_span": self.ref_span.to_dict() if self.ref_span else None,
            "evidence": self.evidence,
        }
