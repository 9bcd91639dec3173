"""ROUGE-L and ROUGE-Lsum that stay linear in time on two very long texts.

An exact LCS of two texts costs n*m/64 machine-word operations: seconds for two 100,000-word
sides, minutes past a million. A pair whose shorter side has more than `EXACT_WORDS` tokens is
therefore scored in aligned blocks, as TER's distance is (`ter_guard`): both sides are cut into
the same number B = ceil(shorter / EXACT_WORDS) of blocks at proportional positions, and the
LCS hits of each pair of blocks are summed. For ROUGE-Lsum the cut falls between lines (a line
goes to the block its first token falls in): each reference line's union LCS is taken with the
predicted lines of its block only, and hits are counted with the whole texts' token counts.

Any common subsequence of aligned blocks, joined up, is one of the whole texts, so the blocked
LCS is a lower bound on the exact one (close to it when the texts follow each other, far below
it when one side moves text by more than a block). Lsum's union of a reference line with fewer
predicted lines is a subset of the exact union, and hits only grow with the union, so the
blocked Lsum is a lower bound too. The cost is at most
(longer side) x EXACT_WORDS / 64 word operations: linear in the length.

Every pair with a side of at most `EXACT_WORDS` tokens (any summary with its article, any
translation of up to 10,000 words) is exact, equal to rouge-score; so is every pair whose two
token counts multiply to at most `EXACT_CELLS`, because there the C core's exact LCS is faster
than the blocks (whose tokenising and Lsum unions run in Python). Scores that used blocks say
so in their signature (`|lcsblock:N`) and in the run's notes; `rouge:exact=true` (or
`rouge_scores(..., exact=True)`) always computes the exact LCS.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

EXACT_WORDS = 10_000
"""Block size, and the shorter side up to which a pair is always exact."""

EXACT_CELLS = 400_000 * 400_000
"""Token pairs (shorter x longer) up to which the exact LCS is kept at any length: up to about
two 400,000-token sides the C core's exact LCS is no slower than the blocks
(`benchmarks/bench_rouge_guard.py` prints both); past it the exact cost grows fourfold per
doubling and the blocks' twofold."""

T = TypeVar("T")


def block_count(n_ref: int, n_pred: int, exact_words: int, exact_cells: int = 0) -> int:
    """How many aligned blocks a pair of `n_ref` and `n_pred` tokens is scored in (1: exact);
    `exact_words` 0 means always exact; a pair of at most `exact_cells` token pairs is exact."""
    shorter = min(n_ref, n_pred)
    if exact_words <= 0 or shorter <= exact_words or n_ref * n_pred <= exact_cells:
        return 1
    return -(-shorter // exact_words)


def may_need_blocks(pair: tuple[str, str], exact_words: int, exact_cells: int = 0) -> bool:
    """False when rouge-score's English tokenizer cannot find more than `exact_words` tokens in
    the shorter text, or more than `exact_cells` token pairs in the two. First from the lengths
    (n tokens need 2n - 1 characters), then from the runs of [a-z0-9] after lowercasing (the
    tokenizer's tokens before stemming, which only drops some): a C-speed count, so a long pair
    that stays exact is not tokenized twice."""
    if exact_words <= 0:
        return False
    for bound in (_length_bound, _run_count):
        most = [bound(text) for text in pair]
        if min(most) <= exact_words or most[0] * most[1] <= exact_cells:
            return False
    return True


_ALNUM_RUN = re.compile(r"[a-z0-9]+")


def _length_bound(text: str) -> int:
    return (len(text) + 1) // 2


def _run_count(text: str) -> int:
    return sum(1 for _ in _ALNUM_RUN.finditer(text.lower()))


def cut_tokens(tokens: Sequence[T], blocks: int) -> list[Sequence[T]]:
    """`tokens` in `blocks` contiguous pieces of (nearly) equal length."""
    n = len(tokens)
    return [tokens[n * k // blocks : n * (k + 1) // blocks] for k in range(blocks)]


def cut_lines(lines: Sequence[Sequence[T]], blocks: int) -> list[list[Sequence[T]]]:
    """Lines in `blocks` contiguous groups: a line whose first token is at position p of a
    text of n tokens goes to group floor(p * blocks / n)."""
    total = sum(map(len, lines))
    groups: list[list[Sequence[T]]] = [[] for _ in range(blocks)]
    start = 0
    for line in lines:
        groups[min(start * blocks // max(total, 1), blocks - 1)].append(line)
        start += len(line)
    return groups


def blocked_lcs(
    ref: Sequence[str], pred: Sequence[str], blocks: int,
    lcs: Callable[[Sequence[str], Sequence[str]], int],
) -> int:
    """The sum of the exact LCS lengths of aligned blocks: a lower bound on the LCS."""
    return sum(
        lcs(a, b) for a, b in zip(cut_tokens(ref, blocks), cut_tokens(pred, blocks), strict=True)
    )


def blocked_lsum_hits(
    ref_lines: Sequence[Sequence[str]], pred_lines: Sequence[Sequence[str]], blocks: int,
    lsum_hits: Callable[[Sequence[Sequence[str]], Sequence[Sequence[str]]], int],
) -> int:
    """The sum of ROUGE-Lsum's hits over aligned blocks of lines (`lsum_hits` of one block
    pair, which counts against the whole texts' token counts): a lower bound on its hits."""
    pairs = zip(cut_lines(ref_lines, blocks), cut_lines(pred_lines, blocks), strict=True)
    return sum(lsum_hits(a, b) for a, b in pairs if a and b)
