"""The sacrebleu adapter's private calls give what sacrebleu's public API gives.

If a sacrebleu release changes its internals, these tests fail here, before any metric's
numbers drift: each step the adapter takes is checked against `corpus_score`,
`sentence_score` and `get_signature` on random and hand-picked segments.
"""

from __future__ import annotations

import random

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a
from sacrebleu.tokenizers.tokenizer_ter import TercomTokenizer

from evalsuite.metrics import sacrebleu_adapter as adapter

WORDS = [
    "the", "a", "police", "protester", "arrested", "Berlin", "on", "Monday", "300", "jobs",
    "cut", ",", ".", "said", "not",
]


def _corpus(seed: int, n: int = 40) -> tuple[list[str], list[list[str]]]:
    rng = random.Random(seed)

    def sentence() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 14)))

    hyps = [sentence() for _ in range(n)]
    refs = [[sentence() for _ in range(rng.randint(1, 3))] for _ in range(n)]
    return hyps, refs


FACTORIES = {
    "bleu": lambda: BLEU(),
    "chrf": lambda: CHRF(),
    "chrf++": lambda: CHRF(word_order=2),
    "ter": lambda: TER(),
    "guarded-ter": lambda: adapter.GuardedTER(),
}


@pytest.mark.parametrize("name", sorted(FACTORIES))
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_statistics_rebuild_corpus_and_sentence_scores(name: str, seed: int) -> None:
    hyps, refs = _corpus(seed)
    metric = FACTORIES[name]()
    rows = adapter.segment_statistics(metric, hyps, refs)
    assert len(rows) == len(hyps)
    sums = [sum(column) for column in zip(*rows, strict=True)]
    public = FACTORIES[name]().corpus_score(hyps, adapter.reference_streams(refs))
    assert adapter.score_from_statistics(metric, sums) == pytest.approx(public.score, abs=1e-12)
    sentence = BLEU(effective_order=True) if name == "bleu" else FACTORIES[name]()
    for hyp, seg_refs, row in list(zip(hyps, refs, rows, strict=True))[:10]:
        expected = sentence.sentence_score(hyp, seg_refs).score
        scorer = BLEU(effective_order=True) if name == "bleu" else metric
        assert adapter.score_from_statistics(scorer, row) == expected


@pytest.mark.parametrize("name", ["bleu", "chrf", "ter"])
@pytest.mark.parametrize("counts", [(1,), (2,), (1, 3)])
def test_signature_and_reference_count_are_sacrebleus(name: str, counts: tuple[int, ...]) -> None:
    hyps = ["a b c", "d e f"]
    refs = [["a b c"] * counts[0], ["d e f"] * counts[-1]]
    public = FACTORIES[name]()
    public.corpus_score(hyps, adapter.reference_streams(refs))
    ours = FACTORIES[name]()
    adapter.set_reference_count(ours, sorted(set(counts)))
    assert str(adapter.signature(ours)) == str(public.get_signature())


def test_reference_streams_pad_with_none() -> None:
    assert adapter.reference_streams([["a"], ["b", "c"]]) == [["a", "b"], [None, "c"]]
    assert adapter.reference_streams([]) == []


def test_guarded_ter_equals_ter_below_the_cap() -> None:
    hyps, refs = _corpus(5)
    guarded = adapter.GuardedTER()
    assert adapter.segment_statistics(guarded, hyps, refs) == adapter.segment_statistics(
        TER(), hyps, refs
    )
    assert guarded.capped == 0


def test_tokenizer_caches_do_not_keep_segments_after_a_batch() -> None:
    """sacrebleu caches 65,536 tokenized lines per tokenizer: a run's memory would grow with
    every distinct segment until then; the adapter empties them after each batch."""
    hyps, refs = ["the cat sat", "a dog ran"], [["the cat sat down"], ["a dog"]]
    for metric in (BLEU(), TER()):
        assert adapter.segment_statistics(metric, hyps, refs)
    assert Tokenizer13a.__call__.cache_info().currsize == 0  # type: ignore[attr-defined]
    assert TercomTokenizer.__call__.cache_info().currsize == 0  # type: ignore[attr-defined]
