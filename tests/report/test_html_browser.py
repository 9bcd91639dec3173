"""The HTML report in a real headless browser (Debian's chromium, installed by .ci/run).

Parsing the HTML proves its structure; only a browser proves that it renders (the screenshot
is not blank and shows the report's colours) and that its script runs (it marks the body and
counts the segments). Skipped, with the reason, only where no Chromium can be found.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from evalsuite.report.browser import dump_dom, find_chromium, screenshot
from evalsuite.report.html_report import render_html
from evalsuite.results import load_results
from tests.report.png_pixels import read_png
from tests.report.results_fixture import write_results

pytestmark = pytest.mark.skipif(
    find_chromium() is None,
    reason="no chromium on PATH: `apt-get install chromium` (.ci/run does) to run this test",
)

WIDTH, HEIGHT = 1000, 900
HEADER_BLUE = (0x1F, 0x2F, 0x46)  # header.top background in html_assets.CSS
BAR_BLUE = (0x4A, 0x78, 0xB5)  # chart bars


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("html-report")
    target = directory / "report.html"
    target.write_text(render_html(load_results(write_results(directory))), encoding="utf-8")
    return target


def test_screenshot_is_not_blank(page: Path, tmp_path: Path) -> None:
    png = screenshot(page, tmp_path / "shot.png", width=WIDTH, height=HEIGHT)
    image = read_png(png)
    assert (image.width, image.height) == (WIDTH, HEIGHT)
    colours = Counter(image.pixels())
    white = colours[(255, 255, 255)]
    assert white < 0.9 * WIDTH * HEIGHT, "the page is (nearly) all white"
    assert len(colours) > 50, f"only {len(colours)} colours: nothing rendered"
    assert colours[HEADER_BLUE] > WIDTH * 20, "the header band is missing"
    assert colours[BAR_BLUE] > 200, "no chart bar was drawn"


def test_script_runs_and_elements_exist(page: Path) -> None:
    dom = dump_dom(page)
    assert re.search(r'<body[^>]*data-js="ready"', dom), "the report's script did not run"
    assert "showing 5 of 5 segments" in dom
    assert dom.count('class="sev-critical"') >= 3
    assert dom.count("<svg") == 3
    assert '<script>alert("x")</script>' not in dom
