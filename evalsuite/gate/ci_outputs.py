"""Where a gate's verdict goes in CI: JUnit XML, a Markdown file, the GitHub step summary.

The exit code decides the job; these make the reason visible where people look: the test
report tab (JUnit), a pull-request comment (Markdown) and the job's summary page.
"""

from __future__ import annotations

import os
from pathlib import Path

from evalsuite.gate.markdown import gate_markdown
from evalsuite.gate.outcome import GateReport
from evalsuite.io import atomic_write_text
from evalsuite.report.junit import JUnitCase, write_junit

STEP_SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY"


def junit_cases(report: GateReport) -> list[JUnitCase]:
    """One test case per rule, dataset/system (the suite) and metric or check."""
    return [
        JUnitCase(
            suite=outcome.run,
            name=outcome.name,
            failure=outcome.line if outcome.status == "fail" else None,
            skipped=outcome.detail if outcome.status == "skip" else None,
            output=f"{outcome.line}\nrule: {outcome.source}",
        )
        for outcome in report.outcomes
    ]


def append_step_summary(path: str | Path, markdown: str) -> None:
    """Append (never overwrite): other steps of the job write to the same file."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(markdown if markdown.endswith("\n") else markdown + "\n")


def write_ci_outputs(
    report: GateReport,
    *,
    junit: str | Path | None = None,
    markdown: str | Path | None = None,
    step_summary: str | Path | None = None,
) -> None:
    """Write whichever outputs are asked for; `step_summary` defaults to nothing (the CLI
    passes $GITHUB_STEP_SUMMARY)."""
    if junit:
        write_junit(junit, junit_cases(report), "evalsuite gate")
    text = gate_markdown(report) if (markdown or step_summary) else ""
    if markdown:
        atomic_write_text(markdown, text)
    if step_summary:
        append_step_summary(step_summary, text)


def step_summary_from_env() -> str | None:
    """The file GitHub Actions collects the job summary from, when running there."""
    return os.environ.get(STEP_SUMMARY_VARIABLE) or None
