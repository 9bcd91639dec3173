"""negation_flip: fires on a flipped clause in each supported language, stays quiet on
negatives said another way ("never" / "not ... ever", "ne ... jamais" / "ne ... pas")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import Finding
from evalsuite.checks.runner import run_checks

RESOURCES = Path(__file__).resolve().parents[2] / "evalsuite" / "resources"


def _run(**fields: Any) -> list[Finding]:
    [findings] = run_checks([CheckInput(**fields)], ["negation_flip"])
    return findings


# (hypothesis, reference, language, fires)
SAME_LANGUAGE = [
    ("The council did not approve the plan on Monday.",
     "The council approved the plan on Monday.", "en", True),
    ("The council approved the plan on Monday.",
     "The council didn't approve the plan on Monday.", "en", True),
    ("Nobody was injured in the fire at the factory.",
     "Several workers were injured in the fire at the factory.", "en", True),
    ("He never visited the old factory again.",
     "He did not ever visit the old factory again.", "en", False),
    ("She no longer works for the bank in London.",
     "She does not work for the bank in London anymore.", "en", False),
    ("Not only did prices rise, wages fell sharply.",
     "Prices rose, and wages fell sharply.", "en", False),
    ("The minister refused to sign the trade deal.",
     "The minister did not agree to sign the trade deal.", "en", False),
    ("The outcome of the vote remains unclear.",
     "The outcome of the vote is not clear.", "en", False),
    ("Le gouvernement ne relèvera pas l'âge de départ à la retraite.",
     "Le gouvernement relèvera l'âge de départ à la retraite.", "fr", True),
    ("Le gouvernement relèvera l'âge de départ à la retraite.",
     "Le gouvernement ne relèvera pas l'âge de départ à la retraite.", "fr", True),
    ("Il ne viendra jamais à Paris pour le sommet.",
     "Il ne viendra pas à Paris pour le sommet.", "fr", False),
    ("Il n'a que trois enfants et une maison.",
     "Il a seulement trois enfants et une maison.", "fr", False),
    ("Die Regierung wird die Steuern nicht erhöhen.",
     "Die Regierung wird die Steuern erhöhen.", "de", True),
    ("Er hat keine Zeit für das Treffen in Berlin.",
     "Er hat nie Zeit für das Treffen in Berlin.", "de", False),
    ("El gobierno no aceptó la propuesta de Washington.",
     "El gobierno aceptó la propuesta de Washington.", "es", True),
    ("Nunca visitó la ciudad de Madrid.", "No visitó jamás la ciudad de Madrid.", "es", False),
    ("Москва не намерена возобновлять зерновую сделку.",
     "Москва намерена возобновлять зерновую сделку.", "ru", True),
    ("Он никогда не был в Париже.", "Он ни разу не был в Париже.", "ru", False),
    ("Уряд не підтримав новий закон про мову.",
     "Уряд підтримав новий закон про мову.", "uk", True),
    ("Il governo non ha approvato la legge sul clima.",
     "Il governo ha approvato la legge sul clima.", "it", True),
    ("O governo não aprovou a lei do clima.", "O governo aprovou a lei do clima.", "pt", True),
]  # fmt: skip


@pytest.mark.parametrize(("hyp", "ref", "lang", "fires"), SAME_LANGUAGE)
def test_same_language(hyp: str, ref: str, lang: str, fires: bool) -> None:
    findings = _run(hypothesis=hyp, reference=ref, hyp_lang=lang)
    assert bool(findings) is fires, [f.evidence for f in findings]


def test_evidence_names_the_cue_and_both_clauses() -> None:
    [finding] = _run(
        hypothesis="The mayor said the bridge will not reopen, and the road stays closed.",
        reference="The mayor said the bridge will reopen, and the road stays closed.",
        hyp_lang="en",
    )
    ev = finding.evidence
    assert finding.severity == "critical"
    assert ev["against"] == "reference" and ev["cue"] == "not"
    assert "reopen" in ev["hyp_clause"] and "road" not in ev["hyp_clause"]
    assert "reopen" in ev["ref_clause"]
    assert (ev["hyp_polarity"], ev["ref_polarity"]) == ("negative", "positive")
    assert finding.hyp_span is not None and "not" in finding.hyp_span.text


# (hypothesis, source, source language, fires)
CROSS_LINGUAL = [
    ("The government will not raise taxes next year.",
     "Die Regierung wird die Steuern im nächsten Jahr erhöhen.", "de", True),
    ("The government will not raise taxes next year.",
     "Die Regierung wird die Steuern im nächsten Jahr nicht erhöhen.", "de", False),
    ("Russia's team will take part in the 2026 championship.",
     "Сборная России не примет участия в чемпионате 2026 года.", "ru", True),
    ("The prefecture did not authorise the demonstration.",
     "La préfecture n'a pas autorisé la manifestation.", "fr", False),
    ("Il n'a que trois enfants.", "He only has three children.", "en", False),
]  # fmt: skip


@pytest.mark.parametrize(("hyp", "src", "src_lang", "fires"), CROSS_LINGUAL)
def test_cross_lingual(hyp: str, src: str, src_lang: str, fires: bool) -> None:
    hyp_lang = "fr" if src_lang == "en" else "en"
    findings = _run(hypothesis=hyp, source=src, hyp_lang=hyp_lang, src_lang=src_lang)
    assert bool(findings) is fires, [f.evidence for f in findings]


def test_cross_lingual_aligns_sentences_by_length_and_numbers() -> None:
    """One source sentence translated as two: the flip is in the pair that answers to it."""
    findings = _run(
        hypothesis="The government will not raise taxes in 2025. It said so on Monday.",
        source="Die Regierung wird die Steuern 2025 erhöhen, sagte sie am Montag. "
        "Die Opposition protestierte sofort gegen den Plan.",
        hyp_lang="en",
        src_lang="de",
    )
    assert len(findings) == 1
    assert "2025" in findings[0].evidence["ref_clause"]


def test_summary_against_its_article() -> None:
    article = (
        "The city council voted on Monday to approve the new stadium. The mayor said the "
        "project would not raise local taxes. Construction starts in spring."
    )
    flipped = "The council approved a new stadium; the mayor said it would raise local taxes."
    kept = "The council approved a new stadium; the mayor said it would not raise local taxes."
    assert _run(hypothesis=flipped, source=article, hyp_lang="en", task="summary")
    assert not _run(hypothesis=kept, source=article, hyp_lang="en", task="summary")


def test_seed_article_against_itself_is_clean() -> None:
    article = (RESOURCES / "seed_article.txt").read_text(encoding="utf-8")
    assert _run(hypothesis=article, reference=article, hyp_lang="en") == []


def test_needs_a_reference_or_source() -> None:
    assert _run(hypothesis="The council did not approve the plan.") == []


def test_mt_faults_resource() -> None:
    rows = [
        json.loads(line)
        for line in (RESOURCES / "mt_faults.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    chosen = [r for r in rows if r["meta"]["fault"] in ("negation_flipped", "none")]
    inputs = [
        CheckInput(r["hypothesis"], r["reference"], r["source"], r["tgt_lang"], r["src_lang"])
        for r in chosen
    ]
    results = run_checks(inputs, ["negation_flip"])
    for row, findings in zip(chosen, results, strict=True):
        assert bool(findings) is (row["meta"]["fault"] == "negation_flipped"), row["id"]
