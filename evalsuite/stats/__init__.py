"""Confidence intervals and paired significance tests computed from per-segment statistics."""

from evalsuite.stats.aggregate import StatScorer, stat_scorer
from evalsuite.stats.intervals import ConfidenceInterval, bootstrap_ci
from evalsuite.stats.paired import PairedResult, paired_test

__all__ = [
    "ConfidenceInterval",
    "PairedResult",
    "StatScorer",
    "bootstrap_ci",
    "paired_test",
    "stat_scorer",
]
