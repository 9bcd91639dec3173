"""The HTML report: one self-contained page a person would rather look at than read.

Layout: a header naming the suite, its config hash and the versions that produced the numbers;
per dataset a score table (systems as rows, metrics as columns, each with its interval), bars
with confidence whiskers per metric, and the finding counts per check and severity; then the
segments, output beside reference with the faulty spans marked (see html_segments).

Self-contained means it works offline and from anywhere: the style, the script and the charts
are inline, nothing is fetched (a Content-Security-Policy forbids it), and every piece of text
from the results is escaped, so a hypothesis holding markup shows as text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from evalsuite.checks.base import SEVERITIES
from evalsuite.report.html_assets import CSS, SCRIPT
from evalsuite.report.html_segments import run_segments, toolbar
from evalsuite.report.metric_display import (
    axis_floor,
    format_value,
    metric_label,
    metric_scale,
    ordered_metrics,
    scale_note,
)
from evalsuite.report.svg_chart import Bar, ci_bars_svg, nice_max
from evalsuite.results import LoadedResults, RunRecord

# Nothing may be loaded from anywhere: inline style and script only, images from data: URLs.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:"
)


def render_html(results: LoadedResults) -> str:
    """The whole report page for a loaded results document."""
    title = f"evalsuite report: {results.suite_name or results.path.name}"
    datasets = _by_dataset(results.runs)
    toc = "".join(
        f'<a href="#ds-{i}" dir="auto">{html.escape(name)}</a>' for i, name in enumerate(datasets)
    )
    sections = [
        _dataset_section(name, runs, f"ds-{i}") for i, (name, runs) in enumerate(datasets.items())
    ]
    segment_groups = [
        run_segments(run, f"seg-{d}-{r}")
        for d, runs in enumerate(datasets.values())
        for r, run in enumerate(runs)
    ]
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{CSS}</style></head>\n"
        f"<body>{_header(title, results)}"
        f'<nav class="toc">{toc}<a href="#segments">segments</a></nav>\n<main>'
        + "\n".join(sections)
        + '\n<h2 id="segments">Segments</h2>'
        '<p class="muted">Findings mark their spans in the panel they point into; point at a '
        "finding to see its spans.</p>"
        + toolbar()
        + "\n".join(segment_groups)
        + f"</main>\n<script>{SCRIPT}</script></body></html>\n"
    )


def _by_dataset(runs: Sequence[RunRecord]) -> dict[str, list[RunRecord]]:
    grouped: dict[str, list[RunRecord]] = {}
    for run in runs:
        grouped.setdefault(run.dataset, []).append(run)
    return grouped


def _header(title: str, results: LoadedResults) -> str:
    doc = results.document
    suite = doc.get("suite") if isinstance(doc.get("suite"), dict) else {}
    fields: list[tuple[str, Any]] = [
        ("results", results.path.name),
        ("schema", doc.get("schema")),
        ("config hash", suite.get("config_hash") if suite else None),
    ]
    for key in ("versions", "models"):
        block = doc.get(key)
        if isinstance(block, dict):
            fields += list(block.items())
    timing = doc.get("timing")
    if isinstance(timing, dict) and "seconds" in timing:
        fields.append(("seconds", timing["seconds"]))
    pairs = "".join(
        f'<div class="pair"><dt>{html.escape(str(k))}</dt><dd>{html.escape(str(v))}</dd></div>'
        for k, v in fields
        if v is not None
    )
    return f'<header class="top"><h1 dir="auto">{html.escape(title)}</h1><dl>{pairs}</dl></header>'


def _dataset_section(name: str, runs: list[RunRecord], anchor: str) -> str:
    tasks = ", ".join(dict.fromkeys(run.task for run in runs if run.task))
    parts = [
        f'<section class="dataset"><h2 id="{anchor}" dir="auto">{html.escape(name)} '
        f'<span class="muted">{html.escape(tasks)}; {len(runs)} '
        f'system{"" if len(runs) == 1 else "s"}</span></h2>'
    ]
    metrics = ordered_metrics(s.name for run in runs for s in run.scores)
    parts.append(_score_table(runs, metrics))
    if metrics:
        parts.append('<div class="charts">' + "".join(_chart(runs, m) for m in metrics) + "</div>")
    parts.append(_findings_table(runs))
    notes = [(run.system, note) for run in runs for note in run.notes]
    if notes:
        parts.append(
            '<ul class="notes">'
            + "".join(
                f'<li dir="auto">{html.escape(system)}: {html.escape(note)}</li>'
                for system, note in notes
            )
            + "</ul>"
        )
    parts.append("</section>")
    return "\n".join(parts)


def _score_table(runs: list[RunRecord], metrics: list[str]) -> str:
    if not metrics:
        return '<p class="muted">No metric was computed for this dataset (see notes).</p>'
    head = "".join(f"<th>{html.escape(metric_label(m))}</th>" for m in metrics)
    rows = []
    for run in runs:
        scores = {s.name: s for s in run.scores}
        cells = []
        for metric in metrics:
            score = scores.get(metric)
            if score is None:
                cells.append('<td class="num zero">-</td>')
                continue
            ci = (
                f'<span class="ci">[{format_value(metric, score.ci_low)}, '
                f"{format_value(metric, score.ci_high)}]</span>"
                if score.ci_low is not None and score.ci_high is not None
                else ""
            )
            cells.append(
                f'<td class="num" title="{html.escape(str(score.signature))}">'
                f"{format_value(metric, score.value)}{ci}</td>"
            )
        rows.append(
            f'<tr><td class="sys" dir="auto">{html.escape(run.system)}</td>'
            f'<td class="num">{len(run.segments)}</td>{"".join(cells)}</tr>'
        )
    return (
        '<table class="grid scores"><thead><tr><th>system</th><th>n</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f'<p class="muted">{html.escape(_scaled(metrics))}brackets: bootstrap confidence '
        "interval; hover a value for its signature.</p>"
    )


def _scaled(metrics: list[str]) -> str:
    note = scale_note(metrics)
    return f"{note}; " if note else ""


def _chart(runs: list[RunRecord], metric: str) -> str:
    scale = metric_scale(metric)
    bars = []
    higher_is_better = True
    for run in runs:
        for score in run.scores:
            if score.name != metric:
                continue
            higher_is_better = score.higher_is_better
            bars.append(
                Bar(
                    run.system,
                    score.value * scale,
                    None if score.ci_low is None else score.ci_low * scale,
                    None if score.ci_high is None else score.ci_high * scale,
                )
            )
    note = "" if higher_is_better else "(lower is better)"
    return ci_bars_svg(
        metric_label(metric), bars, axis_max=nice_max(bars, axis_floor(metric)), note=note
    )


def _findings_table(runs: list[RunRecord]) -> str:
    checks = list(dict.fromkeys(c for run in runs for c in run.finding_counts))
    if not checks:
        return '<p class="muted">No check ran on this dataset.</p>'
    head = "".join(f"<th>{html.escape(c)}</th>" for c in checks)
    rows = []
    for run in runs:
        counts = run.finding_counts
        cells = []
        for check in checks:
            row = counts.get(check)
            if row is None:
                cells.append('<td class="num zero">-</td>')
            elif not row["total"]:
                cells.append('<td class="num zero">0</td>')
            else:
                pills = "".join(
                    f'<span class="pill {s}" title="{row[s]} {s}">{row[s]}</span>'
                    for s in SEVERITIES
                    if row[s]
                )
                cells.append(f'<td class="num">{pills}</td>')
        rows.append(
            f'<tr><td class="sys" dir="auto">{html.escape(run.system)}</td>{"".join(cells)}</tr>'
        )
    legend = " ".join(f'<span class="pill {s}">{s}</span>' for s in SEVERITIES)
    return (
        f"<h3>Findings per check</h3>"
        f'<table class="grid findings"><thead><tr><th>system</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table><p class=\"muted\">{legend}</p>"
    )
