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
from tests.results.edit_sets import reseal


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
    loaded = load_results(reseal(results))
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
    assert f"{seg_file}:6: invalid JSON at column 2" in capsys.readouterr().err


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
        ({"schema": "other/1"}, "schema", "schema 'other/1'; this evalsuite reads"),
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


def _two_scored_runs(tmp_path: Path) -> tuple[Path, Path]:
    """Two `score` result files of one 12-segment dataset (BLEU, chrF, TER), A and B."""
    paths = []
    for name, hyp in (("A", "the man was arrested in Berlin"), ("B", "police held a man in Bonn")):
        folder = tmp_path / name
        folder.mkdir()
        records = [
            {"id": i, "reference": f"police arrested the man in Berlin on day {i}",
             "hypothesis": f"{hyp} on day {i}", "tgt_lang": "en"}
            for i in range(1, 13)
        ]  # fmt: skip
        (folder / "d.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
        out = folder / "results.json"
        argv = ["score", "--input", str(folder / "d.jsonl"), "--metrics", "bleu,chrf,ter",
                "--checks", "none", "--bootstrap", "0", "--output", str(out)]  # fmt: skip
        assert main(argv) == 0
        paths.append(out)
    return paths[0], paths[1]


def _commands(a: Path, b: Path) -> list[list[str]]:
    return [["compare", str(a), str(b)], ["gate", "--baseline", str(a), str(b)],
            ["report", str(a), "--format", "md"]]  # fmt: skip


@pytest.mark.parametrize("schema", ["evalsuite.results/2", "evalsuite.results/0", None])
def test_another_schema_version_is_refused_by_every_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], schema: str | None
) -> None:
    """Item 12: a document of another schema (or none) is read as this one by no command."""
    a, b = _two_scored_runs(tmp_path)
    document = json.loads(a.read_text(encoding="utf-8"))
    if schema is None:
        del document["schema"]
    else:
        document["schema"] = schema
    a.write_text(json.dumps(document), encoding="utf-8")
    capsys.readouterr()
    for argv in _commands(a, b):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        found = "none" if schema is None else repr(schema)
        assert f"{a}: field 'schema': results document of schema {found}" in err, argv
        assert "reads 'evalsuite.results/1' only" in err


def test_another_tool_version_is_noted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _two_scored_runs(tmp_path)
    document = json.loads(a.read_text(encoding="utf-8"))
    document["versions"]["evalsuite"] = "0.0.1"
    a.write_text(json.dumps(document), encoding="utf-8")
    capsys.readouterr()
    for argv in _commands(a, b):
        assert main(argv) in (0, 1), argv  # B is the worse system: the gate fails
        assert f"note: {a} was written by evalsuite 0.0.1, this is" in capsys.readouterr().err


def _set_stat(value: Any) -> Callable[[list[Any]], list[Any]]:
    def edit(row: list[Any]) -> list[Any]:
        return [*row[:2], value, *row[3:]]

    return edit


@pytest.mark.parametrize(
    ("edit", "field", "message"),
    [
        (_set_stat("NaN"), "stats.bleu[2]", "NaN is not a JSON number"),
        (_set_stat("Infinity"), "stats.bleu[2]", "Infinity is not a JSON number"),
        (_set_stat(-3), "stats.bleu[2]", "must not be negative for bleu, found -3"),
        (_set_stat('"x"'), "stats.bleu[2]", "must be a finite number, found str"),
        (lambda row: row[:-1], "stats.bleu", "must hold 10 statistics for bleu, found 9"),
        (lambda row: [*row, 1], "stats.bleu", "must hold 10 statistics for bleu, found 11"),
        (_set_stat(2.5), "stats.bleu", "cannot be bleu statistics: [2] is 2.5, but a count"),
        (lambda row: [*row[:2], "99", *row[3:]], "stats.bleu",
         "cannot be bleu statistics: 99 matching 1-grams of"),
    ],
    ids=["nan", "inf", "negative", "string", "short", "long", "fraction", "more-matches"],
)
def test_corrupt_statistics_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
    edit: Callable[[list[Any]], list[Any]], field: str, message: str,
) -> None:
    """R2: the gate once passed a baseline whose BLEU statistics were NaN ("0.00 -> ...");
    every reader refuses such a file, naming file, line and field."""
    a, b = _two_scored_runs(tmp_path)
    seg_file = a.with_name("results.segments.jsonl")
    lines = seg_file.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[2])
    row = [json.dumps(v) for v in record["stats"]["bleu"]]
    stats_text = "[" + ", ".join(str(v) for v in edit(row)) + "]"
    record["stats"]["bleu"] = "@@"
    lines[2] = json.dumps(record).replace('"@@"', stats_text)
    seg_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reseal(a)
    capsys.readouterr()
    for argv in _commands(a, b):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert f"{seg_file}:3: field '{field}': {message}" in err, (argv, err)
        assert "PASSED" not in err


@pytest.mark.parametrize(
    ("target", "text", "line", "message"),
    [
        ("segments", b'{"id": "caf\xe9"}', 13, "not UTF-8 text (byte 0xe9"),
        ("segments", b'{"id": ' + b"9" * 5000 + b"}", 13, "invalid JSON (Exceeds the limit"),
        ("segments", b"[" * 100_000 + b"]" * 100_000, 13, "nested too deeply"),
        ("document", b'{"schema": "caf\xe9"}', 1, "not UTF-8 text (byte 0xe9"),
        ("document", b'{"schema": ' + b"9" * 5000 + b"}", None, "invalid JSON (Exceeds the limit"),
    ],
    ids=["segments-not-utf8", "segments-huge-int", "segments-deep", "doc-not-utf8", "doc-huge-int"],
)
def test_undecodable_results_files_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
    target: str, text: bytes, line: int | None, message: str,
) -> None:
    """Non-UTF-8 bytes, integers too long to convert and deep nesting were tracebacks (exit 3)."""
    a, b = _two_scored_runs(tmp_path)
    if target == "segments":
        path = a.with_name("results.segments.jsonl")
        path.write_bytes(path.read_bytes() + text + b"\n")
    else:
        path = a
        path.write_bytes(text)
    capsys.readouterr()
    for argv in _commands(a, b):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        where = f"{path}:{line}: " if line else f"{path}: "
        assert where in err and message in err, (argv, err)


def test_segments_file_of_another_run_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """R1: a results document beside a segments file it was not written with (an interrupted
    write of a set, a file copied in) is refused by every reader."""
    a, b = _two_scored_runs(tmp_path)
    seg_a = a.with_name("results.segments.jsonl")
    seg_a.write_bytes(b.with_name("results.segments.jsonl").read_bytes())
    capsys.readouterr()
    for argv in _commands(a, b):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert f"{seg_a}: is not the segments file results.json was written with" in err, argv


def test_what_the_metrics_store_passes_the_checks(tmp_path: Path) -> None:
    """The statistics checks refuse no row a metric writes: several references, an empty
    output, a repeated word, other scripts; every metric that keeps statistics rows."""
    records = [
        {"id": 1, "reference": ["the cat sat on the mat", "a cat was on the mat"],
         "hypothesis": "the the the cat", "tgt_lang": "en"},
        {"id": 2, "reference": "Der Hund lief schnell nach Hause.", "hypothesis": "",
         "tgt_lang": "de"},
        {"id": 3, "reference": "北京市政府周一宣布了新的交通计划。",
         "hypothesis": "北京市周一宣布了计划。", "tgt_lang": "zh"},
        {"id": 4, "reference": "x", "hypothesis": "a much longer output than the reference",
         "tgt_lang": "en"},
    ]  # fmt: skip
    data = tmp_path / "d.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    out = tmp_path / "r.json"
    argv = ["score", "--input", str(data), "--metrics", "bleu,chrf,chrf++,ter,wer,rouge",
            "--checks", "none", "--bootstrap", "0", "--output", str(out)]  # fmt: skip
    assert main(argv) == 0
    (run,) = load_runs(out).values()
    assert set(run.stats["1"]) >= {"bleu", "chrf", "chrf++", "ter", "wer", "rouge1", "rougeLsum"}
