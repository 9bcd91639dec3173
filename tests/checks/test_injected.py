"""injected_content: site boilerplate in several languages without any reference, and
sentences that nothing in the reference (or, across languages, the source) supports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import Finding
from evalsuite.checks.runner import run_checks

RESOURCES = Path(__file__).resolve().parents[2] / "evalsuite" / "resources"
BODY = {
    "en": "The central bank cut its key rate to 2 percent on Thursday, citing weak growth.",
    "fr": "La banque centrale a abaissé jeudi son taux directeur à 2 %, invoquant une croissance "
    "faible.",
    "es": "El banco central bajó el jueves su tipo de interés al 2 %, citando un crecimiento "
    "débil.",
    "de": "Die Zentralbank senkte am Donnerstag den Leitzins auf 2 Prozent und verwies auf das "
    "schwache Wachstum.",
    "ru": "Центральный банк в четверг снизил ключевую ставку до 2 %, сославшись на слабый рост.",
}


def _run(**fields: Any) -> list[Finding]:
    [findings] = run_checks([CheckInput(**fields)], ["injected_content"])
    return findings


# (language, appended line, fires)
BOILERPLATE = [
    ("en", "Leave a Reply", True),
    ("en", "Share this article with your friends.", True),
    ("en", "Follow us on Twitter and Facebook.", True),
    ("en", "We use cookies to improve your experience.", True),
    ("en", "See also: Hollywood star opens a vegan bakery in Paris", True),
    ("en", "Read more: Central bank cut its key rate for weak growth", False),
    ("en", "Economists had expected the cut.", False),
    ("fr", "Lire aussi : les dix plus belles plages de la côte Atlantique", True),
    ("fr", "Votre adresse e-mail ne sera pas publiée.", True),
    ("fr", "Les économistes attendaient cette baisse.", False),
    ("es", "Ver también: el Real Madrid ficha a un nuevo portero", True),
    ("es", "Síguenos en Instagram.", True),
    ("de", "Lesen Sie auch: Neuer Rekord beim Berlin-Marathon", True),
    ("de", "Schreibe einen Kommentar", True),
    ("ru", "Читайте также: В Сочи открылся новый аквапарк", True),
    ("ru", "Оставьте комментарий", True),
    ("ru", "Экономисты ожидали этого решения.", False),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "line", "fires"), BOILERPLATE)
def test_boilerplate_without_reference(lang: str, line: str, fires: bool) -> None:
    findings = _run(hypothesis=f"{BODY[lang]}\n\n{line}", hyp_lang=lang)
    assert bool(findings) is fires, [f.message for f in findings]
    if fires:
        assert findings[0].hyp_span is not None and findings[0].hyp_span.text == line.strip()
        assert findings[0].severity == "major"


def test_seed_article() -> None:
    article = (RESOURCES / "seed_article.txt").read_text(encoding="utf-8")
    findings = _run(hypothesis=article)
    lines = [f.evidence["line"] for f in findings]
    assert len(lines) == 4, lines
    assert lines[0].startswith("See also") and "Bankman-Fried" in lines[0]
    assert findings[0].evidence["overlap"] == 0.0
    assert lines[1:] == [
        "Leave a Reply",
        "Your email address will not be published.",
        "Required fields are marked *",
    ]


def test_boilerplate_also_in_the_reference_is_not_injected() -> None:
    text = f"{BODY['en']} Share this article with your friends."
    assert _run(hypothesis=text, reference=text) == []


def test_unsupported_sentence_against_reference() -> None:
    ref = "Prime Minister François Bayrou announced a 12 billion euro plan to renovate hospitals."
    hyp = f"{ref} The recipe works just as well with frozen raspberries."
    [finding] = _run(hypothesis=hyp, reference=ref)
    assert finding.evidence["against"] == "reference"
    assert finding.evidence["support"] < 0.25
    assert "raspberries" in finding.evidence["line"]
    paraphrase = (
        "Premier François Bayrou unveiled a plan of 12 billion euros for renovating hospitals."
    )
    assert _run(hypothesis=paraphrase, reference=ref) == []


def test_cross_lingual_source_uses_anchors_only() -> None:
    src = "Le Premier ministre François Bayrou a annoncé un plan de 12 milliards d'euros."
    hyp = (
        "Prime Minister François Bayrou announced a 12 billion euro plan. "
        "Tickets for the Glastonbury festival go on sale on 14 June at 9 a.m."
    )
    [finding] = _run(hypothesis=hyp, source=src, hyp_lang="en", src_lang="fr")
    assert "Glastonbury" in finding.evidence["line"]
    clean = "Prime Minister François Bayrou announced a 12 billion euro plan."
    assert _run(hypothesis=clean, source=src, hyp_lang="en", src_lang="fr") == []


def test_mt_faults_resource() -> None:
    rows = [
        json.loads(line)
        for line in (RESOURCES / "mt_faults.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    chosen = [r for r in rows if r["meta"]["fault"] in ("sentence_appended", "none")]
    inputs = [
        CheckInput(r["hypothesis"], r["reference"], r["source"], r["tgt_lang"], r["src_lang"])
        for r in chosen
    ]
    results = run_checks(inputs, ["injected_content"])
    appended = [bool(f) for r, f in zip(chosen, results, strict=True)
                if r["meta"]["fault"] == "sentence_appended"]  # fmt: skip
    clean = [bool(f) for r, f in zip(chosen, results, strict=True) if r["meta"]["fault"] == "none"]
    assert sum(appended) >= 0.9 * len(appended)
    assert not any(clean)


def test_summary_is_supported_by_its_article_not_its_reference_summary() -> None:
    article = (
        "The city council voted on Monday to approve the new stadium. The mayor said the "
        "project would not raise local taxes. Construction starts in spring."
    )
    summary = "Construction of the stadium starts in spring, without raising local taxes."
    reference = "The council approved a new stadium."
    assert _run(hypothesis=summary, reference=reference, task="summary") == []
    assert _run(hypothesis=summary, reference=reference, source=article, task="summary") == []
    invented = f"{summary} The striker signed a three-year contract with Juventus."
    [finding] = _run(hypothesis=invented, source=article, task="summary")
    assert finding.evidence["against"] == "source" and "Juventus" in finding.evidence["line"]


# (source language, source, output, the sentence that must be reported or None). A translation
# split into sentences keeps its aligned words even when its names are transliterated.
SPLIT_ACROSS_SCRIPTS = [
    ("zh", "中共中央政治局常委蔡奇周二在北京出席全国宣传思想工作会议并讲话，他要求各地认真学习贯彻"
     "会议精神。",
     "Cai Qi, a member of the Standing Committee of the Political Bureau of the CPC Central "
     "Committee, attended the national conference on propaganda work in Beijing on Tuesday and "
     "delivered a speech. He asked all localities to earnestly study and implement the spirit of "
     "the conference.", None),
    ("zh", "国务院总理李强3日在人民大会堂会见了德国总理朔尔茨。",
     "Premier Li Qiang met German Chancellor Olaf Scholz at the Great Hall of the People on the "
     "3rd. Tickets for the Glastonbury Festival go on sale on 14 June at 9 a.m.", "Glastonbury"),
    ("ja", "安倍晋三首相は５日、東京で記者会見を開き、新しい経済対策を発表した。",
     "Prime Minister Shinzo Abe held a press conference in Tokyo on the 5th. He announced new "
     "economic measures.", None),
    ("ja", "安倍晋三首相は５日、東京で記者会見を開き、新しい経済対策を発表した。",
     "Prime Minister Shinzo Abe held a press conference in Tokyo on the 5th. Manchester United "
     "beat Liverpool 3-1 at Old Trafford on Sunday.", "Manchester"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "src", "hyp", "injected"), SPLIT_ACROSS_SCRIPTS)
def test_sentences_aligned_across_scripts(
    lang: str, src: str, hyp: str, injected: str | None
) -> None:
    found = _run(hypothesis=hyp, source=src, hyp_lang="en", src_lang=lang)
    assert [injected in f.evidence["line"] for f in found] == ([True] if injected else [])
