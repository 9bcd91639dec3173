"""Row checks: a row a metric could have produced passes, one it could not is named."""

from __future__ import annotations

from sacrebleu.metrics import BLEU, CHRF

from evalsuite.stats.row_checks import bleu_row, chrf_row, hits_row, unit_row


def test_sacrebleu_rows_pass() -> None:
    hyps, refs = ["the the the cat", "", "a b c d e"], [["the cat sat", "x", "a b c d e"]]
    for row in BLEU()._extract_corpus_statistics(hyps, refs):
        assert bleu_row([float(v) for v in row]) is None
    for row in CHRF(word_order=2)._extract_corpus_statistics(hyps, refs):
        assert chrf_row([float(v) for v in row]) is None


def test_impossible_rows_are_named() -> None:
    bleu = [4.0, 4.0, 5.0, 2.0, 1.0, 0.0, 4.0, 3.0, 2.0, 1.0]
    assert bleu_row(bleu) == "5 matching 1-grams of 4 in all"
    assert bleu_row([4.0, 4.5, *bleu[2:]]) == "[1] is 4.5, but a count is a whole number"
    assert chrf_row([3.0, 2.0, 3.0]) == "3 matching n-grams of 3 in the output, 2 in the reference"
    assert hits_row([3.0, 2.0]) == "3 hits of 2"
    assert unit_row([0.5, 1.5, 0.7]) == "[1] is 1.5, outside 0..1"
    assert hits_row([2.0, 3.0]) is None and unit_row([0.0, 1.0, 0.5]) is None
