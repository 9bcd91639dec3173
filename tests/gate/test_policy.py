"""Policy files: what the docs show parses, and every mistake names the file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalsuite.cli import main
from evalsuite.errors import InputError
from evalsuite.gate import DEFAULT_POLICY, evaluate_gate, load_policy, parse_policy
from evalsuite.gate.rules import DropRule, FindingsRule, FloorRule, Selector
from tests.gate.builders import clean_system, regressed_system, score, with_extra_run
from tests.gate.conftest import Scored

DOCS = Path(__file__).resolve().parents[2] / "docs" / "gate-policy.md"


def _toml_blocks() -> dict[str, str]:
    """Every ```toml block of docs/gate-policy.md, keyed by the heading above it."""
    blocks: dict[str, str] = {}
    heading, block = "", None
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        if block is not None:
            if line.startswith("```"):
                blocks[heading], block = "\n".join(block) + "\n", None
            else:
                block.append(line)
        elif line.startswith("```toml"):
            block = []
        elif line.startswith("#"):
            heading = line.lstrip("# ").strip()
    return blocks


def test_every_documented_policy_parses() -> None:
    blocks = _toml_blocks()
    assert set(blocks) == {"The default policy", "Example", "Policy in a suite file"}
    for heading, text in blocks.items():
        assert parse_policy(text, heading).rules, heading


def test_documented_default_policy_is_the_built_in_one() -> None:
    documented = parse_policy(_toml_blocks()["The default policy"])

    def without_sources(policy: object) -> list[tuple[object, ...]]:
        return [
            (type(r).__name__, *(getattr(r, f) for f in ("metrics", "checks", "max_drop",
                                                          "severity", "max", "max_increase",
                                                          "min", "alpha", "where")
                                 if hasattr(r, f)))
            for r in policy.rules  # type: ignore[attr-defined]
        ]

    assert without_sources(documented) == without_sources(DEFAULT_POLICY)
    assert documented.test.describe() == DEFAULT_POLICY.test.describe()
    assert documented.test.alpha == DEFAULT_POLICY.test.alpha


def test_example_policy_reads_as_written() -> None:
    policy = parse_policy(_toml_blocks()["Example"], "gate.toml")
    assert policy.test.seed == 20240611
    assert policy.drops[1] == DropRule(
        metrics=("chrf",), max_drop=0.5, where=Selector(datasets=("mt-faults",)),
        source=policy.drops[1].source,
    )
    assert policy.drops[1].source.label == "gate.toml:11"
    assert isinstance(policy.floors[1], FloorRule)
    assert policy.floors[1].metrics == ("rouge1", "rouge2")
    assert policy.floors[1].where.langs == ("fr",)
    assert policy.floors[2].max == 60.0 and policy.floors[2].min is None
    assert policy.findings[1] == FindingsRule(
        checks=("entity_missing",), severity="any", max_increase=0,
        source=policy.findings[1].source,
    )


def test_suite_gate_table_is_a_policy(tmp_path: Path) -> None:
    suite = tmp_path / "suite.toml"
    suite.write_text(_toml_blocks()["Policy in a suite file"], encoding="utf-8")
    policy = load_policy(suite)
    assert [type(r).__name__ for r in policy.rules] == ["DropRule", "FindingsRule"]
    assert policy.drops[0].source.label == f"{suite}:9"
    suite.write_text('name = "x"\n[[datasets]]\nname = "d"\n', encoding="utf-8")
    with pytest.raises(InputError, match="no \\[gate\\] table"):
        load_policy(suite)


BAD = [
    # (policy text, line, field, message)
    ('[[drop]]\nmetric = "chrf"\nmax_drop = "1 point"\n', 3, "drop[1].max_drop",
     "must be a number, got '1 point'"),
    ("[[drop]]\nmax_drop = 1.0\n\n[[drop]]\nmetric = 'bleu'\nmax_drop = -2\n", 6,
     "drop[2].max_drop", "must be at least 0"),
    ("[[drop]]\nmetric = 'bleu'\n", 1, "drop[1].max_drop", "is required"),
    ("[[floor]]\nmetric = 'chrf'\nminimum = 50\n", 3, "floor[1].minimum",
     "unknown key 'minimum' (valid: metric, min, max, dataset, system, lang)"),
    ("[[floor]]\nmetric = 'chrf'\n", 1, "floor[1]", "needs 'min'"),
    ("[[floor]]\nmetric = '*'\nmin = 1\n", 2, "floor[1].metric", "'*' is not allowed"),
    ("[[floor]]\nmetric = []\nmin = 1\n", 2, "floor[1].metric", "must be a name or a list"),
    ("[[findings]]\ncheck = 'role_reversal'\nseverity = 'fatal'\nmax = 0\n", 3,
     "findings[1].severity", "must be one of critical, major, minor, any, got 'fatal'"),
    ("[[findings]]\ncheck = 'role_reversal'\nmax = 1.5\n", 3, "findings[1].max",
     "must be an integer"),
    ("[test]\nalpha = 5\n[[drop]]\nmax_drop = 1\n", 2, "test.alpha", "between 0 and 1"),
    ("[test]\nmethod = 'bayes'\n[[drop]]\nmax_drop = 1\n", 2, "test.method",
     "must be 'bootstrap' or 'ar'"),
    ("[[drops]]\nmax_drop = 1\n", 1, "drops", "unknown table 'drops'"),
    ("drop = 3\n", 1, "drop", "must be an array of tables"),
    ('[[drop]]\nmax_drop = 1\nmetric = "chrf\n', 3, None, "not valid TOML"),
]


@pytest.mark.parametrize(("text", "line", "field", "message"), BAD)
def test_policy_errors_name_file_line_and_field(
    text: str, line: int, field: str | None, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_policy(text, "gate.toml")
    error = caught.value
    assert (error.path, error.line, error.field) == ("gate.toml", line, field)
    assert message in error.detail


def test_empty_policy_and_missing_file_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="holds no rule"):
        parse_policy("[test]\nseed = 1\n", "gate.toml")
    with pytest.raises(InputError, match="policy file not found"):
        load_policy(tmp_path / "absent.toml")


def test_cli_exits_2_on_a_bad_policy(
    scored: Scored, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "gate.toml"
    policy.write_text('[[drop]]\nmetric = "chrf"\nmax_drop = "1 point"\n', encoding="utf-8")
    code = main(["gate", str(scored.regressed), "--baseline", str(scored.baseline),
                 "--policy", str(policy)])
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        f"evalsuite: error: {policy}:3: field 'drop[1].max_drop': must be a number, "
        "got '1 point'"
    )


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("[[floor]]\nmetric = 'chrF'\nmin = 1\n", "floor[1].metric",
         "'chrF' is not in {results} (there: bleu, chrf, rouge1, rouge2, rougeL, rougeLsum, ter)"),
        ("[[drop]]\ndataset = 'news'\nmax_drop = 1\n", "drop[1].dataset",
         "'news' is not in {results} (there: mt-faults)"),
        ("[[findings]]\ncheck = 'role_reversals'\nmax = 0\n", "findings[1].check",
         "'role_reversals' is not in {results}"),
        ("[[drop]]\nlang = 'de'\nmax_drop = 1\n", "drop[1].lang",
         "'de' is not in {results} (there: en, fr)"),
    ],
)
def test_rules_naming_what_the_results_lack_are_errors(
    scored: Scored, text: str, field: str, message: str
) -> None:
    policy = parse_policy(text, "gate.toml")
    with pytest.raises(InputError) as caught:
        evaluate_gate(scored.regressed, scored.baseline, policy)
    assert (caught.value.path, caught.value.line, caught.value.field) == ("gate.toml", 1, field)
    assert message.format(results=scored.regressed) in caught.value.detail


def test_a_rule_that_covers_nothing_is_an_error(scored: Scored, tmp_path: Path) -> None:
    # Every name exists somewhere (German only in the 'other' run), but not together.
    results = with_extra_run(scored.regressed, tmp_path / "two", "other", lang="de")
    policy = parse_policy("[[floor]]\nmetric = 'chrf'\nmin = 1\ndataset = 'mt-faults'\n"
                          "lang = 'de'\n", "gate.toml")
    with pytest.raises(InputError) as caught:
        evaluate_gate(results, results, policy)
    assert (caught.value.line, caught.value.field) == (1, "floor[1]")
    assert "this rule covers nothing" in caught.value.detail
    german = parse_policy("[[floor]]\nmetric = 'chrf'\nmin = 1\nlang = 'de'\n")
    (outcome,) = evaluate_gate(results, results, german).outcomes
    assert (outcome.dataset, outcome.lang, outcome.status) == ("other", "de", "pass")


def test_entity_scores_take_floors_and_drops(tmp_path: Path) -> None:
    # Entity scores keep their entity counts per segment, so a paired test judges them too.
    base = score(tmp_path, "base", clean_system(), metrics="entity", checks="none")
    cand = score(tmp_path, "cand", regressed_system()[0], metrics="entity", checks="none")
    drop = parse_policy("[[drop]]\nmetric = 'entity_prec_source'\nmax_drop = 1\n", "g.toml")
    (outcome,) = evaluate_gate(cand, base, drop).outcomes
    assert outcome.kind == "drop" and "p=" in outcome.detail
    floor = parse_policy("[[floor]]\nmetric = 'entity_prec_source'\nmin = 101\n")
    (outcome,) = evaluate_gate(cand, base, floor).outcomes
    assert outcome.status == "fail" and "below floor 101.00" in outcome.line  # in points: x100
    assert "entity_recall_target" in {o.metric for o in evaluate_gate(cand, base).outcomes}
