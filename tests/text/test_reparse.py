"""Re-parsing misread sentences: a headline's present-tense verb, a past form read as an
adjective, a verbless headline; offsets and tokens map back to the original parse."""

from __future__ import annotations

import pytest

from evalsuite.text.nlp import load_pipeline
from evalsuite.text.reparse import sentence_reparses
from evalsuite.text.roles import extract_triples

pytestmark = pytest.mark.skipif(load_pipeline("en") is None, reason="no English spaCy model")


def _triples(text: str) -> set[tuple[str | None, str, str | None]]:
    nlp = load_pipeline("en")
    assert nlp is not None
    return {
        (t.agent.head if t.agent else None, t.pred, t.patient.head if t.patient else None)
        for t in extract_triples(nlp(text))
    }


@pytest.mark.parametrize(("text", "triple"), [
    ("Ankara slams Athens over airspace", ("ankara", "slam", "athens")),
    ("Celtic sack Rodgers after defeat", ("celtic", "sack", "rodgers")),
    ("Court orders Uber to pay fine", ("court", "order", "uber")),
    ("The referee assaulted fans after the match.", ("referee", "assault", "fan")),
    ("Trump to host Qatar in Doha", ("trump", "host", "qatar")),
])  # fmt: skip
def test_misread_verbs_are_read_from_the_plainer_reparse(
    text: str, triple: tuple[str, str, str]
) -> None:
    assert triple in _triples(text)


@pytest.mark.parametrize("text", [
    "Police arrested two protesters in Lyon.",  # a sound parse is kept as it is
    "Macron snubbed by Xi at summit",  # a participle with a by-agent: a passive already
    "Prix de l'Arc de Triomphe",  # nothing WordNet calls a verb to try
])  # fmt: skip
def test_sound_or_hopeless_sentences_are_not_reparsed(text: str) -> None:
    nlp = load_pipeline("en")
    assert nlp is not None
    assert sentence_reparses(nlp(text)) == []


def test_offsets_and_tokens_map_back_to_the_original_text() -> None:
    nlp = load_pipeline("en")
    assert nlp is not None
    text = "Reuters reports. Ankara slams Athens over airspace"
    doc = nlp(text)
    [triple] = [t for t in extract_triples(doc) if t.pred == "slam"]
    assert text[triple.start : triple.end] == "Ankara slams Athens over airspace"
    assert doc[triple.pred_token].text == "slams"
    assert triple.agent is not None and doc[triple.agent.token].text == "Ankara"
    assert triple.patient is not None and doc[triple.patient.token].text == "Athens"
    assert doc[triple.sentence].text == "Ankara"


def test_other_languages_are_left_alone() -> None:
    nlp = load_pipeline("fr")
    if nlp is None:
        pytest.skip("no French spaCy model")
    assert sentence_reparses(nlp("Paris critique Berlin sur la dette")) == []
