"""Metrics: ROUGE (rouge-score parity on English, Unicode-aware elsewhere), sacrebleu's BLEU,
chrF and TER, entity scores, and their statistics: bootstrap intervals and paired tests from
per-segment statistics. Every metric follows one contract (`metrics.base.Metric`) and is
registered by name in `metrics.registry.METRICS`."""

from evalsuite.metrics.base import CorpusScore, Metric, MetricOutput, ScoreKind
from evalsuite.metrics.entity import EntityScores
from evalsuite.metrics.rouge import RougeTriple, rouge_scores
from evalsuite.metrics.rouge_metric import Rouge
from evalsuite.metrics.sacrebleu_metrics import Bleu, Chrf, ChrfPlusPlus, Ter
from evalsuite.metrics.signature import Signature
from evalsuite.stats import ConfidenceInterval, PairedResult, bootstrap_ci, paired_test

__all__ = [
    "Bleu",
    "Chrf",
    "ChrfPlusPlus",
    "ConfidenceInterval",
    "CorpusScore",
    "EntityScores",
    "Metric",
    "MetricOutput",
    "PairedResult",
    "Rouge",
    "RougeTriple",
    "ScoreKind",
    "Signature",
    "Ter",
    "bootstrap_ci",
    "paired_test",
    "rouge_scores",
]
