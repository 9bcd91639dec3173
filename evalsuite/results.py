"""The results document (versioned JSON) and the per-segment detail written beside it."""

from __future__ import annotations

import platform
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import evalsuite
from evalsuite.checks.base import SEVERITIES, Finding
from evalsuite.io import atomic_write_json, atomic_write_jsonl, atomic_write_text
from evalsuite.metrics.base import CorpusScore

SCHEMA = "evalsuite.results/1"
_PACKAGES = ("sacrebleu", "rouge-score", "spacy", "transformers", "torch", "nltk", "datasets")


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
            "scores": {s.name: _score_dict(s) for s in self.scores},
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


def _score_dict(score: CorpusScore) -> dict[str, Any]:
    """A corpus score in the results document; the interval only when one was computed."""
    out: dict[str, Any] = {
        "value": score.value,
        "signature": str(score.signature),
        "higher_is_better": score.higher_is_better,
    }
    if score.ci_low is not None:
        out.update(ci_low=score.ci_low, ci_high=score.ci_high, ci_mean=score.ci_mean)
    return out


def package_versions(extra: dict[str, str] | None = None) -> dict[str, str]:
    """Versions of the tool, Python and every package that can change a number."""
    versions = {"evalsuite": evalsuite.__version__, "python": platform.python_version()}
    for name in _PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    versions.update(extra or {})
    return versions


def results_document(
    runs: Sequence[RunRecord],
    *,
    suite: dict[str, Any],
    models: dict[str, str],
    timing: dict[str, Any],
    segments_file: str = "segments.jsonl",
) -> dict[str, Any]:
    """The versioned results document; `segments_file` is relative to the document's folder."""
    return {
        "schema": SCHEMA,
        "segments_file": segments_file,
        "suite": suite,
        "versions": package_versions(),
        "models": models,
        "runs": [run.to_dict() for run in runs],
        "timing": timing,
    }


def segments_path(results_path: str | Path, document: dict[str, Any]) -> Path:
    """Where the per-segment detail of a results document lives."""
    return Path(results_path).parent / str(document.get("segments_file", "segments.jsonl"))


def write_results_dir(
    directory: str | Path, document: dict[str, Any], runs: Sequence[RunRecord], report_md: str
) -> Path:
    """Write segments.jsonl, report.md, then results.json last, each atomically."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    lines = (line for run in runs for line in run.segment_lines())
    atomic_write_jsonl(out / "segments.jsonl", lines)
    atomic_write_text(out / "report.md", report_md)
    atomic_write_json(out / "results.json", document)
    return out
