"""Role triples: the predicate's lemma as English spelling allows it."""

from __future__ import annotations

import pytest

from evalsuite.text.nlp import load_pipeline
from evalsuite.text.roles import extract_triples

pytestmark = pytest.mark.skipif(load_pipeline("en") is None, reason="no English spaCy model")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The regulator fined the airline.", "fine"),  # not "fin": that would be "finned"
        ("The regulator finned the airline.", "fin"),
        ("The council visited the school.", "visit"),  # no "visite" in WordNet
        ("The police arrested the driver.", "arrest"),
    ],
)
def test_predicate_lemma_keeps_its_silent_e(text: str, event: str) -> None:
    nlp = load_pipeline("en")
    assert nlp is not None
    assert {t.event for t in extract_triples(nlp(text)) if not t.noun} == {event}


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The professor taught the students chemistry.", "student"),  # one NP to the parser
        ("The firm paid its workers bonuses.", "worker"),
        ("Iran supplied the arms dealers.", None),  # "arms" is a word of its own, no person
    ],
)
def test_plural_person_inside_a_given_object_is_the_recipient(
    text: str, recipient: str | None
) -> None:
    nlp = load_pipeline("en")
    assert nlp is not None
    triples = extract_triples(nlp(text))
    found = {t.patient.head for t in triples if t.role == "recipient" and t.patient}
    assert found == ({recipient} if recipient else set())
