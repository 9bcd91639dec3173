"""Entity-level factual consistency scores (the definitions of Nan et al. 2021).

precision-source: the share of the hypothesis's entities that the source supports (a
hallucinated name lowers it); recall-target: the share of the reference's entities that the
hypothesis keeps. Entities are counted once however often they are mentioned, and found with
the same folded, transliterating matcher as the entity checks, so "Kiev" supports "Kyiv".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from evalsuite import __version__
from evalsuite.checks.api import CheckInput
from evalsuite.checks.entities import comparable, entity_clusters, entity_found
from evalsuite.metrics.base import CorpusScore, MetricOutput
from evalsuite.text.nlp import ParsedSegment, ParsedText, load_pipeline

__all__ = ["EntityScores", "entity_scores", "precision_basis"]

PREC = "entity_prec_source"
RECALL = "entity_recall_target"


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


class EntityScores:
    """Corpus entity precision-source and recall-target, micro-averaged over entities (0-1).

    Precision is measured against the sources when `compute` gets them, else against the
    references; the signature says which, and names the NER models used."""

    name = "entity"
    higher_is_better = True

    def compute(
        self,
        hypotheses: Sequence[str],
        references: Sequence[Sequence[str]],
        langs: Sequence[str | None],
        sources: Sequence[str | None] | None = None,
        src_langs: Sequence[str | None] | None = None,
    ) -> MetricOutput:
        """Score every segment, then pool the entity counts over the corpus."""
        from evalsuite.checks.runner import parse_segments  # the runner imports the checks

        n = len(hypotheses)
        if not len(references) == len(langs) == n or (sources is not None and len(sources) != n):
            raise ValueError("entity: need one reference list, language (and source) per segment")
        inputs = [
            CheckInput(
                hyp,
                refs[0] if refs else None,
                sources[i] if sources is not None else None,
                langs[i],
                src_langs[i] if src_langs is not None else None,
            )
            for i, (hyp, refs) in enumerate(zip(hypotheses, references, strict=True))
        ]
        parsed = parse_segments(inputs)
        rows = entity_scores(parsed)
        against = precision_basis(
            sum(row["precision_against"] == "source" for row in rows),
            sum(row["precision_against"] == "reference" for row in rows),
        )
        signature = self.signature(parsed, against)
        scores = [
            CorpusScore(PREC, _pooled(rows, "hyp_supported", "hyp_entities"), signature),
            CorpusScore(RECALL, _pooled(rows, "ref_kept", "ref_entities"), signature),
        ]
        segments = [
            {key: float(row[key]) for key in (PREC, RECALL) if row[key] is not None} for row in rows
        ]
        return MetricOutput(scores, segments)

    @staticmethod
    def signature(parsed: Sequence[ParsedSegment], against: str) -> str:
        """Every setting that changes the scores: NER per language, matcher, support text."""
        langs = sorted({t.lang for s in parsed for t in (s.hyp, s.ref, s.src) if t is not None})
        ner = ",".join(f"{lang}={_ner_name(lang)}" for lang in langs) or "none"
        return f"entity|ner:{ner}|match:fold+translit+alias|prec:{against}|version:{__version__}"


def precision_basis(against_source: int, against_reference: int) -> str:
    """What corpus precision was measured against, from how many segments used each text:
    "source", "reference", or "mixed" (some sources could not be compared or were absent)."""
    if against_source and against_reference:
        return "mixed"
    return "source" if against_source else "reference"


def _ner_name(lang: str) -> str:
    nlp = load_pipeline(lang)
    if nlp is None:
        return "rules"
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def _pooled(rows: list[dict[str, Any]], hits: str, total: str) -> float:
    """Micro average; 1.0 when there is nothing to score (no entity can be wrong)."""
    denominator = sum(row[total] for row in rows)
    return sum(row[hits] for row in rows) / denominator if denominator else 1.0
