"""Attach seeded bootstrap intervals to a metric's corpus scores, from its segment statistics."""

from __future__ import annotations

import dataclasses

from evalsuite.metrics.base import MetricOutput
from evalsuite.stats.aggregate import stat_scorer
from evalsuite.stats.intervals import bootstrap_ci

_CI_SUFFIX_KEYS = ("bs", "seed", "ci")


def with_intervals(
    output: MetricOutput, *, n_resamples: int, seed: int | None, confidence: float
) -> MetricOutput:
    """The same output, each corpus score with ci_low/ci_high/ci_mean and the settings signed."""
    if n_resamples <= 0 or not output.segment_stats:
        return output
    scores = []
    for score in output.scores:
        if not _resamplable(score.name, output):
            scores.append(score)
            continue
        stats = [seg[score.name] for seg in output.segment_stats]
        ci = bootstrap_ci(
            stats, score.name, n_resamples=n_resamples, seed=seed, confidence=confidence
        )
        scores.append(
            dataclasses.replace(
                score,
                signature=f"{score.signature}|{ci.signature}",
                ci_low=ci.low,
                ci_high=ci.high,
                ci_mean=ci.mean,
            )
        )
    return dataclasses.replace(output, scores=scores)


def _resamplable(name: str, output: MetricOutput) -> bool:
    try:
        stat_scorer(name)
    except KeyError:
        return False
    return all(name in seg for seg in output.segment_stats)


def metric_signature(signature: str) -> str:
    """A signature without its interval settings: what must match for two scores to compare."""
    parts = signature.split("|")
    while parts and parts[-1].split(":", 1)[0] in _CI_SUFFIX_KEYS:
        parts.pop()
    return "|".join(parts)
