"""For tests that edit a written result set on purpose: record the edited segments file's
SHA-256 in its results document again, as writing the set would have."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from evalsuite.results import segments_path


def reseal(results: Path) -> Path:
    """Make `results` name the SHA-256 of the segments file now beside it."""
    document = json.loads(results.read_text(encoding="utf-8"))
    seg_file = segments_path(results, document)
    document["segments_sha256"] = hashlib.sha256(seg_file.read_bytes()).hexdigest()
    results.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return results
