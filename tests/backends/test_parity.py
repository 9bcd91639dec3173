"""The ray backend writes the same results as the local one: byte for byte, timing aside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evalsuite.suite import load_suite
from tests.backends.comparison import assert_same_results, run_cli
from tests.backends.pairs_suite import write_pairs_suite

pytestmark = pytest.mark.usefixtures("ray_cluster")


def test_default_suite_same_on_both_backends(tmp_path: Path) -> None:
    local, ray = tmp_path / "local", tmp_path / "ray"
    run_cli("--output", str(local), "--no-cache", "--backend", "local")
    run_cli("--output", str(ray), "--no-cache", "--backend", "ray")
    assert_same_results(local, ray)
    document = json.loads((ray / "results.json").read_text(encoding="utf-8"))
    suite = load_suite()  # every dataset of the default suite ran on Ray
    assert {run["dataset"] for run in document["runs"]} == {d.name for d in suite.datasets}
    assert document["models"], "NLP models loaded by the workers are reported"


def test_ten_thousand_pairs_same_on_both_backends(tmp_path: Path) -> None:
    suite = write_pairs_suite(tmp_path / "suite", 10_000, backend="ray")
    local, ray = tmp_path / "local", tmp_path / "ray"
    run_cli(str(suite), "--output", str(ray), "--no-cache")  # the suite's own backend: ray
    run_cli(str(suite), "--output", str(local), "--no-cache", "--backend", "local")
    assert_same_results(local, ray)
    document = json.loads((ray / "results.json").read_text(encoding="utf-8"))
    assert sum(run["n_segments"] for run in document["runs"]) == 10_000
    assert all("ci_low" in score for run in document["runs"] for score in run["scores"].values())
    lines = (ray / "segments.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 10_000


def test_backend_keys_do_not_change_the_config_hash(tmp_path: Path) -> None:
    plain = write_pairs_suite(tmp_path / "plain", 20)
    on_ray = write_pairs_suite(tmp_path / "ray", 20, backend="ray")
    text = on_ray.read_text(encoding="utf-8")
    on_ray.write_text(text.replace('backend = "ray"', 'backend = "ray"\nray_address = "auto"'))
    a, b = load_suite(plain), load_suite(on_ray)
    assert (a.backend, b.backend, b.ray_address) == ("local", "ray", "auto")
    assert a.config_hash == b.config_hash
