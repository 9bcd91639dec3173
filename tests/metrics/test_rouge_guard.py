"""ROUGE-L/Lsum's guard on two very long sides: exact (== rouge-score) up to the threshold,
aligned blocks past it (a lower bound, close on texts that follow each other, linear cost).

The threshold is lowered to a few hundred words here so the cases stay test-sized."""

from __future__ import annotations

import random

import pytest
from rouge_score.rouge_scorer import RougeScorer

from evalsuite import __version__
from evalsuite.metrics import rouge, rouge_guard
from evalsuite.metrics.rouge import RougeTriple, _score_pairs, rouge_scores
from evalsuite.metrics.rouge_guard import (
    EXACT_WORDS,
    block_count,
    cut_lines,
    cut_tokens,
    may_need_blocks,
)
from evalsuite.metrics.rouge_metric import Rouge
from evalsuite.metrics.spec import build_metric
from evalsuite.text.tokenize import get_tokenizer

pytestmark = pytest.mark.usefixtures("rouge_core")


@pytest.fixture(autouse=True)
def _blocks_at_test_sizes(monkeypatch: pytest.MonkeyPatch) -> None:
    """These pairs are far below the exact-cost budget; without it they show the blocks."""
    monkeypatch.setattr(rouge_guard, "EXACT_CELLS", 0)

TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
WORDS = [f"w{i}" for i in range(400)] + ["the", "a", "of", "and", "to", "in"] * 30


def _pair(n_words: int, seed: int = 7) -> tuple[str, str]:
    """(prediction, reference): one sentence per line; the prediction replaces one word in ten,
    drops some and swaps a few nearby sentences, as an edited copy would."""
    rng = random.Random(seed)
    ref_lines: list[list[str]] = []
    total = 0
    while total < n_words:
        line = [rng.choice(WORDS) for _ in range(rng.randint(6, 20))]
        ref_lines.append(line)
        total += len(line)
    pred_lines = [
        [rng.choice(WORDS) if rng.random() < 0.1 else w for w in line if rng.random() > 0.05]
        for line in ref_lines
    ]
    for _ in range(len(pred_lines) // 10):
        i = rng.randrange(len(pred_lines) - 1)
        pred_lines[i], pred_lines[i + 1] = pred_lines[i + 1], pred_lines[i]

    def text(lines: list[list[str]]) -> str:
        return "\n".join(" ".join(line) + "." for line in lines)

    return text(pred_lines), text(ref_lines)


def _scored(pred: str, ref: str, exact_words: int) -> tuple[dict[str, RougeTriple], bool]:
    scored = _score_pairs([pred], [[ref]], [get_tokenizer("en", False)], TYPES, 1, exact_words)
    return scored.scores[0], scored.blocked == [0]


def test_blocks_cover_every_token_and_line_in_order() -> None:
    tokens = list(range(1003))
    pieces = cut_tokens(tokens, 4)
    assert [x for piece in pieces for x in piece] == tokens
    assert max(map(len, pieces)) - min(map(len, pieces)) <= 1
    lines = [list(range(k)) for k in (5, 1, 30, 2, 2, 9, 14)]
    groups = cut_lines(lines, 3)
    assert [line for group in groups for line in group] == lines
    assert len(groups) == 3
    assert block_count(10_000, 10_000_000, EXACT_WORDS) == 1  # a summary of any article
    assert block_count(EXACT_WORDS + 1, EXACT_WORDS + 1, EXACT_WORDS) == 2
    assert block_count(10**6, 10**6, 0) == 1  # 0: always exact
    # Under the exact-cost budget a pair stays exact however long its shorter side.
    assert block_count(EXACT_WORDS * 4, EXACT_WORDS * 4, EXACT_WORDS, 16 * EXACT_WORDS**2) == 1
    assert block_count(EXACT_WORDS * 4, EXACT_WORDS * 5, EXACT_WORDS, 16 * EXACT_WORDS**2) == 4


def test_under_the_cost_budget_long_pairs_stay_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    pred, ref = _pair(1500)
    monkeypatch.setattr(rouge_guard, "EXACT_CELLS", 1500 * 1500 * 2)
    scores, blocked = _scored(pred, ref, exact_words=200)
    assert not blocked
    assert scores == RougeScorer(list(TYPES)).score(ref, pred)
    assert not may_need_blocks((pred, ref), 200, len(pred) * len(ref))
    assert may_need_blocks((pred, ref), 200, 0)


@pytest.mark.parametrize("seed", range(3))
def test_up_to_the_threshold_it_equals_rouge_score(seed: int) -> None:
    pred, ref = _pair(300, seed)
    n = len(ref.split())
    # Long enough in characters that English pairs leave the C batch for the guarded path.
    scores, blocked = _scored(pred, ref, exact_words=n)
    assert not blocked
    assert scores == RougeScorer(list(TYPES)).score(ref, pred)


def test_past_the_threshold_blocks_give_a_close_lower_bound() -> None:
    pred, ref = _pair(4000)
    exact, exact_blocked = _scored(pred, ref, exact_words=0)
    assert not exact_blocked
    assert exact == RougeScorer(list(TYPES)).score(ref, pred)
    guarded, blocked = _scored(pred, ref, exact_words=1000)  # 4 blocks
    assert blocked
    for rouge_type in ("rouge1", "rouge2"):
        assert guarded[rouge_type] == exact[rouge_type]  # linear already, never blocked
    for rouge_type in ("rougeL", "rougeLsum"):
        assert guarded[rouge_type].fmeasure <= exact[rouge_type].fmeasure
    # A boundary loses the matches that cross it: here 0.2 and 0.7 points (x100) for 3 cuts.
    assert exact["rougeL"].fmeasure - guarded["rougeL"].fmeasure < 0.005
    assert exact["rougeLsum"].fmeasure - guarded["rougeLsum"].fmeasure < 0.01


def test_both_cores_give_the_same_blocked_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    pred, ref = _pair(2000, seed=3)
    here = _scored(pred, ref, exact_words=250)
    monkeypatch.setattr(rouge, "_NATIVE", None)
    assert _scored(pred, ref, exact_words=250) == here


def test_blocked_cost_grows_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    """The LCS work (sum over blocks of n*m) doubles with the length instead of quadrupling."""
    cells: list[int] = []
    real = rouge._block_lcs

    def counting(a: list[str], b: list[str]) -> int:
        cells.append(len(a) * len(b))
        return real(a, b)

    monkeypatch.setattr(rouge, "_block_lcs", counting)
    work = []
    for n in (2000, 4000, 8000):
        pred, ref = _pair(n)
        cells.clear()
        _score_pairs([pred], [[ref]], [get_tokenizer("en", False)], ("rougeL",), 1, 200)
        work.append(sum(cells))
    assert 1.8 < work[1] / work[0] < 2.2
    assert 1.8 < work[2] / work[1] < 2.2


def test_exact_turns_the_guard_off(monkeypatch: pytest.MonkeyPatch) -> None:
    pred, ref = _pair(1500)
    monkeypatch.setattr(rouge, "EXACT_WORDS", 200)
    guarded = rouge_scores([pred], [ref], TYPES)
    exact = rouge_scores([pred], [ref], TYPES, exact=True)
    assert exact == [RougeScorer(list(TYPES)).score(ref, pred)]
    assert guarded != exact


def test_blocks_show_in_signature_and_notes() -> None:
    pred, ref = _pair(1500)
    metric = Rouge(split_sentences=False)
    metric.exact_words = 200
    out = metric.compute([pred, "a b"], [[ref], ["a b"]], ["en", "en"])
    signatures = {s.name: str(s.signature) for s in out.scores}
    base = f"lang:en|tok:rouge-score-en|stem:no|version:{__version__}"
    assert signatures["rouge1"] == f"rouge1|{base}"
    assert signatures["rougeL"] == f"rougeL|{base}|lcsblock:200"
    assert signatures["rougeLsum"] == f"rougeLsum|{base}|lcsblock:200"
    assert any("1 segment(s) with more than 200 words" in note for note in out.notes)
    exact = build_metric("rouge:exact=true;split_sentences=false")
    assert isinstance(exact, Rouge) and exact.exact_words == 0
    out = exact.compute([pred], [[ref]], ["en"])
    assert all("lcsblock" not in str(s.signature) for s in out.scores)
    assert out.notes == []


def test_a_long_pair_under_the_budget_skips_python_tokenizing() -> None:
    """Many characters but few [a-z0-9] runs: the run count says the C batch can take it."""
    pred, ref = "a " + "!" * 3000, "a " + "?" * 3000
    assert may_need_blocks((pred + " b" * 300, ref + " b" * 300), 200, 0)
    assert not may_need_blocks((pred, ref), 200, 0)
