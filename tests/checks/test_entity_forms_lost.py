"""Translations that keep a reference name only in part, or one of its two forms: the lost
part is `entity_missing` when the source vouches for it, and silent when the source is as
short as the translation (checks/entities.py: `_partly_lost`, `_lost_forms`)."""

from __future__ import annotations

from typing import Any

from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import Finding
from evalsuite.checks.runner import run_checks

ENTITY_CHECKS = ["entity_missing", "entity_variant", "entity_unsupported"]


def _run(**fields: Any) -> list[Finding]:
    [findings] = run_checks([CheckInput(**fields)], ENTITY_CHECKS)
    return findings


def _missing(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.check == "entity_missing"]


REF_PEOPLE = "Antony Blinken met Volodymyr Zelensky in Kyiv on Tuesday."


def test_a_first_name_the_source_has_is_missing_when_dropped() -> None:
    findings = _run(
        hypothesis="Blinken met Volodymyr Zelensky in Kyiv on Tuesday.",
        reference=REF_PEOPLE,
        source="Antony Blinken traf am Dienstag Wolodymyr Selenskyj in Kiew.",
        hyp_lang="en",
        src_lang="de",
    )
    [lost] = _missing(findings)
    assert lost.evidence["lost"] == ["antony"]
    assert lost.hyp_span is not None and lost.hyp_span.text == "Blinken"


def test_a_transliterated_source_vouches_for_a_respelled_first_name() -> None:
    reference = "The experts named Mike Pompeo the worst secretary of state."
    kwargs = {"reference": reference, "hyp_lang": "en", "src_lang": "ru",
              "source": "Эксперты назвали Майка Помпео худшим госсекретарём."}  # fmt: skip
    lost = _run(hypothesis="The experts called Pompeo the worst secretary of state.", **kwargs)
    assert [f.evidence["lost"] for f in _missing(lost)] == [["mike"]]
    kept = _run(hypothesis="The experts called Mike Pompeo the worst secretary of state.",
                **kwargs)  # fmt: skip
    assert _missing(kept) == []


def test_a_one_word_name_in_another_form_is_no_partial_loss() -> None:
    findings = _run(
        hypothesis="The company is one of the largest employers in the Kolín region.",
        reference="The company is one of the biggest employers in Kolínsko.",
        source="Společnost je jedním z největších zaměstnavatelů na Kolínsku.",
        hyp_lang="en",
        src_lang="cs",
    )
    assert _missing(findings) == []


def test_a_name_the_source_shortens_too_is_no_loss() -> None:
    findings = _run(
        hypothesis="Blinken met Zelensky in Kyiv on Tuesday.",
        reference=REF_PEOPLE,
        source="Blinken traf am Dienstag Selenskyj in Kiew.",
        hyp_lang="en",
        src_lang="de",
    )
    assert _missing(findings) == []


def test_a_source_in_another_script_vouches_for_no_lost_part() -> None:
    findings = _run(
        hypothesis="President Xi met Biden in Beijing.",
        reference="President Xi Jinping met Biden in Beijing.",
        source="习近平主席在北京会见了拜登。",
        hyp_lang="en",
        src_lang="zh",
    )
    assert _missing(findings) == []


def test_a_family_name_alone_is_a_loss_only_when_the_source_names_in_full() -> None:
    reference = "President Xi Jinping met Joe Biden in Beijing."
    kwargs = {"hypothesis": "President Xi met Joe Biden in Beijing.", "reference": reference,
              "hyp_lang": "en", "src_lang": "de"}  # fmt: skip
    full = _run(source="Präsident Xi Jinping traf Joe Biden in Peking.", **kwargs)
    assert [f.evidence["lost"] for f in _missing(full)] == [["jinping"]]
    short = _run(source="Präsident Xi traf Joe Biden in Peking.", **kwargs)
    assert _missing(short) == []


def test_words_lost_from_a_long_name_the_source_has_are_missing() -> None:
    reference = "Go to Paris Rue des Francs Bourgeois where the shops are open on Sunday."
    source = "Allez à Paris Rue des Francs Bourgeois où les boutiques sont ouvertes le dimanche."
    lost = _run(hypothesis="Go to Paris Rue des where the shops are open on Sunday.",
                reference=reference, source=source, hyp_lang="en", src_lang="fr")  # fmt: skip
    assert [f.evidence["lost"][0] for f in _missing(lost)] == ["francs"]
    kept = _run(hypothesis="Go to the Paris Rue des Francs Bourgeois, where shops open on Sunday.",
                reference=reference, source=source, hyp_lang="en", src_lang="fr")  # fmt: skip
    assert _missing(kept) == []


def test_a_lost_word_the_translation_has_elsewhere_is_no_loss() -> None:
    findings = _run(
        hypothesis="Antony met the press; Blinken then met Volodymyr Zelensky in Kyiv on Tuesday.",
        reference="Antony Blinken met the press, then Volodymyr Zelensky in Kyiv on Tuesday.",
        source="Antony Blinken traf die Presse, dann am Dienstag Wolodymyr Selenskyj in Kiew.",
        hyp_lang="en",
        src_lang="de",
    )
    assert all("antony" not in f.evidence.get("lost", []) for f in _missing(findings))


REF_AGENCY = "Chris Birchfield works for the National Weather Service (NWS) in Brownsville."
SRC_AGENCY = "Chris Birchfield pracuje pro Národní meteorologickou službu (NWS) v Brownsville."


def test_an_acronym_beside_its_expansion_is_missing_when_dropped() -> None:
    findings = _run(
        hypothesis="Chris Birchfield works for the National Weather Service in Brownsville.",
        reference=REF_AGENCY, source=SRC_AGENCY, hyp_lang="en", src_lang="cs",
    )  # fmt: skip
    assert [f.evidence["ref_entity"] for f in _missing(findings)] == ["NWS"]


def test_an_expansion_beside_its_acronym_is_missing_when_dropped() -> None:
    findings = _run(
        hypothesis="Chris Birchfield works for the NWS in Brownsville.",
        reference=REF_AGENCY, source=SRC_AGENCY, hyp_lang="en", src_lang="cs",
    )  # fmt: skip
    [lost] = _missing(findings)
    assert "National Weather Service" in lost.evidence["ref_entity"]


def test_an_acronym_the_source_does_not_bracket_is_one_name() -> None:
    for hypothesis in (
        "Chris Birchfield works for the NWS in Brownsville.",
        "Chris Birchfield works for the National Weather Service (NWS) in Brownsville.",
    ):
        findings = _run(
            hypothesis=hypothesis, reference=REF_AGENCY,
            source="Chris Birchfield pracuje pro NWS v Brownsville.", hyp_lang="en", src_lang="cs",
        )  # fmt: skip
        assert _missing(findings) == []


REF_DEMONYM = (
    "A former Filipino policeman took Hong Kong tourists hostage in Manila, the capital of "
    "the Philippines."
)
SRC_DEMONYM = (
    "Bývalý filipínský policista vzal turisty z Hongkongu jako rukojmí v Manile, hlavním městě "
    "Filipín."
)


def test_a_nationality_lost_beside_its_country_is_missing() -> None:
    findings = _run(
        hypothesis="A former policeman took Hong Kong tourists hostage in Manila, the capital "
        "of the Philippines.",
        reference=REF_DEMONYM, source=SRC_DEMONYM, hyp_lang="en", src_lang="cs",
    )  # fmt: skip
    assert [f.evidence["ref_entity"] for f in _missing(findings)] == ["Filipino"]


def test_a_country_lost_beside_its_nationality_is_missing() -> None:
    findings = _run(
        hypothesis="A former Filipino policeman took Hong Kong tourists hostage in Manila, the "
        "capital.",
        reference=REF_DEMONYM, source=SRC_DEMONYM, hyp_lang="en", src_lang="cs",
    )  # fmt: skip
    assert [f.evidence["ref_entity"] for f in _missing(findings)] == ["Philippines"]


def test_a_nationality_and_country_both_rendered_are_silent() -> None:
    for hypothesis in (
        "A former Filipino policeman took Hong Kong tourists hostage in the Philippine capital "
        "Manila.",
        "A former policeman from the Philippines took Hong Kong tourists hostage in Manila, the "
        "Philippine capital.",
    ):
        findings = _run(
            hypothesis=hypothesis, reference=REF_DEMONYM, source=SRC_DEMONYM, hyp_lang="en",
            src_lang="cs",
        )  # fmt: skip
        assert _missing(findings) == []
