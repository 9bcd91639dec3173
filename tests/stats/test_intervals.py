"""Bootstrap CIs from segment statistics agree with sacrebleu's bootstrap at the same seed."""

from __future__ import annotations

import numpy as np
import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from evalsuite.stats import bootstrap_ci, stat_scorer
from evalsuite.stats.intervals import percentile_bounds
from tests.stats.test_paired import _corpus


@pytest.mark.parametrize("metric", [BLEU(), CHRF(), CHRF(word_order=2), TER()])
def test_full_corpus_score_from_stats_equals_sacrebleu(metric) -> None:
    refs, _, system = _corpus(11)
    stats = metric._extract_corpus_statistics(system, [refs])
    name = {"BLEU": "bleu", "chrF2": "chrf", "chrF2++": "chrf++", "TER": "ter"}[
        metric.corpus_score(system, [refs]).name
    ]
    sums = np.asarray(stats, dtype=np.float64).sum(axis=0, keepdims=True)
    ours = stat_scorer(name)(sums, len(stats))[0]
    assert ours == pytest.approx(metric.corpus_score(system, [refs]).score, abs=1e-9)


@pytest.mark.parametrize("metric", [BLEU(), CHRF()])
def test_bootstrap_matches_sacrebleu_interval(metric) -> None:
    refs, _, system = _corpus(12)
    theirs = metric.corpus_score(system, [refs], n_bootstrap=1000)
    stats = metric._extract_corpus_statistics(system, [refs])
    name = "bleu" if isinstance(metric, BLEU) else "chrf"
    ci = bootstrap_ci(stats, name, n_resamples=1000, seed=12345)
    # sacrebleu scores its resamples in float32 (chrF's arithmetic then runs in float32 too).
    assert ci.mean == pytest.approx(theirs._mean, abs=1e-4)
    assert 0.5 * (ci.high - ci.low) == pytest.approx(theirs._ci, abs=1e-4)
    assert ci.low <= theirs.score <= ci.high
    assert ci.signature == "bs:1000|seed:12345|ci:95"


def test_rouge_interval_is_around_the_mean_and_reproducible() -> None:
    rng = np.random.default_rng(3)
    f = rng.random(500)
    stats = np.column_stack([f, f, f])
    ci = bootstrap_ci(stats, "rougeL", n_resamples=400, seed=1, confidence=0.9)
    assert ci.low < f.mean() < ci.high
    assert ci.mean == pytest.approx(f.mean(), abs=0.01)
    assert ci == bootstrap_ci(stats, "rougeL", n_resamples=400, seed=1, confidence=0.9)
    assert ci != bootstrap_ci(stats, "rougeL", n_resamples=400, seed=2, confidence=0.9)
    assert ci.signature == "bs:400|seed:1|ci:90"


def test_percentile_bounds_follow_sacrebleu_indices() -> None:
    scores = np.arange(1000, dtype=np.float64)
    assert percentile_bounds(scores, 0.95) == (25.0, 974.0)
    with pytest.raises(ValueError):
        percentile_bounds(scores, 1.5)


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        bootstrap_ci([], "bleu")
    with pytest.raises(ValueError, match="n_resamples"):
        bootstrap_ci([[1.0]], "rouge1", n_resamples=0)
