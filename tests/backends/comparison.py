"""Helpers that run `evalsuite run` in-process and compare what two runs wrote."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from evalsuite.cli import main

TIMING_FIELDS = ("timing",)


def run_cli(*args: str) -> None:
    assert main(["run", *args, "--quiet"]) == 0


def results_without_timing(out: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((out / "results.json").read_text(encoding="utf-8"))
    for name in TIMING_FIELDS:
        document.pop(name)
    return document


def results_bytes_without_timing(out: Path) -> bytes:
    """results.json with only its timing object cut out, byte for byte otherwise."""
    text = (out / "results.json").read_text(encoding="utf-8")
    start = text.index('\n  "timing": ')
    end = text.index("\n", text.index("}", start))
    return (text[:start] + text[end:]).encode("utf-8")


def assert_same_results(a: Path, b: Path) -> None:
    assert results_without_timing(a) == results_without_timing(b)
    assert results_bytes_without_timing(a) == results_bytes_without_timing(b)
    assert (a / "segments.jsonl").read_bytes() == (b / "segments.jsonl").read_bytes()
    assert (a / "report.md").read_bytes() == (b / "report.md").read_bytes()
