"""End to end: suites with tiny hf models (seq2seq + causal), command translators, round trips."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evalsuite.cli import main
from evalsuite.suite import load_suite
from tests.fixtures.apertium import apertium_skip_reason
from tests.fixtures.suites import write_hf_suite, write_mt_suite


def _run(suite: Path, tmp_path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    out = tmp_path / "results"
    code = main(
        ["run", str(suite), "--output", str(out), "--cache-dir", str(tmp_path / "cache"), "--quiet"]
    )
    assert code == 0
    document = json.loads((out / "results.json").read_text())
    segments = [json.loads(line) for line in (out / "segments.jsonl").read_text().splitlines()]
    return document, segments


def test_two_hf_systems_run_end_to_end(
    tiny_seq2seq_path: Path, tiny_causal_path: Path, tmp_path: Path
) -> None:
    suite = write_hf_suite(tmp_path / "s", tiny_seq2seq_path, tiny_causal_path, articles=6)
    document, segments = _run(suite, tmp_path)
    systems = [run["system"] for run in document["runs"]]
    assert systems == [f"hf:{tiny_seq2seq_path.name}", "tiny-gpt"]
    assert all("rouge1" in str(run["scores"]) for run in document["runs"])
    assert {s["id"] for s in segments} == {f"n{i}" for i in range(6)}, "fields mapped the ids"
    assert all(s["hypothesis"] for s in segments)


def test_script_translator_and_round_trip(tmp_path: Path) -> None:
    suite = write_mt_suite(tmp_path / "s", apertium=False)
    assert load_suite(suite).gate == {"metric": "bleu", "max_drop": 1.0}
    document, segments = _run(suite, tmp_path)
    runs = {run["dataset"]: run for run in document["runs"]}
    assert runs["mt"]["system"] == "reverser"
    trip = runs["mt-round-trip"]
    assert " -> " in trip["system"] and trip["system_signature"].startswith("round-trip[")
    assert trip["scores"]["bleu"]["value"] == pytest.approx(100.0), "reversing twice is exact"
    forward = [s["meta"]["round_trip_forward"] for s in segments if s["dataset"] == "mt-round-trip"]
    assert forward[0] == "ehT tac si .kcalb"


APERTIUM_SKIP = apertium_skip_reason("eng-spa") or apertium_skip_reason("spa-eng")


@pytest.mark.skipif(APERTIUM_SKIP is not None, reason=APERTIUM_SKIP or "")
def test_apertium_suite_runs_end_to_end(tmp_path: Path) -> None:
    document, segments = _run(write_mt_suite(tmp_path / "s", apertium=True), tmp_path)
    runs = {run["dataset"]: run for run in document["runs"]}
    assert runs["mt"]["system"] == "cmd:apertium eng-spa"
    assert runs["mt"]["scores"]["bleu"]["value"] > 30
    assert runs["mt-round-trip"]["system"] == "cmd:apertium eng-spa -> cmd:apertium spa-eng"
    outputs = [s["hypothesis"] for s in segments if s["dataset"] == "mt"]
    assert outputs[0] == "El gato es negro."
