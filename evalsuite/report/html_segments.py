"""The per-segment part of the HTML report: output and reference side by side, spans marked.

Segments with findings come first (worst severity first), each open, with its hypothesis, its
reference and (when the results kept it) its source in panels, and every finding's spans marked
in the panel its span points into: `evidence["against"]` names it, and "body" means the
hypothesis itself (a headline checked against its own article). Clean segments follow, closed.
Both are capped per run so a report on thousands of segments stays a file one can open; a note
says how many were left out and where they are.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass

from evalsuite.checks.base import SEVERITIES, Finding, Span
from evalsuite.report.metric_display import format_value, metric_label, ordered_metrics
from evalsuite.report.spans import Mark, highlight, locate
from evalsuite.results import RunRecord, SegmentRecord

MAX_FLAGGED_PER_RUN = 150
MAX_CLEAN_PER_RUN = 10
PANELS = ("hypothesis", "reference", "source")


@dataclass(frozen=True)
class Placement:
    """Where one of a finding's spans points, and whether it could be drawn there."""

    span: Span
    panel: str  # the panel (text) the span points into
    stored: bool  # the results hold that text
    drawn: bool  # the span was placed in it


def toolbar() -> str:
    """Filter controls the script wires up; inert (and harmless) without it."""
    options = "".join(f'<option value="{s}">{s}</option>' for s in SEVERITIES)
    return (
        '<div class="toolbar">'
        '<label>find <input type="search" id="seg-query" placeholder="id, word, check"></label>'
        '<label><input type="checkbox" id="seg-flagged"> only segments with findings</label>'
        f'<label>severity <select id="seg-severity"><option value="">any</option>{options}'
        "</select></label>"
        '<span id="seg-count" class="muted"></span></div>'
    )


def shown_segments(run: RunRecord) -> list[SegmentRecord]:
    """The segments a run shows, in order: flagged (worst severity, then most findings, first)
    up to MAX_FLAGGED_PER_RUN, then clean ones up to MAX_CLEAN_PER_RUN."""
    flagged = [s for s in run.segments if s.findings]
    flagged.sort(key=lambda s: (min(SEVERITIES.index(f.severity) for f in s.findings),
                                -len(s.findings)))  # fmt: skip
    clean = [s for s in run.segments if not s.findings]
    return flagged[:MAX_FLAGGED_PER_RUN] + clean[:MAX_CLEAN_PER_RUN]


def run_segments(run: RunRecord, anchor: str) -> str:
    """Every shown segment of one run, as cards, with a note on what was left out."""
    flagged = [s for s in run.segments if s.findings]
    clean = [s for s in run.segments if not s.findings]
    shown = shown_segments(run)
    parts = [
        f'<h3 id="{anchor}" dir="auto">{html.escape(run.dataset)} / {html.escape(run.system)}'
        f' <span class="muted">{len(run.segments)} segments, {len(flagged)} with findings'
        "</span></h3>"
    ]
    parts += [segment_card(seg, f"{anchor}-{i}") for i, seg in enumerate(shown)]
    left_flagged = len(flagged) - min(len(flagged), MAX_FLAGGED_PER_RUN)
    left_clean = len(clean) - min(len(clean), MAX_CLEAN_PER_RUN)
    if left_flagged or left_clean:
        parts.append(
            f'<p class="more">Not shown: {left_flagged} more segments with findings and '
            f"{left_clean} without (every segment is in the segments file; "
            "<code>evalsuite report --format json</code> lists them all).</p>"
        )
    return "\n".join(parts)


def segment_card(segment: SegmentRecord, anchor: str) -> str:
    texts = {
        "hypothesis": segment.hypothesis,
        "reference": segment.reference,
        "source": segment.source,
    }
    marks: dict[str, list[Mark]] = {name: [] for name in PANELS}
    placements: list[list[Placement]] = []
    for index, finding in enumerate(segment.findings):
        placed = []
        for side, span in (("hyp", finding.hyp_span), ("ref", finding.ref_span)):
            if span is None:
                continue
            wanted = "hypothesis" if side == "hyp" else _ref_panel(finding, segment)
            text = texts[wanted]
            where = locate(text, span) if text is not None else None
            if where is not None:
                marks[wanted].append(Mark(where[0], where[1], index, finding.severity))
            placed.append(Placement(span, wanted, text is not None, where is not None))
        placements.append(placed)
    panels = [
        _panel(name, text, marks[name]) for name, text in texts.items() if text is not None
    ]
    severities = sorted({f.severity for f in segment.findings}, key=SEVERITIES.index)
    opened = " open" if segment.findings else ""
    return (
        f'<details class="seg" id="{anchor}"{opened} data-findings="{len(segment.findings)}" '
        f'data-severities="{" ".join(severities)}">'
        f"<summary>{_summary(segment)}</summary>"
        f'<div class="panels">{"".join(panels)}</div>'
        f"{_finding_list(segment.findings, placements)}</details>"
    )


def _ref_panel(finding: Finding, segment: SegmentRecord) -> str:
    against = finding.evidence.get("against")
    if against == "body":
        return "hypothesis"
    if against in ("reference", "source"):
        return str(against)
    return "reference" if segment.reference is not None else "source"


def _panel(name: str, text: str, marks: list[Mark]) -> str:
    return (
        f'<div class="panel {name}"><h4>{name}</h4>'
        f'<div class="text" dir="auto">{highlight(text, marks)}</div></div>'
    )


def _summary(segment: SegmentRecord) -> str:
    counts = {s: sum(1 for f in segment.findings if f.severity == s) for s in SEVERITIES}
    pills = "".join(
        f'<span class="pill {s}" title="{s}">{n}</span>' for s, n in counts.items() if n
    )
    scores = " ".join(
        f"{html.escape(metric_label(name))} {format_value(name, segment.scores[name])}"
        for name in ordered_metrics(segment.scores)
    )
    return (
        f'<span class="id" dir="auto">{html.escape(segment.id)}</span> {pills}'
        f'<span class="scores">{scores}</span>'
    )


def _finding_list(findings: Sequence[Finding], placements: list[list[Placement]]) -> str:
    if not findings:
        return ""
    items = []
    for index, (finding, placed) in enumerate(zip(findings, placements, strict=True)):
        where = "; ".join(_placement_text(p) for p in placed)
        evidence = json.dumps(finding.evidence, ensure_ascii=False, indent=1)
        items.append(
            f'<li class="finding" data-f="{index}">'
            f'<span class="pill {finding.severity}">{finding.severity}</span> '
            f'<span class="check">{html.escape(finding.check)}</span> '
            f'<span dir="auto">{html.escape(finding.message)}</span>'
            + (f' <span class="muted" dir="auto">({where})</span>' if where else "")
            + f" <details><summary class=\"muted\">evidence</summary>"
            f'<pre dir="auto">{html.escape(evidence)}</pre></details></li>'
        )
    return f'<ol class="findings">{"".join(items)}</ol>'


def _placement_text(placement: Placement) -> str:
    span = placement.span
    shown = f"'{html.escape(span.text)}' [{span.start}, {span.end})"
    if not placement.stored:
        return f"{shown} in the {placement.panel}, which the results do not hold"
    if not placement.drawn:
        return f"{shown} in the {placement.panel}: not found in it, not marked"
    return f"{shown} in the {placement.panel}"
