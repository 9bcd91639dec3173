"""report.md: the comparison table, then every finding with its evidence."""

from __future__ import annotations

import json
from collections.abc import Sequence

from evalsuite.report.markdown_text import code_span, md_text
from evalsuite.report.metric_display import scale_sentence
from evalsuite.report.summary_table import build_summary_table
from evalsuite.results import RunRecord

MAX_SEGMENTS_PER_RUN = 20


def markdown_table(runs: Sequence[RunRecord]) -> str:
    table = build_summary_table(runs)
    lines = ["| " + " | ".join(md_text(h) for h in table.headers) + " |"]
    lines.append(
        "|" + "|".join("---:" if num else "---" for num in table.numeric) + "|"
    )
    lines += ["| " + " | ".join(md_text(c) for c in row) + " |" for row in table.rows]
    return "\n".join(lines)


def _finding_lines(runs: Sequence[RunRecord]) -> list[str]:
    lines: list[str] = []
    for run in runs:
        flagged = [s for s in run.segments if s.findings]
        if not flagged:
            continue
        lines.append(f"\n### {md_text(run.dataset)} / {md_text(run.system)}\n")
        for segment in flagged[:MAX_SEGMENTS_PER_RUN]:
            lines.append(f"- **{md_text(segment.id)}**")
            for finding in segment.findings:
                evidence = json.dumps(finding.evidence, ensure_ascii=False)
                lines.append(
                    f"  - {code_span(finding.check)} ({md_text(finding.severity)}): "
                    f"{md_text(finding.message)}  \n    evidence: {code_span(evidence)}"
                )
        if len(flagged) > MAX_SEGMENTS_PER_RUN:
            lines.append(
                f"- ... {len(flagged) - MAX_SEGMENTS_PER_RUN} more segments with findings "
                "(see segments.jsonl)"
            )
    return lines


def render_markdown(runs: Sequence[RunRecord], *, title: str) -> str:
    shown = scale_sentence(s.name for run in runs for s in run.scores)
    parts = [
        f"# {md_text(title)}\n",
        f"{shown}Finding columns count findings per check.\n",
    ]
    parts.append(markdown_table(runs))
    notes = [
        f"- {md_text(run.dataset)} / {md_text(run.system)}: {md_text(note)}"
        for run in runs
        for note in run.notes
    ]
    if notes:
        parts.append("\n## Notes\n")
        parts.extend(notes)
    findings = _finding_lines(runs)
    if findings:
        parts.append("\n## Findings\n")
        parts.extend(findings)
    return "\n".join(parts) + "\n"
