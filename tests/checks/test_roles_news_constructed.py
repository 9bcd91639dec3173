"""`role_reversal` on news-style pairs written for these tests (none from a dev set): converse
pairs of guest and host, member and group, must read each other's roles, so a converse
paraphrase is silent and a converse that keeps the roles as written is a reversal; a
nationality adjective of an event noun is its agent and names its country ("the Russian attack
on Ukraine" is Russia's), so nationalities that trade places are a reversal; two clauses of
one predicate in one sentence whose agents trade places ("the army shelled the town while
rebels shelled the airport") are a reversal, told in the other order they are not; a
capitalised word the tagger reads as a common noun ("Bulls" -> "bull") is the name the other
text has; two clauses of one verb joined by "and" without a comma, which the small parser reads
as one clause, are read as two."""

from __future__ import annotations

import pytest

from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import Finding
from evalsuite.checks.roles import role_reversal
from evalsuite.checks.runner import parse_segments
from evalsuite.text.nlp import load_pipeline

pytestmark = pytest.mark.skipif(load_pipeline("en") is None, reason="no English spaCy model")

SWAPS = [
    ("host / visit", "Macron hosted Scholz in Paris on Monday.",
     "Macron visited Scholz in Paris on Monday."),
    ("visit / host", "Scholz visited Macron in Paris on Monday.",
     "Scholz hosted Macron in Paris on Monday."),
    ("host / visit, future", "Xi will host Putin in Beijing next week.",
     "Xi will visit Putin in Beijing next week."),
    ("sign / join", "Real Madrid signed Mbappe on a free transfer.",
     "Real Madrid joined Mbappe on a free transfer."),
    ("join / sign", "Mbappe joined Real Madrid on a free transfer.",
     "Mbappe signed Real Madrid on a free transfer."),
    ("sign for / sign", "Mbappe signed for Real Madrid in June.",
     "Real Madrid signed for Mbappe in June."),
    ("admit / admit", "The EU admitted Croatia in 2013.", "Croatia admitted the EU in 2013."),
    ("hire / join", "Google hired the engineer.", "Google joined the engineer."),
    ("nationalities traded", "The Russian attack on Ukraine killed dozens.",
     "The Ukrainian attack on Russia killed dozens."),
    ("possessive / nationality", "Russia's attack on Ukraine killed dozens.",
     "The Ukrainian attack on Russia killed dozens."),
    ("nationality / verb", "The Russian attack on Ukraine killed dozens.",
     "Ukraine attacked Russia, killing dozens."),
    ("nationalities, strike", "The Israeli strike on Iran was condemned.",
     "The Iranian strike on Israel was condemned."),
    ("nationalities, tariffs", "Chinese tariffs on the United States hurt farmers.",
     "American tariffs on China hurt farmers."),
    ("nationalities, of-patient", "The Indian invasion of Pakistan is unlikely.",
     "The Pakistani invasion of India is unlikely."),
    ("nationalities, sanctions", "British sanctions on Russia took effect.",
     "Russian sanctions on Britain took effect."),
    ("one predicate, two clauses", "The army shelled the town while rebels shelled the airport.",
     "The rebels shelled the town while the army shelled the airport."),
    ("one predicate, coordinated clauses", "The US sanctioned Iran, and the EU sanctioned Russia.",
     "The US sanctioned Russia, and the EU sanctioned Iran."),
    ("a name read as a plural noun, opening the output", "The Lakers beat the Bulls.",
     "Bulls beat the Lakers."),
    ("a name read as a plural noun, opening the reference", "Bulls beat the Lakers.",
     "The Lakers beat Bulls."),
    ("names read as plural nouns", "The Wolves beat the Saints on Sunday.",
     "Saints beat the Wolves on Sunday."),
    ("one verb, two clauses without a comma",
     "Russia attacked Kharkiv and Ukraine attacked Belgorod on Friday.",
     "Ukraine attacked Kharkiv and Russia attacked Belgorod on Friday."),
    ("one verb, two clauses without a comma, objects traded",
     "Chelsea signed Palmer and Arsenal signed Rice last summer.",
     "Arsenal signed Palmer and Chelsea signed Rice last summer."),
    ("a verb of saying with a coordinated subject",
     "Russia said Ukraine and Poland attacked Belgorod.",
     "Ukraine said Russia and Poland attacked Belgorod."),
]  # fmt: skip

PRESERVES = [
    ("host / visit", "Macron hosted Scholz in Paris on Monday.",
     "Scholz visited Macron in Paris on Monday."),
    ("visit / host", "Scholz visited Macron in Paris on Monday.",
     "Macron hosted Scholz in Paris on Monday."),
    ("host / visit with a kind adjective", "Trump hosted the Qatari emir at the White House.",
     "The Qatari emir visited Trump at the White House."),
    ("host / visit, future", "Xi will host Putin in Beijing next week.",
     "Putin will visit Xi in Beijing next week."),
    ("sign / join", "Real Madrid signed Mbappe on a free transfer.",
     "Mbappe joined Real Madrid on a free transfer."),
    ("join / sign", "Mbappe joined Real Madrid on a free transfer.",
     "Real Madrid signed Mbappe on a free transfer."),
    ("sign for / sign", "Mbappe signed for Real Madrid in June.",
     "Real Madrid signed Mbappe in June."),
    ("join / admit", "Sweden joined NATO in March.", "NATO admitted Sweden in March."),
    ("admit / join", "The EU admitted Croatia in 2013.", "Croatia joined the EU in 2013."),
    ("hire / join", "Google hired the engineer last year.",
     "The engineer joined Google last year."),
    ("join / recruit", "The engineer joined Google last year.",
     "Google recruited the engineer last year."),
    ("join / meet, reciprocal", "Biden joined Macron at the summit.",
     "Biden and Macron met at the summit."),
    ("visit / tour, one participant", "Trump visited the factory in Ohio.",
     "Trump toured the factory in Ohio."),
    ("nationality / possessive", "The Russian attack on Ukraine killed dozens.",
     "Russia's attack on Ukraine killed dozens."),
    ("possessive / nationality", "Russia's attack on Ukraine killed dozens.",
     "The Russian attack on Ukraine killed dozens."),
    ("nationality / verb", "The Russian attack on Ukraine killed dozens.",
     "Russia attacked Ukraine, killing dozens."),
    ("demonym / short form", "Chinese tariffs on the United States hurt farmers.",
     "China's tariffs on the US hurt farmers."),
    ("demonym / other short form", "British sanctions on Russia took effect.",
     "UK sanctions on Russia took effect."),
    ("nationality / possessive, against", "The Turkish offensive against the Kurds began.",
     "Turkey's offensive against the Kurds began."),
    ("nationality adjectives of both arguments", "Russian forces attacked Ukrainian positions.",
     "Ukrainian positions were attacked by Russian forces."),
    ("demonym of a person's country", "The Chinese ambassador criticised the US.",
     "China's ambassador criticised the United States."),
    ("two nationalities of one war", "The Russian-Ukrainian war entered its third year.",
     "The war between Russia and Ukraine entered its third year."),
    ("one predicate, clauses in the other order",
     "The army shelled the town while rebels shelled the airport.",
     "Rebels shelled the airport while the army shelled the town."),
    ("one predicate, one clause passive",
     "The army shelled the town while rebels shelled the airport.",
     "The town was shelled by the army while rebels shelled the airport."),
    ("one predicate, coordinated clauses in the other order",
     "The US sanctioned Iran, and the EU sanctioned Russia.",
     "The EU sanctioned Russia, and the US sanctioned Iran."),
    ("two predicates, one agent", "Police arrested three men and released two women on Monday.",
     "Police released two women and arrested three men on Monday."),
    ("a name read as a plural noun, kept", "The Lakers beat the Bulls on Sunday.",
     "Lakers beat the Bulls on Sunday."),
    ("a name read as a plural noun, passive", "The Lakers beat the Bulls on Sunday.",
     "The Bulls were beaten by Lakers on Sunday."),
    ("a common noun opening the sentence, passive", "Rebels attacked the army base overnight.",
     "The army base was attacked by rebels overnight."),
    ("one verb, two clauses without a comma, in the other order",
     "Russia attacked Kharkiv and Ukraine attacked Belgorod on Friday.",
     "Ukraine attacked Belgorod and Russia attacked Kharkiv on Friday."),
    ("one verb, two clauses without a comma, in the other order (2)",
     "Italy beat Spain and France beat Germany in the quarter-finals.",
     "France beat Germany and Italy beat Spain in the quarter-finals."),
    ("one verb, two clauses with and without a comma",
     "Italy beat Spain and France beat Germany in the quarter-finals.",
     "Italy beat Spain, and France beat Germany in the quarter-finals."),
    ("a verb of saying with its coordinated subject reordered",
     "Police said Russia and Ukraine attacked Belgorod.",
     "Police said Ukraine and Russia attacked Belgorod."),
]  # fmt: skip


def _check(reference: str, hypothesis: str) -> list[Finding]:
    [segment] = parse_segments([CheckInput(hypothesis, reference, hyp_lang="en")])
    return role_reversal(segment)


@pytest.mark.parametrize(("phenomenon", "reference", "hypothesis"), SWAPS)
def test_constructed_reversals_fire(phenomenon: str, reference: str, hypothesis: str) -> None:
    findings = _check(reference, hypothesis)
    assert findings, f"{phenomenon}: no finding for {hypothesis!r}"
    assert findings[0].severity == "critical", phenomenon


@pytest.mark.parametrize(("phenomenon", "reference", "hypothesis"), PRESERVES)
def test_constructed_paraphrases_stay_silent(
    phenomenon: str, reference: str, hypothesis: str
) -> None:
    assert _check(reference, hypothesis) == [], phenomenon
