"""`evalsuite report` in csv, json and junit: the numbers of results.json, shaped per format."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from evalsuite.cli import main
from evalsuite.metrics.base import CorpusScore
from evalsuite.report.csv_report import COLUMNS, render_csv
from evalsuite.results import RunRecord, SegmentRecord
from tests.report.junit_schema import assert_valid_junit
from tests.report.results_fixture import write_results


def _report(tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["report", str(write_results(tmp_path)), "--format", fmt]) == 0
    return capsys.readouterr().out


def test_csv_rows_per_metric_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(_report(tmp_path, "csv", capsys))))
    assert list(rows[0]) == list(COLUMNS)
    metrics = {(r["dataset"], r["name"]): r for r in rows if r["kind"] == "metric"}
    checks = {(r["dataset"], r["system"], r["name"]): r for r in rows if r["kind"] == "check"}
    assert set(metrics) == {("mt", "bleu"), ("mt", "rougeL"), ("mt", "ter")}
    bleu = metrics[("mt", "bleu")]
    assert (bleu["system"], bleu["n_segments"], bleu["value"]) == ("sys-<a>", "4", "41.5")
    assert (bleu["ci_low"], bleu["ci_high"], bleu["higher_is_better"]) == ("38.0", "45.25", "true")
    assert bleu["signature"] == "nrefs:1|tok:13a|bs:1000" and bleu["critical"] == ""
    assert metrics[("mt", "ter")]["higher_is_better"] == "false"
    roles = checks[("mt", "sys-<a>", "role_reversal")]
    counts = (roles["critical"], roles["major"], roles["minor"], roles["total"])
    assert counts == ("1", "0", "0", "1")
    assert roles["value"] == "" and roles["signature"] == ""
    missing = checks[("mt", "sys-<a>", "entity_missing")]
    assert (missing["major"], missing["total"]) == ("1", "1")
    assert checks[("doc", "given", "role_reversal")]["critical"] == "1"


def test_json_holds_document_and_segments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = json.loads(_report(tmp_path, "json", capsys))
    assert report["schema"] == "evalsuite.report/1"
    assert report["results_schema"] == "evalsuite.results/1"
    assert report["suite"]["config_hash"] == "sha256:abc123"
    assert "segments_file" not in report
    mt = report["runs"][0]
    assert mt["scores"]["bleu"]["ci_high"] == 45.25
    assert [s["id"] for s in mt["segments"]] == ["s1", "s2", "s3-ar", "s4-zh"]
    first = mt["segments"][0]
    assert "dataset" not in first and first["reference"].startswith("The police")
    assert first["findings"][0]["hyp_span"]["text"] == "The protester arrested the police"


def test_junit_cases(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _report(tmp_path, "junit", capsys)
    assert_valid_junit(text)
    root = ET.fromstring(text)
    cases = {
        (suite.get("name"), case.get("name")): case
        for suite in root.iter("testsuite")
        for case in suite.iter("testcase")
    }
    bleu = cases[("mt", "sys-<a> / metric bleu")]
    assert bleu.find("failure") is None
    assert "BLEU = 41.5 [38.0, 45.2]" in (bleu.findtext("system-out") or "")
    roles = cases[("mt", "sys-<a> / check role_reversal")]
    failure = roles.find("failure")
    assert failure is not None and "1 critical role_reversal" in (failure.get("message") or "")
    assert "segment s1" in (failure.get("message") or "")
    assert cases[("mt", "sys-<a> / check entity_missing")].find("failure") is None  # major only
    assert cases[("doc", "given / check role_reversal")].find("failure") is not None
    assert root.get("tests") == str(3 + 6 + 1) and root.get("failures") == "3"


def test_output_file_is_written_and_stdout_stays_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = write_results(tmp_path)
    target = tmp_path / "out" / "report.html"
    assert main(["report", str(results), "--format", "html", "--output", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "report.html" in captured.err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_unknown_format_is_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["report", str(write_results(tmp_path)), "--format", "pdf"])
    assert caught.value.code == 2


@pytest.mark.parametrize(
    "name", ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_csv_cells_never_start_a_formula(name: str) -> None:
    """A name from the data (a group_by value, a dataset) is text in a spreadsheet (S3)."""
    run = RunRecord(
        dataset=name, task="translation", system=name, system_signature="given-outputs",
        scores=[CorpusScore(name, -1.5, name)], checks=[name],
        segments=[SegmentRecord(id="1", hypothesis="x")],
    )
    rows = list(csv.DictReader(io.StringIO(render_csv([run]), newline="")))
    cell = "'" + name.replace("\r", "\n")
    for row in rows:
        for column in ("dataset", "system", "name"):
            assert row[column] == cell
    assert rows[0]["signature"] == cell and rows[0]["value"] == "-1.5"
