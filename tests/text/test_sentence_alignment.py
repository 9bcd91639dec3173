"""Sentence alignment by content words: the best-matching sentence, and only above half."""

from __future__ import annotations

import pytest

from evalsuite.text.nlp import load_pipeline
from evalsuite.text.sentence_alignment import SentenceAlignment

pytestmark = pytest.mark.skipif(load_pipeline("en") is None, reason="no English spaCy model")


def _starts(doc: object) -> list[int]:
    return [s.start for s in doc.sents]  # type: ignore[attr-defined]


def test_a_sentence_aligns_with_its_rewording_not_with_the_rest() -> None:
    nlp = load_pipeline("en")
    assert nlp is not None
    hyp = nlp("The lender penalised the watchdog for late disclosures.")
    other = nlp("Markets fell on Monday. The watchdog fined the lender for late disclosures.")
    first, second = _starts(other)
    alignment = SentenceAlignment(hyp, other, "en", _starts(hyp), [first, second])
    assert alignment.aligned(0, second)
    assert not alignment.aligned(0, first)


def test_a_sentence_about_other_things_aligns_with_nothing() -> None:
    nlp = load_pipeline("en")
    assert nlp is not None
    hyp = nlp("Protesters attacked police during a march.")
    other = nlp("Police arrested dozens of protesters in the capital on Monday, officials said.")
    alignment = SentenceAlignment(hyp, other, "en", _starts(hyp), _starts(other))
    assert not alignment.aligned(0, 0)
