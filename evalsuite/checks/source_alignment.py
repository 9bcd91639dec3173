"""The alignment of a translation with its source, as the cross-lingual checks read it.

`detached_output`, `omission` and `addition` run on translations with a source and compare the
two through `evalsuite.align`; this module picks the source, aligns once per segment, and cuts
both sides into clauses (text between sentence ends, commas, semicolons, colons and dashes),
each with its aligned share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evalsuite.align import Alignment, align
from evalsuite.checks.base import Span
from evalsuite.checks.source_entities import matched_name_spans
from evalsuite.text.nlp import ParsedSegment

__all__ = ["Clause", "clause_spans", "clauses", "source_alignment", "unaligned_clauses"]

UNALIGNED_CLAUSE_WORDS = 4
"""A clause is reported only with this many content words, none aligned: a lexicon misses too
many single words for one word's absence to mean anything."""
WELL_ALIGNED_REST = 0.6
"""The rest of the side must be this well aligned: otherwise the lexicon is just thin."""

_CLAUSE_BREAK = re.compile(r"[.!?;:。！？；：…]+(?=\s|$)|[,，、]\s*|\s[–—-]\s|\n+")


@dataclass(frozen=True)
class Clause:
    """A stretch of one side with its content words and how many of them are aligned."""

    span: Span
    words: tuple[int, ...]
    aligned: int

    @property
    def share(self) -> float:
        return self.aligned / len(self.words) if self.words else 1.0


def source_alignment(seg: ParsedSegment) -> Alignment | None:
    """The alignment of a translation's output with its source (None: nothing to align)."""
    if seg.task != "translation" or seg.src is None:
        return None
    return align(seg.src.text, seg.src.lang, seg.hyp.text, seg.hyp.lang)


def clauses(text: str, alignment: Alignment, *, side: str) -> list[Clause]:
    """Clauses of the source (`side="src"`) or output (`"hyp"`), with their aligned words."""
    words = alignment.src_words if side == "src" else alignment.hyp_words
    flags = alignment.covered() if side == "src" else alignment.supported()
    out: list[Clause] = []
    index = 0
    for span in clause_spans(text):
        members = []
        while index < len(words) and words[index].start < span.end:
            if words[index].start >= span.start:
                members.append(index)
            index += 1
        out.append(Clause(span, tuple(members), sum(flags[i] for i in members)))
    return out


def unaligned_clauses(
    seg: ParsedSegment, *, side: str
) -> tuple[Alignment, list[tuple[Clause, float]]] | None:
    """Clauses of one side (`"src"`: omissions, `"hyp"`: additions) with no aligned word, each
    with the aligned share of the rest of that side, in a side otherwise well aligned.

    None where the pair cannot be judged: no source, or two languages with no lexicon."""
    alignment = source_alignment(seg)
    if alignment is None or alignment.lexicon is None and alignment.src_lang != alignment.hyp_lang:
        return None
    side_text = seg.hyp.text if side == "hyp" else seg.src.text if seg.src is not None else ""
    parts = clauses(side_text, alignment, side=side)
    names = matched_name_spans(seg, side)
    found = []
    for part in parts:
        if len(part.words) < UNALIGNED_CLAUSE_WORDS or part.aligned:
            continue
        if _mostly_names(part, alignment, side, names):
            continue  # mostly a name the other side has: translated, the lexicon thin
        rest = [p for p in parts if p is not part]
        words = sum(len(p.words) for p in rest)
        aligned = sum(p.aligned for p in rest)
        if words and aligned / words >= WELL_ALIGNED_REST:
            found.append((part, aligned / words))
    return alignment, found


def _mostly_names(
    part: Clause, alignment: Alignment, side: str, names: tuple[tuple[int, int], ...]
) -> bool:
    """Whether half or more of a clause's content words lie in names the other side has ("the
    ruling of the Polish Football Association was milder" / "PZPN"): such a clause is
    translated, and the lexicon only misses its other words. A name among many unaligned words
    ("as Lewis did with the civil rights movement" without its movement) does not save it."""
    words = alignment.src_words if side == "src" else alignment.hyp_words
    inside = sum(
        any(start <= words[i].start and words[i].end <= end for start, end in names)
        for i in part.words
    )
    return 2 * inside >= len(part.words) > 0


def clause_spans(text: str) -> list[Span]:
    """The stretches of `text` between clause breaks, stripped; blank ones left out."""
    bounds = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    spans = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        piece = text[start:end]
        left = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if piece:
            spans.append(Span(start + left, start + left + len(piece), piece))
    return spans
