"""inconsistent_entity: one document spelling one name two ways, and the look-alikes that
are not that (a relative, a namesake, a nationality and its country)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import Finding
from evalsuite.checks.runner import run_checks
from evalsuite.text.normalize import name_key

RESOURCES = Path(__file__).resolve().parents[2] / "evalsuite" / "resources"


def _run(text: str, lang: str | None = None) -> list[Finding]:
    [findings] = run_checks([CheckInput(text, hyp_lang=lang)], ["inconsistent_entity"])
    return findings


# (document, language, the spellings expected in one finding, or None for no finding)
CASES = [
    ("President Volodymyr Zelensky met the press. Later Mr Zelenskiy said he was tired.",
     "en", {"Zelensky", "Zelenskiy"}),
    ("Troops left Kiev on Monday. Residents of Kyiv celebrated in the streets.",
     "en", {"Kiev", "Kyiv"}),
    ("Anthony Blinken flew to Moldova. Antony Blinken then met the president.",
     "en", {"Anthony Blinken", "Antony Blinken"}),
    ("Emmanuel Macron a reçu Olaf Scholz. Puis M. Makron a parlé à la presse.",
     "fr", {"Macron", "Makron"}),
    ("Bundeskanzler Olaf Scholz sprach in Berlin. Danach reiste Olaf Scholtz nach Paris.",
     "de", {"Scholz", "Scholtz"}),
    ("Президент Владимир Зеленский выступил в Раде. Позже Владимир Зеленськый уехал.",
     "ru", {"Зеленский", "Зеленськый"}),
    # not inconsistencies
    ("Joe Biden spoke on Monday. His son Hunter Biden did not attend.", "en", None),
    ("Russia said its Russian troops had left. Ukraine said Ukrainian forces had advanced.",
     "en", None),
    ("Donald Trump met Melania Trump in New York on Friday.", "en", None),
    ("Mr Blinken met Antony Blinken's deputy, who said Blinken would travel.", "en", None),
    ("Ed Miliband and David Miliband both spoke at the conference in Manchester.", "en", None),
    ("The plaque was unveiled by councillor Frank Jonas. Council leader Donna Jones spoke.",
     "en", None),
    ("Officers from MI5 briefed the committee; MI6 declined to comment.", "en", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "lang", "spellings"), CASES)
def test_cases(text: str, lang: str, spellings: set[str] | None) -> None:
    findings = _run(text, lang)
    if spellings is None:
        assert findings == [], [f.message for f in findings]
        return
    [finding] = findings
    assert {name_key(s) for s in finding.evidence["spellings"]} == {name_key(s) for s in spellings}
    for form, spans in finding.evidence["spans"].items():
        assert spans and all(text[s["start"] : s["end"]] == s["text"] for s in spans), form


def test_seed_article() -> None:
    article = (RESOURCES / "seed_article.txt").read_text(encoding="utf-8")
    [finding] = _run(article)
    assert finding.check == "inconsistent_entity" and finding.severity == "minor"
    assert finding.evidence["spellings"][-1] == "Zelenskiy"
    assert {"Zelensky", "Zelenskiy"} <= set(finding.evidence["forms"])
    assert finding.hyp_span is not None and finding.hyp_span.text == "Zelenskiy"
