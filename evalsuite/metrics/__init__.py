"""Metrics: ROUGE (rouge-score parity on English, Unicode-aware elsewhere), sacrebleu's, and
their statistics: bootstrap intervals and paired tests from per-segment statistics."""

from evalsuite.metrics.rouge import Rouge, RougeTriple, rouge_scores
from evalsuite.metrics.sacrebleu_metrics import Bleu, Chrf, Ter
from evalsuite.stats import ConfidenceInterval, PairedResult, bootstrap_ci, paired_test

__all__ = [
    "Bleu",
    "Chrf",
    "ConfidenceInterval",
    "PairedResult",
    "Rouge",
    "RougeTriple",
    "Ter",
    "bootstrap_ci",
    "paired_test",
    "rouge_scores",
]
