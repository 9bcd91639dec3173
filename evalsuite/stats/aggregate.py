"""Corpus scores from summed segment statistics, vectorized over many resamples.

Each scorer takes a (resamples x stats) matrix of column sums and the number of segments, and
returns one score per row. The arithmetic follows sacrebleu's `_compute_score_from_stats`
operation by operation, so a row equal to the corpus sums gives the corpus score.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

_LOG_FLOOR = -9999999999.0  # sacrebleu's my_log(0)


class StatScorer(Protocol):
    """Turns summed segment statistics into corpus scores."""

    def __call__(self, sums: FloatArray, n_segments: int) -> FloatArray: ...


@dataclass(frozen=True)
class BleuFromStats:
    """BLEU with 'exp' smoothing and no effective order (sacrebleu's corpus BLEU).

    Stats per segment: [hyp_len, ref_len, correct_1..N, total_1..N].
    """

    max_order: int = 4

    def __call__(self, sums: FloatArray, n_segments: int) -> FloatArray:
        sums = np.atleast_2d(np.asarray(sums, dtype=np.float64))
        n = self.max_order
        sys_len, ref_len = sums[:, 0], sums[:, 1]
        correct, total = sums[:, 2 : 2 + n], sums[:, 2 + n : 2 + 2 * n]
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            bp = np.where(
                sys_len < ref_len,
                np.where(sys_len > 0, np.exp(1 - ref_len / sys_len), 0.0),
                1.0,
            )
            zero = correct == 0
            smooth = np.cumsum(zero, axis=1)  # 'exp' smoothing halves once more per empty order
            precision = np.where(
                zero, 100.0 / (np.ldexp(1.0, smooth) * total), 100.0 * correct / total
            )
            # An order with no n-grams stops the loop: it and the orders above it get log(0).
            reached = np.cumprod(total > 0, axis=1).astype(bool)
            logs = np.where(reached & (precision > 0), np.log(precision), _LOG_FLOOR)
        log_sum = logs[:, 0].copy()
        for order in range(1, n):  # left to right, as Python's sum() adds them
            log_sum += logs[:, order]
        score = bp * np.exp(log_sum / n)
        return np.where(correct.any(axis=1), score, 0.0)


@dataclass(frozen=True)
class ChrfFromStats:
    """chrF / chrF++ (beta 2, no eps smoothing). Stats: [hyp, ref, match] per n-gram order."""

    beta: float = 2.0

    def __call__(self, sums: FloatArray, n_segments: int) -> FloatArray:
        sums = np.atleast_2d(np.asarray(sums, dtype=np.float64))
        eps = 1e-16
        factor = self.beta**2
        rows = sums.shape[0]
        avg_prec, avg_rec = np.zeros(rows), np.zeros(rows)
        effective = np.zeros(rows)
        with np.errstate(divide="ignore", invalid="ignore"):
            for i in range(sums.shape[1] // 3):
                hyp, ref, match = sums[:, 3 * i], sums[:, 3 * i + 1], sums[:, 3 * i + 2]
                prec = np.where(hyp > 0, match / hyp, eps)
                rec = np.where(ref > 0, match / ref, eps)
                both = (hyp > 0) & (ref > 0)
                avg_prec = np.where(both, avg_prec + prec, avg_prec)
                avg_rec = np.where(both, avg_rec + rec, avg_rec)
                effective += both
            safe = np.where(effective > 0, effective, 1.0)
            avg_prec = np.where(effective > 0, avg_prec / safe, 0.0)
            avg_rec = np.where(effective > 0, avg_rec / safe, 0.0)
            score = (1 + factor) * avg_prec * avg_rec
            score = score / ((factor * avg_prec) + avg_rec)
        return np.where(avg_prec + avg_rec != 0, 100 * score, 0.0)


@dataclass(frozen=True)
class TerFromStats:
    """TER x 100. Stats per segment: [edits, ref_length]."""

    def __call__(self, sums: FloatArray, n_segments: int) -> FloatArray:
        sums = np.atleast_2d(np.asarray(sums, dtype=np.float64))
        edits, ref_len = sums[:, 0], sums[:, 1]
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(ref_len > 0, edits / ref_len, np.where(edits > 0, 1.0, 0.0))
        return 100 * ratio


@dataclass(frozen=True)
class MeanOfColumn:
    """Mean of one per-segment value (ROUGE: the F-measure, column 2 of [P, R, F])."""

    column: int = 2

    def __call__(self, sums: FloatArray, n_segments: int) -> FloatArray:
        sums = np.atleast_2d(np.asarray(sums, dtype=np.float64))
        return sums[:, self.column] / n_segments


@dataclass(frozen=True)
class RatioOfSums:
    """Summed hits over summed totals, 1.0 where the total is 0 (entity scores: nothing to
    score, so no entity can be wrong). Stats per segment: [hits, total]."""

    def __call__(self, sums: FloatArray, n_segments: int) -> FloatArray:
        sums = np.atleast_2d(np.asarray(sums, dtype=np.float64))
        hits, total = sums[:, 0], sums[:, 1]
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(total > 0, hits / total, 1.0)


def stat_scorer(name: str) -> StatScorer:
    """The scorer of a score name as it appears in results ("bleu", "chrf++", "rougeL"...):
    the `from_stats` of its metric's score kind. KeyError for a name no metric reports."""
    from evalsuite.metrics.registry import score_kind  # the metrics import this module

    kind = score_kind(name)
    if kind is None:
        raise KeyError(f"no statistics-based scorer for '{name}'")
    return kind.from_stats
