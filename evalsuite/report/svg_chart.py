"""Horizontal bars with confidence whiskers, drawn as inline SVG.

One chart per metric, one bar per system: the bar is the corpus score, the whisker its bootstrap
interval, so a reader sees at a glance which differences the intervals cannot tell apart. The
SVG is written here rather than by a plotting library so that the HTML report stays one
self-contained file with no dependency and no script to draw it.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

LABEL_WIDTH = 150
PLOT_WIDTH = 260
VALUE_WIDTH = 48
ROW_HEIGHT = 22
TOP = 26
BOTTOM = 22
TICKS = 4


@dataclass(frozen=True)
class Bar:
    """One system's score and (when computed) its interval, already on the display scale."""

    label: str
    value: float
    low: float | None = None
    high: float | None = None


def nice_max(bars: Sequence[Bar], floor: float) -> float:
    """The axis end: at least `floor` (100 for 0-100 scores), else the largest value rounded up
    to 1, 2 or 5 times a power of ten."""
    top = max([floor, *(b.value for b in bars), *(b.high for b in bars if b.high is not None)])
    if top <= floor:
        return floor
    power = 10 ** math.floor(math.log10(top))
    for step in (1, 2, 5, 10):
        if top <= step * power:
            return float(step * power)
    return top  # unreachable: step 10 always covers top


def ci_bars_svg(title: str, bars: Sequence[Bar], *, axis_max: float, note: str = "") -> str:
    """An <svg> chart titled `title` (plus `note`, e.g. "lower is better") on [0, axis_max]."""
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    height = TOP + ROW_HEIGHT * max(len(bars), 1) + BOTTOM
    axis_max = axis_max if axis_max > 0 else 1.0

    def x(value: float) -> float:
        return LABEL_WIDTH + PLOT_WIDTH * min(max(value, 0.0), axis_max) / axis_max

    heading = html.escape(title)
    if note:
        heading += f' <tspan class="note">{html.escape(note)}</tspan>'
    parts = [
        f'<svg class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{html.escape(title)}</title>",
        f'<text class="heading" x="0" y="15">{heading}</text>',
    ]
    plot_bottom = TOP + ROW_HEIGHT * max(len(bars), 1)
    for i in range(TICKS + 1):
        tick = axis_max * i / TICKS
        tx = x(tick)
        parts.append(
            f'<line class="grid" x1="{tx:.1f}" y1="{TOP}" x2="{tx:.1f}" y2="{plot_bottom}"/>'
            f'<text class="tick" x="{tx:.1f}" y="{plot_bottom + 14}" '
            f'text-anchor="middle">{_fmt(tick)}</text>'
        )
    for row, bar in enumerate(bars):
        y = TOP + row * ROW_HEIGHT
        mid = y + ROW_HEIGHT / 2
        label = bar.label if len(bar.label) <= 22 else bar.label[:21] + "\u2026"
        interval = (
            f" [{_fmt(bar.low)}, {_fmt(bar.high)}]"
            if bar.low is not None and bar.high is not None else ""
        )
        parts.append(
            f'<g class="bar"><title>{html.escape(bar.label)}: {_fmt(bar.value)}'
            f"{interval}</title>"
            f'<text class="label" x="{LABEL_WIDTH - 6}" y="{mid + 4:.1f}" '
            f'text-anchor="end">{html.escape(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{x(bar.value) - LABEL_WIDTH:.1f}" '
            f'height="{ROW_HEIGHT - 8}" rx="2"/>'
        )
        if bar.low is not None and bar.high is not None:
            lo, hi = x(bar.low), x(bar.high)
            parts.append(
                f'<path class="whisker" d="M{lo:.1f} {mid:.1f}H{hi:.1f}'
                f"M{lo:.1f} {mid - 5:.1f}V{mid + 5:.1f}M{hi:.1f} {mid - 5:.1f}V{mid + 5:.1f}\"/>"
            )
        parts.append(
            f'<text class="value" x="{LABEL_WIDTH + PLOT_WIDTH + 6}" y="{mid + 4:.1f}">'
            f"{_fmt(bar.value)}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}" if abs(value) >= 10 or value == 0 else f"{value:.3g}"
