"""Alignment across every language pair with a tiny lexicon: lexicon links, compounds,
cognates across scripts, numbers, and what stays unaligned."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalsuite.align import align, content_words

# (source language, source, a faithful English translation)
FAITHFUL = [
    (
        "de",
        "Der Bürgermeister sagte, die neue Brücke der Stadt koste 40 Millionen.",
        "The mayor said the city's new bridge costs 40 million.",
    ),
    (
        "fr",
        "Le maire a dit que le nouveau pont de la ville coûte 40 millions.",
        "The mayor said the new bridge of the city costs 40 million.",
    ),
    (
        "ru",
        "Мэр сказал, что новый мост города стоит 40 миллионов.",
        "The mayor said the city's new bridge costs 40 million.",
    ),
    (
        "hi",
        "शहर में नया पुल बनाना है, 40 करोड़ में।",
        "A new bridge is to be built in the city for 40 crore.",
    ),
    (
        "zh",
        "市长说，城市的新桥花了4000万。",
        "The mayor said the city's new bridge cost 40 million.",
    ),
    ("ja", "市長は都市の新しい橋を建設した。", "The mayor built a new bridge in the city."),
]


@pytest.mark.parametrize(("lang", "source", "output"), FAITHFUL, ids=[f[0] for f in FAITHFUL])
def test_faithful_translations_align(
    tiny_lexicons: Path, lang: str, source: str, output: str
) -> None:
    alignment = align(source, lang, output, "en")
    assert alignment.lexicon == f"{lang}-en"
    assert alignment.coverage >= 0.5 and alignment.support >= 0.5, alignment.linked_pairs()
    assert any(how == "lexicon" for _, _, how in alignment.linked_pairs())


@pytest.mark.parametrize(("lang", "source", "output"), FAITHFUL, ids=[f[0] for f in FAITHFUL])
def test_unrelated_outputs_do_not(tiny_lexicons: Path, lang: str, source: str, output: str) -> None:
    unrelated = "Scientists discovered frozen water beneath a distant moon's icy surface."
    alignment = align(source, lang, unrelated, "en")
    assert alignment.coverage <= 0.2 and alignment.support <= 0.2, alignment.linked_pairs()


def test_english_source_and_foreign_output(tiny_lexicons: Path) -> None:
    """WMT21's direction: the source is English, the output German."""
    alignment = align(
        "The dog chased the cat in the garden.", "en", "Der Hund jagte die Katze im Garten.", "de"
    )
    assert alignment.coverage == 1.0 and alignment.support == 1.0


def test_compounds_split_into_known_parts(tiny_lexicons: Path) -> None:
    alignment = align(
        "Der Regierungssprecher sagte es.", "de", "The government spokesman said so.", "en"
    )
    linked = {(s, h) for s, h, _ in alignment.linked_pairs()}
    assert {("Regierungssprecher", "government"), ("Regierungssprecher", "spokesman")} <= linked


def test_names_align_across_scripts(tiny_lexicons: Path) -> None:
    alignment = align(
        "Байден встретился с Зеленским в Киеве.", "ru", "Biden met Zelensky in Kyiv.", "en"
    )
    how = {(s, h): k for s, h, k in alignment.linked_pairs()}
    assert how[("Байден", "Biden")] == "cognate"
    assert ("Зеленским", "Zelensky") in how


def test_numbers_align_whatever_their_separators(tiny_lexicons: Path) -> None:
    alignment = align(
        "Die Kosten stiegen um 3,5 Prozent auf 1.000 Euro.",
        "de",
        "Costs rose by 3.5 percent to 1,000 euros.",
        "en",
    )
    linked = {(s, h) for s, h, how in alignment.linked_pairs() if how == "number"}
    assert linked == {("3,5", "3.5"), ("1.000", "1,000")}


def test_reordering_changes_nothing(tiny_lexicons: Path) -> None:
    a = align(
        "Der Hund jagte die Katze im Garten.", "de", "In the garden, the dog chased the cat.", "en"
    )
    b = align(
        "Der Hund jagte die Katze im Garten.", "de", "The dog chased the cat in the garden.", "en"
    )
    assert a.coverage == b.coverage == 1.0


def test_without_a_lexicon_only_names_numbers_and_cognates_align(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from evalsuite.align import clear_caches

    monkeypatch.setenv("EVALSUITE_LEXICONS", str(tmp_path))
    clear_caches()
    alignment = align(
        "Der Hund von Angela Merkel bellte 3 Mal.",
        "de",
        "Angela Merkel's dog barked 3 times.",
        "en",
    )
    clear_caches()
    assert alignment.lexicon is None
    assert {h for _, h, _ in alignment.linked_pairs()} == {"Angela", "Merkel's", "3"}
    assert "lexicon" in capsys.readouterr().err


def test_content_words_have_spans_in_every_script() -> None:
    for text, lang in (
        ("市长说，城市的新桥。", "zh"),
        ("市長は新しい橋を建設した。", "ja"),
        ("शहर में नया पुल", "hi"),
        ("Мэр сказал", "ru"),
    ):
        words = content_words(text, lang)
        assert words and all(text[w.start : w.end] == w.text for w in words), (lang, words)


def test_devanagari_and_katakana_names_align_by_their_sounds(tiny_lexicons: Path) -> None:
    alignment = align(
        "एनएसए, गूगल, याहू और फेसबुक ने विधेयक का समर्थन किया।",
        "hi",
        "The NSA, Google, Yahoo and Facebook backed the bill.",
        "en",
    )
    how = {(s, h): k for s, h, k in alignment.linked_pairs()}
    for pair in (("एनएसए", "NSA"), ("गूगल", "Google"), ("याहू", "Yahoo"), ("फेसबुक", "Facebook")):
        assert how.get(pair) == "cognate", pair
    japanese = align("トランプ氏が来た。", "ja", "Trump came.", "en")
    assert ("トランプ", "Trump", "cognate") in map(tuple, japanese.linked_pairs())


def test_sounds_alike_is_not_enough_for_an_ordinary_word(tiny_lexicons: Path) -> None:
    # "रणनीति" (strategy) has the consonants of "limited"; "受け" (kanji and kana) is no loan.
    hindi = align("रणनीति सीमित थी।", "hi", "The strategy was limited.", "en")
    assert ("रणनीति", "limited") not in {(s, h) for s, h, _ in hindi.linked_pairs()}
    japanese = align("肩の治療を受けた。", "ja", "His shoulders were treated.", "en")
    assert "受け" not in {s for s, _, _ in japanese.linked_pairs() if _ == "cognate"}


def test_japanese_particles_auxiliaries_and_light_verbs_are_no_content() -> None:
    words = [w.text for w in content_words("なんとか試合に復帰しました。", "ja")]
    assert words == ["試合", "復帰"]
