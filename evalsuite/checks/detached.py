"""`detached_output`: the output does not translate its source at all.

An unrelated sentence, a hallucination, an empty output: almost none of the source's content
words has a counterpart in the output and almost none of the output's is supported by the
source. With a lexicon for the pair both shares are measured; without one only names,
numbers and cognates can align, so the check then needs the source's names and numbers all
missing as well.
"""

from __future__ import annotations

from evalsuite.align import Alignment, Word
from evalsuite.checks.base import Finding, Span
from evalsuite.checks.source_alignment import source_alignment
from evalsuite.text.nlp import ParsedSegment

__all__ = ["detached_output"]

MIN_SOURCE_WORDS = 4
MAX_SHARE = 0.2
"""Coverage and support both at or below this: detached (tuned on DEMETR's tuning half)."""
MIN_ANCHORS_WITHOUT_LEXICON = 2
_NOUN_CAPITALISING = frozenset({"de", "lb"})


def detached_output(seg: ParsedSegment) -> list[Finding]:
    """One critical finding when the output shares next to nothing with its source."""
    alignment = source_alignment(seg)
    if alignment is None or len(alignment.src_words) < MIN_SOURCE_WORDS:
        return []
    assert seg.src is not None
    hyp_text = seg.hyp.text
    if not alignment.hyp_words:
        why = "the output is empty" if not hyp_text.strip(" .\n\t") else "the output has no words"
        return [_finding(seg, alignment, why)]
    coverage, support = alignment.coverage, alignment.support
    if coverage > MAX_SHARE or support > MAX_SHARE:
        return []
    if alignment.src_lang != alignment.hyp_lang and alignment.lexicon is None:
        anchors = [
            w for w in alignment.src_words if w.is_number or _name_like(w, alignment.src_lang)
        ]
        if len(anchors) < MIN_ANCHORS_WITHOUT_LEXICON or alignment.links:
            return []
    why = (
        f"{coverage:.0%} of the source's content words are translated, "
        f"{support:.0%} of the output's are supported"
    )
    return [_finding(seg, alignment, why)]


def _name_like(word: Word, lang: str) -> bool:
    """Capitalised past a text's start, in a language that does not capitalise every noun."""
    return word.is_capitalised and word.start > 0 and lang not in _NOUN_CAPITALISING


def _finding(seg: ParsedSegment, alignment: Alignment, why: str) -> Finding:
    assert seg.src is not None
    hyp, src = seg.hyp.text, seg.src.text
    return Finding(
        "detached_output",
        "critical",
        f"the output does not translate its source: {why}",
        hyp_span=Span(0, len(hyp), hyp),
        ref_span=Span(0, len(src), src),
        evidence={
            "against": "source",
            "coverage": round(alignment.coverage, 3),
            "support": round(alignment.support, 3),
            "source_words": len(alignment.src_words),
            "output_words": len(alignment.hyp_words),
            "aligned": alignment.linked_pairs(),
            "lexicon": alignment.lexicon,
        },
    )
