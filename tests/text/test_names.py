"""Name finders per language: what each takes for a name, and what it must not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from evalsuite.text.names import find_names
from tests.fixtures.lexicons import tiny_lexicon_dir, tiny_lexicons

__all__ = ["tiny_lexicon_dir", "tiny_lexicons"]


def _strong(text: str, lang: str) -> list[str]:
    return [n.text for n in find_names(text, lang) if n.strong]


def test_german_nouns_are_not_names(tiny_lexicons: Path) -> None:
    text = "Der Sprecher der Regierung sagte, die Katagorie der Stadt sei neu."
    assert _strong(text, "de") == []  # known nouns, and a noun after an article


def test_german_names_and_exonyms(tiny_lexicons: Path) -> None:
    text = "Der Bürgermeister von München traf Angela Merkel und den WM-Rekordtorschützen."
    assert _strong(text, "de") == ["München", "Angela Merkel", "WM"]


def test_a_sentence_opening_word_alone_is_weak(tiny_lexicons: Path) -> None:
    assert _strong("Prenotando in anticipo, il viaggiatore dorme.", "it") == []
    assert _strong("Siminoff ha dichiarato che le vendite sono cresciute.", "it") == []
    # A run of two unknown capitalised words opening a sentence is a name.
    assert _strong("Edgar Veguilla erlitt Wunden.", "de") == ["Edgar Veguilla"]


def test_elided_articles_are_cut(tiny_lexicons: Path) -> None:
    assert _strong("Quant à l'ISL, l'Athletico de Kolkata a gagné.", "fr") == [
        "ISL",
        "Athletico de Kolkata",
    ]


def test_two_letter_place_codes_are_no_names(tiny_lexicons: Path) -> None:
    assert _strong("Il est presque impossible. Es bleibt so.", "fr") == []


def test_russian_ner(tiny_lexicons: Path) -> None:
    names = find_names("Владимир Путин встретился в Москве с Олафом Шольцем.", "ru")
    assert [(n.text, n.label, n.how) for n in names] == [
        ("Владимир Путин", "PERSON", "natasha"),
        ("Москве", "LOC", "natasha"),
        ("Олафом Шольцем", "PERSON", "natasha"),
    ]


def test_chinese_proper_nouns_carry_their_english_names(tiny_lexicons: Path) -> None:
    names = {n.text: n for n in find_names("特朗普在纽约会见了马克龙。城市很大。", "zh")}
    assert set(names) == {"特朗普", "纽约", "马克龙"}  # not 城市, an ordinary word
    assert "New York" in names["纽约"].parts[0].glosses


def test_chinese_numbered_short_forms_are_no_names(tiny_lexicons: Path) -> None:
    # jieba tags "二十大" (the 20th Party Congress) as a person's name.
    names = find_names("学习党的二十大精神。", "zh")
    assert "二十大" not in {n.text for n in names}


def test_chinese_interpunct_names_and_pretokenised_text(tiny_lexicons: Path) -> None:
    names = find_names("另外 , 我 是 阿什 温 · 贝特 拉 贝特 。", "zh")
    assert [(n.text, n.how) for n in names] == [("阿什 温 · 贝特 拉 贝特", "interpunct")]


def test_japanese_proper_nouns_readings_and_loanwords(tiny_lexicons: Path) -> None:
    names = {n.text: n for n in find_names("甲府市のキャンペーンでポトロとユーザーページ。", "ja")}
    assert "キャンペーン" not in names and "ユーザーページ" not in names  # loanwords
    assert names["甲府"].parts[0].latin == ("koufu",)
    assert names["ポトロ"].how == "katakana"


def test_a_compound_of_known_katakana_words_is_a_weak_name(tiny_lexicons: Path) -> None:
    text = "ソックパペットのポトロはジャックブーツを履いた。"
    names = {n.text: n for n in find_names(text, "ja")}
    assert not names["ソックパペット"].strong  # sock + puppet: perhaps a loanword
    assert names["ポトロ"].strong
    # UniDic's proper noun "ジャック" as a piece of "ジャックブーツ" (jackboots): no person.
    assert not names["ジャック"].strong
    # A word of a name joined by interpuncts to a loanword stays a name.
    names = {n.text: n for n in find_names("昨日アマゾン・ドット・コムが発表した。", "ja")}
    assert names["アマゾン"].strong


def test_hindi_places_are_strong_unknown_words_weak(tiny_lexicons: Path) -> None:
    names = {n.text: n for n in find_names("जर्मनी ने गूगल को हराया।", "hi")}
    assert names["जर्मनी"].strong and names["जर्मनी"].label == "LOC"
    assert not names["गूगल"].strong


@pytest.mark.parametrize("lang", ["zh", "ja", "hi", "ru"])
def test_latin_words_in_other_scripts_are_names(tiny_lexicons: Path, lang: str) -> None:
    text = {"zh": "他买了Audi TT。", "ja": "彼はAudi TTを買った。", "hi": "उसने Audi TT खरीदी।",
            "ru": "Он купил Audi TT."}[lang]  # fmt: skip
    assert "Audi TT" in _strong(text, lang)


def test_german_nouns_in_another_form_than_the_dictionary_lists(tiny_lexicons: Path) -> None:
    # The tiny lexicon lists "Woche" and "Preis": "Wochen" and "Preise" are nouns too.
    assert _strong("Er sagte, die Preise steigen seit Wochen.", "de") == []


def test_hindi_acronyms_spelled_in_letter_names(tiny_lexicons: Path) -> None:
    from evalsuite.text.names.hindi import spelled_acronym

    assert spelled_acronym("एनएसए") == "NSA"
    assert spelled_acronym("एमएल") == "ML"
    assert spelled_acronym("के") is None  # one letter name is a postposition, not an acronym
    assert spelled_acronym("शहर") is None
    names = {n.text: n for n in find_names("एडवोकेट एमएल गुप्ता ने कहा।", "hi")}
    assert names["एमएल"].strong and names["एमएल"].how == "spelled-acronym"
    assert "कहा।" not in names  # the danda ends a word


_TINY_HUNSPELL = {
    # Czech: an adjective (lowercase) and a city (capitalised) with a locative suffix.
    "cs_CZ": (
        "SET UTF-8\nSFX Y Y 1\nSFX Y ý ých ý\nSFX L Y 1\nSFX L ha ze ha\n",
        "2\nspojený/Y\nPraha/L\n",
    ),
    # Polish (ISO8859-2, as Debian's): a city name declined.
    "pl_PL": ("SET ISO8859-2\nSFX M Y 1\nSFX M ów owie ów\n", "1\nKraków/M\n"),
    # Spanish: an ordinary word (gobierno) and a proper noun listed with its capital.
    "es_ES": ("SET UTF-8\n", "2\ngobierno\nCongreso\n"),
    # German: compound parts flagged for a compound's end, nouns capitalised.
    "de_DE": (
        "SET UTF-8\nCOMPOUNDEND z\nONLYINCOMPOUND o\n",
        "4\nTier\ntier/oz\nwohl/oz\nTenne\n",
    ),
}


@pytest.fixture
def tiny_hunspell(
    tiny_lexicons: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Tiny Hunspell dictionaries in place of any installed ones, with fresh caches."""
    from evalsuite.text.hunspell_lexicon import load_hunspell
    from evalsuite.text.names import common, dictionary

    for name, (aff, dic) in _TINY_HUNSPELL.items():
        encoding = "iso8859-2" if "ISO8859-2" in aff else "utf-8"
        (tmp_path / f"{name}.aff").write_bytes(aff.encode(encoding))
        (tmp_path / f"{name}.dic").write_bytes(dic.encode(encoding))
    monkeypatch.setenv("EVALSUITE_HUNSPELL_DIR", str(tmp_path))
    caches = [load_hunspell, dictionary._stems, dictionary.german_compound, common.known,
              find_names]  # fmt: skip

    def clear() -> None:
        for cached in caches:
            cached.cache_clear()

    clear()
    yield tmp_path
    clear()


def test_a_capitalised_form_of_a_lowercase_dictionary_word_is_no_name(
    tiny_hunspell: Path,
) -> None:
    # "Spojených" (of spojený, "united") alone mid-sentence: evidence, never reported missing.
    names = find_names("Tady ve Spojených je to zločin.", "cs")
    assert [(n.text, n.strong) for n in names] == [("Spojených", False)]
    # A name the dictionary lists capitalised stays a name.
    assert _strong("Byl jsem v Praze.", "cs") == ["Praze"]


def test_a_declined_name_carries_its_dictionary_form(tiny_hunspell: Path) -> None:
    (name,) = [n for n in find_names("Mieszkał w Krakowie.", "pl") if n.strong]
    assert name.parts[0].latin == ("krakowie", "krakow")
    (name,) = [n for n in find_names("Byl jsem v Praze.", "cs") if n.strong]
    assert "praha" in name.parts[0].latin


def test_german_compounds_of_dictionary_words_are_nouns(tiny_hunspell: Path) -> None:
    # Tier + wohl (a word allowed at a compound's end): a noun, though the lexicon lacks it.
    assert _strong("Die Stadt fördert Tierwohl.", "de") == []


def test_a_german_stem_match_the_dictionary_does_not_confirm_is_a_name(
    tiny_hunspell: Path,
) -> None:
    # The stemmer cuts "Tennet" to the lexicon's "Tenne" (barn); Hunspell knows no "Tennet".
    assert _strong("Sie liegt laut Tennet bei 7,1 Gigawatt.", "de") == ["Tennet", "Gigawatt"]
    assert _strong("Sie liegt in der Tenne.", "de") == []


def test_a_declined_place_is_looked_up_by_its_dictionary_form(tiny_hunspell: Path) -> None:
    from evalsuite.text.names.common import place_of

    place_of.cache_clear()
    # Trimming "Praze" to a stem finds Paris; the dictionary's Praha is Prague.
    assert place_of("Praze", "cs") == {"Prague"}
    place_of.cache_clear()


def test_a_spanish_ordinary_word_with_a_capital_is_a_weak_name(tiny_hunspell: Path) -> None:
    # "Gobierno" (gobierno, government) capitalised as an institution: translations render
    # it freely ("presidente del Gobierno" / "Prime Minister"), so it is evidence only.
    names = find_names("El presidente del Gobierno viajó ayer a Bruselas.", "es")
    assert [(n.text, n.strong) for n in names] == [("Gobierno", False), ("Bruselas", True)]
    # A word the dictionary lists with its capital stays a name.
    assert _strong("Ayer votó el Congreso.", "es") == ["Congreso"]


def test_two_function_words_in_a_row_stay_inside_a_name(tiny_lexicons: Path) -> None:
    assert _strong("La Organización Mundial de la Salud advirtió ayer.", "es") == [
        "Organización Mundial de la Salud"
    ]
    assert _strong("Lo dijo el Congreso de los Diputados.", "es") == ["Congreso de los Diputados"]
    # A function word not followed by a name is no part of one.
    assert _strong("Lo dijo Pedro de la casa.", "es") == ["Pedro"]


def test_a_spanish_doubled_abbreviation_is_one_name(tiny_lexicons: Path) -> None:
    for text in ("Lo dijo ayer EE. UU. en Ginebra.", "Lo dijo ayer EE.UU. en Ginebra."):
        assert [n.text for n in find_names(text, "es")][0].startswith("EE.")
        assert len([n for n in find_names(text, "es") if n.text.startswith("EE")]) == 1
