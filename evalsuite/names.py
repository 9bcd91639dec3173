"""The one place that validates metric and check names, from suites, the CLI and the API.

The registries (`metrics.registry`, `checks.runner`) stay the single source of names; they are
imported here on first use only, so that a command line that names no metric or check loads no
model code.
"""

from __future__ import annotations

from collections.abc import Iterable

from evalsuite.errors import UsageError

__all__ = ["known_checks", "known_metrics", "validate_checks", "validate_metrics"]


def known_metrics() -> tuple[str, ...]:
    from evalsuite.metrics.registry import METRIC_NAMES

    return tuple(METRIC_NAMES)


def known_checks() -> tuple[str, ...]:
    from evalsuite.checks.runner import available_checks

    return tuple(available_checks())


def _validated(
    names: Iterable[str], valid: tuple[str, ...], what: str, where: str, *, with_spec: bool
) -> list[str]:
    """Each name once, in the order given; a model metric keeps its spec (`comet:PATH`)."""
    out: list[str] = []
    for raw in names:
        base, sep, spec = raw.strip().partition(":") if with_spec else (raw.strip(), "", "")
        name = base.lower() if with_spec else base
        if name not in valid:
            prefix = f"{where}: " if where else ""
            raise UsageError(f"{prefix}unknown {what} '{raw.strip()}' (valid: {', '.join(valid)})")
        full = name + sep + spec
        if full not in out:
            out.append(full)
    return out


def validate_metrics(names: Iterable[str], where: str = "") -> list[str]:
    """Known metric names (lowercased; model metrics with their `:spec`), each once."""
    return _validated(names, known_metrics(), "metric", where, with_spec=True)


def validate_checks(names: Iterable[str] | None, where: str = "") -> list[str] | None:
    """Known check names, each once, in the order given; None (every check) stays None."""
    if names is None:
        return None
    return _validated(names, known_checks(), "check", where, with_spec=False)


def parse_name_list(value: str) -> list[str]:
    """A comma list from the command line: `bleu, chrf` -> ["bleu", "chrf"]."""
    return [n.strip() for n in value.split(",") if n.strip()]
