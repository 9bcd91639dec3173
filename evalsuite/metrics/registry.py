"""Metric names used in suites and on the command line."""

from __future__ import annotations

from typing import cast

from evalsuite.errors import UsageError
from evalsuite.metrics.base import Metric
from evalsuite.metrics.model_spec import MODEL_METRICS, is_model_metric, model_metric
from evalsuite.metrics.rouge import Rouge
from evalsuite.metrics.sacrebleu_metrics import Bleu, Chrf, Ter

METRIC_NAMES = ("rouge", "bleu", "chrf", "chrf++", "ter", "entity", *MODEL_METRICS)


def metric_from_name(name: str, *, rouge_stemmer: bool = False) -> Metric:
    """Build a metric by name; unknown names list the valid ones."""
    key = name.strip().lower()
    if is_model_metric(key):  # "bertscore:PATH", "comet:model=PATH;batch_size=8"...
        return cast(Metric, model_metric(name.strip()))
    if key == "rouge":
        return Rouge(use_stemmer=rouge_stemmer)
    if key == "bleu":
        return Bleu()
    if key == "chrf":
        return Chrf()
    if key == "chrf++":
        return Chrf(word_order=2)
    if key == "ter":
        return Ter()
    if key == "entity":
        from evalsuite.checks.entity_scores import EntityScores  # loads spaCy: only on demand

        return EntityScores()
    raise UsageError(f"unknown metric '{name}' (valid: {', '.join(METRIC_NAMES)})")
