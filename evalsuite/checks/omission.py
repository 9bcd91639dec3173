"""`omission`: a clause of the source that the output leaves untranslated.

Single dropped words are left to the entity and number checks (a lexicon misses too many
words for one word's absence to mean anything); a clause of several content words none of
which has a counterpart, in a source the output otherwise covers well, is reported.
"""

from __future__ import annotations

from evalsuite.checks.base import Finding
from evalsuite.checks.source_alignment import unaligned_clauses
from evalsuite.text.nlp import ParsedSegment

__all__ = ["omission"]


def omission(seg: ParsedSegment) -> list[Finding]:
    """Major findings for source clauses with no aligned word in a well-covered source."""
    judged = unaligned_clauses(seg, side="src")
    if judged is None:
        return []
    alignment, found = judged
    return [
        Finding(
            "omission",
            "major",
            f"source clause '{part.span.text[:80]}' has no counterpart in the output",
            ref_span=part.span,
            evidence={
                "against": "source",
                "clause_words": [alignment.src_words[i].text for i in part.words],
                "rest_coverage": round(rest_share, 3),
                "lexicon": alignment.lexicon,
            },
        )
        for part, rest_share in found
    ]
