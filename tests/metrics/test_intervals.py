"""Intervals attach to corpus scores that segment statistics can rebuild, and only to those."""

from __future__ import annotations

from evalsuite.metrics.base import CorpusScore, MetricOutput
from evalsuite.metrics.intervals import metric_signature, with_intervals
from evalsuite.metrics.sacrebleu_metrics import Bleu


def test_bleu_gets_an_interval_and_signed_settings() -> None:
    out = Bleu().compute(["a b c d", "e f g h"], [["a b c d"], ["e f x h"]], ["en", "en"])
    signed = with_intervals(out, n_resamples=50, seed=3, confidence=0.9)
    score = signed.scores[0]
    assert score.signature == out.scores[0].signature + "|bs:50|seed:3|ci:90"
    assert score.ci_low is not None and score.ci_high is not None
    assert score.ci_low <= score.ci_high
    assert metric_signature(score.signature) == out.scores[0].signature
    assert with_intervals(out, n_resamples=0, seed=3, confidence=0.9) == out


def test_scores_without_statistics_are_left_alone() -> None:
    out = MetricOutput([CorpusScore("entity", 1.0, "entity|v1")], [{"entity": 1.0}], [{}])
    assert with_intervals(out, n_resamples=50, seed=1, confidence=0.95) == out
