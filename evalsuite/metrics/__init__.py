"""Metrics: ROUGE (rouge-score parity on English, Unicode-aware elsewhere) and sacrebleu's."""

from evalsuite.metrics.rouge import Rouge, RougeTriple, rouge_scores
from evalsuite.metrics.sacrebleu_metrics import Bleu, Chrf, Ter

__all__ = ["Bleu", "Chrf", "Rouge", "RougeTriple", "Ter", "rouge_scores"]
