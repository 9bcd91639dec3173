"""`report --format csv`: one tidy row per score and per check, for spreadsheets and pandas.

Rows of two kinds share one header so a file loads as one table: `kind=metric` rows carry a
corpus score (value on the results document's own scale: ROUGE 0-1, sacrebleu 0-100) with its
interval and signature; `kind=check` rows carry a check's finding counts per severity. Cells
that do not apply to a row's kind are empty, never zero.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from evalsuite.checks.base import SEVERITIES
from evalsuite.results import RunRecord

COLUMNS = (
    "dataset", "system", "task", "n_segments", "kind", "name",
    "value", "ci_low", "ci_high", "higher_is_better", "signature",
    *SEVERITIES, "total",
)  # fmt: skip


def render_csv(runs: Sequence[RunRecord]) -> str:
    """The CSV text (header first, `\\n` line ends, RFC 4180 quoting)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for run in runs:
        common = {
            "dataset": run.dataset,
            "system": run.system,
            "task": run.task,
            "n_segments": len(run.segments),
        }
        for score in run.scores:
            writer.writerow({
                **common, "kind": "metric", "name": score.name, "value": repr(score.value),
                "ci_low": _number(score.ci_low), "ci_high": _number(score.ci_high),
                "higher_is_better": str(score.higher_is_better).lower(),
                "signature": score.signature,
            })  # fmt: skip
        for check, counts in run.finding_counts.items():
            writer.writerow({**common, "kind": "check", "name": check, **counts})
    return buffer.getvalue()


def _number(value: float | None) -> str:
    return "" if value is None else repr(value)
