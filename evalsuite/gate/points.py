"""Policy thresholds are in points, the unit the tables print, so one rule reads the same for
every metric: BLEU, chrF and TER are already 0-100; ROUGE and the entity scores are stored 0-1
and count x100 (a drop of 1.00 on ROUGE-L is 0.01 in results.json). Each metric's contract
gives its scale (`ScoreKind.scale`)."""

from __future__ import annotations

from evalsuite.report.metric_display import metric_scale


def point_scale(metric: str) -> float:
    """Multiplier from the stored value to points."""
    return metric_scale(metric)


def to_points(metric: str, value: float) -> float:
    return value * point_scale(metric)


def format_p(p_value: float) -> str:
    """Three decimals, or scientific notation below 0.001 so a tiny p never prints as 0.000."""
    return f"{p_value:.3f}" if p_value >= 0.001 else f"{p_value:.1e}"
