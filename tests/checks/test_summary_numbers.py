"""`number_mismatch` on summaries: every quantity must be licensed by the article.

One table per phenomenon, each with cases that must fire and cases that must not.
"""

from __future__ import annotations

import pytest

from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import Finding
from evalsuite.checks.runner import run_checks


def _check(summary: str, article: str) -> list[Finding]:
    [findings] = run_checks(
        [CheckInput(summary, None, article, "en", "en", task="summary")], ["number_mismatch"]
    )
    return findings


# (summary, article, fires)
SPELLED = [
    ("One in five adults smoke.", "Some 20% of adults smoke, the survey found.", False),
    ("About 20% of adults smoke.", "One in five adults smoke, the survey found.", False),
    ("One in four adults smoke.", "Some 20% of adults smoke, the survey found.", True),
    ("Five adults were asked.", "One in five adults smoke, the survey found.", False),
    ("He signed a two-and-a-half-year deal.", "He signed a deal for 30 months.", False),
    ("He signed a two-and-a-half-year deal.", "He signed a two-year deal.", True),
    ("65 people appeared in court.", "Sixty-five people appeared in court on Monday.", False),
    ("Sixty-five people appeared in court.", "In all, 65 people appeared in court.", False),
    ("Twelve jurors were chosen.", "The court chose 12 jurors and 12 alternates.", False),
    ("Fourteen students were jailed.", "Sixty-five students appeared in court.", True),
    ("A dozen students died.", "Twenty-five students died in the fire.", True),
]
CURRENCY = [
    ("The club was sold for $5m.", "The club was sold for 5 million dollars.", False),
    ("The club was sold for 5 million dollars.", "The club was sold for $5,000,000.", False),
    ("It raised £5,000,000.", "It raised £5m from donors.", False),
    ("It raised £5m.", "It raised $5m from donors.", True),
    ("It raised £30m.", "His personal target was 30 days of fundraising.", True),
    ("The programme cost £1.5bn.", "The programme cost £1.5 billion.", False),
    ("Tickets cost 50p.", "Tickets cost £0.50 each.", False),
    ("The bill was 2 million euros.", "The bill came to €2m.", False),
    ("The festival raised £30m.", "His personal target for funding had been £30m.", True),
    ("The festival raised £30m.", "Organisers said the festival had raised £30m.", False),
    ("The festival raised £30m.", "The target was £30m. The festival opens soon.", True),
]
UNITS = [
    ("The plant is 100km east of Porto.", "The plant is 100 kilometres east of Porto.", False),
    ("The plant is 62 miles east of Porto.", "The plant is 100km (62 miles) east of Porto.", False),
    ("She fell 6 metres.", "She fell 20ft (6m) down a cliff.", False),
    ("She fell 30ft.", "She fell 20ft (6m) down a cliff.", True),
    ("It reached 140 kilometres.", "It reached 87 miles.", False),
    ("It weighs 5 tonnes.", "It weighs 5,000 kg.", False),
    ("It weighs 5 tonnes.", "It is 5 metres long.", True),
    ("Unemployment rose 5 per cent.", "Unemployment rose 5% last year.", False),
    ("Unemployment rose 7%.", "Unemployment rose 5% last year.", True),
]
ARITHMETIC = [
    ("His takeover cost £76m.", "The takeover is a £52m price and a £24m overdraft.", False),
    ("His takeover cost £77m.", "The takeover is a £52m price and a £24m overdraft.", True),
    ("The jury has 24 members.", "The group includes 19 women and five men.", False),
    ("Women outnumber men by 14.", "The group includes 19 women and five men.", False),
    ("Prices rose by 25%.", "The price rose from £200 to £250.", False),
    ("Prices rose by 40%.", "The price rose from £200 to £250.", True),
    ("Half of them, 50%, voted.", "Of the 400 members, 200 voted.", False),
    # a bound is no licence for arithmetic: the sum must be the number (or about it)
    ("At least 26 people died.", "25 students died. They fled through 2 exits.", True),
    ("At least 27 people died.", "25 students and 2 teachers died.", False),
    ("About 28 people died.", "25 students and 2 teachers died.", False),
]
HEDGES = [
    ("More than 65 people were charged.", "A total of 67 people were charged.", False),
    ("More than 60 people were charged.", "A total of 67 people were charged.", False),
    ("More than 70 people were charged.", "A total of 67 people were charged.", True),
    ("At least 19 people died.", "Twenty-five people died in the fire.", True),
    ("Nearly 2,000 people came.", "Some 1,950 people came to the rally.", False),
    ("About 200 riders took part.", "The police escorted 320 riders.", True),
    ("Up to 25,000 troops may go.", "Up to 25,000 troops may return.", False),
    ("Thousands of people fled.", "An estimated 5,000 people fled.", False),
    ("Thousands of people fled.", "Several families fled in 2015.", True),
]
ROUNDING = [
    ("The medal sold for £1.5m.", "The medal sold for £1,480,000.", False),
    ("About 65,000 people attended.", "The crowd was 64,847.", False),
    ("65,000 people attended.", "The crowd was 64,847.", False),
    ("The fund raised £30m.", "The fund raised £25m.", True),
]
DATES = [
    ("It was held on April 8.", "The olympiad was held on 8 April.", False),
    ("It was held on April 9.", "The olympiad was held on 8 April.", True),
    ("It was held on May 8.", "The olympiad was held on 8 April.", True),
    ("They strike on 7 and 8 January.", "Staff will strike on 7 and 8 January.", False),
    ("Statements begin in June.", "Opening statements begin on April 27.", True),
    ("Statements begin in April.", "Opening statements begin on April 27.", False),
    ("The talks took three days.", "Talks began on 4 March and ended on 7 March.", False),
    ("The talks took five days.", "Talks began on 4 March and ended on 7 March.", True),
]
YEARS = [
    ("The attacks happened in 2008.", "The November 2008 attacks left 160 dead.", False),
    ("The attacks happened in 2009.", "The November 2008 attacks left 160 dead.", True),
    ("A record was set in 2014.", "This year's count beat the record of 1,320 set in 2013.", False),
    ("A record was set in 2015.", "This year's count beat the record of 1,320 set in 2013.", True),
    ("A record was set in 2014.", "The count beat the record of 1,320 set in 2013.", True),
    ("He was abused in the 1980s.", "The abuse took place in 1984 and 1985.", False),
    ("He was abused in the 1970s.", "The abuse took place in 1984 and 1985.", True),
    ("The 2016-17 season ended.", "They were last in 2016 and again in 2017.", False),
    ("The 2016-17 season ended.", "They were last in 2016 and again in 2018.", True),
]
AGES = [
    ("A man in his 30s died.", "The man, 34, died in hospital.", False),
    ("A man in his late 30s died.", "The 52-year-old man died in hospital.", True),
    ("A 26-year-old man was charged.", "The man, aged 26, was charged.", False),
    ("A 26-year-old man was charged.", "The man, who is 26, was charged.", False),
    ("A two-year-old girl was found.", "Two cyclists found the car and the girl.", True),
    ("A two-year-old girl was found.", "The girl, who is two years old, was unhurt.", False),
    ("The 15-year-old girl died.", "The girl, 15, died in hospital.", False),
    ("The 15-year-old girl died.", "The girl died 15 days later.", True),
]
DURATIONS = [
    ("He signed a two-year deal.", "He has signed a two-year contract.", False),
    ("He signed a three-year deal.", "He has signed a two-year contract.", True),
    ("He signed a two-year deal.", "He signed for two seasons with two clubs.", True),
    ("It will take 28 years.", "Network Rail believes it will take 28 years.", False),
    ("It lasted 24 months.", "The project lasted two years.", False),
    ("He served five years.", "He was jailed in 2010 and freed in 2015.", False),
    ("The pier burned three years ago.", "It burned in October 2010 and was sold in 2012.", False),
    ("The pier burned six years ago.", "It burned in October 2010 and was sold in 2012.", True),
    # a number without a unit licenses a duration only where the article says the unit by it
    ("They were jailed for five years.", "All five were jailed on Monday.", True),
    ("They face five years in jail.", "They face between three and five years in jail.", False),
    ("They face three years in jail.", "They face between three and five years in jail.", False),
]
COUNTS = [
    ("Two men were hurt.", "Two road workers were hurt.", False),
    ("Five people were killed.", "Five people died at the airport.", False),
    ("Six people died.", "Five bodies were found, then a sixth victim.", False),
    ("Eight people died.", "It happened at 8pm, police said.", True),
    ("Three people died.", "It burned for three hours.", True),
    ("He won 12 caps.", "Mujati has 12 caps for South Africa.", False),
]
IMPLIED = [
    # numbers an article states without a numeral, and years and ages it implies
    ("He was jailed for 10 years.", "He was jailed for a decade for the attack.", False),
    ("He was jailed for 12 years.", "He was jailed for a decade for the attack.", True),
    ("He was jailed for two weeks.", "He was jailed for a fortnight.", False),
    ("He was jailed for six months.", "He was jailed for half a year.", False),
    ("The bridge shuts for 18 months.", "The bridge will shut for a year and a half.", False),
    ("Two men were arrested.", "Both men were arrested after the raid.", False),
    ("Three men were arrested.", "Both men were arrested after the raid.", True),
    ("Two babies were born.", "Twins were born at the hospital on Monday.", False),
    ("He scored three goals.", "He scored a hat-trick on Saturday.", False),
    ("Two men were arrested.", "A man was held. A second man has been arrested.", False),
    ("Three men were arrested.", "A man was held. A second man has been arrested.", True),
    ("Two women died and one was hurt.", "She and her friend died. A third woman was hurt.", False),
    ("Two men were arrested.", "A third of the staff were arrested.", True),
    ("Two men were arrested.", "It was the second time he was arrested.", True),
    # shares in words, and durations told in two units
    ("50% of the staff have left.", "Half of the staff have left.", False),
    ("33% of the staff have left.", "A third of the staff have left.", False),
    ("40% of the staff have left.", "A third of the staff have left.", True),
    ("Prices have risen by 100%.", "Prices have doubled since 2010.", False),
    ("Two-thirds of the staff have left.", "About 66% of the staff have left.", False),
    ("Two-thirds of the staff have left.", "About 40% of the staff have left.", True),
    ("Two men were arrested.", "Two-thirds of the men were arrested.", True),
    ("He was jailed for 18 months.", "He was jailed for a year and six months.", False),
    ("He was jailed for 20 months.", "He was jailed for a year and six months.", True),
    ("He left the club in 2015.", "He joined in 2010 and left five years later.", False),
    ("He left the club in 2016.", "He joined in 2010 and left five years later.", True),
    ("She was born in 1990.", "She won the title in 2016, aged 26.", False),
    ("She was born in 1980.", "She won the title in 2016, aged 26.", True),
    ("The 26-year-old won the title.", "Born in 1990, she won the title in 2016.", False),
    ("The 30-year-old won the title.", "Born in 1990, she won the title in 2016.", True),
]
MUST_NOT_FIRE = [
    ("COVID-19 cases rose.", "Coronavirus cases rose.", False),
    ("One of the largest firms grew.", "A large firm grew.", False),
    ("He was the third Briton to do it.", "Only two other Britons have done it.", False),
    ("It may rain in march.", "Rain is expected.", False),
    ("The A361 was closed.", "The road was closed.", False),
    # a number written out in words next to an amount does not hide what it is said of
    ("Turnover fell by £1 million to just over £100m.",
     "Turnover fell by £1m to just over £100m, the accounts showed.", False),
]
# times of day: "7 pm" is 19:00, not 7 am; a bare "7" (the day half in words) is either
CLOCK = [
    ("Doors open at 7 pm.", "Doors open at 19:00 GMT.", False),
    ("Doors open at 7 am.", "Doors open at 7pm on Saturday.", True),
    ("Doors open at 8 pm.", "Doors open at 7pm on Saturday.", True),
    ("Doors open at 7 in the evening.", "Doors open at 7pm on Saturday.", False),
    ("Doors open at 7pm.", "Doors open at 7 in the evening.", False),
    ("Doors open at 7pm.", "Doors open at 7am on Saturday.", True),
]

CASES = [
    (name, *case)
    for name, table in (
        ("spelled", SPELLED), ("currency", CURRENCY), ("units", UNITS),
        ("arithmetic", ARITHMETIC), ("hedges", HEDGES), ("rounding", ROUNDING),
        ("dates", DATES), ("years", YEARS), ("ages", AGES), ("durations", DURATIONS),
        ("counts", COUNTS), ("implied", IMPLIED), ("clock", CLOCK), ("silent", MUST_NOT_FIRE),
    )
    for case in table
]  # fmt: skip


@pytest.mark.parametrize(
    ("phenomenon", "summary", "article", "fires"),
    CASES,
    ids=[f"{c[0]}-{i}-{'fires' if c[3] else 'silent'}" for i, c in enumerate(CASES)],
)
def test_summary_quantity(phenomenon: str, summary: str, article: str, fires: bool) -> None:
    findings = _check(summary, article)
    assert bool(findings) is fires, [f.message for f in findings]
    assert all(f.check == "number_mismatch" and f.severity == "critical" for f in findings)


def test_finding_names_the_span_and_the_closest_evidence() -> None:
    article = "The girl, in the back of the car, was found by two cyclists at 09:35."
    [finding] = _check("A man was found with a two-year-old girl.", article)
    assert finding.hyp_span is not None and finding.hyp_span.text == "two-year-old"
    assert finding.ref_span is not None and finding.ref_span.text == "two"
    assert article[finding.ref_span.start : finding.ref_span.end] == "two"
    assert finding.evidence["reading"] == {"kind": "age", "value": 2.0, "unit": "duration-year"}
    assert finding.evidence["closest"]["relation"] == "same number, other unit"
    assert finding.evidence["against"] == "source" and finding.evidence["extra"] == ["2"]
    assert "two-year-old" in finding.message and "'two'" in finding.message


def test_closest_evidence_prefers_the_same_unit() -> None:
    article = "It was founded in 2012 by 40 staff and raised £18m, then £22m more."
    [finding] = _check("It raised £25m.", article)
    assert finding.ref_span is not None and finding.ref_span.text == "£22m"
    assert finding.evidence["closest"]["relation"] == "same unit"


def test_reference_also_licenses_summary_numbers() -> None:
    [findings] = run_checks(
        [CheckInput("It cost £5m.", "The cost was £5m.", "It was costly.", "en", "en",
                    task="summary")],
        ["number_mismatch"],
    )  # fmt: skip
    assert findings == []


def test_amount_message_names_the_currency() -> None:
    [finding] = _check("It raised £25m.", "It raised £18m.")
    assert "amount 25,000,000 GBP" in finding.message
    assert finding.evidence["reading"]["currencies"][:1] != []


@pytest.mark.parametrize(
    ("summary", "fires"),
    [("Запуск намечен на 2031 год.", False), ("Запуск намечен на 2032 год.", True)],
)
def test_a_year_with_the_word_year_in_a_summary_in_russian(summary: str, fires: bool) -> None:
    article = "По словам министра, первые поезда пойдут в 2031 году."
    [findings] = run_checks(
        [CheckInput(summary, None, article, "ru", "ru", task="summary")], ["number_mismatch"]
    )
    assert bool(findings) is fires, [f.message for f in findings]


@pytest.mark.parametrize(
    ("summary", "source", "lang", "fires"),
    [
        ("The Senate proposed it in 1992.", "Der Senat schlug es 1992 vor.", "de", False),
        ("The Senate proposed it in 1993.", "Der Senat schlug es 1992 vor.", "de", True),
        ("It happened on July 25.", "Это случилось 25 июля.", "ru", False),
        ("It happened on June 25.", "Это случилось 25 июля.", "ru", True),
        ("A pistol costs 100-300 dollars.", "Una pistola cuesta 100-300 dólares.", "es", False),
        ("Four-month-old mice were cured.", "Ratones de cuatro meses de edad.", "es", False),
    ],
)
def test_summary_against_a_source_in_another_language(
    summary: str, source: str, lang: str, fires: bool
) -> None:
    [findings] = run_checks(
        [CheckInput(summary, None, source, "en", lang, task="summary")], ["number_mismatch"]
    )
    assert bool(findings) is fires, [f.message for f in findings]
