"""ROUGE-Lsum's faster paths (numpy bookkeeping over many sentences, wide rows read lazily,
checkpointed rows) must give exactly rouge-score's numbers too."""

from __future__ import annotations

import random

import pytest
from rouge_score.rouge_scorer import RougeScorer

from evalsuite.metrics import lcs
from evalsuite.metrics.rouge import rouge_scores
from tests.metrics.lcs_oracle import dp_lcs

pytestmark = pytest.mark.usefixtures("python_core")

LSUM = ["rougeL", "rougeLsum"]
# A small vocabulary makes many sentences share tokens, so the backtracks have choices.
WORDS = [
    "the", "a", "of", "cat", "dog", "ran", "sat", "mat", "on", "in", "was", "is", "red", "big",
    "old", "house", "tree",
]


def _document(rng: random.Random, n_sentences: int, low: int, high: int) -> str:
    return "\n".join(
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))
        for _ in range(n_sentences)
    )


def _expected(prediction: str, reference: str) -> dict[str, object]:
    return RougeScorer(LSUM).score(reference, prediction)


@pytest.mark.parametrize("seed", range(12))
def test_many_sentences_use_the_vector_path(seed: int) -> None:
    rng = random.Random(seed)
    prediction = _document(rng, rng.randint(16, 60), 1, 14)
    reference = _document(rng, rng.randint(1, 12), 1, 20)
    assert rouge_scores([prediction], [reference], LSUM) == [_expected(prediction, reference)]


def test_wide_rows_are_read_lazily() -> None:
    rng = random.Random(99)
    prediction = _document(rng, 320, 10, 16)  # over 4,096 row bits
    reference = _document(rng, 4, 5, 20)
    assert rouge_scores([prediction], [reference], LSUM) == [_expected(prediction, reference)]


@pytest.mark.parametrize("seed", range(6))
def test_checkpointed_rows_and_every_path_on_small_inputs(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Force each path on inputs rouge-score scores quickly: rows checkpointed, columns read
    lazily, numpy bookkeeping for any number of sentences, references longer than 64, long
    LCS in blocks, predicted sentences in several packs."""
    monkeypatch.setattr(lcs, "_STORE_ALL_BITS", 64)
    monkeypatch.setattr(lcs, "_BLOCK_BITS", 16)
    monkeypatch.setattr(lcs, "_EAGER_BITS", 0)
    monkeypatch.setattr(lcs, "_VECTOR_MIN_SENTENCES", 1)
    rng = random.Random(100 + seed)
    prediction = _document(rng, rng.randint(1, 20), 1, 30)
    reference = _document(rng, rng.randint(1, 6), 1, 90)
    assert rouge_scores([prediction], [reference], LSUM) == [_expected(prediction, reference)]


@pytest.mark.parametrize("block", [1, 3, 8, 64])
@pytest.mark.parametrize("seed", range(8))
def test_lcs_in_blocks_equals_the_dp_table(
    seed: int, block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lcs, "_BLOCK_BITS", block)
    rng = random.Random(seed)
    a = [rng.choice("abcde") for _ in range(rng.randint(1, 150))]
    b = [rng.choice("abcdef") for _ in range(rng.randint(1, 120))]
    assert lcs.lcs_length(a, b) == lcs.lcs_length(b, a) == dp_lcs(a, b)


def test_packs_never_exceed_the_block_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lcs, "_BLOCK_BITS", 20)
    sentences = [["w"] * n for n in (5, 9, 4, 30, 2, 2, 18)]
    packs = lcs.SentencePacks(sentences).packs
    assert [len(p.sentences) for p in packs] == [2, 1, 1, 2, 1]  # the 30-token one alone
    assert all(p.width <= 20 or len(p.sentences) == 1 for p in packs)
