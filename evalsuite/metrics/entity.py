"""Entity precision-source and recall-target (Nan et al. 2021) on the metric contract.

Each segment contributes its entity counts (`checks.entity_scores`): [supported, entities] of
the hypothesis for precision, [kept, entities] of the reference for recall. The corpus score is
the ratio of the summed counts (micro-averaged over entities, 1.0 when there is nothing to
score), so intervals and paired tests resample counts like BLEU's. spaCy loads only when a
segment is scored: importing this module stays cheap.
"""

from __future__ import annotations

from evalsuite import __version__
from evalsuite.metrics.base import (
    CorpusProfile,
    CorpusStats,
    Metric,
    ScoreKind,
    SegmentBatch,
    SegmentPart,
    stats_matrix,
)
from evalsuite.metrics.signature import Signature
from evalsuite.stats.aggregate import RatioOfSums
from evalsuite.stats.row_checks import hits_row

PREC = "entity_prec_source"
RECALL = "entity_recall_target"
_COUNTS = {PREC: ("hyp_supported", "hyp_entities"), RECALL: ("ref_kept", "ref_entities")}


class EntityScores(Metric):
    """Corpus entity precision-source and recall-target, micro-averaged over entities (0-1).

    Precision is measured against each segment's source where it has a comparable one (see
    `checks.entity_scores`), else against its reference; the signature says which
    (`prec:source`, `prec:reference` or `prec:mixed`) and names the NER model of every
    language parsed.
    """

    name = "entity"
    SCORES = (
        ScoreKind(PREC, "Ent-P", "entity", 2, RatioOfSums(), scale=100.0, nonnegative=True,
                  row_check=hits_row),
        ScoreKind(RECALL, "Ent-R", "entity", 2, RatioOfSums(), scale=100.0, nonnegative=True,
                  row_check=hits_row),
    )

    def segment_statistics(self, batch: SegmentBatch, profile: CorpusProfile) -> SegmentPart:
        from evalsuite.checks.api import CheckInput
        from evalsuite.checks.entity_scores import entity_scores
        from evalsuite.checks.runner import parse_segments  # the runner imports the checks

        inputs = [
            CheckInput(hyp, refs[0] if refs else None, src, lang, src_lang, task=batch.task)
            for hyp, refs, src, lang, src_lang in zip(
                batch.hypotheses, batch.references, batch.sources, batch.langs, batch.src_langs,
                strict=True,
            )
        ]
        parsed = parse_segments(inputs)
        rows = entity_scores(parsed)
        scores = [
            {key: float(row[key]) for key in (PREC, RECALL) if row[key] is not None}
            for row in rows
        ]
        stats = {
            key: stats_matrix([[row[hits], row[total]] for row in rows], 2)
            for key, (hits, total) in _COUNTS.items()
        }
        seen = {t.lang for s in parsed for t in (s.hyp, s.ref, s.src) if t is not None}
        against = {
            f"against_{basis}": sum(row["precision_against"] == basis for row in rows)
            for basis in ("source", "reference")
        }
        return SegmentPart(scores, stats, counts=against, seen={"langs": seen})

    def signature(self, kind: ScoreKind, corpus: CorpusStats) -> Signature:
        """Every setting that changes the scores: NER per language, matcher, support text."""
        langs = corpus.seen.get("langs", ())
        ner = ",".join(f"{lang}={_ner_name(lang)}" for lang in langs) or "none"
        against = precision_basis(
            corpus.counts.get("against_source", 0), corpus.counts.get("against_reference", 0)
        )
        fields = (
            ("ner", ner), ("match", "fold+translit+alias"), ("prec", against),
            ("version", __version__),
        )
        return Signature.of(fields, name="entity")


def precision_basis(against_source: int, against_reference: int) -> str:
    """What corpus precision was measured against, from how many segments used each text:
    "source", "reference", or "mixed" (some sources could not be compared or were absent)."""
    if against_source and against_reference:
        return "mixed"
    return "source" if against_source else "reference"


def _ner_name(lang: str) -> str:
    from evalsuite.text.nlp import load_pipeline

    nlp = load_pipeline(lang)
    if nlp is None:
        return "rules"
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
