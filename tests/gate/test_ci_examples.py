"""The CI examples in docs/ci/ run: their evalsuite commands, taken from the YAML, gate a tiny
suite here the way they would in the user's repository, so the examples cannot rot."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from evalsuite.cli import main
from tests.gate.builders import clean_system, regressed_system, write_jsonl
from tests.report.junit_schema import assert_valid_junit

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / "docs" / "ci" / "github-actions.yml"
GITLAB = ROOT / "docs" / "ci" / "gitlab-ci.yml"

SUITE = """\
name = "ci-example"
description = "A translation system's outputs, scored and checked"

[[datasets]]
name = "news-mt"
path = "../data/outputs.jsonl"
task = "translation"
outputs = "given"
metrics = ["bleu", "chrf"]
checks = ["entity_missing", "number_mismatch"]
"""


def _logical_lines(script: str) -> Iterator[str]:
    """Shell lines with backslash continuations joined."""
    pending = ""
    for line in script.splitlines():
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        yield (pending + line).strip()
        pending = ""


def _github_scripts(workflow: dict[Any, Any]) -> list[str]:
    return [
        step["run"]
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if "run" in step
    ]


def _gitlab_scripts(pipeline: dict[str, Any]) -> list[str]:
    return [
        line
        for job in pipeline.values()
        if isinstance(job, dict) and "script" in job
        for key in ("before_script", "script")
        for line in job.get(key, [])
    ]


def _evalsuite_commands(scripts: list[str]) -> list[list[str]]:
    return [
        shlex.split(line)
        for script in scripts
        for line in _logical_lines(script)
        if line.startswith("evalsuite ")
    ]


def _load(path: Path) -> dict[Any, Any]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def _option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


def test_both_examples_parse_and_run_the_same_evalsuite_commands() -> None:
    workflow, pipeline = _load(GITHUB), _load(GITLAB)
    triggers = workflow.get("on", workflow.get(True, {}))  # YAML 1.1 reads `on:` as True
    assert "pull_request" in triggers
    github = _evalsuite_commands(_github_scripts(workflow))
    gitlab = _evalsuite_commands(_gitlab_scripts(pipeline))
    assert [c[:2] for c in github] == [["evalsuite", "run"], ["evalsuite", "gate"]]
    assert github[0] == gitlab[0]  # the same suite run
    assert github[1][:4] == gitlab[1][:4]  # the same gate on the same baseline
    assert _option(github[1], "--baseline") == "baselines/results.json"


def test_setup_installs_cpu_torch_first_and_the_pinned_models() -> None:
    pinned = {
        line.split()[0]: line.split("--hash=")[1]
        for line in (ROOT / "requirements" / "models.txt").read_text().splitlines()
        if line and not line.startswith("#")
    }
    for scripts in (_github_scripts(_load(GITHUB)), _gitlab_scripts(_load(GITLAB))):
        text = "\n".join(scripts)
        torch = text.index('pip install "torch==2.13.0"')
        assert torch < text.index('pip install "$EVALSUITE_SPEC"')
        for package, digest in pinned.items():
            assert f"{package} --hash={digest}" in text


def test_results_and_gate_reports_are_kept_as_artifacts() -> None:
    workflow = _load(GITHUB)
    steps = workflow["jobs"]["evaluate"]["steps"]
    uploads = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact")]
    gate = _evalsuite_commands(_github_scripts(workflow))[1]
    assert uploads[0]["with"]["path"].rstrip("/") == "evalsuite-results"
    assert all(s.get("if") == "always()" for s in uploads)
    assert _option(gate, "--junit") in uploads[1]["with"]["path"]
    job = _load(GITLAB)["evaluate"]
    gitlab_gate = _evalsuite_commands(_gitlab_scripts(_load(GITLAB)))[1]
    assert job["artifacts"]["when"] == "always"
    assert "evalsuite-results/" in job["artifacts"]["paths"]
    assert job["artifacts"]["reports"]["junit"] == _option(gitlab_gate, "--junit")
    assert _option(gitlab_gate, "--markdown") in job["artifacts"]["paths"]


def _repository(tmp_path: Path) -> Path:
    """A user's repository: the suite, its data (the system's outputs)."""
    repo = tmp_path / "repo"
    (repo / "eval").mkdir(parents=True)
    (repo / "data").mkdir()
    (repo / "eval" / "suite.toml").write_text(SUITE, encoding="utf-8")
    write_jsonl(repo / "data" / "outputs.jsonl", clean_system())
    return repo


@pytest.mark.parametrize("example", [GITHUB, GITLAB], ids=["github", "gitlab"])
def test_example_commands_gate_a_suite_locally(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    document = _load(example)
    scripts = _github_scripts(document) if example == GITHUB else _gitlab_scripts(document)
    run, gate = _evalsuite_commands(scripts)
    repo = _repository(tmp_path)
    monkeypatch.chdir(repo)
    monkeypatch.setenv("EVALSUITE_CACHE", str(tmp_path / "cache"))
    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    results_dir = Path(_option(run, "--output"))
    baseline = Path(_option(gate, "--baseline"))

    # The accepted version: run the suite and store its results as the baseline.
    assert main(run[1:]) == 0
    baseline.parent.mkdir(parents=True)
    for name in ("results.json", json.loads((results_dir / "results.json").read_text())
                 ["segments_file"]):
        shutil.copy(results_dir / name, baseline.parent / name)
    shutil.rmtree(results_dir)

    # An unchanged system passes.
    assert main(run[1:]) == 0
    capsys.readouterr()
    assert main(gate[1:]) == 0
    assert capsys.readouterr().out.startswith("gate PASSED")

    # A change that swaps entities and numbers in a quarter of the outputs fails the job.
    write_jsonl(Path("data/outputs.jsonl"), regressed_system()[0])
    assert main(run[1:]) == 0
    capsys.readouterr()
    assert main(gate[1:]) == 1
    out = capsys.readouterr().out
    assert re.search(r"^FAIL news-mt/given chrf: .* drop beyond 1\.00$", out, flags=re.M)
    assert re.search(r"^FAIL news-mt/given number_mismatch \(critical\): 0 -> \d+", out,
                     flags=re.M)

    root = assert_valid_junit(Path(_option(gate, "--junit")).read_text(encoding="utf-8"))
    assert int(root.get("failures")) == out.count("\nFAIL ") + out.startswith("FAIL ")
    assert Path(_option(gate, "--markdown")).read_text(encoding="utf-8").startswith(
        "## evalsuite gate: FAILED"
    )
    assert summary.read_text(encoding="utf-8").count("## evalsuite gate:") == 2
