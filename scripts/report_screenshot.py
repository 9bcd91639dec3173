"""Redo docs/img/report.png: the HTML report of the default suite, as headless Chromium shows it.

    .venv/bin/python scripts/report_screenshot.py [--results DIR/results.json] [--output PNG]

Without --results it runs the default suite first (about 15 s). The image stacks two views of
the same report: its top (header, score tables, bars with intervals, finding counts) and its
segment view scrolled to the first run with critical findings against a reference, with the
spans marked in output, reference and source. Headless Chromium cannot scroll a page before
its screenshot (a URL fragment gives a blank image), so a small page frames the report twice.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from evalsuite.report.browser import find_chromium, screenshot
from evalsuite.report.html_report import render_html
from evalsuite.results import LoadedResults, load_results

ROOT = Path(__file__).resolve().parent.parent
WIDTH, TOP_HEIGHT, SEGMENTS_HEIGHT = 1400, 1050, 950


def focus_anchor(results: LoadedResults) -> str:
    """The id of the segment group to show: the first run with a critical finding against a
    reference, else the first with any finding (ids follow html_report's dataset order)."""
    datasets: dict[str, list[int]] = {}
    for index, run in enumerate(results.runs):
        datasets.setdefault(run.dataset, []).append(index)
    anchors = {
        index: f"seg-{d}-{r}"
        for d, indices in enumerate(datasets.values())
        for r, index in enumerate(indices)
    }
    for wanted in ("critical", None):
        for index, run in enumerate(results.runs):
            for segment in run.segments:
                if segment.reference and any(
                    wanted is None or f.severity == wanted for f in segment.findings
                ):
                    return anchors[index]
    return "segments"


def frame_page(report: Path, anchor: str) -> str:
    name = report.name
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
        "body{margin:0}iframe{display:block;border:0;width:100%}"
        f"#top{{height:{TOP_HEIGHT}px;border-bottom:4px solid #1f2f46}}"
        f"#seg{{height:{SEGMENTS_HEIGHT}px}}</style></head><body>"
        f'<iframe id="top" src="{name}"></iframe>'
        f'<iframe id="seg" src="{name}#{anchor}"></iframe></body></html>'
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", help="results.json (default: run the default suite)")
    parser.add_argument("--output", default=str(ROOT / "docs" / "img" / "report.png"))
    args = parser.parse_args()
    if find_chromium() is None:
        print("no chromium on PATH: apt-get install chromium", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="evalsuite-shot-") as tmp:
        work = Path(tmp)
        results_path = Path(args.results) if args.results else work / "results" / "results.json"
        if not args.results:
            subprocess.run(
                [sys.executable, "-m", "evalsuite", "run", "--quiet",
                 "--output", str(results_path.parent)],
                check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        results = load_results(results_path)
        report = work / "report.html"
        report.write_text(render_html(results), encoding="utf-8")
        frame = work / "frame.html"
        frame.write_text(frame_page(report, focus_anchor(results)), encoding="utf-8")
        height = TOP_HEIGHT + 4 + SEGMENTS_HEIGHT
        png = screenshot(frame, args.output, width=WIDTH, height=height)
    print(f"wrote {png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
