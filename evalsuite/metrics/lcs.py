"""Bit-parallel longest common subsequence, and the LCS rouge-score's backtrack picks.

One Python int holds a whole DP row (Allison-Dix / Hyyro): bit j of row i is 0 where the LCS
of the first i row tokens grows at column j, so a row costs a few big-int operations. Several
column sequences can share one int, each followed by a guard bit that swallows the carry, so
ROUGE-Lsum runs one pass per reference sentence over all predicted sentences at once. Long
inputs keep only every k-th row and recompute a block when the backtrack needs it, so memory
stays near-linear instead of rows x columns.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence

# Above this many row bits, rows are checkpointed instead of all kept (2**24 bits = 2 MiB).
_STORE_ALL_BITS = 1 << 24


def match_masks(tokens: Sequence[str]) -> dict[str, int]:
    """Bit j of masks[t] is set where tokens[j] == t (the alphabet table of bit-parallel LCS)."""
    masks: dict[str, int] = {}
    get = masks.get
    bit = 1
    for token in tokens:
        masks[token] = get(token, 0) | bit
        bit <<= 1
    return masks


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of a longest common subsequence; bits over the longer side, loop over the shorter.

    Keeps one row only: memory is linear in the lengths.
    """
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return 0
    masks = match_masks(a)
    free = (1 << len(a)) - 1
    v = free
    for token in b:
        match = masks.get(token)
        if match:
            u = v & match
            v = ((v + u) | (v - u)) & free
    return len(a) - v.bit_count()


class _Rows:
    """Rows 0..len(tokens) of the packed DP; all kept when small, else every k-th plus a block."""

    def __init__(self, tokens: Sequence[str], masks: dict[str, int], free: int) -> None:
        self.tokens, self.masks, self.free = tokens, masks, free
        n = len(tokens)
        self.keep_all = (n + 1) * free.bit_length() <= _STORE_ALL_BITS
        self.block = n + 1 if self.keep_all else max(1, math.isqrt(n))
        self.checkpoints: list[int] = []
        self.start = -1
        self.rows: list[int] = []
        if self.keep_all:
            self.rows = self._run(free, tokens)
            self.start = 0
            self.last = self.rows[-1]
            return
        v = free
        for k in range(0, n, self.block):
            self.checkpoints.append(v)
            v = self._run(v, tokens[k : k + self.block])[-1]
        self.last = v

    def _run(self, v: int, tokens: Sequence[str]) -> list[int]:
        masks, free = self.masks, self.free
        out = [v]
        for token in tokens:
            match = masks.get(token)
            if match:
                u = v & match
                v = ((v + u) | (v - u)) & free
            out.append(v)
        return out

    def row(self, i: int) -> int:
        """Row i, recomputing its block from the nearest checkpoint when rows are not all kept."""
        if self.keep_all:
            return self.rows[i]
        k = min(i // self.block, len(self.checkpoints) - 1)
        start = k * self.block
        if start != self.start:
            self.rows = self._run(self.checkpoints[k], self.tokens[start : start + self.block])
            self.start = start
        return self.rows[i - start]


def _backtrack(
    ref: Sequence[str], cand: Sequence[str], rows: _Rows, offset: int, lcs: int
) -> list[int]:
    """Walk back like rouge-score: a match goes diagonally; else left only if up loses LCS.

    Off a match, t[i][j] = max(t[i][j-1], t[i-1][j]), so "left strictly better than up" is
    "t[i-1][j] < t[i][j]", and t[i][j] is known along the path (`lcs`, minus one per match):
    one popcount per step. t[i-1][j] = j minus the one bits of row i-1 below column j.
    """
    i, j = len(ref), len(cand)
    found: list[int] = []
    if rows.keep_all:  # small: this sentence's bits of every row, and their one-bit counts
        seg = (1 << len(cand)) - 1
        kept = [(row >> offset) & seg for row in rows.rows]
        ones = [row.bit_count() for row in kept]
        while lcs and j:
            if ref[i - 1] == cand[j - 1]:
                i -= 1
                j -= 1
                lcs -= 1
                found.append(i)
            elif j - ones[i - 1] + (kept[i - 1] >> j).bit_count() == lcs:
                i -= 1
            else:
                j -= 1
        return found
    while lcs and j:
        if ref[i - 1] == cand[j - 1]:
            i -= 1
            j -= 1
            lcs -= 1
            found.append(i)
            continue
        above = rows.row(i - 1) >> offset
        if j - above.bit_count() + (above >> j).bit_count() == lcs:
            i -= 1
        else:
            j -= 1
    return found


class SentencePack:
    """Predicted sentences packed side by side in one bit row, each with a guard bit above it."""

    def __init__(self, sentences: Sequence[Sequence[str]]) -> None:
        self.sentences = [s for s in sentences if s]
        self.offsets: list[int] = []
        self.masks: dict[str, int] = {}
        pos = guards = 0
        masks = self.masks
        get = masks.get
        for sent in self.sentences:
            self.offsets.append(pos)
            bit = 1 << pos
            for token in sent:
                masks[token] = get(token, 0) | bit
                bit <<= 1
            pos += len(sent)
            guards |= bit
            pos += 1
        self.free = ((1 << pos) - 1) & ~guards
        self.vocab = [frozenset(sent) for sent in self.sentences]
        self.last_lcs = 0  # after union_lcs: summed LCS lengths over the sentences

    def union_lcs(self, ref: Sequence[str]) -> set[int]:
        """Indices into `ref` of the union of rouge-score's LCS with every packed sentence."""
        union: set[int] = set()
        if not ref or not self.sentences:
            return union
        rows = _Rows(ref, self.masks, self.free)
        grown = self.free & ~rows.last  # zero bits: sentences with a non-empty LCS
        while grown and len(union) < len(ref):
            k = bisect_right(self.offsets, grown.bit_length() - 1) - 1
            offset = self.offsets[k]
            lcs = (grown >> offset).bit_count()  # zero bits of sentence k in the last row
            grown &= (1 << offset) - 1  # done with sentence k and everything above it
            # The LCS can only use reference positions whose token occurs in sentence k.
            vocab = self.vocab[k]
            usable = [i for i, token in enumerate(ref) if token in vocab]
            if union.issuperset(usable):
                continue  # nothing new whichever LCS the backtrack picks
            if lcs == len(usable):
                union.update(usable)  # the LCS uses every usable position: no choice to make
                continue
            union.update(_backtrack(ref, self.sentences[k], rows, offset, lcs))
        self.last_lcs = (self.free & ~rows.last).bit_count()
        return union


def lcs_ref_indices(ref: Sequence[str], cand: Sequence[str]) -> list[int]:
    """Indices into `ref` of the LCS with `cand` that rouge-score's backtrack picks, ascending."""
    return sorted(SentencePack([cand]).union_lcs(ref))
