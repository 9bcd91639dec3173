"""Naming a model metric in a suite or on the command line, with its options.

`bertscore:PATH` names the model; `bertscore:model=PATH;layer=9;idf=true` sets options too
(`;` between them, since `,` separates metrics on the command line). Suites may give a table
instead (`{name = "bertscore", model = "...", layer = 9}`), turned into the same string.
Options every model metric takes: model, revision, device, dtype, batch_size, cache.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from evalsuite.errors import UsageError

MODEL_METRICS = ("bertscore", "comet", "comet-qe", "nli")
COMMON_OPTIONS = ("model", "revision", "device", "dtype", "batch_size", "cache")
OWN_OPTIONS = {
    "bertscore": ("layer", "idf", "rescale", "baseline", "lang"),
    "comet": (),
    "comet-qe": (),
    "nli": ("chunk_words", "score", "threshold"),
}
_INTS = ("layer", "batch_size", "chunk_words")
_BOOLS = ("idf", "rescale", "cache")
_FLOATS = ("threshold",)


@dataclass(frozen=True)
class ModelMetricSpec:
    name: str
    options: dict[str, Any]

    def text(self) -> str:
        return spec_text(self.name, self.options)


def is_model_metric(spec: str) -> bool:
    return spec.split(":", 1)[0].strip().lower() in MODEL_METRICS


def spec_text(name: str, options: dict[str, Any]) -> str:
    body = ";".join(f"{k}={_plain(v)}" for k, v in options.items())
    return f"{name}:{body}" if body else name


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_spec(spec: str) -> ModelMetricSpec:
    """Name and typed options; unknown or badly typed options are usage errors."""
    name, _, rest = spec.partition(":")
    name = name.strip().lower()
    if name not in MODEL_METRICS:
        raise UsageError(f"unknown model metric '{name}' (valid: {', '.join(MODEL_METRICS)})")
    raw: dict[str, str] = {}
    if rest and "=" not in rest:
        raw["model"] = rest
    elif rest:
        for part in rest.split(";"):
            key, eq, value = part.partition("=")
            if not eq:
                raise UsageError(f"{name}: option '{part}' is not key=value")
            raw[key.strip()] = value.strip()
    valid = (*COMMON_OPTIONS, *OWN_OPTIONS[name])
    options: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in valid:
            raise UsageError(f"{name}: unknown option '{key}' (valid: {', '.join(valid)})")
        options[key] = _typed(name, key, value)
    if not options.get("model"):
        raise UsageError(
            f"{name}: needs a model (a local directory or a hub id): '{name}:PATH' or "
            f"'{name}:model=PATH;...'"
        )
    return ModelMetricSpec(name, options)


def _typed(name: str, key: str, value: str) -> Any:
    try:
        if key in _INTS:
            return int(value)
        if key in _FLOATS:
            return float(value)
    except ValueError:
        raise UsageError(f"{name}: option '{key}' must be a number, got '{value}'") from None
    if key in _BOOLS:
        if value.lower() not in ("true", "false", "yes", "no", "1", "0"):
            raise UsageError(f"{name}: option '{key}' must be true or false, got '{value}'")
        return value.lower() in ("true", "yes", "1")
    return value


def build_model_metric(spec: str) -> Any:
    """The metric object a spec names (models are found and loaded later, on first use)."""
    from evalsuite.models.options import ModelOptions

    parsed = parse_spec(spec)
    o = dict(parsed.options)
    options = ModelOptions(
        device=o.pop("device", "auto"), dtype=o.pop("dtype", "auto"),
        batch_size=o.pop("batch_size", 16), use_cache=o.pop("cache", True),
    )
    if parsed.name == "bertscore":
        from evalsuite.metrics.bertscore import BertScore, BertScoreSettings

        return BertScore(BertScoreSettings(**o), options)
    if parsed.name in ("comet", "comet-qe"):
        from evalsuite.metrics.comet import Comet, CometSettings

        o.pop("revision", None)
        return Comet(CometSettings(o["model"], qe=parsed.name == "comet-qe"), options)
    from evalsuite.metrics.nli import NliFaithfulness, NliSettings

    return NliFaithfulness(NliSettings(**o), options)


@functools.lru_cache(maxsize=16)
def model_metric(spec: str) -> Any:
    """One metric object per spec per process (partitions share its model and identity)."""
    return build_model_metric(spec)


def metric_needs_reference(spec: str) -> bool:
    """False for metrics that score without references (comet-qe, nli, QE-capable COMET)."""
    if not is_model_metric(spec):
        return True
    from evalsuite.metrics.model_phases import needs_reference

    return needs_reference(model_metric(spec))


def model_finding_checks(specs: tuple[str, ...]) -> list[str]:
    """The finding kinds the model metrics among `specs` can make."""
    from evalsuite.metrics.model_phases import finding_checks

    found: list[str] = []
    for spec in specs:
        if is_model_metric(spec):
            found += [c for c in finding_checks(model_metric(spec)) if c not in found]
    return found
