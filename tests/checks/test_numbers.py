"""Number extraction per language, and `number_mismatch` on faults and clean paraphrases."""

from __future__ import annotations

import json
from typing import Any

import pytest

from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import Finding
from evalsuite.checks.numbers import extract_numbers
from evalsuite.checks.runner import run_checks


@pytest.mark.parametrize(
    ("text", "lang", "keys"),
    [
        ("1,5 Millionen und 1.000 Euro", "de", ["1500000", "1000"]),
        ("1.5 million and 1,000 dollars", "en", ["1500000", "1000"]),
        ("2,5 Milliarden Euro", "de", ["2500000000"]),
        ("1 000 000 habitants, 3,5 %", "fr", ["1000000", "3.5"]),
        ("14\u00a0000 cyclistes", "fr", ["14000"]),
        ("in 2019 300 people", "en", ["2019", "300"]),
        ("12.5% in 2025", "en", ["12.5", "2025"]),
        ("64,847 people", "en", ["64847"]),
        ("two hundred and fifty soldiers", "en", ["250"]),
        ("twenty-five years, a dozen eggs", "en", ["25", "12"]),
        ("thousands of weapons", "en", ["~1000"]),
        ("lost 50 thousand soldiers", "en", ["50000"]),
        ("in his thirties, on the 25th", "en", ["30", "25"]),
        ("quatre-vingts ans, deux millions", "fr", ["80", "2000000"]),
        ("dos mil personas", "es", ["2000"]),
        ("drei Tote und zwei Verletzte", "de", ["3", "2"]),
        ("пять человек, 2 млн рублей", "ru", ["5", "2000000"]),
        ("the 10th-11th centuries", "en", ["10", "11"]),
        ("at 9.30 am", "en", ["9", "30"]),
    ],
)
def test_extract_numbers(text: str, lang: str, keys: list[str]) -> None:
    mentions = extract_numbers(text, lang)
    assert [m.key for m in mentions] == keys
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_numbers_inside_names_are_weak() -> None:
    mentions = extract_numbers("COVID-19, F-16 and MH17, but 10th-11th", "en")
    assert [(m.key, m.weak) for m in mentions] == [
        ("19", True), ("16", True), ("17", True), ("10", False), ("11", False)
    ]  # fmt: skip


def test_month_names_match_but_are_never_reported() -> None:
    [month, day] = extract_numbers("December 6", "en")
    assert (month.key, month.weak, day.key) == ("12", True, "6")


def test_articles_are_weak_numbers() -> None:
    [one] = extract_numbers("one of the largest", "en")
    assert one.weak
    [un] = extract_numbers("un plan", "fr")
    assert un.weak


def test_unit_conversion_is_one_group() -> None:
    miles, km = extract_numbers("up to 190 miles (300 km).", "en")
    assert miles.group == km.group >= 0


def _run(**fields: Any) -> list[Finding]:
    [findings] = run_checks([CheckInput(**fields)], ["number_mismatch"])
    return findings


# (hypothesis, reference, language, number of findings)
TRANSLATIONS = [
    ("Es kostet 1,000 Euro.", "Es kostet 1.000 Euro.", "de", 1),  # 1.0 is not 1000
    ("Die Rate stieg um 1.5 Prozent.", "Die Rate stieg um 1,5 Prozent.", "de", 0),  # read leniently
    ("Die Rate stieg um 1,5 Prozent.", "Die Rate stieg um 1,5 Prozent.", "de", 0),
    ("Two people were injured.", "2 people were injured.", "en", 0),
    ("Three people were injured.", "Five people were injured.", "en", 1),
    ("It can travel up to 190 miles (300 km).", "It can travel up to 190 miles (300 km).", "en", 0),
    ("It can travel up to 300 km.", "It can travel up to 190 miles (300 km).", "en", 0),
    ("It can travel up to 190 miles.", "It can travel up to 190 miles (300 km).", "en", 0),
    ("It can travel up to 250 miles.", "It can travel up to 190 miles (300 km).", "en", 1),
    ("Heavy rain caused 81 rivers to swell.", "Heavy rain caused 71 rivers to rise.", "en", 1),
    ("The census of 2002.", "The 2020 census.", "en", 1),
    ("They pledged 25 billion euros.", "They pledged 2.5 billion euros.", "en", 1),
    ("They pledged 2,500,000,000 euros.", "They pledged 2.5 billion euros.", "en", 0),
    ("It fell by 12.5% in the first six months.", "It fell by 12.5% in the first half.", "en", 0),
    ("The two sides agreed.", "Both sides agreed.", "en", 0),
    ("He is one of the richest men.", "He is among the richest men.", "en", 0),
    ("The US has delivered thousands of weapons.", "The US delivered 5,000 weapons.", "en", 0),
    ("Le coût atteint 127,4 millions d'euros.", "Le coût atteint 127,4 millions d'euros.", "fr", 0),
    ("Le coût atteint 172,4 millions d'euros.", "Le coût atteint 127,4 millions d'euros.", "fr", 1),
    ("Costó 3.145 euros.", "Costó 3.145 euros.", "es", 0),
    ("Погибли пять человек.", "Погибли 5 человек.", "ru", 0),
    ("Погибли семь человек.", "Погибли 5 человек.", "ru", 1),
    ("The coronavirus spread.", "COVID-19 spread.", "en", 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("hyp", "ref", "lang", "count"),
    TRANSLATIONS,
    ids=[f"{case[2]}-{i}-{case[3]}" for i, case in enumerate(TRANSLATIONS)],
)
def test_translation_against_reference(hyp: str, ref: str, lang: str, count: int) -> None:
    findings = _run(hypothesis=hyp, reference=ref, hyp_lang=lang)
    assert len(findings) == count
    assert all(f.check == "number_mismatch" and f.severity == "critical" for f in findings)


def test_changed_number_is_one_finding_with_both_spans() -> None:
    [finding] = _run(
        hypothesis="Heavy rain caused 81 rivers to swell.",
        reference="Heavy rain caused 71 rivers to rise.",
        hyp_lang="en",
    )
    assert finding.hyp_span is not None and finding.hyp_span.text == "81"
    assert finding.ref_span is not None and finding.ref_span.text == "71"
    assert finding.evidence == {
        "against": "reference",
        "ref_numbers": ["71"],
        "hyp_numbers": ["81"],
        "missing": ["71"],
        "extra": ["81"],
    }
    assert json.loads(json.dumps(finding.to_dict()))["evidence"]["missing"] == ["71"]


def test_missing_and_extra_numbers_alone() -> None:
    [missing] = _run(
        hypothesis="The plan was announced.", reference="The plan, worth 12 billion, was announced."
    )
    assert missing.hyp_span is None and missing.evidence["missing"] == ["12000000000"]
    [extra] = _run(
        hypothesis="The plan was announced at 9 a.m.", reference="The plan was announced."
    )
    assert extra.ref_span is None and extra.evidence["extra"] == ["9"]


def test_source_in_another_language_supports_hypothesis_numbers() -> None:
    findings = _run(
        hypothesis="The rate rose by 1.5 percent to 2,000 euros in 2024.",
        reference="The rate rose by 1.5 percent to 2,000 euros.",
        source="Die Rate stieg 2024 um 1,5 Prozent auf 2.000 Euro.",
        hyp_lang="en",
        src_lang="de",
    )
    assert findings == []


def test_source_only_translation() -> None:
    clean = _run(
        hypothesis="Two people died and 1.5 million were evacuated.",
        source="Zwei Menschen starben, 1,5 Millionen wurden evakuiert.",
        hyp_lang="en",
        src_lang="de",
    )
    assert clean == []
    [changed] = _run(
        hypothesis="Two people died and 2.5 million were evacuated.",
        source="Zwei Menschen starben, 1,5 Millionen wurden evakuiert.",
        hyp_lang="en",
        src_lang="de",
    )
    assert changed.evidence["against"] == "source"


def test_summary_reports_only_unsupported_numbers() -> None:
    source = (
        "Lufthansa will cancel 900 flights in March. The strike is the third this year. "
        "About 120,000 passengers are affected. The cost from 98 to 127 million euros."
    )
    omitted = _run(hypothesis="Lufthansa cancels 900 flights.", source=source, task="summary")
    assert omitted == []
    from_to = _run(hypothesis="Costs rose from 98 to 127 million.", source=source, task="summary")
    assert from_to == []
    [invented] = _run(hypothesis="Lufthansa cancels 950 flights.", source=source, task="summary")
    assert invented.evidence["extra"] == ["950"] and invented.evidence["against"] == "source"


@pytest.mark.parametrize(
    ("hyp", "ref", "lang", "fires"),
    [
        ("It happened on 2020-07-26.", "It happened on 26 July 2020.", "en", False),
        ("It happened on 2020-07-27.", "It happened on 26 July 2020.", "en", True),
        ("It can travel up to 300 km.", "It can travel up to 190 miles (300 km).", "en", False),
        ("Up to 190 miles (310 km).", "Up to 190 miles (300 km).", "en", True),
        ("Es kamen zweiundzwanzig Leute.", "Es kamen 22 Leute.", "de", False),
        ("Es kamen dreiundzwanzig Leute.", "Es kamen 22 Leute.", "de", True),
        ("Thousands of people came.", "5,000 people came.", "en", False),
    ],
)
def test_dates_conversions_and_compound_words(hyp: str, ref: str, lang: str, fires: bool) -> None:
    [findings] = run_checks([CheckInput(hyp, ref, hyp_lang=lang)], ["number_mismatch"])
    assert bool(findings) is fires


# Source-only translations (no reference): (hypothesis, source, source language, target
# language, fires). Into English from each DEMETR source language, and out of English into
# each WMT21 target language; faithful free translations must stay silent.
SOURCE_ONLY = [
    # zh
    ("91,000 lives were lost.", "有9.1万人的生命被夺走。", "zh", "en", False),
    ("81,000 lives were lost.", "有9.1万人的生命被夺走。", "zh", "en", True),
    ("At 9:30 a.m. on July 26.", "7月26日上午9点半。", "zh", "en", False),
    ("At 10:30 a.m. on July 26.", "7月26日上午9点半。", "zh", "en", True),
    ("Someone thousands of miles away.", "远在千里之外的人。", "zh", "en", False),
    ("It is very important.", "这十分重要。", "zh", "en", False),
    ("Seven or eight people came.", "来了七八个人。", "zh", "en", False),
    ("Thirty percent agreed.", "百分之三十的人同意。", "zh", "en", False),
    ("Forty percent agreed.", "百分之三十的人同意。", "zh", "en", True),
    ("Twenty million yuan.", "两千万元。", "zh", "en", False),
    ("In the third quarter.", "在第三季度。", "zh", "en", False),
    ("BEIJING, Feb. 10 (Xinhua) -- The meeting closed that afternoon.",
     "新华社北京2月10日电 会议于10日下午闭幕。", "zh", "en", False),  # the day said once
    ("BEIJING, Feb. 11 (Xinhua) -- The meeting closed that afternoon.",
     "新华社北京2月10日电 会议于10日下午闭幕。", "zh", "en", True),
    ("To stand out among millions of shops.", "想要从千千万万的店铺中脱颖而出。", "zh", "en",
     False),
    ("Over 30% of those asked agreed.", "超过三成的受访者表示同意。", "zh", "en", False),
    ("Over 40% of those asked agreed.", "超过三成的受访者表示同意。", "zh", "en", True),
    ("Nothing has changed.", "一成不变。", "zh", "en", False),
    ("The law was passed in 2021.", "该法于民国110年通过。", "zh", "en", False),
    # ja
    ("Only 11,000 stores, out of more than 120,000 restaurants.",
     "１２万軒以上のうち１万１０００店舗にとどまっている。", "ja", "en", False),
    ("Only 12,000 stores, out of more than 120,000 restaurants.",
     "１２万軒以上のうち１万１０００店舗にとどまっている。", "ja", "en", True),
    ("A history of more than 1,000 years, from the 25th for three days.",
     "一千年以上の歴史をもつ祭りは、２５日から３日間開催される。", "ja", "en", False),
    ("Fireworks were launched at nine sites.", "９カ所で打ち上げられた。", "ja", "en", False),
    ("Fireworks were launched at eight sites.", "９カ所で打ち上げられた。", "ja", "en", True),
    ("Thousands of people gathered.", "数千人が集まった。", "ja", "en", False),
    ("In May 2021 the plan was approved.", "令和3年5月に計画が承認された。", "ja", "en", False),
    ("In May 2022 the plan was approved.", "令和3年5月に計画が承認された。", "ja", "en", True),
    ("The company was founded in 1989.", "会社は平成元年に設立された。", "ja", "en", False),
    ("Sales fell by 30 percent.", "売り上げが三割減った。", "ja", "en", False),
    ("Sales fell by 20 percent.", "売り上げが三割減った。", "ja", "en", True),
    # cs
    ("He missed four months.", "Čtyři měsíce chyběl.", "cs", "en", False),
    ("He missed five months.", "Čtyři měsíce chyběl.", "cs", "en", True),
    ("It cost 2.5 billion crowns.", "Stálo to 2,5 miliardy korun.", "cs", "en", False),
    ("Tens of thousands protested.", "Protestovaly desítky tisíc lidí.", "cs", "en", False),
    ("Both sets differ.", "Oba soubory se liší.", "cs", "en", False),
    # pl
    ("About 3 minutes after take-off.", "Mniej więcej 3 minuty po starcie.", "pl", "en", False),
    ("About 5 minutes after take-off.", "Mniej więcej 3 minuty po starcie.", "pl", "en", True),
    ("Five thousand people.", "Pięć tysięcy osób.", "pl", "en", False),
    # hi
    ("Six-point harness belts.", "छह-बिंदु वाली हार्नेस बेल्ट।", "hi", "en", False),
    ("Five-point harness belts.", "छह-बिंदु वाली हार्नेस बेल्ट।", "hi", "en", True),
    ("2.5 million rupees.", "२५ लाख रुपये।", "hi", "en", False),
    ("Three thousand people.", "तीन हज़ार लोग।", "hi", "en", False),
    ("350,000 people came.", "साढ़े तीन लाख लोग आए।", "hi", "en", False),
    ("300,000 people came.", "साढ़े तीन लाख लोग आए।", "hi", "en", True),
    ("It cost 225 rupees.", "इसकी कीमत सवा दो सौ रुपये थी।", "hi", "en", False),
    ("It cost 22.5 million rupees.", "इसकी कीमत सवा 2 करोड़ रुपये थी।", "hi", "en", False),
    ("A sum of 175 rupees.", "पौने दो सौ रुपये की राशि।", "hi", "en", False),
    ("150,000 people came.", "1.5 लाख लोग आए।", "hi", "en", False),  # a decimal before lakh
    ("250,000 people came.", "1.5 लाख लोग आए।", "hi", "en", True),
    ("It cost 12 million rupees.", "इसकी कीमत 1.2 करोड़ रुपये थी।", "hi", "en", False),
    # Chinese and Japanese ten-thousands (万) and hundred-millions (亿, 億)
    ("120 million people live there.", "1億2000万人が住んでいる。", "ja", "en", False),
    ("102 million people live there.", "1億2000万人が住んでいる。", "ja", "en", True),
    ("The budget is 1.5 billion yen.", "予算は15億円だ。", "ja", "en", False),
    ("The budget is 150 million yen.", "予算は15億円だ。", "ja", "en", True),
    ("35,000 people attended.", "3.5万人参加了。", "zh", "en", False),
    ("53,000 people attended.", "3.5万人参加了。", "zh", "en", True),
    ("About 1.4 billion people.", "约14亿人。", "zh", "en", False),
    ("About 1.4 million people.", "约14亿人。", "zh", "en", True),
    ("Two hundred thousand yuan.", "二十万元。", "zh", "en", False),
    ("Twenty thousand yuan.", "二十万元。", "zh", "en", True),
    # it
    ("Twenty-three people died.", "Sono morte ventitré persone.", "it", "en", False),
    ("Thirty-two people died.", "Sono morte ventitré persone.", "it", "en", True),
    ("You are the best.", "Sei il migliore.", "it", "en", False),
    # de
    ("One in six or eight has one.", "Jeder Sechste oder Achte hat ein Boot.", "de", "en", False),
    ("One in seven or eight has one.", "Jeder Sechste oder Achte hat ein Boot.", "de", "en", True),
    ("Twenty-two people came.", "Zweiundzwanzig Leute kamen.", "de", "en", False),
    ("A dozen eggs.", "Zwölf Eier.", "de", "en", False),
    # a fraction below one in digits is no article-like "1": a change of it is reported
    ("Rates rose by 0.25 percentage points.", "Die Zinsen stiegen um 0,25 Prozentpunkte.",
     "de", "en", False),
    ("Rates rose by 0.35 percentage points.", "Die Zinsen stiegen um 0,25 Prozentpunkte.",
     "de", "en", True),
    ("Turnout was 0.8 percent lower.", "La participación fue un 0,6 % menor.", "es", "en", True),
    ("One person and 1 dog.", "Une personne et un chien.", "fr", "en", False),
    # times of day: the 24-hour clock of the source, the 12-hour clock of English
    ("The games begin at 7.30 pm.", "Los juegos comienzan a las 19.30 horas.", "es", "en", False),
    ("The games begin at 8.30 pm.", "Los juegos comienzan a las 19.30 horas.", "es", "en", True),
    ("We meet at 7 pm.", "Wir treffen uns um 19 Uhr.", "de", "en", False),
    ("We meet at 7 am.", "Wir treffen uns um 19 Uhr.", "de", "en", True),
    ("It starts at 7 p.m.", "Начало в 19:00.", "ru", "en", False),
    ("It starts at 8 p.m.", "Начало в 19:00.", "ru", "en", True),
    ("Um 19 Uhr beginnt es.", "It starts at 7 pm.", "en", "de", False),
    # decades with and without their century
    ("In the 1990s he ruled.", "W latach 90. rządził.", "pl", "en", False),
    ("In the 1980s he ruled.", "W latach 90. rządził.", "pl", "en", True),
    ("Music of the 90s.", "Música de los años 90.", "es", "en", False),
    ("Music of the 1990s.", "Musik der 90er Jahre.", "de", "en", False),
    ("Music of the 1980s.", "Musik der 90er Jahre.", "de", "en", True),
    ("In the 1990s it grew.", "В 90-е годы он рос.", "ru", "en", False),
    ("In the 90s it grew.", "Dans les années 1990, il a grandi.", "fr", "en", False),
    # ru, es, fr
    ("Six new ships at three yards.", "Шесть новых кораблей на трех верфях.", "ru", "en", False),
    ("Six new ships at four yards.", "Шесть новых кораблей на трех верфях.", "ru", "en", True),
    ("Half a dozen examples.", "Media docena de ejemplos.", "es", "en", False),
    ("A dozen examples.", "Media docena de ejemplos.", "es", "en", True),  # 6 became 12
    ("12 eggs.", "Una docena de huevos.", "es", "en", False),
    ("Half of the voters.", "La mitad de los votantes.", "es", "en", False),
    ("It fell 0.5 points.", "Cayó medio punto.", "es", "en", False),
    ("It rose by 1.4 million.", "Subió 1,4 millones.", "es", "en", False),
    ("Ninety-seven years.", "Quatre-vingt-dix-sept ans.", "fr", "en", False),
    # reordering and year formats
    ("In 2019, 300 came; 1.5% in May.", "1,5 % im Mai; 2019 kamen 300.", "de", "en", False),
    ("On 1 January 2008.", "On 1/1/08.", "en", "de", False),
    # out of English (WMT21 directions)
    ("Zemřelo 25 lidí.", "25 people died.", "en", "cs", False),
    ("Zemřelo 35 lidí.", "25 people died.", "en", "cs", True),
    ("Gibraltar registrierte 40 , 6 C .", "Gibraltar recorded 40.6 C.", "en", "de", False),
    ("Gibraltar registrierte 41,6 C.", "Gibraltar recorded 40.6 C.", "en", "de", True),
    ("12 月 27 日", "december 27", "en", "ja", False),
    ("６００万人", "6 million people", "en", "ja", False),
    ("土耳其 已经 有 6 百万 库尔德人", "There are 6 million Kurds in Turkey", "en", "zh", False),
    ("他 在 1990 年代 中期 加入", "He joined in the mid 1990's.", "en", "zh", False),
    ("三千五百人", "3,500 people", "en", "zh", False),
    ("三千六百人", "3,500 people", "en", "zh", True),
]  # fmt: skip


@pytest.mark.parametrize(
    ("hyp", "src", "src_lang", "tgt_lang", "fires"),
    SOURCE_ONLY,
    ids=[f"{c[2]}-{c[3]}-{i}-{'fires' if c[4] else 'silent'}" for i, c in enumerate(SOURCE_ONLY)],
)
def test_source_only_across_languages(
    hyp: str, src: str, src_lang: str, tgt_lang: str, fires: bool
) -> None:
    findings = _run(hypothesis=hyp, source=src, hyp_lang=tgt_lang, src_lang=src_lang)
    assert bool(findings) is fires, [f.message for f in findings]
    assert all(f.evidence["against"] == "source" for f in findings)


def test_a_changed_number_across_languages_shows_both_spans() -> None:
    [finding] = _run(
        hypothesis="Only 12,000 stores remain.",
        source="１万１０００店舗にとどまっている。",
        hyp_lang="en",
        src_lang="ja",
    )
    assert finding.ref_span is not None and finding.ref_span.text == "１万１０００"
    assert finding.hyp_span is not None and finding.hyp_span.text == "12,000"
    assert finding.evidence["missing"] == ["11000"] and finding.evidence["extra"] == ["12000"]


@pytest.mark.parametrize(
    ("hyp", "src"),
    [
        ("成功率 99 . 9% 。", "a success rate of 99.9%"),
        ("Es sind 3 , 5% und 7 .", "It is 3.5% and 7."),
    ],
)
def test_tokenized_numbers_with_signs_never_crash(hyp: str, src: str) -> None:
    lang = "zh" if "成" in hyp else "de"
    _run(hypothesis=hyp, source=src, hyp_lang=lang, src_lang="en")
