"""`omission`: a clause of the source that the output leaves untranslated.

Single dropped words are left to the entity and number checks (a lexicon misses too many
words for one word's absence to mean anything); a clause of several content words none of
which has a counterpart, in a source the output otherwise covers well, is reported.
"""

from __future__ import annotations

from evalsuite.checks.base import Finding
from evalsuite.checks.source_alignment import clauses, source_alignment
from evalsuite.text.nlp import ParsedSegment

__all__ = ["omission"]

MIN_CLAUSE_WORDS = 4
MAX_CLAUSE_SHARE = 0.0
MIN_REST_COVERAGE = 0.6
"""The rest of the source must be this well covered: otherwise the lexicon is just thin."""


def omission(seg: ParsedSegment) -> list[Finding]:
    """Major findings for source clauses with no aligned word in a well-covered source."""
    alignment = source_alignment(seg)
    if alignment is None or alignment.lexicon is None and alignment.src_lang != alignment.hyp_lang:
        return []
    assert seg.src is not None
    parts = clauses(seg.src.text, alignment, side="src")
    findings = []
    for part in parts:
        if len(part.words) < MIN_CLAUSE_WORDS or part.share > MAX_CLAUSE_SHARE:
            continue
        rest = [p for p in parts if p is not part]
        words = sum(len(p.words) for p in rest)
        covered = sum(p.aligned for p in rest)
        if not words or covered / words < MIN_REST_COVERAGE:
            continue
        findings.append(
            Finding(
                "omission",
                "major",
                f"source clause '{part.span.text[:80]}' has no counterpart in the output",
                ref_span=part.span,
                evidence={
                    "against": "source",
                    "clause_words": [alignment.src_words[i].text for i in part.words],
                    "rest_coverage": round(covered / words, 3),
                    "lexicon": alignment.lexicon,
                },
            )
        )
    return findings
