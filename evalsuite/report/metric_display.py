"""How a metric is shown in reports: its label, its display scale and its place in the order.

The results document keeps each metric on its natural scale (ROUGE 0-1, sacrebleu 0-100); every
renderer shows ROUGE x100 so that columns compare. Metrics the summary table does not know keep
their own scale and come after the known ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from evalsuite.report.summary_table import METRIC_COLUMNS

_KNOWN = {name: (label, scale) for name, label, scale in METRIC_COLUMNS}
_ORDER = {name: i for i, (name, _, _) in enumerate(METRIC_COLUMNS)}


def metric_label(name: str) -> str:
    return _KNOWN[name][0] if name in _KNOWN else name


def metric_scale(name: str) -> float:
    return _KNOWN[name][1] if name in _KNOWN else 1.0


def axis_floor(name: str) -> float:
    """Charts of known metrics span at least 0-100; others at least 0-1."""
    return 100.0 if name in _KNOWN else 1.0


def ordered_metrics(names: Iterable[str]) -> list[str]:
    """Known metrics in the summary table's order, then the rest in first-seen order."""
    unique = list(dict.fromkeys(names))
    return sorted(unique, key=lambda n: (_ORDER.get(n, len(_ORDER)), unique.index(n)))


def format_value(name: str, value: float | None) -> str:
    """One decimal on the display scale for known metrics, three significant digits otherwise."""
    if value is None:
        return "-"
    if name in _KNOWN:
        return f"{value * metric_scale(name):.1f}"
    return f"{value:.3g}"
