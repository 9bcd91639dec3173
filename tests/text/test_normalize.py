"""Name normalisation and matching: folding, transliteration, Jaro-Winkler, match kinds."""

from __future__ import annotations

import pytest

from evalsuite.text.normalize import (
    aliases,
    close_forms,
    edit_distance,
    fold,
    fold_text,
    jaro_winkler,
    marks_differ,
    match_names,
    name_key,
    normalize_entity,
    same_stem,
    similarity,
    strip_diacritics,
    transliterate,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Kremlin's", "kremlin"),
        ("The United States’", "united states"),
        ("l'Élysée", "elysee"),
        ("Le Monde", "monde"),
        ("Die Zeit", "zeit"),
        ("El País", "pais"),
        ("  Jean-Luc   Mélenchon ", "jean luc melenchon"),
        ("U.S.", "u s"),
        ("The", "the"),  # an article alone stays
    ],
)
def test_normalize_entity(text: str, expected: str) -> None:
    assert normalize_entity(text) == expected


def test_name_key_drops_titles_unless_only_titles() -> None:
    assert name_key("Mr Blinken") == "blinken"
    assert name_key("Mme Lagarde") == "lagarde"
    assert name_key("President") == "president"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Київ", "Kiiv"), ("Зеленский", "Zelenskiy"), ("Αθήνα", "Athina"), ("Škoda", "Skoda")],
)
def test_transliterate(text: str, expected: str) -> None:
    assert transliterate(text) == expected


def test_fold_and_strip_diacritics() -> None:
    assert strip_diacritics("Sánchez Pouyanné") == "Sanchez Pouyanne"
    assert fold("Владимир  Путин!") == "vladimir putin"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [  # textbook values
        ("martha", "marhta", 0.961),
        ("dwayne", "duane", 0.840),
        ("dixon", "dicksonx", 0.813),
        ("same", "same", 1.0),
        ("", "abc", 0.0),
    ],
)
def test_jaro_winkler(a: str, b: str, expected: float) -> None:
    assert jaro_winkler(a, b) == pytest.approx(expected, abs=1e-3)


def test_edit_distance_counts_a_swap_once() -> None:
    assert edit_distance("reinholz", "reinholtz") == 1
    assert edit_distance("abcd", "abdc") == 1
    assert edit_distance("kiev", "kyiv") == 2


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("Kremlin", "the Kremlin's", "exact"),
        ("US", "United States", "exact"),
        ("U.S.", "USA", "exact"),
        ("EU", "European Union", "exact"),
        ("Путин", "Putin", "exact"),
        ("Blinken", "Antony Blinken", "partial"),
        ("Mr Blinken", "Antony Blinken", "partial"),
        ("Kiev", "Kyiv", "variant"),
        ("Київ", "Kyiv", "variant"),
        ("Zelenskiy", "Zelensky", "variant"),
        ("Mr Zelenskiy", "Volodymyr Zelensky", "variant"),
        ("Anthony Blinken", "Antony Blinken", "variant"),
        ("Pedro Sánchez", "Pedro Sanchez", "variant"),
        ("Reinholz", "Reinholtz", "variant"),
        ("St Petersburg", "Saint Petersburg", "variant"),
        ("Iran", "Iraq", None),
        ("Austria", "Australia", None),
        ("Good pictures", "Getty Images", None),
        ("Antony", "Antony Blinken", None),  # a first name alone says too little
        ("Joe Biden", "Hunter Biden", None),
        ("Warsaw", "Prague", None),
        # a legal form is no part of what a company's name is about
        ("Volkswagen", "Volkswagen AG", "partial"),
        ("Acme", "Acme sp. z o.o.", "partial"),
        ("Bt.", "Ravenna Bt.", None),
        ("GmbH", "Siemens GmbH", None),
    ],
)
def test_match_names(a: str, b: str, kind: str | None) -> None:
    match = match_names(a, b)
    assert (match[0] if match else None) == kind
    reverse = match_names(b, a)
    assert (reverse[0] if reverse else None) == kind


def test_variant_similarity_is_reported() -> None:
    match = match_names("Kiev", "Kyiv")
    assert match is not None and 0.8 <= match[1] < 1.0
    assert similarity("Kiev", "Kyiv") == pytest.approx(0.85)


def test_marks_differ() -> None:
    assert marks_differ("Escrivá", "Escriva")
    assert not marks_differ("Escrivá", "ESCRIVÁ")
    assert not marks_differ("Путин", "Putin")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("mexico", "mexican", True),
        ("europe", "european", True),
        ("americans", "american", True),
        ("bavaria", "bavarian", True),
        ("india", "indian", True),
        ("pakistani", "pakistan", True),
        ("austria", "australian", False),
        ("iran", "iraq", False),
        ("northampton", "northamptonshire", False),  # another place
        ("morrissey", "morrisst", False),  # a garbled name
        ("iraq", "iraqi", True),
        ("mali", "malian", True),
    ],
)
def test_same_stem(a: str, b: str, same: bool) -> None:
    assert same_stem(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("culture", "cultural", True),
        ("jiangkou", "jiangkouhe", True),  # a transliteration that glues a word on
        ("mexico", "mexican", True),  # same_stem
        ("police", "policy", False),  # six letters, but a changed ending, not an added one
        ("paris", "parish", False),  # too short to tell
    ],
)
def test_close_forms(a: str, b: str, close: bool) -> None:
    assert close_forms(a, b) is close


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("Selenskyj", "Zelensky", "variant"),  # German transliteration: s for z, -yj for -y
        ("Зеленский", "Zelenskyy", "variant"),
        ("Illinois", "the Federal Aviation Administration of Illinois", None),  # not its head
        ("Leyen", "Ursula von der Leyen", "partial"),
        ("de Gaulle", "Charles de Gaulle", "partial"),
        ("MSK", "Moscow", "variant"),  # consonants that open the name: an abbreviation
        ("BBC", "Bobcat", None),
    ],
)
def test_transliterations_and_heads(a: str, b: str, kind: str | None) -> None:
    match = match_names(a, b)
    assert (match[0] if match else None) == kind


def test_aliases() -> None:
    assert "united states" in aliases("the USA")
    assert aliases("Gdynia") == []


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("Kiev", "Kyiv", "variant"),  # one name, two spellings
        ("Київ", "Kyiv", "variant"),  # transliterated "Kiiv": a respelling
        ("Москва", "Moscow", "exact"),  # an exonym: only the alias table knows
        ("Moskva", "Moscow", "exact"),
        ("München", "Munich", "exact"),
        ("Köln", "Cologne", "exact"),
        ("Warszawa", "Warsaw", "variant"),  # the endonym: close enough to be a respelling
        ("Варшава", "Warsaw", "exact"),
        ("Peking", "Beijing", "exact"),
        ("American", "U.S.", "exact"),  # the demonym standing for the country
        ("Warsaw", "Prague", None),
    ],
)
def test_exonyms_and_aliases(a: str, b: str, kind: str | None) -> None:
    match = match_names(a, b)
    assert (match[0] if match else None) == kind


def test_folded_text_find_maps_back_to_original_offsets() -> None:
    text = "Le président Зеленский à Kyjiw, l’Ukraine’s U.S. army"
    folded = fold_text(text)
    start, end = folded.find("zelenskii") or (0, 0)
    assert text[start:end] == "Зеленский"
    start, end = folded.find("u s") or (0, 0)
    assert text[start:end] == "U.S"
    assert folded.find("kyj") is None  # word boundary at the end
    assert folded.find("ukraine") is not None


def test_folded_text_suffix_and_stem() -> None:
    folded = fold_text("Встреча в Киеве с Зеленским")
    assert folded.find("kiev", allow_suffix=0) is None
    assert folded.find("kiev", allow_suffix=3) is not None
    assert folded.find("zelenskii", allow_suffix=3) is None
    assert folded.find("zelenskii", allow_suffix=3, stem=2) is not None


def test_shipped_legal_forms_are_what_the_script_derives() -> None:
    pytest.importorskip("cleanco")
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "scripts"))
    import build_legal_forms

    if build_legal_forms.metadata.version("cleanco") != build_legal_forms.VERSION:
        pytest.skip("another cleanco version is installed")
    shipped = build_legal_forms.OUTPUT.read_text(encoding="utf-8")
    assert build_legal_forms.build() == shipped
