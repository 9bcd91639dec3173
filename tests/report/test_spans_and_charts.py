"""Span highlighting and the SVG bars: the pieces the HTML report is built from."""

from __future__ import annotations

import pytest

from evalsuite.checks.base import Span
from evalsuite.report.spans import Mark, highlight, locate
from evalsuite.report.svg_chart import Bar, ci_bars_svg, nice_max


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("a Kiev b", Span(2, 6, "Kiev"), (2, 6)),
        ("a Kiev b", Span(40, 44, "Kiev"), (2, 6)),  # stale offsets: found by text
        ("a Kiev b", Span(0, 4, "Kiev"), (2, 6)),  # offsets cover other text
        ("a Kiev b", Span(1, 3, ""), (1, 3)),  # no text to check: trust in-range offsets
        ("a Kiev b", Span(2, 6, "Kyiv"), None),
        ("", Span(0, 3, "abc"), None),
    ],
)
def test_locate(text: str, span: Span, expected: tuple[int, int] | None) -> None:
    assert locate(text, span) == expected


def test_highlight_nested_overlaps_and_escaping() -> None:
    text = "<b>the police arrested</b>"
    marks = [Mark(3, 22, 0, "minor"), Mark(7, 13, 1, "critical"), Mark(3, 3, 2, "major")]
    assert highlight(text, marks) == (
        "&lt;b&gt;"
        '<mark class="sev-major" data-f="2"></mark>'
        '<mark class="sev-minor" data-f="0">the </mark>'
        '<mark class="sev-critical" data-f="0 1">police</mark>'
        '<mark class="sev-minor" data-f="0"> arrested</mark>'
        "&lt;/b&gt;"
    )


def test_highlight_without_marks_is_escaped_text() -> None:
    assert highlight('a & "b"', []) == "a &amp; &quot;b&quot;"


def test_highlight_point_at_end() -> None:
    marked = highlight("ab", [Mark(2, 2, 0, "minor")])
    assert marked == 'ab<mark class="sev-minor" data-f="0"></mark>'


def test_nice_max() -> None:
    assert nice_max([Bar("a", 40, 30, 50)], 100.0) == 100.0
    assert nice_max([Bar("a", 90, 80, 131)], 100.0) == 200.0
    assert nice_max([Bar("a", 0.3, 0.2, 0.45)], 1.0) == 1.0
    assert nice_max([Bar("a", 3.2)], 1.0) == 5.0


def test_chart_draws_bars_whiskers_and_escapes_labels() -> None:
    svg = ci_bars_svg(
        "BLEU", [Bar("<sys>", 50.0, 40.0, 60.0), Bar("b", 25.0)], axis_max=100.0, note="x<y"
    )
    assert svg.count("<rect ") == 2
    assert svg.count('class="whisker"') == 1  # only the bar with an interval
    assert "&lt;sys&gt;" in svg and "<sys>" not in svg and "x&lt;y" in svg
    # 50 on a 0-100 axis is half the plot: the bar's width and the whisker's ends agree
    assert 'width="130.0"' in svg
    assert "M254.0 " in svg and "H306.0" in svg
