"""The check registry and the batch runner: names, reference-free inputs, shared parsing."""

from __future__ import annotations

import pytest

from evalsuite.checks import runner
from evalsuite.checks.api import CheckInput
from evalsuite.checks.runner import CHECKS, available_checks, run_checks
from evalsuite.errors import UsageError
from evalsuite.text import nlp


def test_registry_names_the_four_checks() -> None:
    first = ["entity_missing", "entity_unsupported", "entity_variant", "number_mismatch"]
    assert set(first) <= set(available_checks())
    assert available_checks() == sorted(CHECKS)
    assert CHECKS["entity_missing"].severity == "critical"
    assert CHECKS["entity_variant"].severity == "minor"
    assert CHECKS["entity_unsupported"].severity == "major"
    assert all(CHECKS[name].needs == "reference_or_source" for name in first)


def test_unknown_check_names_the_valid_ones() -> None:
    with pytest.raises(UsageError) as error:
        run_checks([CheckInput("x", reference="x")], ["entity_missing", "no_such_check"])
    message = str(error.value)
    assert "no_such_check" in message
    assert all(name in message for name in available_checks())


def test_findings_come_back_per_input_in_order() -> None:
    inputs = [
        CheckInput("Merz met Tusk in Prague.", reference="Merz met Tusk in Warsaw.", hyp_lang="en"),
        CheckInput("Merz met Tusk in Warsaw.", reference="Merz met Tusk in Warsaw.", hyp_lang="en"),
        CheckInput("Merz met Tusk in 2025.", reference="Merz met Tusk in 2024.", hyp_lang="en"),
        CheckInput("Antony Blinken visited Kyiv in 2024."),  # nothing to compare with
        CheckInput("Merz a rencontré Tusk à Prague.", reference="Merz a rencontré Tusk à Varsovie.",
                   hyp_lang="fr"),
    ]  # fmt: skip
    results = run_checks(inputs)
    assert len(results) == len(inputs)
    assert {f.check for f in results[0]} == {"entity_missing", "entity_unsupported"}
    assert results[1] == []
    assert {f.check for f in results[2]} == {"number_mismatch"}
    assert results[3] == []
    assert {f.check for f in results[4]} == {"entity_missing", "entity_unsupported"}


def test_selected_checks_only() -> None:
    [findings] = run_checks(
        [
            CheckInput(
                "Merz met Tusk in Prague in 2025.", reference="Merz met Tusk in Warsaw in 2024."
            )
        ],
        ["number_mismatch"],
    )
    assert {f.check for f in findings} == {"number_mismatch"}


def test_blank_reference_counts_as_none() -> None:
    assert run_checks([CheckInput("Merz met Tusk.", reference="  ", source="")]) == [[]]


def test_all_texts_are_parsed_in_one_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    original = runner.parse_texts

    def counting(texts: list[str], langs: list[str], *, with_nlp: bool = True) -> object:
        calls.append(list(langs))
        return original(texts, langs, with_nlp=with_nlp)

    monkeypatch.setattr(runner, "parse_texts", counting)
    inputs = [
        CheckInput("Merz met Tusk.", reference="Merz met Tusk.", source="Merz traf Tusk.",
                   hyp_lang="en", src_lang="de"),
        CheckInput("Merz a vu Tusk.", reference="Merz a vu Tusk.", hyp_lang="fr"),
    ]  # fmt: skip
    run_checks(inputs)
    assert calls == [["en", "en", "de", "fr", "fr"]]


def test_number_checks_alone_load_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(lang: str) -> None:
        raise AssertionError(f"a pipeline was loaded for {lang}")

    monkeypatch.setattr(nlp, "load_pipeline", refuse)
    [findings] = run_checks(
        [CheckInput("It costs 5 euros.", reference="It costs 6 euros.", hyp_lang="en")],
        ["number_mismatch"],
    )
    assert len(findings) == 1


def test_summary_task_source_language_defaults_to_the_summary_language() -> None:
    [findings] = run_checks(
        [CheckInput("Olaf Scholz besuchte Paris.", source="Olaf Scholz besuchte Paris am Montag.",
                    hyp_lang="de", task="summary")]
    )  # fmt: skip
    assert findings == []


def test_a_check_reading_entities_sees_the_same_parse_whatever_else_is_selected() -> None:
    # "Madrid" opens its sentence: spaCy tags it, the rule-based fallback does not, so the
    # findings of injected_content would depend on whether another check loaded the parser.
    inp = CheckInput(
        "Der Rat tagte am Montag. Madrid hosted 12 games.",
        source="Der Rat tagte am Montag.", hyp_lang="en", src_lang="de",
    )  # fmt: skip
    [alone] = run_checks([inp], ["injected_content"])
    [together] = run_checks([inp])
    assert alone == [f for f in together if f.check == "injected_content"]
    assert CHECKS["injected_content"].uses_parse


def test_checks_that_read_entities_declare_the_parse() -> None:
    # The alignment checks read words and lexicons, never the parse or its entities.
    unparsed = {"number_mismatch", "detached_output", "omission", "addition", "page_artifact"}
    assert {name for name, check in CHECKS.items() if not check.uses_parse} == unparsed
