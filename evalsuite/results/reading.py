"""Reading a result set back: the one reader of results documents and segments files.

Reports render from RunRecords whether they come straight from a run or from files on disk, so
`report --format md` on a results directory gives the very report.md that `run` wrote;
`compare` and the gate read the same files through `load_runs`, which keeps only each
segment's statistics, language and finding kinds; the engine's spool reads its own lines back
with `parse_segment`. Every problem is an InputError that names the file, the line and the
field: a report or a verdict built from a half-understood file would be worse than none.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evalsuite.checks.base import SEVERITIES, Finding, Span
from evalsuite.errors import InputError
from evalsuite.io import decode_utf8, parse_json, read_text
from evalsuite.metrics.base import CorpusScore
from evalsuite.metrics.signature import Signature
from evalsuite.results.records import RunRecord, SegmentRecord
from evalsuite.results.writing import SCHEMA, SEGMENTS_HASH, segments_path


@dataclass(frozen=True)
class LoadedResults:
    """A results document as read (header fields for reports) and its runs with segments."""

    path: Path
    document: dict[str, Any]
    runs: list[RunRecord]

    @property
    def suite_name(self) -> str:
        suite = self.document.get("suite")
        return str(suite.get("name", "")) if isinstance(suite, dict) else ""


def load_results(path: str | Path) -> LoadedResults:
    """The results document at `path` and the segments file it names (beside it)."""
    results = Path(path)
    document = _read_document(results)
    seg_path = segments_path(results, document)
    segments: _Segments = {}
    check = _SetCheck(results, document, seg_path)
    for number, key, segment in iter_segments(seg_path, check.digest):
        segments.setdefault(key, (number, []))[1].append(segment)
    runs = [_run(results, i, raw, segments) for i, raw in enumerate(document["runs"])]
    _require_known_runs(results, seg_path, {(run.dataset, run.system) for run in runs}, segments)
    check.verify()
    return LoadedResults(path=results, document=document, runs=runs)


@dataclass(frozen=True)
class LoadedRun:
    """One run of a results document with its segments' statistics, keyed by segment id, for
    paired tests (`compare`, the gate): no texts.

    `scores` are the document's score entries as stored; `findings` the run's counts per check
    and severity; `segment_langs` and `segment_findings` (segment id -> (check, severity)
    pairs) let the gate look at one language's segments.
    """

    dataset: str
    system: str
    scores: dict[str, dict[str, Any]]
    stats: dict[str, dict[str, list[float]]]
    findings: dict[str, dict[str, int]] = field(default_factory=dict)
    segment_langs: dict[str, str | None] = field(default_factory=dict)
    segment_findings: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def load_runs(path: str | Path) -> dict[tuple[str, str], LoadedRun]:
    """Every run of a results document with what paired tests need from its segments file,
    read one segment at a time (texts are not kept)."""
    results = Path(path)
    document = _read_document(results)
    seg_path = segments_path(results, document)
    runs: dict[tuple[str, str], LoadedRun] = {}
    for i, raw in enumerate(document["runs"]):
        run = _run(results, i, raw, {}, count=False)
        runs[(run.dataset, run.system)] = LoadedRun(
            run.dataset, run.system, dict(raw.get("scores") or {}), {},
            findings={k: dict(v) for k, v in (raw.get("findings") or {}).items()},
        )
    lines = dict.fromkeys(runs, 0)
    check = _SetCheck(results, document, seg_path)
    for number, key, segment in iter_segments(seg_path, check.digest):
        loaded = runs.get(key)
        if loaded is None:
            _require_known_runs(results, seg_path, set(runs), {key: (number, [])})
            continue
        lines[key] += 1
        loaded.stats[segment.id] = segment.stats
        loaded.segment_langs[segment.id] = segment.lang or None
        loaded.segment_findings[segment.id] = [(f.check, f.severity) for f in segment.findings]
    for i, raw in enumerate(document["runs"]):
        key = (raw["dataset"], raw["system"])
        _require_count(results, i, raw, key[0], key[1], lines[key])
    check.verify()
    return runs


def _require_known_runs(
    results: Path, seg_path: Path, known: set[tuple[str, str]], segments: _Segments
) -> None:
    for (dataset, system), (line, _) in segments.items():
        if (dataset, system) not in known:
            raise InputError(
                f"segment of dataset '{dataset}', system '{system}', which {results.name} "
                "has no run for",
                path=str(seg_path), line=line, field="system",
            )


def _read_document(path: Path) -> dict[str, Any]:
    """The results document, decoded as untrusted JSON (UTF-8, no NaN, no huge integers) and
    of the one schema this version writes: another shape read as this one would give wrong
    numbers without a word, so it is refused."""
    if not path.exists() and not path.is_symlink():
        raise InputError("file not found", path=str(path))
    document = parse_json(read_text(path), path=str(path))
    if not isinstance(document, dict):
        raise InputError("not an evalsuite results document (not an object)", path=str(path))
    schema = document.get("schema")
    if schema != SCHEMA:
        found = "none" if schema is None else repr(schema)
        raise InputError(
            f"results document of schema {found}; this evalsuite reads '{SCHEMA}' only "
            "(re-score the outputs with this version)",
            path=str(path), field="schema",
        )
    if not isinstance(document.get("runs"), list):
        raise InputError("must be a list of runs", path=str(path), field="runs")
    return document


def written_by(path: str | Path) -> str | None:
    """The evalsuite version a results document names in `versions` (None if it names none)."""
    versions = _read_document(Path(path)).get("versions")
    version = versions.get("evalsuite") if isinstance(versions, dict) else None
    return version if isinstance(version, str) else None


# (dataset, system) -> (line of its first segment, its segments in file order)
_Segments = dict[tuple[str, str], tuple[int, list[SegmentRecord]]]


def iter_segments(
    path: Path, digest: Any = None
) -> Iterator[tuple[int, tuple[str, str], SegmentRecord]]:
    """(line, (dataset, system), segment) for every line of a segments file, in file order;
    every byte read also goes into `digest` (a hashlib object) when one is given."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise InputError(
            "segments file not found (named by the results document's 'segments_file')",
            path=str(path),
        ) from None
    except OSError as err:
        raise InputError(f"cannot read ({err.strerror or err})", path=str(path)) from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if digest is not None:
                digest.update(raw)
            text = decode_utf8(raw, path=str(path), line=number)
            if not text.strip():
                continue
            record = parse_json(text, path=str(path), line=number)
            where = _Where(str(path), number)
            if not isinstance(record, dict):
                raise InputError("a segment must be a JSON object", path=where.path, line=number)
            key = (where.text(record, "dataset"), where.text(record, "system"))
            yield number, key, _segment(record, where)


class _SetCheck:
    """The SHA-256 of the segments file as read, against the one the results document
    recorded when the set was written: a segments file of another run beside the document
    (an interrupted write, a file copied in) is refused before any caller uses the numbers."""

    def __init__(self, results: Path, document: dict[str, Any], seg_path: Path) -> None:
        self.results, self.seg_path = results, seg_path
        self.expected = _segments_hash(results, document)
        self.digest = hashlib.sha256()

    def verify(self) -> None:
        if self.expected is not None and self.digest.hexdigest() != self.expected:
            raise InputError(
                f"is not the segments file {self.results.name} was written with (its SHA-256 "
                f"differs from the document's '{SEGMENTS_HASH}'): a write of the result set "
                "was interrupted, or a file was replaced; run again",
                path=str(self.seg_path),
            )


def _segments_hash(results: Path, document: dict[str, Any]) -> str | None:
    """The SHA-256 the document recorded for its segments file (None in documents without)."""
    value = document.get(SEGMENTS_HASH)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) != 64:
        raise InputError(
            f"must be a SHA-256 in hex, found {_kind(value)}", path=str(results),
            field=SEGMENTS_HASH,
        )
    return value


def parse_segment(record: dict[str, Any], path: str, line: int) -> SegmentRecord:
    """The SegmentRecord a decoded segments.jsonl line holds (InputError when malformed)."""
    return _segment(record, _Where(path, line))


@dataclass(frozen=True)
class _Where:
    """A position in the segments file, to make every error name its file, line and field."""

    path: str
    line: int

    def fail(self, message: str, field: str) -> InputError:
        return InputError(message, path=self.path, line=self.line, field=field)

    def text(self, record: dict[str, Any], key: str, *, optional: bool = False) -> str:
        value = record.get(key)
        if value is None and optional:
            return ""
        if not isinstance(value, str):
            raise self.fail(f"must be a string, found {_kind(value)}", key)
        return value


def _segment(record: dict[str, Any], where: _Where) -> SegmentRecord:
    seg_id = record.get("id")
    if not isinstance(seg_id, str | int) or isinstance(seg_id, bool):
        raise where.fail(f"must be a string, found {_kind(seg_id)}", "id")
    raw_findings = record.get("findings") or []
    if not isinstance(raw_findings, list):
        raise where.fail("must be a list", "findings")
    findings = [_finding(f, where, f"findings[{i}]") for i, f in enumerate(raw_findings)]
    reference, source, lang = record.get("reference"), record.get("source"), record.get("lang")
    for key, value in (("reference", reference), ("source", source), ("lang", lang)):
        if value is not None and not isinstance(value, str):
            raise where.fail(f"must be a string or null, found {_kind(value)}", key)
    return SegmentRecord(
        id=str(seg_id),
        hypothesis=where.text(record, "hypothesis"),
        scores=_dict(record, "scores", where),
        findings=findings,
        meta=_dict(record, "meta", where),
        stats=_stats(record, where),
        lang=lang,
        reference=reference,
        source=source,
    )


def _stats(record: dict[str, Any], where: _Where) -> dict[str, list[float]]:
    """A segment's statistics, checked: compare and the gate rebuild corpus scores from them,
    so a row of the wrong width, a value that is not a finite number, or a negative count
    would give a verdict on numbers no metric produced (a NaN row once read as BLEU 0.00)."""
    from evalsuite.metrics.registry import score_kind  # the metrics import the results

    stats = _dict(record, "stats", where)
    for name, row in stats.items():
        field = f"stats.{name}"
        if not isinstance(row, list):
            raise where.fail(f"must be a list of numbers, found {_kind(row)}", field)
        kind = score_kind(name)
        if kind is not None and len(row) != kind.columns:
            raise where.fail(
                f"must hold {kind.columns} statistics for {name}, found {len(row)}: a corrupt "
                "results file", field,
            )
        for index, value in enumerate(row):
            if not _is_number(value) or not math.isfinite(value):
                raise where.fail(
                    f"must be a finite number, found {_kind(value)}: a corrupt results file",
                    f"{field}[{index}]",
                )
            if kind is not None and kind.nonnegative and value < 0:
                raise where.fail(
                    f"must not be negative for {name}, found {value!r}: a corrupt results file",
                    f"{field}[{index}]",
                )
        problem = kind.row_check(row) if kind is not None and kind.row_check else None
        if problem:
            raise where.fail(f"cannot be {name} statistics: {problem}; a corrupt results file",
                             field)
    return stats


def _dict(record: dict[str, Any], key: str, where: _Where) -> dict[str, Any]:
    value = record.get(key) or {}
    if not isinstance(value, dict):
        raise where.fail(f"must be an object, found {_kind(value)}", key)
    return value


def _finding(raw: Any, where: _Where, field: str) -> Finding:
    if not isinstance(raw, dict):
        raise where.fail(f"must be an object, found {_kind(raw)}", field)
    for key in ("check", "message"):
        if not isinstance(raw.get(key), str):
            raise where.fail(f"must be a string, found {_kind(raw.get(key))}", f"{field}.{key}")
    severity = raw.get("severity")
    if severity not in SEVERITIES:
        raise where.fail(
            f"must be one of {', '.join(SEVERITIES)}, found {severity!r}", f"{field}.severity"
        )
    evidence = raw.get("evidence") or {}
    if not isinstance(evidence, dict):
        raise where.fail(f"must be an object, found {_kind(evidence)}", f"{field}.evidence")
    return Finding(
        check=raw["check"],
        severity=severity,
        message=raw["message"],
        hyp_span=_span(raw.get("hyp_span"), where, f"{field}.hyp_span"),
        ref_span=_span(raw.get("ref_span"), where, f"{field}.ref_span"),
        evidence=evidence,
    )


def _span(raw: Any, where: _Where, field: str) -> Span | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise where.fail(f"must be an object or null, found {_kind(raw)}", field)
    start, end = raw.get("start"), raw.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise where.fail("start and end must be integers", field)
    assert isinstance(start, int) and isinstance(end, int)
    if not 0 <= start <= end:
        raise where.fail(f"needs 0 <= start <= end, found [{start}, {end})", field)
    text = raw.get("text", "")
    if not isinstance(text, str):
        raise where.fail(f"must be a string, found {_kind(text)}", f"{field}.text")
    return Span(start, end, text)


def _run(
    path: Path, index: int, raw: Any, segments: _Segments, *, count: bool = True
) -> RunRecord:
    """A run entry of the document, checked, with its segments (`count`: and their number)."""
    field = f"runs[{index}]"
    if not isinstance(raw, dict):
        raise InputError(f"must be an object, found {_kind(raw)}", path=str(path), field=field)
    names = []
    for key in ("dataset", "system"):
        if not isinstance(raw.get(key), str):
            raise InputError(
                f"must be a string, found {_kind(raw.get(key))}", path=str(path),
                field=f"{field}.{key}",
            )
        names.append(raw[key])
    dataset, system = names
    scores_raw = raw.get("scores") or {}
    findings_raw = raw.get("findings") or {}
    for key, value in (("scores", scores_raw), ("findings", findings_raw)):
        if not isinstance(value, dict):
            raise InputError(
                f"must be an object, found {_kind(value)}", path=str(path), field=f"{field}.{key}"
            )
    scores = [
        _score(path, f"{field}.scores.{name}", name, value) for name, value in scores_raw.items()
    ]
    run_segments = segments.get((dataset, system), (0, []))[1]
    if count:
        _require_count(path, index, raw, dataset, system, len(run_segments))
    notes = raw.get("notes") or []
    return RunRecord(
        dataset=dataset,
        task=str(raw.get("task", "")),
        system=system,
        system_signature=str(raw.get("system_signature", "")),
        scores=scores,
        checks=[str(name) for name in findings_raw],
        segments=run_segments,
        notes=[str(note) for note in notes] if isinstance(notes, list) else [str(notes)],
    )


def _require_count(
    path: Path, index: int, raw: dict[str, Any], dataset: str, system: str, found: int
) -> None:
    expected = raw.get("n_segments")
    if isinstance(expected, int) and expected != found:
        raise InputError(
            f"says {expected} segments for dataset '{dataset}', system '{system}', but the "
            f"segments file has {found}",
            path=str(path), field=f"runs[{index}].n_segments",
        )


def _score(path: Path, field: str, name: str, raw: Any) -> CorpusScore:
    def fail(message: str, sub: str = "") -> InputError:
        return InputError(message, path=str(path), field=field + sub)

    if not isinstance(raw, dict):
        raise fail(f"must be an object, found {_kind(raw)}")
    value = raw.get("value")
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise fail(f"must be a number, found {_kind(value)}", ".value")
    bounds: list[float | None] = []
    for key in ("ci_low", "ci_high", "ci_mean"):
        bound = raw.get(key)
        if bound is not None and not _is_number(bound):
            raise fail(f"must be a number or absent, found {_kind(bound)}", f".{key}")
        bounds.append(None if bound is None else float(bound))
    return CorpusScore(
        name=name,
        value=float(value),
        signature=Signature.parse(str(raw.get("signature", ""))),
        higher_is_better=bool(raw.get("higher_is_better", True)),
        ci_low=bounds[0],
        ci_high=bounds[1],
        ci_mean=bounds[2],
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _kind(value: Any) -> str:
    """How a wrong value reads in an error message: its JSON type and a short rendering."""
    if value is None:
        return "nothing"
    shown = json.dumps(value, ensure_ascii=False)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return f"{type(value).__name__} {shown}"
