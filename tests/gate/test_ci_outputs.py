"""What the gate leaves for CI: JUnit XML that validates, a step summary appended to, and a
Markdown comment whose tables parse."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from evalsuite.checks.runner import available_checks
from evalsuite.cli import main
from evalsuite.gate import evaluate_gate, gate_markdown, junit_cases
from tests.gate.conftest import Scored
from tests.report.junit_schema import assert_valid_junit

CHECKS = set(available_checks())  # every registered check gets a findings rule and column
METRICS = ["bleu", "chrf", "ter", "rouge1", "rouge2", "rougeL", "rougeLsum"]


def test_junit_has_one_case_per_rule_run_and_item_and_validates(
    scored: Scored, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junit = tmp_path / "reports" / "gate.xml"
    assert main(["gate", str(scored.regressed), "--baseline", str(scored.baseline),
                 "--junit", str(junit)]) == 1
    fail_lines = [line for line in capsys.readouterr().out.splitlines()
                  if line.startswith("FAIL ")]
    root = assert_valid_junit(junit.read_text(encoding="utf-8"))
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "mt-faults/mt"
    cases = suite.findall("testcase")
    names = [c.get("name") for c in cases]
    assert len(names) == len(set(names)) == len(METRICS) + len(CHECKS)
    assert names[:2] == ["bleu drop <= 1.00 (p < 0.05)", "chrf drop <= 1.00 (p < 0.05)"]
    assert "role_reversal critical increase <= 0" in names
    failures = [c.find("failure") for c in cases if c.find("failure") is not None]
    assert [f.get("message") for f in failures] == fail_lines  # the same one-line reasons
    assert root.get("failures") == str(len(fail_lines)) != "0"


def test_junit_of_a_passing_gate_has_no_failure(scored: Scored) -> None:
    report = evaluate_gate(scored.rerun, scored.baseline)
    cases = junit_cases(report)
    assert len(cases) == len(METRICS) + len(CHECKS)
    assert all(c.failure is None and c.output.startswith("PASS ") for c in cases)


def test_step_summary_is_appended_never_overwritten(
    scored: Scored, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "step_summary.md"
    summary.write_text("# Tests\n\nall 312 passed\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["gate", str(scored.regressed), "--baseline", str(scored.baseline)]) == 1
    assert main(["gate", str(scored.rerun), "--baseline", str(scored.baseline)]) == 0
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Tests\n\nall 312 passed\n## evalsuite gate: FAILED\n")
    assert text.count("## evalsuite gate: FAILED") == 1
    assert text.index("## evalsuite gate: FAILED") < text.index("## evalsuite gate: PASSED")


def test_no_step_summary_outside_github(
    scored: Scored, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["gate", str(scored.rerun), "--baseline", str(scored.baseline)]) == 0
    assert list(tmp_path.iterdir()) == []


def _tables(tokens: list[Token]) -> list[list[list[str]]]:
    """Each table as rows of cell texts (header row first), from markdown-it's tokens."""
    tables: list[list[list[str]]] = []
    row: list[str] | None = None
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            tables[-1].append(row)
        elif token.type == "inline" and row is not None and tables:
            row.append(token.content)
        elif token.type == "table_close":
            row = None
    return tables


def test_markdown_comment_parses_into_metric_and_findings_tables(
    scored: Scored, tmp_path: Path
) -> None:
    target = tmp_path / "comment.md"
    assert main(["gate", str(scored.regressed), "--baseline", str(scored.baseline),
                 "--markdown", str(target)]) == 1
    text = target.read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["evalsuite gate: FAILED", "Failing rules", "Metrics", "Findings"]

    metrics, findings = _tables(tokens)
    assert metrics[0] == ["dataset", "system", *METRICS]
    assert len(metrics) == 2  # header and one run
    row = dict(zip(metrics[0], metrics[1], strict=True))
    assert row["dataset"] == "mt-faults" and row["system"] == "mt"
    assert row["chrf"] == "**71.99 → 70.80 (-1.20 ▼)**"  # significant, and a rule fails
    assert row["ter"] == "49.45 → 50.28 (+0.83 ▼)"  # significantly worse, within the limit
    assert row["rouge1"].startswith("**79.20 → ")  # ROUGE in points

    assert set(findings[0][2:]) == CHECKS
    counts = dict(zip(findings[0], findings[1], strict=True))
    assert counts["entity_missing"] == "**0 → 5 (+5, critical +5)**"
    assert counts["role_reversal"] == "0 → 0 (+0)"

    items = [t.content for t in tokens if t.type == "inline" and t.content.startswith("`FAIL ")]
    report = evaluate_gate(scored.regressed, scored.baseline)
    assert items == [f"`{o.line}`" for o in report.failures]
    assert text == gate_markdown(report)


def test_markdown_of_a_passing_gate_has_no_failing_rules(scored: Scored) -> None:
    text = gate_markdown(evaluate_gate(scored.rerun, scored.baseline))
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert text.startswith("## evalsuite gate: PASSED\n")
    assert "Failing rules" not in text
    for table in _tables(tokens):
        assert all("**" not in cell and "▼" not in cell for cell in table[1])


def test_nothing_is_written_when_results_do_not_compare(
    scored: Scored, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    junit, comment = tmp_path / "j.xml", tmp_path / "c.md"
    code = main(["gate", str(scored.regressed), "--baseline", str(tmp_path / "absent.json"),
                 "--junit", str(junit), "--markdown", str(comment)])
    assert code == 2
    assert not junit.exists() and not comment.exists() and not summary.exists()


def test_markdown_comment_escapes_names_from_the_results(scored: Scored) -> None:
    """Dataset, system, metric and check names come from results files: inert in the PR
    comment (S4)."""
    hostile = "<img src=x onerror=alert(1)> **[x](http://evil.example)**"
    report = evaluate_gate(scored.regressed, scored.baseline)
    report = replace(
        report,
        outcomes=tuple(replace(o, dataset=hostile, detail=hostile) for o in report.outcomes),
        metric_deltas=tuple(
            replace(c, system=hostile, metric=f"{c.metric}{hostile}") for c in report.metric_deltas
        ),
        finding_deltas=tuple(
            replace(d, dataset=hostile, check=f"{d.check}|{hostile}") for d in report.finding_deltas
        ),
        notes=(hostile,),
    )
    text = gate_markdown(report)
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    assert "<img" not in html and "<a " not in html and "<strong>[" not in html
    metrics, findings = _tables(MarkdownIt("commonmark").enable("table").parse(text))
    assert len(metrics[0]) == len(metrics[1]) == 2 + len(METRICS)  # no cell split by `|`
    assert len(findings[0]) == len(findings[1]) == 2 + len(CHECKS)
