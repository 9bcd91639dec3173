"""The gate's verdict on real scored results: pass on an unchanged system, fail on a regression
with one line per failing rule, and rules that depend on significance, direction and language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import sacrebleu

from evalsuite.checks.runner import available_checks
from evalsuite.cli import main
from evalsuite.gate import DEFAULT_POLICY, evaluate_gate, parse_policy
from tests.gate.builders import (
    clean_system,
    negated_system,
    regressed_system,
    score,
    with_extra_run,
)
from tests.gate.conftest import Scored

FAIL_LINE = re.compile(
    r"^FAIL mt-faults/mt (?P<metric>\S+): (?P<base>\d+\.\d\d) -> (?P<cand>\d+\.\d\d) "
    r"\((?P<delta>[+-]\d+\.\d\d), p=(?P<p>[\d.e-]+) < 0\.05\) drop beyond 1\.00$"
)
FINDINGS_LINE = re.compile(
    r"^FAIL mt-faults/mt (?P<check>\w+) \(critical\): (?P<base>\d+) -> (?P<cand>\d+) "
    r"\(\+(?P<delta>\d+)\) increase beyond 0$"
)

# The default policy: one drop rule per metric (7 here) and one findings rule per check.
RULES = 7 + len(available_checks())


def _value(results: Path, metric: str) -> float:
    run = json.loads(results.read_text(encoding="utf-8"))["runs"][0]
    return float(run["scores"][metric]["value"])


def test_unchanged_system_passes_its_own_baseline(
    scored: Scored, capsys: pytest.CaptureFixture[str]
) -> None:
    report = evaluate_gate(scored.rerun, scored.baseline)
    assert report.passed and report.exit_code == 0
    metrics = {o.metric for o in report.outcomes if o.kind == "drop"}
    assert metrics == {"bleu", "chrf", "ter", "rouge1", "rouge2", "rougeL", "rougeLsum"}
    checks = {o.check for o in report.outcomes if o.kind == "findings"}
    assert "entity_missing" in checks and "role_reversal" in checks
    assert all(c.result.p_value == 1.0 and c.result.delta == 0 for c in report.metric_deltas)

    assert main(["gate", str(scored.rerun), "--baseline", str(scored.baseline)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [report.summary()]
    assert out[0].startswith(
        f"gate PASSED: 0 of {RULES} rules fail (default policy; paired bootstrap"
    )


def test_swapped_entities_and_numbers_fail_with_one_line_per_rule(
    scored: Scored, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(scored.changed) == 8 and len(clean_system()) == 32  # a quarter
    assert main(["gate", str(scored.regressed), "--baseline", str(scored.baseline)]) == 1
    lines = capsys.readouterr().out.splitlines()
    *fails, summary = lines
    assert summary.startswith(f"gate FAILED: {len(fails)} of {RULES} rules fail")
    metric_fails = {m["metric"]: m for m in map(FAIL_LINE.match, fails) if m}
    finding_fails = {m["check"]: m for m in map(FINDINGS_LINE.match, fails) if m}
    assert len(metric_fails) + len(finding_fails) == len(fails)  # every line is one of the two
    # Overlap metrics drop significantly by more than a point...
    assert {"bleu", "chrf", "rouge2"} <= set(metric_fails)
    for metric, match in metric_fails.items():
        assert float(match["base"]) == pytest.approx(
            _value(scored.baseline, metric) * (100 if metric.startswith("rouge") else 1), abs=0.006
        )
        assert float(match["delta"]) < -1.0 and float(match["p"]) < 0.05
    assert "FAIL mt-faults/mt chrf: 71.99 -> 70.80 (-1.20, p=0.019 < 0.05) drop beyond 1.00" in (
        fails
    )
    # ...TER gets worse too, but by less than a point: that rule holds.
    assert "ter" not in metric_fails
    # ...and the checks see the swapped entities and numbers as new critical findings.
    assert set(finding_fails) == {"entity_missing", "number_mismatch"}
    assert all(m["base"] == "0" and int(m["cand"]) > 0 for m in finding_fails.values())


def test_negation_flipped_in_a_quarter_fails_on_its_findings(
    scored: Scored, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records, changed = negated_system()
    assert len(changed) == 8
    negated = score(tmp_path, "negated", records)
    capsys.readouterr()  # the score table
    assert main(["gate", str(negated), "--baseline", str(scored.baseline)]) == 1
    fails = capsys.readouterr().out.splitlines()[:-1]
    finding_fails = {m["check"]: m for m in map(FINDINGS_LINE.match, fails) if m}
    assert "negation_flip" in finding_fails
    assert int(finding_fails["negation_flip"]["cand"]) >= 6
    assert all(line.startswith("FAIL ") for line in fails)


def test_a_drop_counts_only_when_significant(scored: Scored) -> None:
    strict = parse_policy("[test]\nalpha = 0.01\n[[drop]]\nmetric = ['bleu', 'chrf']\n"
                          "max_drop = 1.0\n")
    report = evaluate_gate(scored.regressed, scored.baseline, strict)
    assert report.passed  # p = 0.019 is not below 0.01
    assert all("not significant" in o.detail for o in report.outcomes)
    lenient = parse_policy("[[drop]]\nmetric = ['bleu', 'chrf']\nmax_drop = 1.0\n")
    assert not evaluate_gate(scored.regressed, scored.baseline, lenient).passed


def test_lower_is_better_metrics_fail_on_a_rise(scored: Scored) -> None:
    policy = parse_policy("[[drop]]\nmetric = 'ter'\nmax_drop = 0.5\n", "gate.toml")
    report = evaluate_gate(scored.regressed, scored.baseline, policy)
    (failure,) = report.failures
    assert re.fullmatch(
        r"FAIL mt-faults/mt ter: 49\.45 -> 50\.28 \(\+0\.83, p=0\.0\d\d < 0\.05\) rise beyond "
        r"0\.50 \(lower is better\) \(rule at gate\.toml:1\)",
        failure.line,
    ), failure.line


def test_floors_and_ceilings_in_points(scored: Scored) -> None:
    policy = parse_policy(
        "[[floor]]\nmetric = 'chrf'\nmin = 71.0\n"
        "[[floor]]\nmetric = 'rougeL'\nmin = 60.0\n"  # stored 0-1: 0.6028 -> 0.5925
        "[[floor]]\nmetric = 'ter'\nmax = 50.0\n"
    )
    assert evaluate_gate(scored.rerun, scored.baseline, policy).passed
    report = evaluate_gate(scored.regressed, scored.baseline, policy)
    assert [o.line for o in report.failures] == [
        "FAIL mt-faults/mt chrf: 70.80 below floor 71.00 (rule at <policy>:1)",
        "FAIL mt-faults/mt rougeL: 59.25 below floor 60.00 (rule at <policy>:4)",
        "FAIL mt-faults/mt ter: 50.28 above ceiling 50.00 (rule at <policy>:7)",
    ]


def test_rules_per_language_use_only_that_language(scored: Scored) -> None:
    policy = parse_policy(
        "[[drop]]\nmetric = 'chrf'\nlang = ['en', 'fr']\nmax_drop = 1.0\n"
        "[[floor]]\nmetric = 'chrf'\nlang = 'fr'\nmin = 0\n"
        "[[findings]]\ncheck = 'entity_missing'\nlang = ['en', 'fr']\nmax_increase = 0\n"
    )
    report = evaluate_gate(scored.regressed, scored.baseline, policy)
    verdicts = {(o.kind, o.lang): o.status for o in report.outcomes}
    # The swaps are all in English outputs; the French ones did not change.
    assert verdicts == {
        ("drop", "en"): "fail", ("drop", "fr"): "pass", ("floor", "fr"): "pass",
        ("findings", "en"): "fail", ("findings", "fr"): "pass",
    }
    # The French chrF is rebuilt from the French segments' statistics: sacrebleu agrees.
    french = [r for r in regressed_system()[0] if r["tgt_lang"] == "fr"]
    expected = sacrebleu.corpus_chrf(
        [r["hypothesis"] for r in french], [[r["reference"] for r in french]]
    ).score
    floor = next(o for o in report.outcomes if o.kind == "floor")
    assert floor.detail == f"{expected:.2f} within limits"
    assert "[lang en]" in next(o.line for o in report.failures if o.kind == "drop")


def test_findings_limits_absolute_and_per_severity(scored: Scored) -> None:
    policy = parse_policy(
        "[[findings]]\ncheck = 'role_reversal'\nseverity = 'critical'\nmax = 0\n"
        "[[findings]]\ncheck = 'entity_unsupported'\nseverity = 'major'\nmax = 2\n"
        "[[findings]]\ncheck = 'entity_unsupported'\nseverity = 'critical'\nmax_increase = 0\n"
    )
    report = evaluate_gate(scored.regressed, scored.baseline, policy)
    by_rule = [(o.subject, o.status, o.detail) for o in report.outcomes]
    assert by_rule[0] == ("role_reversal (critical)", "pass", "0 -> 0 (+0) within limits")
    assert by_rule[1][:2] == ("entity_unsupported (major)", "fail")
    assert by_rule[1][2].endswith("more than 2 allowed")
    assert by_rule[2][:2] == ("entity_unsupported (critical)", "pass")  # major ones only


def test_the_verdict_is_reproducible_and_seeded(scored: Scored) -> None:
    first = evaluate_gate(scored.regressed, scored.baseline)
    again = evaluate_gate(scored.regressed, scored.baseline)
    assert first.outcomes == again.outcomes
    other = evaluate_gate(scored.regressed, scored.baseline, seed=7, resamples=500)
    assert other.test.seed == 7 and other.test.resamples == 500
    assert [c.result.p_value for c in other.metric_deltas] != [
        c.result.p_value for c in first.metric_deltas
    ]


def test_a_run_the_baseline_lacks_gets_floors_and_skips_drops(
    scored: Scored, tmp_path: Path
) -> None:
    candidate = with_extra_run(scored.rerun, tmp_path / "cand", "new-dataset")
    policy = parse_policy(
        "[[floor]]\nmetric = 'chrf'\nmin = 50\n[[drop]]\nmetric = 'chrf'\nmax_drop = 1.0\n"
    )
    report = evaluate_gate(candidate, scored.baseline, policy)
    statuses = {(o.kind, o.dataset): o.status for o in report.outcomes}
    assert statuses == {
        ("floor", "mt-faults"): "pass", ("floor", "new-dataset"): "pass",
        ("drop", "mt-faults"): "pass", ("drop", "new-dataset"): "skip",
    }
    assert report.passed
    assert report.lines()[0] == (
        "SKIP new-dataset/mt chrf: no baseline run for this dataset and system "
        "(rule at <policy>:4)"
    )


def test_default_policy_is_what_the_issue_asks() -> None:
    (drop,) = DEFAULT_POLICY.drops
    (findings,) = DEFAULT_POLICY.findings
    assert drop.metrics == () and drop.max_drop == 1.0 and drop.alpha is None
    assert findings.checks == () and findings.severity == "critical"
    assert findings.max_increase == 0 and findings.max is None
    assert DEFAULT_POLICY.floors == () and DEFAULT_POLICY.test.alpha == 0.05


def test_paired_test_pairs_integer_ids_in_input_order(tmp_path: Path) -> None:
    """Ids 1..32 sort "1", "10", "11", ... as strings; the gate pairs segments in the
    baseline's input order, so its p-value is sacrebleu's paired bootstrap at the same seed."""
    from sacrebleu.significance import PairedTest

    base_records = [dict(r, id=i) for i, r in enumerate(clean_system(), start=1)]
    regressed, _ = regressed_system()
    cand_records = [dict(r, id=i) for i, r in enumerate(regressed, start=1)]
    base = score(tmp_path, "base", base_records, metrics="bleu", checks="none", bootstrap=0)
    cand = score(tmp_path, "cand", cand_records, metrics="bleu", checks="none", bootstrap=0)
    (delta,) = evaluate_gate(cand, base).metric_deltas
    refs = [[r["reference"] for r in base_records]]
    _, scores = PairedTest(
        [("base", [r["hypothesis"] for r in base_records]),
         ("cand", [r["hypothesis"] for r in cand_records])],
        {"bleu": sacrebleu.BLEU()}, refs, test_type="bs", n_samples=1000,
    )()  # fmt: skip
    assert delta.result.p_value == scores["BLEU"][1].p_value
