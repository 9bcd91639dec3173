"""The findings cache: a re-run reads what a first run computed, and anything a check depends on
misses it."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest

from evalsuite.checks import findings_cache
from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import Finding, Span
from evalsuite.checks.findings_cache import FindingsCache, environment_fingerprint
from evalsuite.checks.runner import run_checks

INPUTS = [
    CheckInput("The company sold 30 cars in 2020.", "The company sold 300 cars in 2020.", None,
               "en"),
    CheckInput("Prices rose by 5 percent.", "Prices rose by 5 percent.", None, "en"),
    CheckInput("Il a vendu 12 voitures.", None, "He sold 12 cars.", "fr", "en", "translation"),
]  # fmt: skip


class Counting:
    """run_checks on the number check, counting the inputs it is asked to check."""

    def __init__(self) -> None:
        self.checked: list[CheckInput] = []

    def __call__(self, inputs: Sequence[CheckInput]) -> list[list[Finding]]:
        self.checked.extend(inputs)
        return run_checks(inputs, ["number_mismatch"], workers=1)


def _dicts(found: list[list[Finding]]) -> list[list[dict[str, object]]]:
    return [[f.to_dict() for f in row] for row in found]


def test_a_rerun_reads_every_finding_back_and_checks_nothing(tmp_path: Path) -> None:
    first, again = Counting(), Counting()
    cold, models = FindingsCache(tmp_path, ["number_mismatch"]).run(
        INPUTS, first, lambda: {"en_core_web_sm": "3.8.0"}
    )
    assert any(cold), "the inputs must produce findings for the test to mean anything"
    warm, warm_models = FindingsCache(tmp_path, ["number_mismatch"]).run(INPUTS, again, dict)
    assert again.checked == [] and len(first.checked) == len(INPUTS)
    assert _dicts(warm) == _dicts(cold) == _dicts(run_checks(INPUTS, ["number_mismatch"]))
    assert warm_models == models == {"en_core_web_sm": "3.8.0"}


def test_only_new_inputs_are_checked(tmp_path: Path) -> None:
    FindingsCache(tmp_path, None).run(INPUTS[:1], Counting(), dict)
    counting = Counting()
    found, _ = FindingsCache(tmp_path, None).run(INPUTS, counting, dict)
    assert counting.checked == INPUTS[1:]
    assert _dicts(found) == _dicts(run_checks(INPUTS, ["number_mismatch"]))


def test_other_checks_or_another_environment_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    FindingsCache(tmp_path, ["number_mismatch"]).run(INPUTS, Counting(), dict)
    other_checks = Counting()
    FindingsCache(tmp_path, ["number_mismatch", "negation_flip"]).run(INPUTS, other_checks, dict)
    assert other_checks.checked == INPUTS
    monkeypatch.setattr(findings_cache, "environment_fingerprint", lambda: "changed code")
    changed = Counting()
    FindingsCache(tmp_path, ["number_mismatch"]).run(INPUTS, changed, dict)
    assert changed.checked == INPUTS


def test_the_fingerprint_follows_the_lexicon_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVALSUITE_LEXICONS", str(tmp_path))
    environment_fingerprint.cache_clear()
    try:
        before = environment_fingerprint()
        (tmp_path / "de-en.tsv.gz").write_bytes(b"a lexicon appeared")
        environment_fingerprint.cache_clear()
        assert environment_fingerprint() != before
    finally:
        environment_fingerprint.cache_clear()


def test_a_row_it_cannot_read_is_checked_again(tmp_path: Path) -> None:
    cache = FindingsCache(tmp_path, ["number_mismatch"])
    cache.run(INPUTS, Counting(), dict)
    with sqlite3.connect(cache.path) as db:
        db.execute("UPDATE findings SET findings = 'not json' WHERE rowid = 1")
    db.close()
    counting = Counting()
    found, _ = FindingsCache(tmp_path, ["number_mismatch"]).run(INPUTS, counting, dict)
    assert len(counting.checked) == 1
    assert _dicts(found) == _dicts(run_checks(INPUTS, ["number_mismatch"]))


def test_findings_round_trip_with_spans_and_evidence(tmp_path: Path) -> None:
    finding = Finding("number_mismatch", "critical", "30 for 300", Span(17, 19, "30"), None,
                      {"against": "reference", "values": [30, 300.5]})  # fmt: skip
    cache = FindingsCache(tmp_path, ["number_mismatch"])
    cache.run(INPUTS[:1], lambda inputs: [[finding]], dict)
    found, _ = FindingsCache(tmp_path, ["number_mismatch"]).run(INPUTS[:1], Counting(), dict)
    assert found == [[finding]]


def test_a_suite_rerun_reads_its_findings_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evalsuite.engine import segments
    from evalsuite.harness import run_suite
    from evalsuite.suite import load_suite

    rows = [
        '{"id": "a", "hypothesis": "It sold 30 cars.", "reference": "It sold 300 cars."}',
        '{"id": "b", "hypothesis": "It rose 5 percent.", "reference": "It rose 5 percent."}',
    ]
    (tmp_path / "d.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.toml").write_text(
        'name = "s"\n[[datasets]]\nname = "d"\npath = "d.jsonl"\ntask = "translation"\n'
        'outputs = "given"\nlang = "en"\nmetrics = []\nchecks = ["number_mismatch"]\n',
        encoding="utf-8",
    )
    suite = load_suite(tmp_path / "s.toml")

    def findings() -> list[list[dict[str, object]]]:
        run = run_suite(suite, cache_dir=tmp_path / "cache", show_progress=False)
        return [[f.to_dict() for f in seg.findings] for r in run.runs for seg in r.segments]

    cold = findings()
    assert any(cold)
    monkeypatch.setattr(segments, "run_checks", lambda *a, **k: pytest.fail("checked again"))
    assert findings() == cold
