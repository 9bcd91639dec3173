"""`evalsuite report`: render a results document (and its segments file) in one format.

Every format starts from the same loaded RunRecords, so they never disagree about a number.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from evalsuite.results import LoadedResults, load_results

FORMATS = ("md", "csv", "json", "html", "junit")


def _markdown(results: LoadedResults) -> str:
    from evalsuite.report.markdown import render_markdown

    # The title `evalsuite run` gives report.md, so both give the same file.
    return render_markdown(results.runs, title=f"evalsuite: {results.suite_name}")


def _csv(results: LoadedResults) -> str:
    from evalsuite.report.csv_report import render_csv

    return render_csv(results.runs)


def _json(results: LoadedResults) -> str:
    from evalsuite.report.json_report import render_json

    return render_json(results)


def _html(results: LoadedResults) -> str:
    from evalsuite.report.html_report import render_html

    return render_html(results)


def _junit(results: LoadedResults) -> str:
    from evalsuite.report.junit_cases import render_junit

    return render_junit(results)


_RENDERERS: dict[str, Callable[[LoadedResults], str]] = {
    "md": _markdown,
    "csv": _csv,
    "json": _json,
    "html": _html,
    "junit": _junit,
}


def render_report(path: str | Path, fmt: str) -> str:
    """The report text for the results document at `path` (InputError when it is unreadable)."""
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown report format {fmt!r} (valid: {', '.join(FORMATS)})")
    return _RENDERERS[fmt](load_results(path))
