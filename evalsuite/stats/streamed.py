"""Bootstrap intervals that draw their resamples a row at a time, equal to `bootstrap_ci`.

`bootstrap_ci` draws the whole (resamples x segments) index matrix at once: 8 kB of indices
per segment at 1,000 resamples, 800 MB for 100,000 segments, in the process that aggregates a
run. Here each resample's indices are drawn on their own, from the same generator in the same
order (numpy's bounded-integer draws keep no buffer between calls, so drawing row by row yields
the very same indices), and turned into counts straight away. The count blocks and the
products with the statistics have the shapes `resampled_sums` uses, so every resampled sum,
and therefore every interval, is bit-identical to `bootstrap_ci`'s.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from evalsuite.stats.aggregate import StatScorer, stat_scorer
from evalsuite.stats.intervals import (
    DEFAULT_CONFIDENCE,
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    ConfidenceInterval,
    as_stats_matrix,
    percentile_bounds,
)

BLOCK = 100  # resamples per product: `resampled_sums`'s chunk, so the products match


def streamed_resampled_sums(
    stats: NDArray[np.float64], n_resamples: int, seed: int | None
) -> NDArray[np.float64]:
    """Each resample's column sums; memory per block: BLOCK x segments counts."""
    n_segments = stats.shape[0]
    rng = np.random.default_rng(seed)
    out = np.empty((n_resamples, stats.shape[1]), dtype=np.float64)
    for start in range(0, n_resamples, BLOCK):
        rows = min(BLOCK, n_resamples - start)
        counts = np.empty((rows, n_segments), dtype=np.float64)
        for row in range(rows):
            drawn = rng.choice(n_segments, size=(1, n_segments), replace=True)
            counts[row] = np.bincount(drawn[0], minlength=n_segments)
        out[start : start + rows] = counts @ stats
    return out


def streamed_bootstrap_ci(
    stats: NDArray[np.float64],
    metric: str | StatScorer,
    *,
    n_resamples: int = DEFAULT_RESAMPLES,
    seed: int | None = DEFAULT_SEED,
    confidence: float = DEFAULT_CONFIDENCE,
) -> ConfidenceInterval:
    """The interval `bootstrap_ci` computes, without its full index matrix."""
    if n_resamples < 1:
        raise ValueError(f"n_resamples must be at least 1, got {n_resamples}")
    matrix = as_stats_matrix(stats)
    scorer = stat_scorer(metric) if isinstance(metric, str) else metric
    sums = streamed_resampled_sums(matrix, n_resamples, seed)
    scores = np.asarray(scorer(sums, matrix.shape[0]), dtype=np.float64)
    low, high = percentile_bounds(scores, confidence)
    return ConfidenceInterval(float(scores.mean()), low, high, n_resamples, seed, confidence)
