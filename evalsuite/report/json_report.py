"""`report --format json`: the results document with every run's segments inside it.

One file instead of two, for tools that want everything at once: the document as written by
`run` or `score` (its runs' fields kept as they are), each run gaining `segments`, the lines of
the segments file for that run in file order, without the `dataset` and `system` they repeat.
`schema` names this shape; `results_schema` keeps the document's own.
"""

from __future__ import annotations

from typing import Any

from evalsuite.io import dumps_json
from evalsuite.results import LoadedResults

SCHEMA = "evalsuite.report/1"


def report_document(results: LoadedResults) -> dict[str, Any]:
    document = {
        key: value
        for key, value in results.document.items()
        if key not in ("schema", "segments_file", "runs")
    }
    runs = []
    for raw, run in zip(results.document["runs"], results.runs, strict=True):
        segments = [
            {k: v for k, v in line.items() if k not in ("dataset", "system")}
            for line in run.segment_lines()
        ]
        runs.append({**raw, "segments": segments})
    return {
        "schema": SCHEMA,
        "results_schema": results.document.get("schema"),
        **document,
        "runs": runs,
    }


def render_json(results: LoadedResults) -> str:
    return dumps_json(report_document(results))
