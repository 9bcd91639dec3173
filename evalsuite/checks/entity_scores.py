"""Entity-level factual consistency scores (the definitions of Nan et al. 2021).

precision-source: the share of the hypothesis's entities that the source supports (a
hallucinated name lowers it); recall-target: the share of the reference's entities that the
hypothesis keeps. Entities are counted once however often they are mentioned, and found with
the same folded, transliterating matcher as the entity checks, so "Kiev" supports "Kyiv". The
corpus metric built on these counts is :mod:`evalsuite.metrics.entity`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from evalsuite.checks.entities import comparable, entity_clusters, entity_found
from evalsuite.metrics.entity import PREC, RECALL
from evalsuite.text.nlp import ParsedSegment, ParsedText

__all__ = ["PREC", "RECALL", "entity_scores"]


def _found_share(
    entities: list[list[Any]], target: ParsedText | None, lang: str
) -> tuple[int, int]:
    """(entities found in `target`, entities); across languages a name may be transliterated."""
    if target is None:
        return 0, 0
    lenient = target.lang != lang
    found = sum(entity_found(mentions, target, lenient=lenient) for mentions in entities)
    return found, len(entities)


def entity_scores(parsed_segments: Sequence[ParsedSegment]) -> list[dict[str, Any]]:
    """Per segment: both scores (None without entities to score or a text to compare with),
    the counts behind them, and what precision was measured against."""
    rows: list[dict[str, Any]] = []
    for seg in parsed_segments:
        support = _support(seg)
        hyp_entities = entity_clusters(seg.hyp)
        supported, n_hyp = _found_share(hyp_entities, support, seg.hyp.lang)
        ref_entities = entity_clusters(seg.ref) if seg.ref is not None else []
        lenient = seg.ref is not None and seg.ref.lang != seg.hyp.lang
        kept = sum(entity_found(m, seg.hyp, lenient=lenient) for m in ref_entities)
        rows.append({
            PREC: supported / n_hyp if n_hyp else None,
            RECALL: kept / len(ref_entities) if ref_entities else None,
            "hyp_entities": n_hyp,
            "hyp_supported": supported,
            "ref_entities": len(ref_entities),
            "ref_kept": kept,
            "precision_against": _against(seg),
        })  # fmt: skip
    return rows


def _support(seg: ParsedSegment) -> ParsedText | None:
    """The source, unless its script cannot be compared with the hypothesis's names (a
    Chinese source for an English translation): then the reference."""
    if seg.src is not None and (comparable(seg.src) or seg.ref is None):
        return seg.src
    return seg.ref


def _against(seg: ParsedSegment) -> str | None:
    support = _support(seg)
    if support is None:
        return None
    return "source" if support is seg.src else "reference"
