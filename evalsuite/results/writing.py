"""Writing a result set: the versioned results document and, beside it, its segments file
(and, for a run's directory, report.md), as one unit.

Every file of the set is first written in full to a temporary file beside its target; only
then is the set replaced: the old results document (and report) removed, the new files renamed
into place, the results document last, with SIGINT/SIGTERM held back meanwhile. A folder
therefore never holds a results document next to another run's segments or report: a full
disk or a stop while writing leaves the old set as it was, a `kill -9` between the renames
leaves no results document (readers say so). The document also records the segments file's
SHA-256 (`segments_sha256`), which every reader checks, so a segments file that does not
belong to the document (copied in by hand, say) is refused too.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import evalsuite
from evalsuite.io import dumps_json, signals_deferred, write_temporary_beside
from evalsuite.results.records import RunRecord

SCHEMA = "evalsuite.results/1"
SEGMENTS_HASH = "segments_sha256"  # the document's field for its segments file's SHA-256
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
    """Write the document at `path` and the segments file it names, as one set."""
    _write_set(Path(path), document, runs, extra={})
    return Path(path)


def write_results_dir(
    directory: str | Path, document: dict[str, Any], runs: Sequence[RunRecord], report_md: str
) -> Path:
    """Write results.json, segments.jsonl and report.md into `directory`, as one set."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    document = {**document, "segments_file": "segments.jsonl"}
    _write_set(out / "results.json", document, runs, extra={out / "report.md": report_md})
    return out


def _write_set(
    results: Path, document: dict[str, Any], runs: Sequence[RunRecord], extra: dict[Path, str]
) -> None:
    segments_text = "".join(
        json.dumps(line, ensure_ascii=False) + "\n" for run in runs for line in run.segment_lines()
    )
    digest = hashlib.sha256(segments_text.encode("utf-8")).hexdigest()
    document = _with_hash(document, digest)
    files = {segments_path(results, document): segments_text, **extra}
    staged: list[tuple[Path, Path]] = []
    try:
        for target, text in [*files.items(), (results, dumps_json(document))]:
            staged.append((write_temporary_beside(target, text), target))
        with signals_deferred():
            for target in (results, *extra):  # no document beside a half-replaced set
                target.unlink(missing_ok=True)
            for tmp, target in staged:
                os.replace(tmp, target)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)


def _with_hash(document: dict[str, Any], digest: str) -> dict[str, Any]:
    """The document with its segments file's hash, right after `segments_file`."""
    out: dict[str, Any] = {}
    for key, value in document.items():
        if key != SEGMENTS_HASH:
            out[key] = value
        if key == "segments_file":
            out[SEGMENTS_HASH] = digest
    out.setdefault(SEGMENTS_HASH, digest)
    return out
