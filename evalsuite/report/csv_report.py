"""`report --format csv`: one tidy row per score and per check, for spreadsheets and pandas.

Rows of two kinds share one header so a file loads as one table: `kind=metric` rows carry a
corpus score (value on the results document's own scale: ROUGE 0-1, sacrebleu 0-100) with its
interval and signature; `kind=check` rows carry a check's finding counts per severity. Cells
that do not apply to a row's kind are empty, never zero.

Names come from data files (a `group_by` value becomes a system name), and spreadsheet tools run
a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula: such text
cells get a leading apostrophe, as OWASP's CSV-injection advice says. Numbers are written by
this module and stay numbers.
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
            "dataset": text_cell(run.dataset),
            "system": text_cell(run.system),
            "task": text_cell(run.task),
            "n_segments": len(run.segments),
        }
        for score in run.scores:
            writer.writerow({
                **common, "kind": "metric", "name": text_cell(score.name),
                "value": repr(score.value),
                "ci_low": _number(score.ci_low), "ci_high": _number(score.ci_high),
                "higher_is_better": str(score.higher_is_better).lower(),
                "signature": text_cell(str(score.signature)),
            })  # fmt: skip
        for check, counts in run.finding_counts.items():
            writer.writerow({**common, "kind": "check", "name": text_cell(check), **counts})
    return buffer.getvalue()


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(text: str) -> str:
    """A text cell that no spreadsheet reads as a formula. A carriage return becomes a line
    break: the writer quotes a cell with `\\n` in it, but not one with a lone `\\r`."""
    cell = "'" + text if text.startswith(_FORMULA_STARTS) else text
    return cell.replace("\r\n", "\n").replace("\r", "\n")


def _number(value: float | None) -> str:
    return "" if value is None else repr(value)
