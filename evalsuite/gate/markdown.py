"""The gate's verdict in Markdown, for a pull-request comment and the GitHub step summary.

Readers want the verdict first, then why: the failing rules, a table of metric changes with
significance marks (rows dataset/system, columns metrics), and a table of finding changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from evalsuite.gate.outcome import FindingDelta, GateReport
from evalsuite.gate.points import point_scale
from evalsuite.report.compare import Comparison
from evalsuite.report.markdown_text import code_span, md_text
from evalsuite.report.metric_display import scale_note

WORSE, BETTER = "▼", "▲"


def _table(header: list[str], rows: Iterable[list[str]], numeric_from: int = 2) -> list[str]:
    """Header names are escaped here; row cells arrive escaped (some carry bold on purpose)."""
    align = ["---" if i < numeric_from else "---:" for i in range(len(header))]
    lines = ["| " + " | ".join(md_text(h) for h in header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _metric_cell(comparison: Comparison, alpha: float) -> str:
    scale = point_scale(comparison.metric)
    result = comparison.result
    mark = ""
    if result.significant(alpha):
        worse = (result.delta < 0) if comparison.higher_is_better else (result.delta > 0)
        mark = f" {WORSE if worse else BETTER}"
    return (
        f"{result.baseline * scale:.2f} → {result.system * scale:.2f} "
        f"({result.delta * scale:+.2f}{mark})"
    )


def _finding_cell(delta: FindingDelta) -> str:
    return (
        f"{delta.count('baseline')} → {delta.count('candidate')} ({delta.delta():+d}"
        + (f", critical {delta.delta('critical'):+d}" if delta.delta("critical") else "")
        + ")"
    )


def _pivot(
    cells: dict[tuple[str, str, str], str], failing: set[tuple[str, str, str]]
) -> tuple[list[str], list[list[str]]]:
    """Rows (dataset, system), one column per metric or check, in first-seen order; a cell is
    bold where a rule fails on it and "–" where the run has no such column."""
    columns = list(dict.fromkeys(column for _, _, column in cells))
    runs = list(dict.fromkeys((dataset, system) for dataset, system, _ in cells))
    rows = []
    for dataset, system in runs:
        row = [md_text(dataset), md_text(system)]
        for column in columns:
            text = cells.get((dataset, system, column))
            if text is None:
                row.append("–")
            else:
                row.append(f"**{text}**" if (dataset, system, column) in failing else text)
        rows.append(row)
    return columns, rows


def _metrics_section(report: GateReport) -> list[str]:
    if not report.metric_deltas:
        return []
    alpha = report.test.alpha
    failing = {
        (o.dataset, o.system, o.metric) for o in report.failures if o.metric is not None
    }
    metrics, rows = _pivot(
        {(c.dataset, c.system, c.metric): _metric_cell(c, alpha) for c in report.metric_deltas},
        failing,
    )
    lower = sorted({c.metric for c in report.metric_deltas if not c.higher_is_better})
    legend = (
        f"Baseline → candidate (change). {WORSE} significantly worse, {BETTER} significantly "
        f"better (p < {alpha:g}; {report.test.describe()}); **bold**: a rule fails."
    )
    note = scale_note(metrics, times="×")
    if note:
        legend += f" {note}."
    if lower:
        legend += f" Lower is better: {md_text(', '.join(lower))}."
    return ["", "### Metrics", "", legend, "", *_table(["dataset", "system", *metrics], rows)]


def _findings_section(report: GateReport) -> list[str]:
    if not report.finding_deltas:
        return []
    failing = {(o.dataset, o.system, o.check) for o in report.failures if o.check is not None}
    checks, rows = _pivot(
        {(d.dataset, d.system, d.check): _finding_cell(d) for d in report.finding_deltas},
        failing,
    )
    legend = (
        "Findings per check, baseline → candidate (change in all severities, and in critical "
        "ones when it changed); **bold**: a rule fails."
    )
    return ["", "### Findings", "", legend, "", *_table(["dataset", "system", *checks], rows)]


def gate_markdown(report: GateReport, *, title: str = "evalsuite gate") -> str:
    """The verdict, the failing rules, the metric table and the findings table."""
    verdict = "PASSED" if report.passed else "FAILED"
    counted = len(report.outcomes) - len(report.skipped)
    lines = [
        f"## {title}: {verdict}",
        "",
        f"{len(report.failures)} of {counted} rules fail. Candidate "
        f"{code_span(report.results_path)} against baseline {code_span(report.baseline_path)}; "
        f"policy: {code_span(report.policy.path) if report.policy.path else 'the default'}.",
    ]
    if report.failures:
        lines += ["", "### Failing rules", ""]
        lines += [f"- {code_span(o.line)}" for o in report.failures]
    lines += _metrics_section(report)
    lines += _findings_section(report)
    notes = [o.line for o in report.skipped] + list(report.notes)
    if notes:
        lines += ["", "### Not gated", ""]
        lines += [f"- {code_span(n)}" for n in notes]
    return "\n".join(lines) + "\n"
