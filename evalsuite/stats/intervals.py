"""Seeded bootstrap confidence intervals from per-segment statistics."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from evalsuite.stats.aggregate import StatScorer, stat_scorer
from evalsuite.stats.resample import bootstrap_indices, resampled_sums

DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 12345  # sacrebleu's default, so both tools draw the same resamples
DEFAULT_CONFIDENCE = 0.95


@dataclass(frozen=True)
class ConfidenceInterval:
    """Bootstrap estimate: the mean of the resampled scores and a percentile interval."""

    mean: float
    low: float
    high: float
    n_resamples: int
    seed: int | None
    confidence: float

    @property
    def signature(self) -> str:
        """The settings that change the interval, in signature form: `bs:1000|seed:12345|ci:95`."""
        return ci_signature(self.n_resamples, self.seed, self.confidence)


def ci_signature(n_resamples: int, seed: int | None, confidence: float) -> str:
    seed_text = "none" if seed is None else str(seed)
    return f"bs:{n_resamples}|seed:{seed_text}|ci:{confidence * 100:g}"


def as_stats_matrix(stats: ArrayLike | Sequence[Sequence[float]]) -> NDArray[np.float64]:
    """Per-segment statistics as a (segments x stats) float matrix; a flat list is one column."""
    matrix = np.asarray(stats, dtype=np.float64)
    if matrix.ndim == 1:
        matrix = matrix[:, None]
    if matrix.ndim != 2 or matrix.shape[0] == 0:
        raise ValueError("need a non-empty (segments x statistics) matrix")
    return matrix


def percentile_bounds(scores: NDArray[np.float64], confidence: float) -> tuple[float, float]:
    """Order statistics as sacrebleu picks them (n//40 from each end at 95%), any level."""
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1), got {confidence}")
    ordered = np.sort(scores)
    n = len(ordered)
    lower = min(int(math.floor(n * (1 - confidence) / 2 + 1e-9)), n - 1)
    return float(ordered[lower]), float(ordered[n - lower - 1])


def resampled_scores(
    stats: NDArray[np.float64], scorer: StatScorer, indices: NDArray[np.int64]
) -> NDArray[np.float64]:
    """Every resample's score: count matrix times statistics, then the scorer row-wise."""
    sums = resampled_sums(indices, stats)
    return np.asarray(scorer(sums, stats.shape[0]), dtype=np.float64)


def bootstrap_ci(
    stats: ArrayLike | Sequence[Sequence[float]],
    metric: str | StatScorer,
    *,
    n_resamples: int = DEFAULT_RESAMPLES,
    seed: int | None = DEFAULT_SEED,
    confidence: float = DEFAULT_CONFIDENCE,
) -> ConfidenceInterval:
    """Confidence interval of a corpus metric by resampling its segment statistics.

    `metric` is a score name ("bleu", "chrf", "ter", "rouge1"...) or a :class:`StatScorer`.
    """
    if n_resamples < 1:
        raise ValueError(f"n_resamples must be at least 1, got {n_resamples}")
    matrix = as_stats_matrix(stats)
    scorer = stat_scorer(metric) if isinstance(metric, str) else metric
    indices = bootstrap_indices(matrix.shape[0], n_resamples, seed)
    scores = resampled_scores(matrix, scorer, indices)
    low, high = percentile_bounds(scores, confidence)
    return ConfidenceInterval(float(scores.mean()), low, high, n_resamples, seed, confidence)
