"""Highlight findings' character spans in a text, as escaped HTML with <mark> elements.

Findings overlap (an entity inside a reversed clause), so the text is cut at every span
boundary and each piece is wrapped once, listing every finding that covers it; a piece takes
the colour of its worst severity. Nothing is dropped: a span whose offsets do not fit the text
(a results file from another version, a text normalised on the way) is looked up by its text,
and one that still cannot be placed is reported as such rather than silently lost.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from evalsuite.checks.base import SEVERITIES, Severity, Span


@dataclass(frozen=True)
class Mark:
    """Where finding number `finding` (its index in the segment) falls in one text."""

    start: int
    end: int
    finding: int
    severity: Severity


def locate(text: str, span: Span) -> tuple[int, int] | None:
    """The span's [start, end) in `text`: its offsets when they cover its text, else the first
    place its text occurs, else None."""
    if 0 <= span.start <= span.end <= len(text) and (
        not span.text or text[span.start : span.end] == span.text
    ):
        return span.start, span.end
    if span.text:
        found = text.find(span.text)
        if found >= 0:
            return found, found + len(span.text)
    return None


def highlight(text: str, marks: Sequence[Mark]) -> str:
    """`text` as escaped HTML, every mark's range inside <mark class="sev-..." data-f="i j">.

    A zero-length mark (a place where something is missing) becomes an empty <mark> there.
    """
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    points = [m for m in marks if m.start == m.end]
    ranges = [m for m in marks if m.start < m.end]
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:] + [len(text)], strict=True):
        out.extend(_mark_tag([p]) + "</mark>" for p in points if p.start == left)
        if right <= left:
            continue
        piece = html.escape(text[left:right])
        covering = [m for m in ranges if m.start <= left and right <= m.end]
        out.append(f"{_mark_tag(covering)}{piece}</mark>" if covering else piece)
    return "".join(out)


def _mark_tag(covering: Sequence[Mark]) -> str:
    worst = min(SEVERITIES.index(m.severity) for m in covering)
    ids = " ".join(str(i) for i in sorted({m.finding for m in covering}))
    return f'<mark class="sev-{SEVERITIES[worst]}" data-f="{ids}">'
