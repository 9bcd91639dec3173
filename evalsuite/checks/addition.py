"""`addition`: output content that nothing in the source supports (cross-lingual
`injected_content`).

A clause of the output with several content words none of which aligns to the source, in an
output the source otherwise supports well, is reported; a single added word is not (too many
words escape a lexicon).
"""

from __future__ import annotations

from evalsuite.checks.base import Finding
from evalsuite.checks.source_alignment import clauses, source_alignment
from evalsuite.text.nlp import ParsedSegment

__all__ = ["addition"]

MIN_CLAUSE_WORDS = 4
MAX_CLAUSE_SHARE = 0.0
MIN_REST_SUPPORT = 0.6


def addition(seg: ParsedSegment) -> list[Finding]:
    """Major findings for output clauses with no supported word in a well-supported output."""
    alignment = source_alignment(seg)
    if alignment is None or alignment.lexicon is None and alignment.src_lang != alignment.hyp_lang:
        return []
    parts = clauses(seg.hyp.text, alignment, side="hyp")
    findings = []
    for part in parts:
        if len(part.words) < MIN_CLAUSE_WORDS or part.share > MAX_CLAUSE_SHARE:
            continue
        rest = [p for p in parts if p is not part]
        words = sum(len(p.words) for p in rest)
        supported = sum(p.aligned for p in rest)
        if not words or supported / words < MIN_REST_SUPPORT:
            continue
        findings.append(
            Finding(
                "addition",
                "major",
                f"output clause '{part.span.text[:80]}' has no counterpart in the source",
                hyp_span=part.span,
                evidence={
                    "against": "source",
                    "clause_words": [alignment.hyp_words[i].text for i in part.words],
                    "rest_support": round(supported / words, 3),
                    "lexicon": alignment.lexicon,
                },
            )
        )
    return findings
