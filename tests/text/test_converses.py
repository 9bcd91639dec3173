"""Converse frames: a clause of a converse verb, with its cue role filled, reads as its
partner's clause with the roles permuted; without the cue it adds nothing."""

from __future__ import annotations

import pytest

from evalsuite.text.converses import CONVERSE_FRAMES, converse_readings
from evalsuite.text.nlp import load_pipeline
from evalsuite.text.predicates import predicate_sense
from evalsuite.text.roles import extract_triples

pytestmark = pytest.mark.skipif(load_pipeline("en") is None, reason="no English spaCy model")

READINGS = [
    ("Greece borrowed money from Germany.", ("germany", "lend", "greece", "recipient")),
    ("Italy bought jets from France.", ("france", "sell", "italy", "recipient")),
    ("The talks followed the summit.", ("summit", "precede", "talk", "patient")),
    ("The consultant works for the ministry.", ("ministry", "employ", "consultant", "patient")),
    ("Alcaraz lost to Sinner.", ("sinner", "beat", "alcaraz", "patient")),
    ("Kenya purchased arms from China.", ("china", "sell", "kenya", "recipient")),
    # The general transfer frame: every kind of WordNet's "get, acquire" with a "from" phrase.
    ("Kenya obtained a loan from Japan.", ("japan", "give", "kenya", "recipient")),
    ("The navy leased the drones from Elbit.", ("elbit", "give", "navy", "recipient")),
    # Kinds of a kind of the converse sense, through a verb's most frequent sense: "trail"
    # ("get behind") is a kind of "lag", a kind of "follow"; a phrasal verb reads as itself.
    ("The Liberals trailed the Greens.", ("greens", "precede", "liberals", "patient")),
    ("Ford fell behind Toyota.", ("toyota", "precede", "ford", "patient")),
    # Guest and host, member and group (converses by WordNet's glosses).
    ("Scholz visited Macron.", ("macron", "host", "scholz", "patient")),
    ("Sweden joined NATO.", ("nato", "admit", "sweden", "patient")),
    ("Mbappe joined Real Madrid.", ("madrid", "sign", "mbappe", "patient")),
    ("Mbappe signed for Real Madrid.", ("madrid", "sign", "mbappe", "patient")),
]  # fmt: skip


def _readings(text: str) -> set[tuple[str | None, str, str | None, str]]:
    nlp = load_pipeline("en")
    assert nlp is not None
    triples = extract_triples(nlp(text))
    return {
        (t.agent.head if t.agent else None, t.event, t.patient.head if t.patient else None, t.role)
        for t in converse_readings(triples)
    }


@pytest.mark.parametrize(("text", "reading"), READINGS)
def test_converse_clause_reads_as_its_partner(text: str, reading: tuple[str, ...]) -> None:
    assert reading in _readings(text)


@pytest.mark.parametrize("text", ["Alcaraz lost the final.", "Greece borrowed money.",
                                  "The minister got ready.", "Germany gave Greece money.",
                                  "The navy leased the drones to Elbit.",
                                  "Turkey withdrew its troops from Syria.",
                                  "Scholz signed the treaty in Paris.",
                                  # "remove and replace" is only oust's second sense
                                  "The coalition ousted the prime minister."])
def test_no_reading_without_the_cue_or_for_the_partner_itself(text: str) -> None:
    assert _readings(text) == set()


def test_every_frame_names_a_wordnet_verb_and_sense() -> None:
    for frame in CONVERSE_FRAMES:
        assert len(predicate_sense(frame.verb).senses) >= frame.sense, frame
        assert predicate_sense(frame.reading).senses, frame
        assert frame.cue in dict(frame.roles), frame


def test_a_specific_frame_is_preferred_to_the_general_transfer() -> None:
    readings = _readings("Greece borrowed money from Germany.")
    assert {r[1] for r in readings} == {"lend"}
