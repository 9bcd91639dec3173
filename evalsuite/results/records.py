"""What a run produced, in memory: one RunRecord per system and dataset, one SegmentRecord per
segment; and how each becomes its entry in results.json and its line in segments.jsonl."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from evalsuite.checks.base import SEVERITIES, Finding
from evalsuite.metrics.base import CorpusScore


@dataclass
class SegmentRecord:
    """One evaluated segment: its output, segment scores and findings."""

    id: str
    hypothesis: str
    scores: dict[str, float] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    stats: dict[str, list[float]] = field(default_factory=dict)  # per score: its segment stats
    lang: str | None = None  # the output's language, so the gate can select one language
    # The texts that findings' ref_spans point into, so reports can show the evidence in place:
    # the first reference (the one checks compare with) and, when kept, the source.
    reference: str | None = None
    source: str | None = None


@dataclass
class RunRecord:
    """One system on one dataset."""

    dataset: str
    task: str
    system: str
    system_signature: str
    scores: list[CorpusScore]
    checks: list[str]
    segments: list[SegmentRecord]
    notes: list[str] = field(default_factory=list)

    @property
    def finding_counts(self) -> dict[str, dict[str, int]]:
        """Per check: counts per severity and in total (zero rows for checks that ran)."""
        counts = {name: dict.fromkeys((*SEVERITIES, "total"), 0) for name in self.checks}
        for segment in self.segments:
            for finding in segment.findings:
                row = counts.setdefault(finding.check, dict.fromkeys((*SEVERITIES, "total"), 0))
                row[finding.severity] += 1
                row["total"] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "task": self.task,
            "system": self.system,
            "system_signature": self.system_signature,
            "n_segments": len(self.segments),
            "scores": {s.name: score_dict(s) for s in self.scores},
            "findings": self.finding_counts,
            "notes": self.notes,
        }

    def segment_lines(self) -> Iterable[dict[str, Any]]:
        for segment in self.segments:
            yield {
                "dataset": self.dataset,
                "system": self.system,
                "id": segment.id,
                "lang": segment.lang,
                "hypothesis": segment.hypothesis,
                "scores": segment.scores,
                "findings": [f.to_dict() for f in segment.findings],
                "meta": segment.meta,
                "stats": segment.stats,
                "reference": segment.reference,
                **({"source": segment.source} if _keeps_source(segment) else {}),
            }


# Sources up to this length (a sentence or a paragraph to translate) are written beside each
# segment; a longer one (an article to summarize, repeated for every system) only when a
# finding points into it, so reports can show that evidence without bloating the file.
SOURCE_KEEP_CHARS = 1000


def _keeps_source(segment: SegmentRecord) -> bool:
    if not segment.source:
        return False
    if len(segment.source) <= SOURCE_KEEP_CHARS:
        return True
    return any(f.ref_span and f.evidence.get("against") == "source" for f in segment.findings)


def score_dict(score: CorpusScore) -> dict[str, Any]:
    """A corpus score in the results document; the interval only when one was computed."""
    out: dict[str, Any] = {
        "value": score.value,
        "signature": str(score.signature),
        "higher_is_better": score.higher_is_better,
    }
    if score.ci_low is not None:
        out.update(ci_low=score.ci_low, ci_high=score.ci_high, ci_mean=score.ci_mean)
    return out
