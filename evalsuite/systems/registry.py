"""Build a System from a one-line spec, as written in suites and on the command line.

Grammar:
    lead | lead-K                 first K sentences (K defaults to 3)
    textrank | textrank-K         K most central sentences (K defaults to 3)
    hf:MODEL[?OPT=VAL&OPT=VAL]    a transformers seq2seq model (local directory or hub id)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qsl

from evalsuite.errors import UsageError
from evalsuite.systems.base import System
from evalsuite.systems.extractive import LeadK, TextRank
from evalsuite.systems.hf import HFSeq2Seq

__all__ = ["HF_OPTIONS", "SPEC_FORMS", "system_from_spec"]

SPEC_FORMS = (
    "lead",
    "lead-K",
    "textrank",
    "textrank-K",
    "hf:PATH_OR_HUB_ID[?option=value&...]",
)

HF_OPTIONS: dict[str, type] = {
    "batch_size": int,
    "max_input_tokens": int,
    "max_new_tokens": int,
    "num_beams": int,
    "device": str,
    "prefix": str,
}

_EXTRACTIVE: dict[str, Callable[[int], System]] = {"lead": LeadK, "textrank": TextRank}
_EXTRACTIVE_SPEC = re.compile(r"(?P<kind>lead|textrank)(?:-(?P<k>\d+))?")


def system_from_spec(spec: str) -> System:
    """Parse `spec` (see the module docstring) into a System; bad specs raise UsageError."""
    text = spec.strip()
    if text[:3].lower() == "hf:":
        return _hf_from_spec(spec, text[3:])
    match = _EXTRACTIVE_SPEC.fullmatch(text.lower())
    if match is None:
        raise UsageError(f"unknown system '{spec}'; valid forms: {', '.join(SPEC_FORMS)}")
    k = int(match["k"]) if match["k"] is not None else 3
    if k < 1:
        raise UsageError(f"system '{spec}': K must be at least 1")
    return _EXTRACTIVE[match["kind"]](k)


def _hf_from_spec(spec: str, body: str) -> HFSeq2Seq:
    model, _, query = body.partition("?")
    if not model:
        raise UsageError(f"system '{spec}': name a model directory or hub id after 'hf:'")
    options: dict[str, int | str] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key not in HF_OPTIONS:
            raise UsageError(
                f"system '{spec}': unknown option '{key}'; valid options: {', '.join(HF_OPTIONS)}"
            )
        if key in options:
            raise UsageError(f"system '{spec}': option '{key}' given twice")
        options[key] = _convert(spec, key, value)
    return HFSeq2Seq(
        model,
        batch_size=int(options.get("batch_size", 8)),
        max_input_tokens=int(options.get("max_input_tokens", 1024)),
        max_new_tokens=int(options.get("max_new_tokens", 128)),
        num_beams=int(options.get("num_beams", 1)),
        device=str(options.get("device", "auto")),
        prefix=str(options.get("prefix", "")),
    )


def _convert(spec: str, key: str, value: str) -> int | str:
    if HF_OPTIONS[key] is str:
        return value
    try:
        return int(value)
    except ValueError:
        raise UsageError(
            f"system '{spec}': option '{key}' needs an integer, got '{value}'"
        ) from None
