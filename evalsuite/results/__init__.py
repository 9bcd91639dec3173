"""Results: what a run produced (`records`), written as one result set (`writing`: the
versioned results.json and the segments file beside it) and read back (`reading`: the one
reader of both files, used by reports, `compare`, the gate and the engine's spool).
"""

from evalsuite.results.reading import (
    LoadedResults,
    LoadedRun,
    load_results,
    load_runs,
    parse_segment,
)
from evalsuite.results.records import SOURCE_KEEP_CHARS, RunRecord, SegmentRecord, score_dict
from evalsuite.results.writing import (
    SCHEMA,
    package_versions,
    results_document,
    segments_path,
    write_results_dir,
    write_results_file,
)

__all__ = [
    "SCHEMA",
    "SOURCE_KEEP_CHARS",
    "LoadedResults",
    "LoadedRun",
    "RunRecord",
    "SegmentRecord",
    "load_results",
    "load_runs",
    "package_versions",
    "parse_segment",
    "results_document",
    "score_dict",
    "segments_path",
    "write_results_dir",
    "write_results_file",
]
