"""The table printed at the end of a run, rendered with rich."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from evalsuite.report.metric_display import scale_note
from evalsuite.report.summary_table import build_summary_table
from evalsuite.results import RunRecord


def print_summary(runs: Sequence[RunRecord], console: Console | None = None) -> None:
    table_model = build_summary_table(runs)
    note = scale_note(s.name for run in runs for s in run.scores)
    table = Table(
        title=f"evalsuite results ({note + '; ' if note else ''}finding columns count findings "
        "per check)",
        show_lines=False,
    )
    for header, numeric in zip(table_model.headers, table_model.numeric, strict=True):
        table.add_column(header, justify="right" if numeric else "left", no_wrap=True)
    previous = None
    for row in table_model.rows:
        shown = list(row)
        if row[0] == previous:
            shown[0] = ""
        elif previous is not None:
            table.add_section()
        previous = row[0]
        table.add_row(*shown)
    console = console or Console()
    # Never squeeze columns into "R…": CI logs default to 80 columns, so widen to fit.
    needed = _natural_width(table_model.headers, table_model.rows)
    if console.width < needed:
        console = Console(width=needed, file=console.file)
    console.print(table)


def _natural_width(headers: list[str], rows: list[list[str]]) -> int:
    """Width of the table with every cell on one line (borders and padding included)."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    return sum(w + 3 for w in widths) + 1
