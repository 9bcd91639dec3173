"""How a user names the model that judges a translation against its source (off by default).

On the command line `--xling-model PATH` or `--xling-model 'PATH;pooling=cls;detached_below=0.3'`
(a local directory or a hub id, then `key=value` settings separated by `;`); in a suite
`xling_model = "PATH"` or a table `xling_model = {model = "PATH", detached_below = 0.3}`.
Settings that change findings (`kind`, `pooling`, the two thresholds, `dtype`) are part of the
cache key; `device`, `batch_size` and `cache` change only how it runs.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from evalsuite.errors import UsageError
from evalsuite.models.options import DEVICES, DTYPES

KINDS = ("auto", "encoder", "qe")
POOLINGS = ("auto", "mean", "cls", "max", "pooler")

ENCODER_DETACHED_BELOW = 0.4
"""Cosine under which an output is called detached when the user sets none (encoders only)."""
CLAUSE_GAIN = 0.05
"""How much better the output must match its source with a clause taken out (or its own clause
taken out) for that clause to be reported as omitted (added)."""


@dataclass(frozen=True)
class SourceModelSpec:
    """A user-named sentence encoder or quality-estimation model, and its settings."""

    model: str
    kind: str = "auto"  # encoder (cosine of embeddings) | qe (a COMET QE score) | auto
    pooling: str = "auto"
    detached_below: float | None = None  # None: ENCODER_DETACHED_BELOW; required for qe
    clause_gain: float = CLAUSE_GAIN
    device: str = "auto"
    dtype: str = "auto"
    batch_size: int = 32
    cache: bool = True

    def text(self) -> str:
        """The spec as `--xling-model` reads it, with only the settings that differ."""
        default = SourceModelSpec(self.model)
        parts = [self.model]
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if item.name != "model" and value != getattr(default, item.name):
                shown = str(value).lower() if isinstance(value, bool) else value
                parts.append(f"{item.name}={shown}")
        return ";".join(parts)

    def threshold(self, kind: str) -> float:
        """The detached threshold for a model of `kind` (a QE model's scale is its own)."""
        if self.detached_below is not None:
            return self.detached_below
        if kind == "qe":
            raise UsageError(
                f"xling-model '{self.model}' is a quality-estimation model, whose scores have "
                "their own scale: give detached_below (e.g. '--xling-model "
                f"\"{self.model};detached_below=0.3\"' for a 0-1 scale such as CometKiwi's)"
            )
        return ENCODER_DETACHED_BELOW


_FIELDS = {f.name: f for f in dataclasses.fields(SourceModelSpec)}


def parse_source_model(text: str, where: str = "--xling-model") -> SourceModelSpec:
    """`PATH[;key=value...]` (or `model=PATH;...`) as a spec; a bad one is a UsageError."""
    parts = [p.strip() for p in text.split(";") if p.strip()]
    if not parts:
        raise UsageError(f"{where}: expected a model directory or hub id")
    settings: dict[str, Any] = {}
    if "=" not in parts[0]:
        settings["model"] = parts.pop(0)
    for part in parts:
        key, sep, value = part.partition("=")
        if not sep:
            raise UsageError(f"{where}: '{part}' is not key=value")
        settings[key.strip()] = value.strip()
    return source_model_from_table(settings, where)


def source_model_from_table(table: dict[str, Any], where: str) -> SourceModelSpec:
    """A spec from a suite table (or parsed settings), every value checked."""
    unknown = sorted(set(table) - set(_FIELDS))
    if unknown:
        raise UsageError(f"{where}: unknown setting '{unknown[0]}' (valid: {', '.join(_FIELDS)})")
    model = table.get("model")
    if not isinstance(model, str) or not model.strip():
        raise UsageError(f"{where}: 'model' (a directory or hub id) is required")
    if ";" in model:
        raise UsageError(f"{where}: a model path or id cannot contain ';'")
    values: dict[str, Any] = {"model": model.strip()}
    for key, raw in table.items():
        if key != "model":
            values[key] = _value(key, raw, where)
    spec = SourceModelSpec(**values)
    for key, allowed in (("kind", KINDS), ("pooling", POOLINGS), ("dtype", DTYPES)):
        if getattr(spec, key) not in allowed:
            raise UsageError(
                f"{where}: {key} '{getattr(spec, key)}' is not one of {', '.join(allowed)}"
            )
    if spec.device.split(":", 1)[0] not in DEVICES:
        raise UsageError(f"{where}: device '{spec.device}' is not one of {', '.join(DEVICES)}")
    if spec.batch_size < 1:
        raise UsageError(f"{where}: batch_size must be at least 1")
    if spec.clause_gain <= 0:
        raise UsageError(f"{where}: clause_gain must be above 0")
    return spec


def _value(key: str, raw: Any, where: str) -> Any:
    """`raw` (a string from the command line, or a TOML value) as the field's type."""
    wanted = {"detached_below": float, "clause_gain": float, "batch_size": int,
              "cache": bool}.get(key, str)  # fmt: skip
    if wanted is bool:
        if isinstance(raw, bool):
            return raw
        if str(raw).lower() in ("true", "false"):
            return str(raw).lower() == "true"
        raise UsageError(f"{where}: {key} must be true or false, got '{raw}'")
    if wanted is str:
        if not isinstance(raw, str):
            raise UsageError(f"{where}: {key} must be a string")
        return raw
    try:
        if isinstance(raw, bool) or (wanted is int and isinstance(raw, float)):
            raise ValueError(raw)
        return wanted(raw)
    except (TypeError, ValueError):
        kind = "an integer" if wanted is int else "a number"
        raise UsageError(f"{where}: {key} must be {kind}, got '{raw}'") from None
