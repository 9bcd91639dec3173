"""Entity checks against a source in another language with no reference, on tiny lexicons:
a name dropped or replaced is found, with both spans; faithful, free and reordered
translations, exonyms, transliterations and German common nouns are not findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import Finding
from evalsuite.checks.runner import run_checks
from tests.fixtures.lexicons import tiny_lexicon_dir, tiny_lexicons

__all__ = ["tiny_lexicon_dir", "tiny_lexicons"]
CHECKS = ["entity_missing", "entity_unsupported", "entity_variant"]
SERIOUS = ("critical", "major")

# (source language, output language, source, a faithful output)
FAITHFUL = [
    ("de", "en", "Der Bürgermeister von München sagte gestern, die Stadt baue eine neue Brücke.",
     "The mayor of Munich said yesterday that the city is building a new bridge."),  # exonym
    ("de", "en", "Der Bürgermeister von München sagte gestern, die Stadt baue eine neue Brücke.",
     "Yesterday the mayor of Munich said a new bridge is being built by the city."),  # reordered
    ("de", "en", "Der Sprecher der Regierung sagte, die Seite sei neu.",
     "The government spokesman said the page was new."),  # German nouns are no names
    ("de", "en", "Angela Merkel besuchte gestern Paris und traf Emmanuel Macron.",
     "Angela Merkel visited Paris yesterday and met Emmanuel Macron."),
    ("es", "en", "El alcalde de Londres, Sadiq Khan, dijo ayer que la ciudad construirá un puente "
     "nuevo.", "London mayor Sadiq Khan said yesterday that the city will build a new bridge."),
    ("fr", "en", "Emmanuel Macron a rencontré Olaf Scholz à Berlin.",
     "Emmanuel Macron met Olaf Scholz in Berlin."),
    ("fr", "en", "Le maire de Londres a visité l'Allemagne.",
     "The mayor of London visited Germany."),  # exonyms both ways, elided article
    ("it", "en", "Il sindaco di Milano ha visitato la Germania.",
     "The mayor of Milan visited Germany."),
    ("cs", "en", "Prezident Petr Pavel včera navštívil Vídeň.",
     "President Petr Pavel visited Vienna yesterday."),
    ("pl", "en", "Mariusz Błaszczak napisał na Twitterze, że odwiedzi Niemcy.",
     "Mariusz Blaszczak wrote on Twitter that he will visit Germany."),  # declension, marks
    ("ru", "en", "Владимир Путин встретился в Москве с Олафом Шольцем.",
     "Vladimir Putin met Olaf Scholz in Moscow."),  # transliteration of declined names
    ("ru", "en", "Владимир Путин встретился в Москве с Олафом Шольцем.",
     "Olaf Scholz and Vladimir Putin met in Moscow."),  # reordered
    ("ru", "en", "Американский танк подбил танк на учениях в Техасе.",
     "An American tank knocked out a tank during exercises in Texas."),
    ("zh", "en", "特朗普在纽约会见了马克龙。", "Trump met Macron in New York."),
    ("ja", "en", "トランプ大統領は東京を訪問した。", "President Trump visited Tokyo."),
    # Katakana loanwords no dictionary knows, rendered as lowercase English words.
    ("ja", "en", "私はグースとタイルドを追加した。", "I added goose and tildes."),
    ("ja", "en", "アーカイックなスペルは駄目だ。", "Archaic spellings are no good."),
    ("ja", "en", "彼はジャックブーツを履いていた。", "He was wearing jackboots."),
    ("hi", "en", "जर्मनी ने ब्रिटेन को हराया।", "Germany defeated Britain."),
    ("hi", "en", "गूगल और फेसबुक ने विधेयक का समर्थन किया।", "Google and Facebook backed the bill."),
    # A country's one-character short form inside a word ("美方": the U.S. side).
    ("zh", "en", "美方取消了比赛。", "The U.S. called off the match."),
    ("ja", "en", "米アマゾンが試合を中止した。", "America's Amazon cancelled the match."),
    # A name's word rendered by one character ("Blacks" / "黑" of "全黑队").
    ("zh", "en", "南非队击败了全黑队。", "South Africa beat the All Blacks."),
    ("en", "de", "Angela Merkel visited Paris yesterday.", "Angela Merkel besuchte gestern Paris."),
    ("en", "cs", "President Trump visited Prague yesterday.",
     "Prezident Trump včera navštívil Prahu."),  # a declined exonym
    ("en", "ja", "President Trump visited Tokyo.", "トランプ大統領は東京を訪問した。"),
    ("en", "zh", "Trump met Macron in New York.", "特朗普在纽约会见了马克龙。"),
    ("en", "cs", "The show was co-produced with Fox.", "Show spoluprodukovala s Foxem."),  # case
    ("en", "de", "He reverted Ebusiness vandalism.",
     "Er machte den Ebu siness Vandalismus rückgängig."),  # one word cut in two
    ("en", "de", "So the internet police AREN'T coming? British spellings are fine.",
     "Also kommt die Internetpolizei nicht? Die Stadt ist neu."),  # contraction, nationality
    ("hi", "en", "एडवोकेट एमएल गुप्ता ने कहा।", "Advocate ML Gupta said."),  # a spelled acronym
    ("hi", "en", "एडवोकेट एमएल गुप्ता ने कहा।", "Advocate M.L. Gupta said."),  # dotted initials
    # Apertium's proper nouns: a surname transliterated, a place the lexicon renders by sound.
    ("hi", "en", "गांधी ने यूरोप की यात्रा की।", "Gandhi travelled to Europe."),
    ("hi", "en", "गांधी ने यूरोप की यात्रा की।", "Europe was where Gandhi travelled."),
    ("hi", "en", "विजय नेहरू की हुई।", "The victory was Nehru's."),  # a listed name as a word
    ("en", "zh", "Trump met Macron.", "特朗普 ( 英语 : Trump ) 会见了马克龙。"),  # the original
    ("en", "ja", "He wore jackboots.", "彼 は ジャック ブーツ を 着 た 。"),  # a loanword's piece
    ("en", "cs", "Trump met the mayor in Prague.",
     "Trump se setkal se starostou v Praze . Nový most ."),  # an ordinary word after a break
    # An island country by its short forms (the Falklands, les Malouines, las Malvinas).
    ("fr", "en", "Il est impossible d'échanger de l'argent des Malouines.",
     "It is impossible to exchange Falklands money."),
    ("es", "en", "El barco llegó ayer a las Malvinas.",
     "The ship reached the Falklands yesterday."),
    # A platform rendered by the verb made from it.
    ("ru", "en", "Об этом сообщает в Twitter журналист Райан Кеннеди.",
     "Journalist Ryan Kennedy tweeted this."),
    ("pl", "en", "Prezydent napisał na Twitterze, że przyjedzie.",
     "The president tweeted that he would come."),
    ("de", "en", "Sie hat es gestern gegoogelt.", "She googled it yesterday."),
    # Acronyms of a country and of organisations, in each language's own letters.
    ("ru", "en", "США и ЕС обсудили в ООН новые санкции.",
     "The United States and the European Union discussed new sanctions at the United Nations."),
    ("es", "en", "La ONU condenó el ataque, según EE. UU.",
     "The UN condemned the attack, according to the US."),
    ("pl", "en", "ONZ wezwała Rosję do wycofania wojsk.",
     "The UN called on Russia to withdraw its troops."),
    ("fr", "en", "L'OTAN et l'ONU se réuniront à New York.",
     "NATO and the UN will meet in New York."),
    # German nouns that are also surnames, translated as nouns.
    ("de", "en", "Gestern sagten Fischer und Bauer, die Stadt baue eine neue Brücke.",
     "Yesterday fishermen and farmers said the city is building a new bridge."),
]  # fmt: skip

# (source language, output language, source, output, the source name lost or None, the output
# name invented or None)
FAULTY = [
    ("de", "en", "Top-Musiker wie Peter Frampton lobten Green.",
     "Top musicians like Peter praised Green.", "Peter Frampton", None),  # the surname lost
    ("hi", "en", "एडवोकेट एमएल गुप्ता ने कहा।", "Advocate Gupta said.", "एमएल", None),
    ("de", "en", "Der Bürgermeister von München sagte gestern, die Stadt baue eine neue Brücke.",
     "The mayor of Hamburg said yesterday that the city is building a new bridge.",
     "München", "Hamburg"),
    ("de", "en", "Der Bürgermeister von München sagte gestern, die Stadt baue eine neue Brücke.",
     "The mayor said yesterday that the city is building a new bridge.", "München", None),
    ("de", "en", "Angela Merkel besuchte gestern Paris und traf Emmanuel Macron.",
     "Angela Merkel visited Paris yesterday and met Boris Johnson.",
     "Emmanuel Macron", "Boris Johnson"),
    ("es", "en", "El alcalde de Londres, Sadiq Khan, dijo ayer que la ciudad construirá un puente "
     "nuevo.", "The mayor of London said yesterday that the city will build a new bridge.",
     "Sadiq Khan", None),
    ("fr", "en", "Emmanuel Macron a rencontré Olaf Scholz à Berlin.",
     "Emmanuel Macron met Angela Merkel in Berlin.", "Olaf Scholz", "Angela Merkel"),
    ("it", "en", "Il sindaco di Milano ha visitato la Germania.",
     "The mayor of Rome visited Germany.", "Milano", "Rome"),
    ("cs", "en", "Prezident Petr Pavel včera navštívil Vídeň.",
     "The president visited Vienna yesterday.", "Petr Pavel", None),
    ("pl", "en", "Mariusz Błaszczak napisał na Twitterze, że odwiedzi Niemcy.",
     "Mariusz Blaszczak wrote on Twitter that he will visit France.", "Niemcy", "France"),
    ("ru", "en", "Владимир Путин встретился в Москве с Олафом Шольцем.",
     "Dmitry Medvedev met Olaf Scholz in Moscow.", "Владимир Путин", "Dmitry Medvedev"),
    ("zh", "en", "特朗普在纽约会见了马克龙。", "Trump met Merkel in New York.", "马克龙", "Merkel"),
    ("zh", "en", "特朗普在纽约会见了马克龙。", "Trump met him in New York.", "马克龙", None),
    ("ja", "en", "トランプ大統領は東京を訪問した。", "President Obama visited Tokyo.",
     None, "Obama"),
    # A katakana name dropped, though the output has lowercase words.
    ("ja", "en", "昨日ポトロがグースを追加した。", "Yesterday someone added goose.",
     "ポトロ", None),
    ("hi", "en", "जर्मनी ने ब्रिटेन को हराया।", "Germany defeated France.", None, "France"),
    ("hi", "en", "गांधी ने यूरोप की यात्रा की।", "Gandhi travelled.", "यूरोप", None),
    ("hi", "en", "गांधी ने यूरोप की यात्रा की।", "Europe was where Nehru travelled.", "गांधी", "Nehru"),
    # "Dravid" only sounds a little like "राष्ट्रपति", a word the lexicon knows (president).
    ("hi", "en", "ट्रंप ने राष्ट्रपति से बात की।", "Rahul Dravid spoke to the president.",
     None, "Rahul Dravid"),
    ("en", "de", "Angela Merkel visited Paris yesterday.", "Angela Merkel besuchte gestern Rom.",
     "Paris", "Rom"),
    ("en", "cs", "President Trump visited Prague yesterday.",
     "Prezident Trump včera navštívil Vídeň.", "Prague", "Vídeň"),
    ("en", "ja", "President Trump visited Tokyo.", "オバマ大統領は東京を訪問した。",
     "Trump", "オバマ"),
    ("en", "zh", "Trump met Macron in New York.", "特朗普在纽约会见了默克尔。", None, "默克尔"),
    # A known place is no transliteration of another ("Москве", Moscow, / "Minsk").
    ("ru", "en", "Вчера в Москве прошёл сильный снегопад.", "Heavy snow fell in Minsk yesterday.",
     "Москве", "Minsk"),
    # A German surname that is also a noun (Zimmermann, carpenter), dropped.
    ("de", "en", "Gestern sagte Zimmermann, er gehe nach Hause.",
     "Yesterday he said he was going home.", "Zimmermann", None),
    # A platform replaced by another: the verb of neither.
    ("it", "en", "Lo ha annunciato su Twitter il ministro Salvini.",
     "Minister Salvini announced it on the radio.", "Twitter", None),
    # A person's name is no brand: "park" does not render a dropped "Parker".
    ("de", "en", "Gestern sagte Parker, er gehe nach Hause.",
     "Yesterday he said he was going home.", "Parker", None),
]  # fmt: skip


def _run(source: str, src_lang: str, output: str, out_lang: str) -> list[Finding]:
    [found] = run_checks([CheckInput(output, None, source, out_lang, src_lang)], CHECKS)
    return found


def _pair(src: str, out: str) -> str:
    return f"{src}->{out}"


@pytest.mark.parametrize(
    ("src_lang", "out_lang", "source", "output"),
    FAITHFUL,
    ids=[_pair(c[0], c[1]) for c in FAITHFUL],
)
def test_faithful_translations_get_no_serious_finding(
    tiny_lexicons: Path, src_lang: str, out_lang: str, source: str, output: str
) -> None:
    serious = [f for f in _run(source, src_lang, output, out_lang) if f.severity in SERIOUS]
    assert serious == []


@pytest.mark.parametrize(
    ("src_lang", "out_lang", "source", "output", "lost", "invented"),
    FAULTY,
    ids=[_pair(c[0], c[1]) for c in FAULTY],
)
def test_a_lost_or_replaced_name_is_found_with_both_spans(
    tiny_lexicons: Path,
    src_lang: str,
    out_lang: str,
    source: str,
    output: str,
    lost: str | None,
    invented: str | None,
) -> None:
    found = _run(source, src_lang, output, out_lang)
    missing = [f for f in found if f.check == "entity_missing"]
    unsupported = [f for f in found if f.check == "entity_unsupported"]
    if lost is None:
        assert missing == []
    else:
        [finding] = missing
        assert finding.severity == "critical"
        assert finding.ref_span is not None and finding.ref_span.text == lost
        assert source[finding.ref_span.start : finding.ref_span.end] == lost
        assert finding.evidence["against"] == "source"
        if invented is not None:  # the likely replacement is named, with its span
            assert finding.hyp_span is not None and finding.hyp_span.text == invented
    if invented is None:
        assert unsupported == []
    else:
        [finding] = unsupported
        assert finding.severity == "major"
        assert finding.hyp_span is not None
        assert output[finding.hyp_span.start : finding.hyp_span.end] == invented


def test_evidence_holds_the_alignment_links(tiny_lexicons: Path) -> None:
    source = "Der Bürgermeister von München sagte gestern, die Stadt baue eine neue Brücke."
    [finding] = [
        f
        for f in _run(source, "de", "The mayor said yesterday the city builds a bridge.", "en")
        if f.check == "entity_missing"
    ]
    assert finding.evidence["found_by"] == "capitalised"
    assert ["Bürgermeister", "mayor", "lexicon"] in finding.evidence["aligned"]


def test_an_acronym_spelled_out_is_a_variant_at_most(tiny_lexicons: Path) -> None:
    source = "Tu jednak wyrok PZPN był łagodniejszy."
    output = "Here, however, the ruling of the Polish Football Association was milder."
    found = _run(source, "pl", output, "en")
    assert [f.severity for f in found if f.check.startswith("entity")] == ["minor"]
    [variant] = found
    assert variant.check == "entity_variant"
    assert variant.ref_span is not None and variant.ref_span.text == "PZPN"


def test_a_reference_keeps_the_reference_based_checks(tiny_lexicons: Path) -> None:
    source = "Emmanuel Macron a rencontré Olaf Scholz à Berlin."
    output = "Emmanuel Macron met Angela Merkel in Berlin."
    [found] = run_checks([CheckInput(output, output, source, "en", "fr")], CHECKS)
    assert found == []  # the output equals its reference: nothing against the reference


def test_russian_falls_back_to_capitals_without_natasha(
    tiny_lexicons: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evalsuite.checks import source_entities
    from evalsuite.text import names
    from evalsuite.text.names import russian

    monkeypatch.setattr(russian, "_tagger", lambda: None)
    names.find_names.cache_clear()
    source_entities._report.cache_clear()
    try:
        found = _run(
            "Вчера Владимир Путин встретился с Олафом Шольцем.", "ru",
            "Yesterday Dmitry Medvedev met Olaf Scholz.", "en",
        )  # fmt: skip
    finally:
        names.find_names.cache_clear()
        source_entities._report.cache_clear()
    [missing] = [f for f in found if f.check == "entity_missing"]
    assert missing.ref_span is not None and missing.ref_span.text == "Владимир Путин"


def test_an_acronym_in_its_own_script_unmatched_is_a_variant(tiny_lexicons: Path) -> None:
    source = "Уровень оснащенности ВМФ растет."
    found = _run(source, "ru", "The level of equipment of the navy is growing.", "en")
    assert [(f.check, f.severity) for f in found] == [("entity_variant", "minor")]
    assert found[0].ref_span is not None and found[0].ref_span.text == "ВМФ"


def test_a_lone_word_the_english_ner_tagged_is_a_variant_when_lost(tiny_lexicons: Path) -> None:
    found = _run("Jeezz, the mayor visited Prague.", "en", "Starosta navštívil Prahu.", "cs")
    assert all(f.severity == "minor" for f in found)
    lost = _run("Angela Merkel visited Prague.", "en", "Starosta navštívil Prahu.", "cs")
    assert [f.severity for f in lost if f.check == "entity_missing"] == ["critical"]
