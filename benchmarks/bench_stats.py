"""Bootstrap CI speed: 1,000 resamples over 10,000 segments, evalsuite vs sacrebleu, one run.

evalsuite resamples stored segment statistics with one (resamples x segments) matrix product;
sacrebleu's `_bootstrap_resample` gathers and sums each resample. Both draw the same resamples
(same seed), so the intervals must agree; the script checks that before printing the ratio.

    .venv/bin/python benchmarks/bench_stats.py [--segments 10000] [--resamples 1000]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from typing import TypeVar

import numpy as np
from sacrebleu.metrics import BLEU
from sacrebleu.significance import _bootstrap_resample, estimate_ci

from evalsuite.stats import bootstrap_ci, paired_test

T = TypeVar("T")
WORDS = [
    "the",
    "a",
    "police",
    "city",
    "council",
    "said",
    "that",
    "drones",
    "were",
    "launched",
    "over",
    "kyiv",
    "at",
    "night",
]


def _corpus(n: int, seed: int) -> tuple[list[str], list[str], list[str]]:
    """References and two systems' outputs (70% and 65% of words kept)."""
    rng = random.Random(seed)
    refs, hyps, other = [], [], []
    for _ in range(n):
        ref = [rng.choice(WORDS) for _ in range(rng.randint(5, 30))]
        refs.append(" ".join(ref))
        hyps.append(" ".join(w if rng.random() < 0.7 else rng.choice(WORDS) for w in ref))
        other.append(" ".join(w if rng.random() < 0.65 else rng.choice(WORDS) for w in ref))
    return refs, hyps, other


def _timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--resamples", type=int, default=1000)
    args = parser.parse_args()
    n, b = args.segments, args.resamples
    refs, hyps, other = _corpus(n, 1)
    bleu = BLEU()
    stats = bleu._extract_corpus_statistics(hyps, [refs])
    other_stats = bleu._extract_corpus_statistics(other, [refs])
    rng = np.random.default_rng(0)
    f = rng.random(n)
    rouge_stats = np.column_stack([f, f, f])

    ours, ours_s = _timed(lambda: bootstrap_ci(stats, "bleu", n_resamples=b, seed=12345))
    (_, theirs_scores), theirs_s = _timed(lambda: _bootstrap_resample(stats, bleu, b))
    theirs_mean, theirs_half = estimate_ci(np.array([s.score for s in theirs_scores]))
    agree = (
        abs(ours.mean - theirs_mean) < 1e-4
        and abs(0.5 * (ours.high - ours.low) - theirs_half) < 1e-4
    )
    rouge, rouge_s = _timed(lambda: bootstrap_ci(rouge_stats, "rougeL", n_resamples=b))
    paired, paired_s = _timed(lambda: paired_test(stats, other_stats, "bleu", n_samples=b))

    print(f"bootstrap CI, {b} resamples over {n} segments (seed 12345)")
    print(f"{'case':<28}{'evalsuite s':>12}{'sacrebleu s':>13}{'ratio':>8}  check")
    print(
        f"{'BLEU CI':<28}{ours_s:>12.3f}{theirs_s:>13.3f}{theirs_s / ours_s:>7.1f}x  "
        f"{'same interval' if agree else 'MISMATCH'}"
    )
    print(
        f"{'ROUGE-L CI':<28}{rouge_s:>12.3f}{'-':>13}{'-':>8}  "
        f"mean {rouge.mean:.4f} in [{rouge.low:.4f}, {rouge.high:.4f}]"
    )
    print(
        f"{'BLEU paired bootstrap':<28}{paired_s:>12.3f}{'-':>13}{'-':>8}  "
        f"delta {paired.delta:+.2f}, p = {paired.p_value:.4f}"
    )
    print(
        f"BLEU {ours.mean:.2f} [{ours.low:.2f}, {ours.high:.2f}]; "
        f"sacrebleu mu {theirs_mean:.2f} +- {theirs_half:.2f}"
    )
    if not agree:
        raise SystemExit("intervals differ from sacrebleu's")


if __name__ == "__main__":
    main()
