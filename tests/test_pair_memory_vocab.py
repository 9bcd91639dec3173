"""benchmarks/bench_pair_memory.py --vocab: its rows are the pipeline's own counts."""

from __future__ import annotations

import pytest

from benchmarks import bench_pair_memory
from evalsuite.text.nlp import load_pipeline

pytestmark = pytest.mark.skipif(load_pipeline("en") is None, reason="no English spaCy model")


def _counts(row: str) -> list[int]:
    return [int(cell.replace(",", "")) for cell in row.split()[:4]]


def test_vocab_rows_are_the_vocabulary_after_each_count() -> None:
    nlp = load_pipeline("en")
    assert nlp is not None
    header, first, last = list(bench_pair_memory.vocab_growth([5, 12]))
    assert header.split()[:3] == ["pairs", "strings", "lexemes"]
    assert _counts(last) == [12, *bench_pair_memory._spacy_state(nlp)]
    assert _counts(first)[0] == 5 and _counts(first)[2] <= _counts(last)[2]
    assert "a pair since 5" in last


def test_a_new_word_is_one_more_lexeme() -> None:
    nlp = load_pipeline("en")
    assert nlp is not None
    before = bench_pair_memory._spacy_state(nlp)
    nlp("Zqorvlaxt")
    after = bench_pair_memory._spacy_state(nlp)
    assert after[1] > before[1] and after[0] > before[0]
