"""The comparison table shared by every renderer: one row per dataset and system."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evalsuite.metrics.registry import score_kind
from evalsuite.report.metric_display import format_value, metric_label, ordered_metrics
from evalsuite.results import RunRecord

CHECK_HEADERS = {
    "entity_missing": "ent.missing",
    "entity_variant": "ent.variant",
    "entity_unsupported": "ent.unsupp",
    "number_mismatch": "number",
    "negation_flip": "negation",
    "role_reversal": "roles",
    "injected_content": "injected",
    "inconsistent_entity": "inconsist.",
    "comet_error_span": "comet.span",
    "nli_unsupported": "nli.unsupp",
}


@dataclass(frozen=True)
class SummaryTable:
    headers: list[str]
    rows: list[list[str]]
    numeric: list[bool]


def build_summary_table(runs: Sequence[RunRecord]) -> SummaryTable:
    """Columns appear only for scores and checks that some run has; scores in points, in
    the registry's order, labelled as their metric labels them (secondary scores, such as
    BERTScore's precision and recall, only in the other reports)."""
    metrics = [
        name for name in ordered_metrics(s.name for run in runs for s in run.scores)
        if (kind := score_kind(name)) is None or kind.in_summary
    ]  # fmt: skip
    checks: list[str] = []
    for run in runs:
        checks.extend(c for c in run.finding_counts if c not in checks)
    headers = ["dataset", "system", "n"] + [metric_label(m) for m in metrics]
    headers += [CHECK_HEADERS.get(c, c) for c in checks]
    rows = []
    for run in runs:
        values = {s.name: s.value for s in run.scores}
        counts = run.finding_counts
        row = [run.dataset, run.system, str(len(run.segments))]
        row += [format_value(m, values[m]) if m in values else "-" for m in metrics]
        row += [str(counts[c]["total"]) if c in counts else "-" for c in checks]
        rows.append(row)
    numeric = [False, False] + [True] * (len(headers) - 2)
    return SummaryTable(headers=headers, rows=rows, numeric=numeric)
