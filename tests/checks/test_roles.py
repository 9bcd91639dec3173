"""`role_reversal`: swapped agent and patient fire in every frame; paraphrases that keep the
roles (passive, relative clause, fronted phrase) and symmetric verbs never do."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import Finding
from evalsuite.checks.roles import headline_split, role_reversal
from evalsuite.checks.runner import CHECKS, parse_segments, run_checks
from evalsuite.text.nlp import load_pipeline
from evalsuite.text.roles import extract_triples

SEED = Path(__file__).resolve().parents[2] / "evalsuite" / "resources" / "seed_article.txt"

pytestmark = pytest.mark.skipif(load_pipeline("en") is None, reason="no English spaCy model")

SWAPS = [
    ("active", "Police in Lyon arrested two protesters.",
     "Two protesters arrested police in Lyon."),
    ("passive", "The minister was questioned by the committee.",
     "The minister questioned the committee."),
    ("causative", "Biden allowed Ukraine to attack Russia.",
     "Biden allowed Russia to attack Ukraine."),
    ("causative", "Washington let Kyiv strike Moscow.",
     "Washington let Moscow strike Kyiv."),
    ("causative", "Paris urged Berlin to back the plan.",
     "Berlin urged Paris to back the plan."),
    ("causative", "Germany helped Poland build the pipeline.",
     "Poland helped Germany build the pipeline."),
    ("dative", "Ukraine shipped grain to Egypt.",
     "Egypt shipped grain to Ukraine."),
    ("nominal", "Turkey approved Finland's bid to join NATO.",
     "Finland approved Turkey's bid to join NATO."),
    ("nominal", "Russia's attacks on Ukraine continued.",
     "Ukraine's attacks on Russia continued."),
    ("nominal", "The attack by Hamas on Israel shocked many.",
     "The attack by Israel on Hamas shocked many."),
    ("nominal", "The US imposed tariffs on China.",
     "China imposed tariffs on the US."),
    ("relative", "The man who the police arrested was freed.",
     "The man who arrested the police was freed."),
]  # fmt: skip

PRESERVES = [
    ("passive", "Police in Lyon arrested two protesters.",
     "Two protesters were arrested by police in Lyon."),
    ("passive", "The committee questioned the minister.",
     "The minister was questioned by the committee."),
    ("causative", "The court allowed Meta to appeal the ruling.",
     "Meta was allowed by the court to appeal the ruling."),
    ("dative", "The US sent missiles to Kyiv.",
     "Missiles were sent to Kyiv by the US."),
    ("nominal", "Russia's invasion of Ukraine began in 2022.",
     "The invasion of Ukraine by Russia began in 2022."),
    ("nominal", "The US imposed tariffs on China.",
     "Tariffs were imposed on China by the US."),
    ("relative", "Police arrested the man on Friday.",
     "The man that police arrested on Friday was freed."),
    ("fronted", "The army shelled the village on Monday.",
     "On Monday, the village was shelled by the army."),
    ("symmetric", "Biden met Xi in Lima.",
     "Xi met Biden in Lima."),
    ("symmetric", "Spain played Italy in the final.",
     "Italy played Spain in the final."),
    ("symmetric", "Israel negotiated with Hamas.",
     "Hamas negotiated with Israel."),
    ("unrelated", "Russia attacked Ukraine.",
     "Russia attacked Ukraine and Georgia."),
]  # fmt: skip


# Predicates that WordNet names one event, converse frames, oblique roles, roles across the
# clauses of one sentence: (phenomenon, reference, hypothesis).
LEXICAL_SWAPS = [
    ("synonym", "Ecuador struck Peru with artillery at dawn.",
     "Peru attacked Ecuador with artillery at dawn."),
    ("synonym", "The watchdog accused the bank of hiding losses.",
     "The bank blamed the watchdog for hiding losses."),
    ("synonym", "Rome allowed Vienna to attack Milan.",
     "Rome let Milan hit Vienna."),
    ("synonym", "Leeds beat Everton on Sunday.",
     "Everton defeated Leeds on Sunday."),
    ("converse", "Austria lent Slovenia 3 billion euros.",
     "Austria borrowed 3 billion euros from Slovenia."),
    ("converse", "Ford bought the plant from Renault.",
     "Ford sold the plant to Renault."),
    ("converse", "The Lisbon talks preceded the Oslo summit.",
     "The Lisbon talks followed the Oslo summit."),
    ("converse", "The foundation gave the hospital a grant.",
     "The foundation received a grant from the hospital."),
    ("converse", "The lobbyist works for the ministry.",
     "The lobbyist employs the ministry."),
    ("oblique", "Peru borrowed 5 billion dollars from the World Bank.",
     "The World Bank borrowed 5 billion dollars from Peru."),
    ("oblique", "Students protested against the rector in Sofia.",
     "The rector protested against students in Sofia."),
    ("oblique", "Chile moved troops to Bolivia.",
     "Bolivia moved troops to Chile."),
    ("oblique", "The firm moved its headquarters from Milan to Turin.",
     "The firm moved its headquarters from Turin to Milan."),
    ("cross_clause", "The club sacked the coach after the players criticised him.",
     "The players sacked the coach after the club criticised him."),
    ("cross_clause", "Senators passed the law that the president drafted.",
     "The president passed the law that senators drafted."),
    ("nominal", "Iraq invaded Kuwait in 1990.",
     "Kuwait's invasion of Iraq began in 1990."),
    # A cleft's focus fills the relative's open role.
    ("cleft", "It was Norway that beat Denmark in the final.",
     "It was Denmark that beat Norway in the final."),
    ("cleft", "Norway beat Denmark in the final.", "It was Norway that Denmark beat in the final."),
    # Participle clauses share the subject of the clause they hang on.
    ("participle", "After being dropped by Lazio, the striker joined Torino.",
     "After dropping Lazio, the striker joined Torino."),
    ("participle", "Having beaten Wales, Ireland face Scotland in the final.",
     "Having been beaten by Wales, Ireland face Scotland in the final."),
    # Where from and where to of a noun of moving.
    ("nominal", "Exports from Peru to Japan rose.", "Exports from Japan to Peru rose."),
    # A noun WordNet relates to no verb, compared as the verb its suffix makes it of.
    ("nominal", "Prussia annexed Silesia in 1742.",
     "Silesia's annexation of Prussia came in 1742."),
    # Broader WordNet relatedness: kinds of one specific event, a specific grandparent.
    ("sister", "Napoli thrashed Lazio 4-0.", "Lazio routed Napoli 4-0."),
    ("grandparent", "The bishop criticised the governor over the cuts.",
     "The governor condemned the bishop over the cuts."),
    # Transfers read through WordNet's verbs of getting: "obtain from X" is "X give".
    ("transfer", "Kenya obtained a loan from Japan.", "Kenya gave Japan a loan."),
    ("transfer", "Kenya won a contract from Japan.", "Kenya granted Japan a contract."),
    ("transfer", "The navy leased the drones from Elbit.", "The navy leased the drones to Elbit."),
    # Headlines: a participle with a by-agent is passive; a verbless parse is parsed again.
    ("headline", "Ruud beaten by Fritz in Madrid", "Ruud beats Fritz in Madrid"),
    ("headline", "Pressure on Rome to let Tunis inspect the ships",
     "Pressure on Tunis to allow Rome to inspect the ships"),
    ("headline", "Lagos under pressure to let Accra audit the pipeline",
     "Accra under pressure to allow Lagos to audit the pipeline"),
    ("oblique", "The insurer moved its offices from Leeds to York.",
     "The insurer relocated its offices from York to Leeds."),
    # Giving: a double object read as one noun phrase, "supply X with Y", a score after the
    # object.
    ("transfer", "The fund lent the club 40 million pounds.",
     "The club lent the fund 40 million pounds."),
    ("transfer", "Norway supplied the rebels with rifles.",
     "The rebels supplied rifles to Norway."),
    ("score", "Porto beat Braga 3-2 on Sunday.", "Braga beat Porto 3-2 on Sunday."),
    # Adjectives that tell two of a kind apart: a prime minister is not a finance minister.
    ("kind", "The prime minister sacked the finance minister.",
     "The finance minister dismissed the prime minister."),
    # A capitalised plural opening a sentence is the common noun of the other side.
    ("cross_clause", "The army shelled the village after rebels captured it.",
     "Rebels shelled the village after the army captured it."),
]  # fmt: skip

LEXICAL_PRESERVES = [
    ("synonym", "Ecuador struck Peru with artillery at dawn.",
     "Ecuador attacked Peru with artillery at dawn."),
    ("synonym", "The watchdog accused the bank of hiding losses.",
     "The watchdog blamed the bank for hiding losses."),
    ("synonym", "Leeds beat Everton on Sunday.",
     "Everton were defeated by Leeds on Sunday."),
    ("converse", "Austria lent Slovenia 3 billion euros.",
     "Slovenia borrowed 3 billion euros from Austria."),
    ("converse", "Ford bought the plant from Renault.",
     "Renault sold the plant to Ford."),
    ("converse", "The Lisbon talks preceded the Oslo summit.",
     "The Oslo summit followed the Lisbon talks."),
    ("converse", "The foundation gave the hospital a grant.",
     "The hospital received a grant from the foundation."),
    ("converse", "The lobbyist works for the ministry.",
     "The ministry employs the lobbyist."),
    ("oblique", "Peru borrowed 5 billion dollars from the World Bank.",
     "From the World Bank, Peru borrowed 5 billion dollars."),
    ("oblique", "Chile moved troops to Bolivia.",
     "Troops were moved to Bolivia by Chile."),
    ("cross_clause", "The club sacked the coach after the players criticised him.",
     "After the players criticised him, the club sacked the coach."),
    ("cross_clause", "Senators passed the law that the president drafted.",
     "The law that the president drafted was passed by senators."),
    ("reciprocal", "Chile signed a trade deal with Peru.",
     "Peru signed a trade deal with Chile."),
    ("reciprocal", "Fiat merged with Peugeot.",
     "Peugeot merged with Fiat."),
    ("reciprocal", "Kenya clashed with Somalia over the border.",
     "Somalia clashed with Kenya over the border."),
    ("nominal", "Iraq invaded Kuwait in 1990.",
     "Iraq's invasion of Kuwait began in 1990."),
    # Different senses are not one event: an intransitive "get" is not "receive".
    ("sense", "The mayor received the minister at the town hall.",
     "The minister got ready at the town hall."),
    ("sister", "Napoli thrashed Lazio 4-0.", "Napoli routed Lazio 4-0."),
    ("grandparent", "The bishop criticised the governor over the cuts.",
     "The bishop condemned the governor over the cuts."),
    ("transfer", "Kenya obtained a loan from Japan.", "Japan gave Kenya a loan."),
    ("transfer", "The navy leased the drones from Elbit.", "Elbit leased the drones to the navy."),
    ("transfer", "The navy leased the drones from Elbit.",
     "The navy rented the drones from Elbit."),
    ("headline", "Ruud beaten by Fritz in Madrid", "Fritz beats Ruud in Madrid"),
    ("headline", "Pressure on Rome to let Tunis inspect the ships",
     "Rome under pressure to allow Tunis to inspect the ships"),
    ("oblique", "The insurer moved its offices from Leeds to York.",
     "The insurer relocated its offices from Leeds to York."),
    # Antonyms are never one event, so the opposite verb with the arguments turned is silent.
    ("antonym", "The president praised the army.", "The army criticised the president."),
    ("antonym", "The club hired the coach.", "The coach fired the club."),
    # Kinds of a root verb are no kin: "kiss" and "hit" are both kinds of "touch".
    ("root", "Maria kissed Pedro at the station.", "Pedro hit Maria at the station."),
    ("reciprocal", "Pakistan exchanged fire with India.", "India exchanged fire with Pakistan."),
    ("transfer", "The fund lent the club 40 million pounds.",
     "The club borrowed 40 million pounds from the fund."),
    ("transfer", "Norway supplied the rebels with rifles.",
     "Norway supplied rifles to the rebels."),
    ("kind", "The prime minister sacked the finance minister.",
     "The finance minister was dismissed by the prime minister."),
    ("participle", "After being dropped by Lazio, the striker joined Torino.",
     "The striker joined Torino after Lazio dropped him."),
    ("nominal", "Exports from Peru to Japan rose.", "Exports to Japan from Peru rose."),
    ("cleft", "Norway beat Denmark in the final.", "It was Norway that beat Denmark in the final."),
]  # fmt: skip

# Two different predicates that no resource relates, in sentences that tell the same thing:
# the same two arguments trading agent and patient is a reversal (a major finding).
ALIGNED_SWAPS = [
    ("synonym", "The watchdog fined the lender for late disclosures.",
     "The lender penalised the watchdog for late disclosures."),
    ("synonym", "Rangers recruited the winger in January.",
     "The winger hired Rangers in January."),
    ("synonym", "The navy rescued the fishermen off Crete.",
     "The fishermen saved the navy off Crete."),
    ("passive", "The envoy was snubbed by the foreign minister.",
     "The envoy ignored the foreign minister."),
    # Oblique roles compare too, source with source, also of a verb a converse frame reads.
    ("oblique", "Valve hired the designer from Ubisoft.",
     "Ubisoft recruited the designer from Valve."),
    ("oblique", "The club signed the winger from Benfica.",
     "Benfica bought the winger from the club."),
    # A converse reading of who gives to whom compares its recipient too.
    ("converse", "The fund granted the credit to Malawi.",
     "The fund borrowed the credit from Malawi."),
    ("converse", "Intel supplies chips to Dell.", "Intel buys chips from Dell."),
    # A converse frame's verb is read as its partner; kinds of a kind count ("trail" is a
    # kind of "lag", a kind of "follow"), so keeping the roles with the converse is a reversal.
    ("converse", "The Greens led the Liberals in the latest poll.",
     "The Greens trailed the Liberals in the latest poll."),
]  # fmt: skip

ALIGNED_PRESERVES = [
    ("converse", "The Greens led the Liberals in the latest poll.",
     "The Liberals trailed the Greens in the latest poll."),
    ("converse", "Oslo preceded Bergen as host of the summit.",
     "Bergen followed Oslo as host of the summit."),
    ("antonym", "The senator praised the mayor.", "The mayor criticised the senator."),
    # A preposition's object read as a particle's is no direct patient: "went to" is no verb
    # that could be "won" told the other way round.
    ("phrasal", "The tender went to Leonardo.", "Leonardo won the tender."),
    ("oblique", "Oman sent aid to Yemen.", "Yemen received aid from Oman."),
    ("converse", "Intel supplies chips to Dell.", "Dell buys chips from Intel."),
    ("converse", "The fund granted the credit to Malawi.",
     "Malawi borrowed the credit from the fund."),
    ("oblique", "The firm moved its plant from Ohio to Texas.",
     "The firm relocated its plant to Texas from Ohio."),
    # Either text stating the other orientation too: two events, not one turned round.
    ("both stated", "Barclays hired Lazard.",
     "Lazard advised Barclays after Barclays hired Lazard."),
    ("reciprocal", "A tanker collided with a ferry off Malta.",
     "A ferry collided with a tanker off Malta."),
    # A sentence about something else: a summary against an article.
    ("not aligned", "Police arrested dozens of protesters in the capital on Monday, officials "
     "said. Later that week the interior minister praised the officers.",
     "Protesters attacked police during a march."),
    # One moved argument is reported only between sentences that tell the same thing.
    ("not aligned", "A short talk between the two men gives the reader enough clues to solve it.",
     "The clues give enough information."),
]  # fmt: skip

# Headlines and sentences the small parser misreads, parsed again in a plainer wording.
REPARSED_SWAPS = [
    ("present-tense headline", "Ankara slams Athens over airspace",
     "Athens slams Ankara over airspace"),
    ("present-tense headline", "EU fines Volvo 2 billion euros", "Volvo fines EU 2 billion euros"),
    ("plural agreement", "Celtic sack Rodgers after defeat", "Rodgers sacks Celtic after defeat"),
    ("infinitive only", "Court orders Uber to pay fine", "Uber orders court to pay fine"),
    ("past as adjective", "The referee was attacked by fans after the match.",
     "The referee assaulted fans after the match."),
    ("object-attached at", "The navy fired flares at the trawler.",
     "The trawler fired flares at the navy."),
    ("no clause in a sentence", "Peru exports copper to Japan.",
     "Japan exports copper to Peru."),
    ("bare infinitive as a noun", "The EU allowed Malta to fund the bank.",
     "The EU let the bank fund Malta."),
    ("a subject over a full stop", "Sabalenka beaten by Gauff in Rome",
     "Sabalenka beats Gauff in Rome"),
    ("by-phrase on the gerund", "Sudan accused of arming militias by Chad",
     "Chad accused of arming militias by Sudan"),
    ("future 'to'", "Oman to pay Qatar 20 million dollars", "Qatar to pay Oman 20 million dollars"),
    ("by-phrase on the gerund", "Chad accuses Sudan of arming militias",
     "Chad accused of arming militias by Sudan"),
]  # fmt: skip

REPARSED_PRESERVES = [
    ("present-tense headline", "Ankara slams Athens over airspace",
     "Athens slammed by Ankara over airspace"),
    ("past-tense by-agent", "Apple sues Nokia over patents", "Nokia sued by Apple over patents"),
    ("past-tense by-agent", "Oslo warns Moscow over drills", "Moscow warned by Oslo over drills"),
    ("infinitive only", "Court orders Uber to pay fine", "Uber ordered by court to pay fine"),
    ("bare infinitive as a noun", "The EU allowed Malta to fund the bank.",
     "The EU let Malta fund the bank."),
    ("by-phrase on the gerund", "Chad accuses Sudan of arming militias",
     "Sudan accused of arming militias by Chad"),
    # An active clause with no subject (a title) says nothing of who acts; a source line
    # after a spaced dash is not what the clause acts on.
    ("title", 'At the "Looking for Partners Forum", the mayor spoke.',
     'At the forum "partners looking for talent", the mayor spoke.'),
    ("source line", "The summit of the two parties has ended - City News - Daily Post",
     "Delegates of the two parties ended the summit - City News - Daily Post"),
]  # fmt: skip

SEED_REFERENCE = "Biden under pressure to let Ukraine hit Russia with US weapons"


def _check(reference: str, hypothesis: str) -> list[Finding]:
    [segment] = parse_segments([CheckInput(hypothesis, reference, hyp_lang="en")])
    return role_reversal(segment)


@pytest.mark.parametrize(("frame", "reference", "hypothesis"), SWAPS)
def test_swapped_roles_fire(frame: str, reference: str, hypothesis: str) -> None:
    findings = _check(reference, hypothesis)
    assert findings, f"{frame}: no finding for {hypothesis!r}"
    assert all(f.check == "role_reversal" and f.severity == "critical" for f in findings)
    assert findings[0].evidence["against"] == "reference"


@pytest.mark.parametrize(("frame", "reference", "hypothesis"), PRESERVES)
def test_kept_roles_do_not_fire(frame: str, reference: str, hypothesis: str) -> None:
    assert _check(reference, hypothesis) == [], frame


@pytest.mark.parametrize(("phenomenon", "reference", "hypothesis"), LEXICAL_SWAPS)
def test_lexical_and_clausal_swaps_fire(phenomenon: str, reference: str, hypothesis: str) -> None:
    assert _check(reference, hypothesis), f"{phenomenon}: no finding for {hypothesis!r}"


@pytest.mark.parametrize(("phenomenon", "reference", "hypothesis"), LEXICAL_PRESERVES)
def test_lexical_and_clausal_paraphrases_do_not_fire(
    phenomenon: str, reference: str, hypothesis: str
) -> None:
    assert _check(reference, hypothesis) == [], phenomenon


@pytest.mark.parametrize(
    ("hypothesis", "fires"),
    [
        ("Pressure on Biden to allow Russia to attack Ukraine with US weapons", True),
        ("Pressure on Biden to allow Ukraine to attack Russia with US weapons", False),
        ("Biden under pressure to let Russia be attacked by Ukraine with US weapons", False),
    ],
)
def test_seed_headline_against_a_natural_reference_headline(hypothesis: str, fires: bool) -> None:
    findings = _check(SEED_REFERENCE, hypothesis)
    assert bool(findings) is fires
    if fires:
        assert findings[0].evidence["hyp_triple"] == ["Russia", "attack", "Ukraine"]
        assert findings[0].evidence["ref_triple"] == ["Ukraine", "hit", "Russia"]


def test_converse_evidence_shows_the_reading() -> None:
    [finding] = _check("Austria lent Slovenia 3 billion euros.",
                       "Austria borrowed 3 billion euros from Slovenia.")  # fmt: skip
    assert finding.evidence["hyp_triple"] == ["Slovenia", "lend (borrow)", "Austria"]
    assert finding.evidence["ref_triple"][:2] == ["Austria", "lend"]


def test_range_evidence_names_the_two_exchanged_roles() -> None:
    [finding] = _check("The insurer moved its offices from Leeds to York.",
                       "The insurer relocated its offices from York to Leeds.")  # fmt: skip
    shown = {tuple(finding.evidence[k]) for k in ("hyp_triple", "hyp_other_triple")}
    assert shown == {("insurer", "relocate", "York"), ("insurer", "relocate", "Leeds")}


def test_cross_clause_evidence_names_both_clauses() -> None:
    [finding] = _check("The club sacked the coach after the players criticised him.",
                       "The players sacked the coach after the club criticised him.")  # fmt: skip
    assert finding.evidence["swap"] == "across_clauses"
    assert finding.evidence["hyp_triple"] == ["players", "sack", "coach"]
    assert finding.evidence["ref_triple"] == ["club", "sack", "coach"]
    assert finding.evidence["hyp_other_triple"][:2] == ["club", "criticise"]
    assert finding.hyp_span is not None and finding.hyp_span.text.startswith("The players")


def test_repeated_reference_clauses_are_indexed_once() -> None:
    reference = " ".join(["Austria lent Slovenia 3 billion euros."] * 50)
    [finding] = _check(reference, "Austria borrowed 3 billion euros from Slovenia.")
    assert finding.evidence["ref_triple"][:2] == ["Austria", "lend"]


def test_evidence_names_both_triples_and_spans() -> None:
    reference = "On Sunday, Bayern Munich beat Borussia Dortmund in Munich."
    hypothesis = "Borussia Dortmund beat Bayern Munich in Munich on Sunday."
    [finding] = _check(reference, hypothesis)
    assert finding.evidence["hyp_triple"] == ["Borussia Dortmund", "beat", "Bayern Munich"]
    assert finding.evidence["ref_triple"][1] == "beat"
    assert finding.evidence["frame"] == "active"
    assert finding.hyp_span is not None and finding.ref_span is not None
    assert hypothesis[finding.hyp_span.start : finding.hyp_span.end] == finding.hyp_span.text
    assert "Bayern Munich beat" in finding.ref_span.text


def test_passive_hypothesis_against_active_reference_reports_the_passive_frame() -> None:
    [finding] = _check("Russia attacked Ukraine.", "Russia was attacked by Ukraine.")
    assert finding.evidence["frame"] == "passive"
    assert finding.evidence["hyp_triple"] == ["Ukraine", "attack", "Russia"]


def test_triples_normalise_active_passive_and_relative_alike() -> None:
    nlp = load_pipeline("en")
    assert nlp is not None
    texts = [
        "US President Joe Biden thanked the senators.",
        "The senators were thanked by Biden.",
        "The senators who Biden thanked left.",
    ]
    for doc in nlp.pipe(texts):
        thank = [t for t in extract_triples(doc) if t.pred == "thank"]
        assert thank and thank[0].agent is not None and thank[0].patient is not None
        assert (thank[0].agent.head, thank[0].patient.head) == ("biden", "senator")


@pytest.mark.parametrize(("text", "triple"), [
    # A double object read as one noun phrase: the noun before the amount is the recipient.
    ("The fund lent the firm 2 million dollars.", ("fund", "lend", "firm", "recipient")),
    ("The bank paid the council 5 million pounds.", ("bank", "pay", "council", "recipient")),
    # "supply X with Y": X receives, Y is given.
    ("Norway supplied Ukraine with rifles.", ("norway", "supply", "ukraine", "recipient")),
    ("Norway supplied Ukraine with rifles.", ("norway", "supply", "rifle", "patient")),
    # A score after the object: the name the parser calls an adverbial noun is the object.
    ("Chelsea beat Arsenal 2-1.", ("chelsea", "beat", "arsenal", "patient")),
])  # fmt: skip
def test_giving_and_scores_name_their_roles(text: str, triple: tuple[str, ...]) -> None:
    nlp = load_pipeline("en")
    assert nlp is not None
    found = {
        (t.agent.head, t.pred, t.patient.head, t.role)
        for t in extract_triples(nlp(text)) if t.agent is not None and t.patient is not None
    }  # fmt: skip
    assert triple in found


def test_an_adjective_of_kind_tells_arguments_apart() -> None:
    nlp = load_pipeline("en")
    assert nlp is not None
    [sack] = [t for t in extract_triples(nlp("The prime minister sacked the finance minister."))]
    assert sack.agent is not None and sack.patient is not None
    assert not sack.agent.same(sack.patient)
    [fired] = extract_triples(nlp("The minister fired the finance minister."))
    assert fired.agent is not None and fired.patient is not None
    assert fired.agent.same(sack.agent) and fired.patient.same(sack.patient)


def test_seed_headline_reverses_its_body() -> None:
    text = SEED.read_text(encoding="utf-8")
    [findings] = run_checks([CheckInput(text, hyp_lang="en")], ["role_reversal"])
    assert len(findings) == 1
    [finding] = findings
    assert finding.evidence["against"] == "body"
    assert finding.evidence["hyp_triple"] == ["Russia", "attack", "Ukraine"]
    assert finding.evidence["ref_triple"][0] == "Ukraine"
    assert finding.hyp_span is not None and finding.ref_span is not None
    assert finding.hyp_span.end <= text.index("\n")
    assert finding.ref_span.start > text.index("\n")


def test_headline_needs_a_blank_line_and_a_body() -> None:
    assert headline_split("Title here\n\nBody text.") == (10, 12)
    assert headline_split("One sentence only.") is None
    assert headline_split("Line one\nline two\n\nbody") is None
    assert headline_split("Title\n\n   ") is None
    one_line = "Russia attacked Ukraine. Later, Ukraine attacked Russia."
    assert run_checks([CheckInput(one_line, hyp_lang="en")], ["role_reversal"]) == [[]]


def test_summary_is_compared_with_its_source() -> None:
    source = (
        "Talks collapsed on Monday.\n\nThe union accused the company of breaking the deal. "
        "The company denied it."
    )
    inputs = [
        CheckInput("The company accused the union of breaking the deal.", source=source,
                   hyp_lang="en", task="summary"),
        CheckInput("The company was accused by the union of breaking the deal.", source=source,
                   hyp_lang="en", task="summary"),
    ]  # fmt: skip
    swapped, kept = run_checks(inputs, ["role_reversal"])
    assert [f.evidence["against"] for f in swapped] == ["source"]
    assert kept == []


def test_registered_as_reference_free_critical_check() -> None:
    check = CHECKS["role_reversal"]
    assert (check.severity, check.needs, check.uses_parse) == ("critical", "none", True)


def test_other_language_source_is_compared_through_the_alignment() -> None:
    """checks/source_roles.py (tests/checks/test_source_roles.py has the cases per pair)."""
    inp = CheckInput("Ukraine attacked Russia.", source="La Russie a attaqué l'Ukraine.",
                     hyp_lang="en", src_lang="fr")  # fmt: skip
    [found] = run_checks([inp], ["role_reversal"])
    assert [f.evidence["method"] for f in found] == ["cross_lingual"]


def test_french_swap_and_passive() -> None:
    reference = "La police a arrêté le suspect."
    inputs = [
        CheckInput("Le suspect a arrêté la police.", reference, hyp_lang="fr"),
        CheckInput("Le suspect a été arrêté par la police.", reference, hyp_lang="fr"),
    ]
    if load_pipeline("fr") is None:
        pytest.skip("no French spaCy model")
    swapped, kept = run_checks(inputs, ["role_reversal"])
    assert len(swapped) == 1 and kept == []


@pytest.mark.parametrize(
    ("document", "fires"),
    [
        ("Police arrest two protesters in Lyon.\n\n"
         "Two protesters arrested police in Lyon on Sunday, prosecutors said.", True),
        ("Police arrest two protesters in Lyon.\n\n"
         "Two protesters were arrested by police in Lyon on Sunday, prosecutors said.", False),
        # Headline style drops "was": the shipper was fined, as the body says.
        ("Halvorsen Shipping fined over falsified data\n\n"
         "Regulators fined Halvorsen Shipping on Thursday.", False),
    ],
)  # fmt: skip
def test_headline_against_body(document: str, fires: bool) -> None:
    [findings] = run_checks([CheckInput(document, hyp_lang="en")], ["role_reversal"])
    assert bool(findings) is fires
    assert all(f.evidence["against"] == "body" for f in findings)


def test_a_fault_against_reference_and_source_is_reported_once() -> None:
    text = "The union accused the company of fraud."
    inp = CheckInput("The company accused the union of fraud.", reference=text, source=text,
                     hyp_lang="en", task="summary")  # fmt: skip
    [findings] = run_checks([inp], ["role_reversal"])
    assert [f.evidence["against"] for f in findings] == ["reference"]


@pytest.mark.parametrize(("phenomenon", "reference", "hypothesis"), ALIGNED_SWAPS)
def test_swaps_under_unrelated_predicates_in_aligned_sentences_fire(
    phenomenon: str, reference: str, hypothesis: str
) -> None:
    findings = _check(reference, hypothesis)
    assert findings, f"{phenomenon}: no finding for {hypothesis!r}"


@pytest.mark.parametrize(("phenomenon", "reference", "hypothesis"), ALIGNED_PRESERVES)
def test_converses_antonyms_and_other_events_under_other_predicates_do_not_fire(
    phenomenon: str, reference: str, hypothesis: str
) -> None:
    assert _check(reference, hypothesis) == [], phenomenon


def test_unrelated_predicates_make_a_major_finding_that_says_so() -> None:
    [finding] = _check("The watchdog fined the lender for late disclosures.",
                       "The lender penalised the watchdog for late disclosures.")  # fmt: skip
    assert finding.severity == "major"
    assert finding.evidence["predicates"] == "unrelated"
    assert finding.evidence["hyp_triple"] == ["lender", "penalise", "watchdog"]
    assert "not known to name one event" in finding.message
    [related] = _check("Ecuador struck Peru.", "Peru attacked Ecuador.")
    assert related.severity == "critical" and related.evidence["predicates"] == "related"


@pytest.mark.parametrize(("phenomenon", "reference", "hypothesis"), REPARSED_SWAPS)
def test_misparsed_headlines_and_sentences_are_read_again(
    phenomenon: str, reference: str, hypothesis: str
) -> None:
    assert _check(reference, hypothesis), f"{phenomenon}: no finding for {hypothesis!r}"


@pytest.mark.parametrize(("phenomenon", "reference", "hypothesis"), REPARSED_PRESERVES)
def test_misparsed_headline_paraphrases_do_not_fire(
    phenomenon: str, reference: str, hypothesis: str
) -> None:
    assert _check(reference, hypothesis) == [], phenomenon


def test_reparsed_spans_point_into_the_original_text() -> None:
    hypothesis = "Athens slams Ankara over airspace"
    [finding] = _check("Ankara slams Athens over airspace", hypothesis)
    assert finding.hyp_span is not None
    assert hypothesis[finding.hyp_span.start : finding.hyp_span.end] == finding.hyp_span.text
    assert finding.hyp_span.text.startswith("Athens slams Ankara")
