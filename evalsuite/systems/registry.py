"""Build a System from a one-line spec (and optional options), as written in suites and on the
command line.

Grammar:
    lead | lead-K                       first K sentences (K defaults to 3)
    textrank | textrank-K               K most central sentences (K defaults to 3)
    hf:MODEL[?OPT=VAL&OPT=VAL]          a transformers seq2seq model (local directory or hub id);
                                        `kind=causal` makes it a decoder-only model
    hf-causal:MODEL[?OPT=VAL&...]       a transformers causal (decoder-only) model
    cmd:COMMAND LINE                    an external program, one segment per line on stdin/stdout

Options may also come as a mapping (a suite's system table); a relative model path or command
runs relative to `base_dir` (the suite's folder).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from evalsuite.errors import UsageError
from evalsuite.systems.base import System
from evalsuite.systems.command import CommandSystem
from evalsuite.systems.extractive import LeadK, TextRank
from evalsuite.systems.hf import HFSeq2Seq
from evalsuite.systems.hf_causal import HFCausal

__all__ = ["CMD_OPTIONS", "HF_OPTIONS", "SPEC_FORMS", "system_from_spec"]

SPEC_FORMS = (
    "lead",
    "lead-K",
    "textrank",
    "textrank-K",
    "hf:PATH_OR_HUB_ID[?option=value&...]",
    "hf-causal:PATH_OR_HUB_ID[?option=value&...]",
    "cmd:COMMAND",
)

HF_OPTIONS: dict[str, type] = {
    "batch_size": int,
    "max_input_tokens": int,
    "max_new_tokens": int,
    "num_beams": int,
    "device": str,
    "dtype": str,
    "prefix": str,
    "sample": bool,
    "temperature": float,
    "top_p": float,
    "seed": int,
    "long_input": str,
    "task": str,
    "kind": str,
    "prompt": str,
    "name": str,
}
CMD_OPTIONS: dict[str, type] = {"batch_size": int, "name": str, "version": str, "timeout": float}
_KINDS = ("seq2seq", "causal")

_EXTRACTIVE: dict[str, Callable[[int], System]] = {"lead": LeadK, "textrank": TextRank}
_EXTRACTIVE_SPEC = re.compile(r"(?P<kind>lead|textrank)(?:-(?P<k>\d+))?")
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def system_from_spec(
    spec: str, options: Mapping[str, Any] | None = None, *, base_dir: Path | None = None
) -> System:
    """Parse `spec` (see the module docstring) into a System; bad specs raise UsageError."""
    text = spec.strip()
    lowered = text.lower()
    if lowered.startswith("cmd:"):
        return _cmd_from_spec(spec, text[4:], options or {}, base_dir)
    if lowered.startswith("hf-causal:"):
        return _hf_from_spec(spec, text[10:], options or {}, base_dir, default_kind="causal")
    if lowered.startswith("hf:"):
        return _hf_from_spec(spec, text[3:], options or {}, base_dir, default_kind="seq2seq")
    match = _EXTRACTIVE_SPEC.fullmatch(lowered)
    if match is None:
        raise UsageError(f"unknown system '{spec}'; valid forms: {', '.join(SPEC_FORMS)}")
    if options:
        raise UsageError(f"system '{spec}' takes no options (got '{next(iter(options))}')")
    k = int(match["k"]) if match["k"] is not None else 3
    if k < 1:
        raise UsageError(f"system '{spec}': K must be at least 1")
    return _EXTRACTIVE[match["kind"]](k)


def _typed_options(
    spec: str, pairs: list[tuple[str, Any]], valid: dict[str, type]
) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for key, value in pairs:
        if key not in valid:
            raise UsageError(
                f"system '{spec}': unknown option '{key}'; valid options: {', '.join(valid)}"
            )
        if key in options:
            raise UsageError(f"system '{spec}': option '{key}' given twice")
        options[key] = _convert(spec, key, value, valid[key])
    return options


def _hf_from_spec(
    spec: str,
    body: str,
    extra: Mapping[str, Any],
    base_dir: Path | None,
    *,
    default_kind: str,
) -> System:
    model, _, query = body.partition("?")
    if not model:
        raise UsageError(f"system '{spec}': name a model directory or hub id after the prefix")
    pairs: list[tuple[str, Any]] = [*parse_qsl(query, keep_blank_values=True), *extra.items()]
    options = _typed_options(spec, pairs, HF_OPTIONS)
    kind = options.pop("kind", default_kind)
    if kind not in _KINDS:
        raise UsageError(f"system '{spec}': kind must be one of {', '.join(_KINDS)}, got '{kind}'")
    if base_dir is not None and not Path(model).expanduser().is_absolute():
        candidate = base_dir / model
        if candidate.is_dir():
            model = str(candidate)
    if kind == "causal":
        return HFCausal(model, **options)
    if "prompt" in options:
        raise UsageError(f"system '{spec}': option 'prompt' is for causal models (kind=causal)")
    return HFSeq2Seq(model, **options)


def _cmd_from_spec(
    spec: str, command: str, extra: Mapping[str, Any], base_dir: Path | None
) -> System:
    options = _typed_options(spec, list(extra.items()), CMD_OPTIONS)
    return CommandSystem(command.strip(), cwd=base_dir, **options)


def _convert(spec: str, key: str, value: Any, kind: type) -> Any:
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    if kind is str:
        return str(value)
    if kind is bool:
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise UsageError(f"system '{spec}': option '{key}' needs true or false, got '{value}'")
    try:
        return kind(text)
    except ValueError:
        noun = "an integer" if kind is int else "a number"
        raise UsageError(f"system '{spec}': option '{key}' needs {noun}, got '{value}'") from None
