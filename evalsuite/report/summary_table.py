"""The comparison table shared by every renderer: one row per dataset and system."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evalsuite.results import RunRecord

# Display order and headers; ROUGE is shown x100 like BLEU and chrF so columns compare.
METRIC_COLUMNS = (
    ("rouge1", "R-1", 100.0),
    ("rouge2", "R-2", 100.0),
    ("rougeL", "R-L", 100.0),
    ("rougeLsum", "R-Lsum", 100.0),
    ("bleu", "BLEU", 1.0),
    ("chrf", "chrF", 1.0),
    ("chrf++", "chrF++", 1.0),
    ("ter", "TER", 1.0),
    ("bertscore_f", "BERTScore", 100.0),
    ("comet", "COMET", 100.0),
    ("comet_qe", "COMET-QE", 100.0),
    ("nli", "NLI", 100.0),
)
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
    """Columns appear only for metrics and checks that some run has."""
    metric_names = {s.name for run in runs for s in run.scores}
    metrics = [col for col in METRIC_COLUMNS if col[0] in metric_names]
    checks: list[str] = []
    for run in runs:
        checks.extend(c for c in run.finding_counts if c not in checks)
    headers = ["dataset", "system", "n"] + [h for _, h, _ in metrics]
    headers += [CHECK_HEADERS.get(c, c) for c in checks]
    rows = []
    for run in runs:
        values = {s.name: s.value for s in run.scores}
        counts = run.finding_counts
        row = [run.dataset, run.system, str(len(run.segments))]
        row += [f"{values[n] * scale:.1f}" if n in values else "-" for n, _, scale in metrics]
        row += [str(counts[c]["total"]) if c in counts else "-" for c in checks]
        rows.append(row)
    numeric = [False, False] + [True] * (len(headers) - 2)
    return SummaryTable(headers=headers, rows=rows, numeric=numeric)
