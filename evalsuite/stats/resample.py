"""Resampling plans as matrices, so a whole bootstrap is one matrix product.

Row b of a plan weights each segment in resample b; `plan @ stats` then gives every resample's
summed statistics at once, instead of re-running the metric per resample. The draws come from
``numpy.random.default_rng(seed)`` in the order sacrebleu draws them, so a test here sees the very
resamples sacrebleu's test sees at the same seed.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def bootstrap_indices(n_segments: int, n_resamples: int, seed: int | None) -> NDArray[np.int64]:
    """Segment indices of each resample, drawn with replacement (sacrebleu's draw)."""
    rng = np.random.default_rng(seed)
    return rng.choice(n_segments, size=(n_resamples, n_segments), replace=True)


def resampled_sums(
    indices: NDArray[np.int64], stats: NDArray[np.float64], chunk: int = 100
) -> NDArray[np.float64]:
    """Each resample's column sums of `stats`: count matrix times stats, a block of rows at once.

    Blocks keep the count matrix small (fresh memory is slow to touch) while each product stays
    large enough for BLAS; integer statistics sum exactly in float64.
    """
    n_resamples, n_segments = indices.shape
    out = np.empty((n_resamples, stats.shape[1]), dtype=np.float64)
    offsets = np.arange(chunk, dtype=np.int64)[:, None] * n_segments
    for start in range(0, n_resamples, chunk):
        block = indices[start : start + chunk]
        rows = block.shape[0]
        flat = np.bincount((block + offsets[:rows]).ravel(), minlength=rows * n_segments)
        counts = flat.reshape(rows, n_segments).astype(np.float64)
        out[start : start + rows] = counts @ stats
    return out


def randomization_masks(n_segments: int, n_trials: int, seed: int | None) -> NDArray[np.bool_]:
    """Approximate randomization: True where a trial swaps the two systems' outputs of a segment.

    Drawn in one call, as sacrebleu does: numpy's bit buffer makes chunked draws differ.
    """
    rng = np.random.default_rng(seed)
    return rng.integers(2, size=(n_trials, n_segments), dtype=bool)
