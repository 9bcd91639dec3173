"""Loading results back: what `run` wrote comes back equal; every bad file is a clear exit 2,
whether reports (`load_results`) or compare and the gate (`load_runs`) read it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from evalsuite.cli import main
from evalsuite.errors import InputError
from evalsuite.results import load_results, load_runs, results_document, segments_path
from tests.report.results_fixture import build_runs, write_results


def test_round_trip_gives_back_the_runs(tmp_path: Path) -> None:
    loaded = load_results(write_results(tmp_path))
    assert loaded.runs == build_runs()
    assert loaded.suite_name == "fixture"


def test_markdown_report_equals_the_one_run_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = write_results(tmp_path)
    assert main(["report", str(results), "--format", "md"]) == 0
    assert capsys.readouterr().out == (tmp_path / "report.md").read_text(encoding="utf-8")


def test_score_style_segments_file_is_found_by_name(tmp_path: Path) -> None:
    """`score --output R.json` writes R.segments.jsonl and names it in the document."""
    runs = build_runs()
    document = results_document(
        runs, suite={"name": "score"}, models={}, timing={}, segments_file="R.segments.jsonl"
    )
    out = tmp_path / "R.json"
    out.write_text(json.dumps(document), encoding="utf-8")
    lines = [line for run in runs for line in run.segment_lines()]
    segments_path(out, document).write_text(
        "".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8"
    )
    assert [len(r.segments) for r in load_results(out).runs] == [4, 1]


def test_segments_without_reference_field_still_load(tmp_path: Path) -> None:
    """Segment lines written before `reference` existed load with no reference."""
    results = write_results(tmp_path)
    seg_file = tmp_path / "segments.jsonl"
    old = []
    for text in seg_file.read_text(encoding="utf-8").splitlines():
        record = json.loads(text)
        record.pop("reference")
        record.pop("source", None)
        old.append(json.dumps(record))
    seg_file.write_text("\n".join(old) + "\n", encoding="utf-8")
    loaded = load_results(results)
    assert all(s.reference is None and s.source is None for r in loaded.runs for s in r.segments)


Edit = Callable[[dict[str, Any]], None]


def _edit_line(path: Path, number: int, edit: Edit) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[number - 1])
    edit(record)
    lines[number - 1] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _set_severity(record: dict[str, Any]) -> None:
    record["findings"][1]["severity"] = "fatal"


def _bad_span(record: dict[str, Any]) -> None:
    record["findings"][0]["hyp_span"] = {"start": "3", "end": 5}


def _drop_hypothesis(record: dict[str, Any]) -> None:
    del record["hypothesis"]


@pytest.mark.parametrize(
    ("edit", "line", "field"),
    [
        (_set_severity, 1, "findings[1].severity"),
        (_bad_span, 1, "findings[0].hyp_span"),
        (_drop_hypothesis, 3, "hypothesis"),
    ],
)
def test_bad_segment_line_names_file_line_and_field(
    tmp_path: Path, edit: Edit, line: int, field: str
) -> None:
    results = write_results(tmp_path)
    _edit_line(tmp_path / "segments.jsonl", line, edit)
    with pytest.raises(InputError) as caught:
        load_results(results)
    assert caught.value.line == line
    assert caught.value.field == field
    assert caught.value.path == str(tmp_path / "segments.jsonl")


def test_segments_file_not_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = write_results(tmp_path)
    seg_file = tmp_path / "segments.jsonl"
    seg_file.write_text(seg_file.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    assert main(["report", str(results), "--format", "csv"]) == 2
    assert f"{seg_file}:6: not valid JSON" in capsys.readouterr().err


def test_missing_results_and_missing_segments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(tmp_path / "nope.json")]) == 2
    assert "nope.json: file not found" in capsys.readouterr().err
    results = write_results(tmp_path)
    (tmp_path / "segments.jsonl").unlink()
    assert main(["report", str(results), "--format", "html"]) == 2
    assert "segments.jsonl: segments file not found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"schema": "other/1"}, "schema", "expected an 'evalsuite.results/N'"),
        ({"runs": {}}, "runs", "must be a list"),
    ],
)
def test_bad_document_fields(
    tmp_path: Path, change: dict[str, Any], field: str, message: str
) -> None:
    results = write_results(tmp_path)
    document = json.loads(results.read_text(encoding="utf-8"))
    document.update(change)
    results.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        load_results(results)
    assert caught.value.field == field


READERS = pytest.mark.parametrize("read", [load_results, load_runs], ids=["report", "runs"])


def test_runs_for_paired_tests_hold_what_the_records_hold(tmp_path: Path) -> None:
    results = write_results(tmp_path)
    records = load_results(results).runs
    runs = load_runs(results)
    assert list(runs) == [(r.dataset, r.system) for r in records]
    for record in records:
        run = runs[(record.dataset, record.system)]
        assert run.stats == {seg.id: seg.stats for seg in record.segments}
        assert run.segment_langs == {seg.id: seg.lang for seg in record.segments}
        assert run.segment_findings == {
            seg.id: [(f.check, f.severity) for f in seg.findings] for seg in record.segments
        }
        assert set(run.scores) == {s.name for s in record.scores}


@READERS
def test_count_mismatch_is_refused_by_both_readers(tmp_path: Path, read: Any) -> None:
    results = write_results(tmp_path)
    document = json.loads(results.read_text(encoding="utf-8"))
    document["runs"][1]["n_segments"] = 3
    results.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InputError, match="says 3 segments") as caught:
        read(results)
    assert caught.value.field == "runs[1].n_segments"


def test_bad_score_and_count_mismatch(tmp_path: Path) -> None:
    results = write_results(tmp_path)
    document = json.loads(results.read_text(encoding="utf-8"))
    document["runs"][0]["scores"]["bleu"]["value"] = "high"
    results.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_results(results)
    assert caught.value.field == "runs[0].scores.bleu.value"
    document["runs"][0]["scores"]["bleu"]["value"] = 41.5
    document["runs"][1]["n_segments"] = 3
    results.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InputError, match="says 3 segments") as caught:
        load_results(results)
    assert caught.value.field == "runs[1].n_segments"


def test_results_json_syntax_error_names_line(tmp_path: Path) -> None:
    results = write_results(tmp_path)
    results.write_text('{\n  "schema": "evalsuite.results/1",\n  oops\n}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_results(results)
    assert caught.value.line == 3


@READERS
def test_segment_of_unknown_run(tmp_path: Path, read: Any) -> None:
    results = write_results(tmp_path)
    seg_file = tmp_path / "segments.jsonl"
    lines = seg_file.read_text(encoding="utf-8").splitlines()
    ghost = {**json.loads(lines[4]), "system": "ghost"}
    seg_file.write_text("\n".join([*lines, json.dumps(ghost)]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="no run for") as caught:
        read(results)
    assert (caught.value.line, caught.value.field) == (6, "system")
