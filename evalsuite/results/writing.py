"""Writing a result set: the versioned results document and, beside it, its segments file.

The segments file is written first and the document last, each atomically (a temporary file,
then a rename), so a results document never names a segments file that is not complete.
"""

from __future__ import annotations

import platform
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import evalsuite
from evalsuite.io import atomic_write_json, atomic_write_jsonl, atomic_write_text
from evalsuite.results.records import RunRecord

SCHEMA = "evalsuite.results/1"
_PACKAGES = ("sacrebleu", "rouge-score", "spacy", "transformers", "torch", "nltk", "datasets")


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


def write_results_file(
    path: str | Path, document: dict[str, Any], runs: Sequence[RunRecord]
) -> Path:
    """Write the segments file the document names, then the document at `path`."""
    lines = (line for run in runs for line in run.segment_lines())
    atomic_write_jsonl(segments_path(path, document), lines)
    atomic_write_json(path, document)
    return Path(path)


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
