"""report.md: the comparison table, then every finding with its evidence."""

from __future__ import annotations

import json
from collections.abc import Sequence

from evalsuite.report.summary_table import build_summary_table
from evalsuite.results import RunRecord

MAX_SEGMENTS_PER_RUN = 20


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(runs: Sequence[RunRecord]) -> str:
    table = build_summary_table(runs)
    lines = ["| " + " | ".join(table.headers) + " |"]
    lines.append(
        "|" + "|".join("---:" if num else "---" for num in table.numeric) + "|"
    )
    lines += ["| " + " | ".join(_escape(c) for c in row) + " |" for row in table.rows]
    return "\n".join(lines)


def _finding_lines(runs: Sequence[RunRecord]) -> list[str]:
    lines: list[str] = []
    for run in runs:
        flagged = [s for s in run.segments if s.findings]
        if not flagged:
            continue
        lines.append(f"\n### {run.dataset} / {run.system}\n")
        for segment in flagged[:MAX_SEGMENTS_PER_RUN]:
            lines.append(f"- **{segment.id}**")
            for finding in segment.findings:
                evidence = json.dumps(finding.evidence, ensure_ascii=False)
                lines.append(
                    f"  - `{finding.check}` ({finding.severity}): {_escape(finding.message)}"
                    f"  \n    evidence: `{_escape(evidence)}`"
                )
        if len(flagged) > MAX_SEGMENTS_PER_RUN:
            lines.append(
                f"- ... {len(flagged) - MAX_SEGMENTS_PER_RUN} more segments with findings "
                "(see segments.jsonl)"
            )
    return lines


def render_markdown(runs: Sequence[RunRecord], *, title: str) -> str:
    parts = [f"# {title}\n", "ROUGE is shown x100. Finding columns count findings per check.\n"]
    parts.append(markdown_table(runs))
    notes = [f"- {run.dataset} / {run.system}: {note}" for run in runs for note in run.notes]
    if notes:
        parts.append("\n## Notes\n")
        parts.extend(notes)
    findings = _finding_lines(runs)
    if findings:
        parts.append("\n## Findings\n")
        parts.extend(findings)
    return "\n".join(parts) + "\n"
