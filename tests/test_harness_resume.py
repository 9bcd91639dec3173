"""A run killed with SIGKILL mid-generation resumes where it stopped: nothing lost, nothing
generated twice, and the results equal those of an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from evalsuite.cli import main
from tests.fixtures.suites import news_records, write_jsonl

ARTICLES = 40


def _suite(directory: Path, model: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    write_jsonl(directory / "news.jsonl", news_records(ARTICLES))
    suite = directory / "suite.toml"
    suite.write_text(
        f"""[[datasets]]
name = "news"
path = "news.jsonl"
task = "summary"
fields = {{ id = "doc", source = "article", reference = "highlights" }}
metrics = ["rouge"]
checks = "none"
systems = ["hf:{model}?max_new_tokens=16&batch_size=2"]
""",
        encoding="utf-8",
    )
    return suite


def _cache_lines(cache: Path) -> list[dict[str, Any]]:
    records = []
    for path in (cache / "outputs").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                continue  # a line torn by the kill
    return records


def _command(suite: Path, cache: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "evalsuite",
        "run",
        str(suite),
        "--cache-dir",
        str(cache),
        "--output",
        str(out),
        "--quiet",
    ]


def _outcome(out: Path) -> tuple[Any, list[tuple[str, str]]]:
    document = json.loads((out / "results.json").read_text())
    segments = [json.loads(line) for line in (out / "segments.jsonl").read_text().splitlines()]
    return document["runs"], [(s["id"], s["hypothesis"]) for s in segments]


def test_killed_run_resumes_without_loss_or_duplicates(
    tiny_seq2seq_path: Path, tmp_path: Path
) -> None:
    suite = _suite(tmp_path / "suite", tiny_seq2seq_path)
    cache, out = tmp_path / "cache", tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    process = subprocess.Popen(_command(suite, cache, out), env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if len(_cache_lines(cache)) >= 4:
            break
        time.sleep(0.005)
    assert process.poll() is None, "the run finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = len(_cache_lines(cache))
    assert 0 < partial < ARTICLES
    assert not (out / "results.json").exists(), "no results file from a killed run"

    assert main(_command(suite, cache, out)[3:]) == 0  # resume in-process: same code path
    records = _cache_lines(cache)
    keys = [r["key"] for r in records]
    assert len(keys) == len(set(keys)) == ARTICLES, "every input generated exactly once"

    fresh = tmp_path / "fresh"
    assert main(_command(suite, tmp_path / "cache2", fresh)[3:]) == 0
    assert _outcome(out) == _outcome(fresh)

    size = sum(p.stat().st_size for p in (cache / "outputs").glob("*.jsonl"))
    assert main(_command(suite, cache, tmp_path / "again")[3:]) == 0
    assert sum(p.stat().st_size for p in (cache / "outputs").glob("*.jsonl")) == size, (
        "a re-run of an unchanged system generates nothing"
    )
