"""detached_output, omission and addition against a source in another language, on tiny
lexicons: the faults fire, and free but faithful translations, reordering and idioms do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import Finding
from evalsuite.checks.runner import run_checks
from tests.fixtures.lexicons import tiny_lexicon_dir, tiny_lexicons

__all__ = ["tiny_lexicon_dir", "tiny_lexicons"]
CHECKS = ["detached_output", "omission", "addition"]

SOURCES = {
    "de": "Der Bürgermeister sagte, die neue Brücke der Stadt koste 40 Millionen.",
    "fr": "Le maire a dit que le nouveau pont de la ville coûte 40 millions.",
    "ru": "Мэр сказал, что новый мост города стоит 40 миллионов.",
    "zh": "市长说，城市的新桥花了4000万。",
    "ja": "市長は都市の新しい橋を建設した。",
    "hi": "शहर में नया पुल बनाना है, 40 करोड़ में।",
}
FAITHFUL = {
    "de": "The mayor said the city's new bridge costs 40 million.",
    "fr": "According to the mayor, the town's new bridge costs 40 million.",  # free
    "ru": "The new bridge of the city costs 40 million, the mayor said.",  # reordered
    "zh": "The mayor said the city's new bridge cost 40 million.",
    "ja": "The mayor built a new bridge in the city.",
    "hi": "A new bridge is to be built in the city for 40 crore.",
}
UNRELATED = "Scientists discovered frozen water beneath a distant moon's icy surface."


def _run(source: str, lang: str, output: str, checks: list[str] = CHECKS) -> list[Finding]:
    [found] = run_checks([CheckInput(output, None, source, "en", lang)], checks)
    return found


@pytest.mark.parametrize("lang", sorted(SOURCES))
def test_faithful_translations_get_no_finding(tiny_lexicons: Path, lang: str) -> None:
    assert _run(SOURCES[lang], lang, FAITHFUL[lang]) == []


@pytest.mark.parametrize("lang", sorted(SOURCES))
def test_an_unrelated_output_is_detached(tiny_lexicons: Path, lang: str) -> None:
    [finding] = _run(SOURCES[lang], lang, UNRELATED, ["detached_output"])
    assert finding.severity == "critical"
    assert finding.hyp_span is not None and finding.hyp_span.text == UNRELATED
    assert finding.ref_span is not None and finding.ref_span.text == SOURCES[lang]
    assert finding.evidence["lexicon"] == f"{lang}-en"
    assert finding.evidence["coverage"] <= 0.2


def test_an_empty_output_is_detached(tiny_lexicons: Path) -> None:
    [finding] = _run(SOURCES["de"], "de", ".", ["detached_output"])
    assert "empty" in finding.message


def test_an_english_source_with_a_german_output(tiny_lexicons: Path) -> None:
    """WMT21's direction: the lexicon is read from English to German."""
    source = "The dog chased the cat in the garden, the mayor said."

    def detached(output: str) -> list[str]:
        [found] = run_checks([CheckInput(output, None, source, "de", "en")], ["detached_output"])
        return [f.check for f in found]

    assert detached("Der Hund jagte die Katze im Garten, sagte der Bürgermeister.") == []
    assert detached("Wetter und Preise der Woche: die Kosten steigen.") == ["detached_output"]


def test_an_idiom_translated_by_meaning_is_not_an_omission(tiny_lexicons: Path) -> None:
    source = "Le maire a dit qu'il pleut des cordes cette semaine dans la ville."
    output = "The mayor said it has been raining cats and dogs in the city this week."
    assert _run(source, "fr", output) == []


def test_a_dropped_clause_is_an_omission(tiny_lexicons: Path) -> None:
    source = (
        "Der Bürgermeister sagte, die neue Brücke der Stadt koste 40 Millionen, "
        "der Hund jagte die Katze im Garten."
    )
    output = "The mayor said the city's new bridge costs 40 million."
    [finding] = _run(source, "de", output)
    assert finding.check == "omission" and finding.severity == "major"
    assert finding.ref_span is not None and "Hund" in finding.ref_span.text
    assert set(finding.evidence["clause_words"]) == {"Hund", "jagte", "Katze", "Garten"}


def test_an_added_clause_is_an_addition(tiny_lexicons: Path) -> None:
    output = (
        "The mayor said the city's new bridge costs 40 million, scientists discovered frozen water."
    )
    [finding] = _run(SOURCES["de"], "de", output)
    assert finding.check == "addition" and finding.severity == "major"
    assert finding.hyp_span is not None and finding.hyp_span.text.startswith("scientists")


def test_without_a_lexicon_a_thin_alignment_is_not_detached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evalsuite.align import clear_caches

    monkeypatch.setenv("EVALSUITE_LEXICONS", str(tmp_path))
    clear_caches()
    try:
        assert _run(SOURCES["de"], "de", FAITHFUL["de"]) == []  # 40 aligns: not detached
        assert _run("Der Hund jagte die Katze im Garten.", "de", "The dog chased the cat.") == []
        [finding] = _run(
            "Angela Merkel a visité Paris et Rome en 2019.", "fr", UNRELATED, ["detached_output"]
        )
        assert finding.evidence["lexicon"] is None
    finally:
        clear_caches()


def test_same_language_summaries_are_left_alone(tiny_lexicons: Path) -> None:
    [found] = run_checks(
        [CheckInput("A dog.", None, SOURCES["de"], "en", "de", task="summary")], CHECKS
    )
    assert found == []


def test_a_clause_holding_a_name_the_source_has_is_no_addition(tiny_lexicons: Path) -> None:
    # The acronym and its expansion are one name told two ways: the clause translates it,
    # though the lexicon has none of its words.
    source = "Der Bürgermeister sagte, die neue Brücke der Stadt koste 40 Millionen, laut FIFA."
    added = (
        "The mayor said the city's new bridge costs 40 million, scientists discovered frozen water."
    )
    assert [f.check for f in _run(source, "de", added)] == ["addition"]
    output = (
        "The mayor said the city's new bridge costs 40 million, according to the Federation "
        "of International Football."
    )
    assert _run(source, "de", output) == []
