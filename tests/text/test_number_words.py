"""Number words read back by value: every CLDR spell-out in the shipped fixture, an
independent speller (num2words), and the hand-written additions."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from evalsuite.text.number_words import month_names, number_words
from evalsuite.text.numbers import extract_numbers

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "number_spellouts.tsv"


def _spellouts() -> list[tuple[str, str, int, str]]:
    rows = []
    for line in FIXTURE.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, rule_set, value, text = line.split("\t")
            rows.append((lang, rule_set, int(value), text))
    return rows


SPELLOUTS = _spellouts()


def test_fixture_covers_every_word_language() -> None:
    langs = {row[0] for row in SPELLOUTS}
    assert langs >= {"cs", "de", "en", "es", "fr", "hi", "it", "pl", "pt", "ru"}
    assert len(SPELLOUTS) > 2000


@pytest.mark.parametrize("lang", sorted({row[0] for row in SPELLOUTS}))
def test_every_cldr_spellout_reads_as_its_value(lang: str) -> None:
    wrong = []
    for _, rule_set, value, text in (row for row in SPELLOUTS if row[0] == lang):
        mentions = extract_numbers(text, lang)
        if [(m.value, m.text) for m in mentions] != [(float(value), text)]:
            wrong.append((rule_set, value, text, [m.key for m in mentions]))
    assert wrong == []


@pytest.mark.parametrize("lang", ["en", "de", "fr", "es", "it", "pl", "ru", "pt", "uk", "ja"])
def test_an_independent_speller_reads_back(lang: str) -> None:
    num2words = pytest.importorskip("num2words").num2words
    rng = random.Random(7)
    numbers = sorted({*range(0, 120), *rng.sample(range(120, 10**7), 200)})
    wrong = []
    for n in numbers:
        text = num2words(n, lang=lang)
        if lang == "it" and "dicotto" in text:
            continue  # num2words 0.5.14 misspells 18 inside compounds (Italian: "diciotto")
        mentions = extract_numbers(text, lang)
        if [m.value for m in mentions] != [float(n)]:
            wrong.append((n, text, [m.key for m in mentions]))
    assert wrong == []


@pytest.mark.parametrize(
    ("lang", "word", "value", "kind"),
    [
        ("cs", "pěti", 5, "add"),  # hand-written case forms CLDR does not spell
        ("cs", "tisíce", 1000, "scales"),
        ("pl", "pięciu", 5, "add"),
        ("pl", "tysięcy", 1000, "scales"),
        ("ru", "двадцати", 20, "add"),
        ("hi", "पैंतालीस", 45, "add"),
        ("hi", "लाख", 100000, "scales"),
        ("hi", "खरब", 10**11, "scales"),
        ("it", "sei", 6, "weak"),  # also "you are"
        ("it", "migliaia", 1000, "marker"),
        ("de", "tausende", 1000, "marker"),
        ("en", "one", 1, "weak"),
        ("es", "media", 0.5, "half"),
    ],
)
def test_table_entries(lang: str, word: str, value: float, kind: str) -> None:
    assert number_words(lang)[word] == (float(value), kind)


def test_hindi_reads_with_or_without_the_nukta() -> None:
    assert [m.value for m in extract_numbers("तीन हजार लोग", "hi")] == [3000.0]
    assert [m.value for m in extract_numbers("तीन हज़ार लोग", "hi")] == [3000.0]


def test_months_come_from_cldr_in_every_form() -> None:
    assert month_names("cs")["ledna"] == month_names("cs")["leden"] == 1
    assert month_names("pl")["września"] == 9
    assert month_names("ru")["марта"] == month_names("ru")["март"] == 3
    assert month_names("hi")["जनवरी"] == 1
    assert month_names("zh") == {}  # "7月": a number and 月, read as digits


def test_shipped_table_is_what_the_build_script_derives() -> None:
    pytest.importorskip("icu", reason="PyICU (pip install pyicu, needs libicu-dev) not installed")
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    import build_number_words as build

    table, fixture = build.build()
    assert table == (build.OUTPUT.read_text("utf-8"))
    assert fixture == FIXTURE.read_text("utf-8")
