"""Workers that die mid-run are retried; a run stopped as a whole resumes from the cache.

Either way the results equal an undisturbed local run, and no input is generated twice
except the batch that was in flight.
"""

from __future__ import annotations

import functools
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from evalsuite.backends.local import LocalBackend
from evalsuite.backends.ray_backend import RayBackend
from evalsuite.cli import main
from evalsuite.data import Example
from evalsuite.engine.spec import scoring_spec
from tests.backends import killers
from tests.backends.comparison import assert_same_results, run_cli
from tests.backends.pairs_suite import pair_records

pytestmark = pytest.mark.usefixtures("ray_cluster")

SCRIPT = Path(__file__).parent / "dying_translator.py"
SENTENCES = 60  # one partition, 15 batches of 4: the worker dies with batches cached


def _pairs(n: int) -> tuple[list[Example], list[str]]:
    examples = [
        Example(id=r["id"], source=r["source"], reference=(r["reference"],),
                src_lang=r.get("src_lang"), tgt_lang=r.get("tgt_lang"))
        for r in pair_records(n)
    ]
    return examples, [r["hypothesis"] for r in pair_records(n)]


def test_scoring_worker_killed_mid_run_is_retried_with_identical_results(
    tmp_path: Path,
) -> None:
    import ray.cloudpickle

    ray.cloudpickle.register_pickle_by_value(killers)
    examples, hyps = _pairs(1200)  # three partitions; the second one's worker dies once
    spec = scoring_spec(
        examples, dataset="pairs", task="translation", system="given",
        system_signature="given-outputs", metrics=["bleu", "chrf", "ter", "rouge"],
        checks=["number_mismatch"],
    )
    marker = tmp_path / "died"
    scorer = functools.partial(killers.die_once_then_score, marker)
    on_ray = RayBackend(scorer=scorer).score(spec, examples, hyps)
    assert marker.exists(), "the first attempt of partition 1 killed its worker"
    local = LocalBackend().score(spec, examples, hyps)
    assert on_ray.scores == local.scores
    assert on_ray.finding_counts == local.finding_counts
    assert list(on_ray.segment_lines()) == list(local.segment_lines())
    assert len(on_ray.segments) == 1200  # the retried partition is counted once


def _suite(directory: Path, flag: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    records = [
        {"id": f"s{i}", "source": f"sentence number {i} " + "word " * (i % 7),
         "reference": f"sentence number {i}", "src_lang": "en", "tgt_lang": "en"}
        for i in range(SENTENCES)
    ]
    (directory / "data.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    command = (
        f"{sys.executable} {SCRIPT} {flag} 3 --marker {directory / 'marker'} "
        f"--log {directory / 'log.txt'}"
    )
    system = json.dumps(command)
    (directory / "suite.toml").write_text(
        f"""[[datasets]]
name = "mt"
path = "data.jsonl"
task = "translation"
metrics = ["bleu", "chrf"]
checks = ["number_mismatch"]
systems = [{{ system = {json.dumps("cmd:" + command)}, batch_size = 4, name = "dying" }}]
""".replace(system, system),
        encoding="utf-8",
    )
    return directory / "suite.toml"


def _translated(directory: Path) -> Counter[str]:
    return Counter((directory / "log.txt").read_text(encoding="utf-8").splitlines())


def _cache_keys(cache: Path) -> Counter[str]:
    keys: Counter[str] = Counter()
    for path in (cache / "outputs").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                keys[json.loads(line)["key"]] += 1
    return keys


def test_generation_actor_killed_mid_partition_resumes_from_cache(tmp_path: Path) -> None:
    suite = _suite(tmp_path / "suite", "--kill-at")
    cache = tmp_path / "cache"
    run_cli(str(suite), "--backend", "ray", "--cache-dir", str(cache), "--output",
            str(tmp_path / "ray"))
    assert (tmp_path / "suite" / "marker").exists(), "the actor was killed once"
    translated = _translated(tmp_path / "suite")
    assert len(translated) == SENTENCES and max(translated.values()) == 1
    assert len(_cache_keys(cache)) == SENTENCES and max(_cache_keys(cache).values()) == 1
    run_cli(str(suite), "--backend", "local", "--no-cache", "--output", str(tmp_path / "local"))
    assert_same_results(tmp_path / "local", tmp_path / "ray")


def test_run_stopped_as_a_whole_resumes_from_cache(tmp_path: Path) -> None:
    suite = _suite(tmp_path / "suite", "--fail-at")
    cache = tmp_path / "cache"
    args = ["run", str(suite), "--backend", "ray", "--cache-dir", str(cache), "--quiet"]
    assert main([*args, "--output", str(tmp_path / "first")]) == 2  # the program failed
    assert not (tmp_path / "first" / "results.json").exists()
    cached = len(_cache_keys(cache))
    assert 0 < cached < SENTENCES
    assert main([*args, "--output", str(tmp_path / "ray")]) == 0
    translated = _translated(tmp_path / "suite")
    assert len(translated) == SENTENCES and max(translated.values()) == 1
    assert max(_cache_keys(cache).values()) == 1
    run_cli(str(suite), "--backend", "local", "--no-cache", "--output", str(tmp_path / "local"))
    assert_same_results(tmp_path / "local", tmp_path / "ray")
