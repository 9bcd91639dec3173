"""Paired significance tests between two systems on the same segments.

Both follow sacrebleu's `significance` module (same draws at the same seed, same test statistic,
same p-value), so p-values agree with `sacrebleu --paired-bs` / `--paired-ar` for BLEU and chrF,
but work from stored segment statistics: no hypothesis or reference text is needed. One deliberate
difference: two systems with the same corpus score get p = 1 (sacrebleu reports 1/(n+1)).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from evalsuite.stats.aggregate import StatScorer, stat_scorer
from evalsuite.stats.intervals import DEFAULT_SEED, as_stats_matrix
from evalsuite.stats.resample import bootstrap_indices, randomization_masks, resampled_sums

TestName = Literal["bootstrap", "ar"]
DEFAULT_SAMPLES: dict[str, int] = {"bootstrap": 1000, "ar": 10000}
_AR_CHUNK = 1000  # trials per matrix product: bounds memory at 10,000 x n_segments


@dataclass(frozen=True)
class PairedResult:
    """System minus baseline on the full corpus, and the two-sided p-value of that difference."""

    baseline: float
    system: float
    p_value: float
    test: str
    n_samples: int
    seed: int | None

    @property
    def delta(self) -> float:
        return self.system - self.baseline

    def significant(self, alpha: float = 0.05) -> bool:
        return self.p_value < alpha


def _p_value(statistics: NDArray[np.float64], observed: float) -> float:
    """(count of trials beating the observed difference + 1) / (trials + 1), as multeval does."""
    beats = int(np.sum(statistics > observed))
    return (beats + 1) / (len(statistics) + 1)


def _full_score(stats: NDArray[np.float64], scorer: StatScorer) -> float:
    return float(scorer(stats.sum(axis=0, keepdims=True), stats.shape[0])[0])


def _bootstrap_p(
    base: NDArray[np.float64], sys: NDArray[np.float64], scorer: StatScorer,
    n_samples: int, seed: int | None, observed: float,
) -> float:
    n, width = base.shape
    sums = resampled_sums(bootstrap_indices(n, n_samples, seed), np.hstack([base, sys]))
    diffs = np.abs(scorer(sums[:, width:], n) - scorer(sums[:, :width], n))
    return _p_value(diffs - diffs.mean(), observed)


def _randomization_p(
    base: NDArray[np.float64], sys: NDArray[np.float64], scorer: StatScorer,
    n_samples: int, seed: int | None, observed: float,
) -> float:
    masks = randomization_masks(base.shape[0], n_samples, seed)
    n = base.shape[0]
    diffs = np.empty(n_samples)
    for start in range(0, n_samples, _AR_CHUNK):
        swap = masks[start : start + _AR_CHUNK].astype(np.float64)
        keep = 1.0 - swap
        a = scorer(swap @ base + keep @ sys, n)
        b = scorer(keep @ base + swap @ sys, n)
        diffs[start : start + len(swap)] = np.abs(a - b)
    return _p_value(diffs, observed)


def paired_test(
    baseline_stats: ArrayLike | Sequence[Sequence[float]],
    system_stats: ArrayLike | Sequence[Sequence[float]],
    metric: str | StatScorer,
    *,
    test: TestName = "bootstrap",
    n_samples: int | None = None,
    seed: int | None = DEFAULT_SEED,
) -> PairedResult:
    """Is the system different from the baseline? Paired bootstrap or approximate randomization.

    Rows of the two statistics matrices must be the same segments in the same order.
    `n_samples` defaults to 1,000 resamples (bootstrap) or 10,000 trials (ar), as in sacrebleu.
    """
    if test not in DEFAULT_SAMPLES:
        raise ValueError(f"unknown test '{test}' (valid: bootstrap, ar)")
    base, sys = as_stats_matrix(baseline_stats), as_stats_matrix(system_stats)
    if base.shape != sys.shape:
        raise ValueError(f"statistics differ in shape: {base.shape} vs {sys.shape}")
    samples = n_samples or DEFAULT_SAMPLES[test]
    scorer = stat_scorer(metric) if isinstance(metric, str) else metric
    base_score, sys_score = _full_score(base, scorer), _full_score(sys, scorer)
    observed = abs(base_score - sys_score)
    if observed == 0:
        # No difference is no evidence: sacrebleu's formula would give 1/(n+1) here.
        p_value = 1.0
    else:
        run = _bootstrap_p if test == "bootstrap" else _randomization_p
        p_value = run(base, sys, scorer, samples, seed, observed)
    return PairedResult(base_score, sys_score, p_value, test, samples, seed)
