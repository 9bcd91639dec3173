"""The options every model metric takes (`bertscore:model=PATH;device=cuda;batch_size=8`), and
the split between those that change numbers and those that only say where and how it runs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from evalsuite.models.options import ModelOptions

MODEL_OPTIONS: dict[str, type] = {
    "model": str,  # a local directory or a hub id
    "revision": str,
    "device": str,
    "dtype": str,
    "batch_size": int,
    "cache": bool,
}


def model_options(options: Mapping[str, Any]) -> tuple[ModelOptions, dict[str, Any]]:
    """(where and how the model runs, the metric's own options) from a spec's options."""
    rest = dict(options)
    runtime = ModelOptions(
        device=rest.pop("device", "auto"), dtype=rest.pop("dtype", "auto"),
        batch_size=rest.pop("batch_size", 16), use_cache=rest.pop("cache", True),
    )  # fmt: skip
    return runtime, rest
