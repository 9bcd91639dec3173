"""How a score is shown in reports: its label, display scale and place in the order, all read
from its metric's contract (`ScoreKind`).

The results document keeps each score on its natural scale (ROUGE 0-1, sacrebleu 0-100); every
renderer shows it in points (ROUGE x100) so that columns compare. Scores no registered metric
reports (a newer evalsuite's, say) keep their own scale and come after the known ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from evalsuite.metrics.registry import known_scores, score_kind


def metric_label(name: str) -> str:
    kind = score_kind(name)
    return kind.label if kind else name


def metric_scale(name: str) -> float:
    kind = score_kind(name)
    return kind.scale if kind else 1.0


def axis_floor(name: str) -> float:
    """Charts of known scores span at least 0-100 points; others at least 0-1."""
    return 100.0 if score_kind(name) else 1.0


def ordered_metrics(names: Iterable[str]) -> list[str]:
    """Known scores in the registry's order, then the rest in first-seen order."""
    order = {kind.name: i for i, kind in enumerate(known_scores())}
    unique = list(dict.fromkeys(names))
    return sorted(unique, key=lambda n: (order.get(n, len(order)), unique.index(n)))


def format_value(name: str, value: float | None) -> str:
    """One decimal in points for known scores, three significant digits otherwise."""
    if value is None:
        return "-"
    kind = score_kind(name)
    if kind is not None:
        return f"{value * kind.scale:.1f}"
    return f"{value:.3g}"


def scaled_families(names: Iterable[str]) -> list[tuple[str, float]]:
    """(family, scale) of the shown scores whose points are not their stored values, in the
    registry's order: [("ROUGE", 100.0)]."""
    kinds = [kind for kind in map(score_kind, ordered_metrics(names)) if kind is not None]
    return list(dict.fromkeys((kind.family, kind.scale) for kind in kinds if kind.scale != 1))


def _by_scale(names: Iterable[str]) -> dict[float, list[str]]:
    groups: dict[float, list[str]] = {}
    for family, scale in scaled_families(names):
        groups.setdefault(scale, []).append(family)
    return groups


def scale_note(names: Iterable[str], times: str = "x") -> str:
    """"ROUGE x100", "ROUGE, entity x100", or "" when every score is shown as stored."""
    groups = _by_scale(names)
    return "; ".join(f"{', '.join(fams)} {times}{scale:g}" for scale, fams in groups.items())


def scale_sentence(names: Iterable[str]) -> str:
    """"ROUGE is shown x100. ", "ROUGE, COMET and entity are shown x100. ", or ""."""
    return "".join(
        f"{_and(fams)} {'is' if len(fams) == 1 else 'are'} shown x{scale:g}. "
        for scale, fams in _by_scale(names).items()
    )


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
