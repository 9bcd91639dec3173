"""`addition`: output content that nothing in the source supports (cross-lingual
`injected_content`).

A clause of the output with several content words none of which aligns to the source, in an
output the source otherwise supports well, is reported; a single added word is not (too many
words escape a lexicon).
"""

from __future__ import annotations

from evalsuite.checks.base import Finding
from evalsuite.checks.source_alignment import unaligned_clauses
from evalsuite.text.nlp import ParsedSegment

__all__ = ["addition"]


def addition(seg: ParsedSegment) -> list[Finding]:
    """Major findings for output clauses with no supported word in a well-supported output."""
    judged = unaligned_clauses(seg, side="hyp")
    if judged is None:
        return []
    alignment, found = judged
    return [
        Finding(
            "addition",
            "major",
            f"output clause '{part.span.text[:80]}' has no counterpart in the source",
            hyp_span=part.span,
            evidence={
                "against": "source",
                "clause_words": [alignment.hyp_words[i].text for i in part.words],
                "rest_support": round(rest_share, 3),
                "lexicon": alignment.lexicon,
            },
        )
        for part, rest_share in found
    ]
