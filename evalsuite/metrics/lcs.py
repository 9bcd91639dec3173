"""Bit-parallel longest common subsequence, and the LCS rouge-score's backtrack picks.

One Python int holds a whole DP row (Allison-Dix / Hyyro): bit j of row i is 0 where the LCS
of the first i row tokens grows at column j, so a row costs a few big-int operations. Several
column sequences can share one int, each followed by a guard bit that swallows the carry, so
ROUGE-Lsum runs one pass per reference sentence over all the predicted sentences of a pack.

Memory stays linear in the length: rows are at most `_BLOCK_BITS` wide (a long LCS runs block
by block, carrying each row's carry over; predicted sentences go in packs that wide), so no
token's match mask spans a whole document; and tall inputs keep only every k-th row,
recomputing a stretch when the backtrack needs it.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

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

    The bit side is cut into blocks of `_BLOCK_BITS` columns, run one after the other with each
    row's carry handed on: the match masks then cost at most distinct tokens x block bits, and
    memory stays linear in the lengths however many distinct tokens the text has.
    """
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return 0
    if len(a) <= _BLOCK_BITS:
        masks = match_masks(a)
        free = (1 << len(a)) - 1
        v = free
        for token in b:
            match = masks.get(token)
            if match:
                u = v & match
                v = ((v + u) | (v - u)) & free
        return len(a) - v.bit_count()
    carries = bytearray(len(b))  # per row: the carry out of the blocks done so far
    return sum(
        _lcs_block(a[start : start + _BLOCK_BITS], b, carries)
        for start in range(0, len(a), _BLOCK_BITS)
    )


# Columns per block of a long LCS, and the widest pack of predicted sentences for ROUGE-Lsum.
_BLOCK_BITS = 16384


def _lcs_block(columns: Sequence[str], rows: Sequence[str], carries: bytearray) -> int:
    """One block of columns through every row; its zero bits at the end (its LCS growth).

    A row's update is (v + u) | (v - u) with u = v & match: u lies inside v, so v - u never
    borrows, and only the addition's carry crosses into the next block.
    """
    masks = match_masks(columns)
    width = len(columns)
    full = (1 << width) - 1
    v = full
    for i, token in enumerate(rows):
        match = masks.get(token)
        if match:
            u = v & match
            total = v + u + carries[i]
            v = (total & full) | (v ^ u)
            carries[i] = total >> width
        elif carries[i]:
            total = v + 1
            v = (total & full) | v
            carries[i] = total >> width
    return width - v.bit_count()


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

    def columns(self, offset: int) -> _Columns:
        """Every row from bit `offset` up, as the backtrack of one packed sentence reads them.

        Narrow rows are all cut at once; wide ones only when read, since a backtrack that
        ends early leaves most rows unread and each cut copies the rest of the row.
        """
        if self.keep_all and self.free.bit_length() <= _EAGER_BITS:
            return [row >> offset for row in self.rows]
        return _LazyColumns(self, offset)


# Rows up to this many bits are cut for a backtrack all at once.
_EAGER_BITS = 16384


class _Columns(Protocol):
    """DP rows, each from one sentence's first column up."""

    def __getitem__(self, i: int, /) -> int: ...


class _LazyColumns:
    """Rows from one bit up, each cut (and recomputed if checkpointed) only when read."""

    def __init__(self, rows: _Rows, offset: int) -> None:
        self.rows, self.offset = rows, offset

    def __getitem__(self, i: int) -> int:
        return self.rows.row(i) >> self.offset


def _backtrack(
    ref: Sequence[str],
    masks: dict[str, int],
    shift: int,
    columns: _Columns,
    n_cand: int,
    lcs: int,
) -> list[int]:
    """Walk back like rouge-score: a match goes diagonally; else left only if up loses LCS.

    Off a match, t[i][j] = max(t[i][j-1], t[i-1][j]), so "left strictly better than up" is
    "t[i-1][j] < t[i][j]", and t[i][j] is known along the path (`lcs`, minus one per match):
    t[i-1][j] is j minus the one bits of row i-1 below column j. Once the walk turns left in
    a row it goes left until that row's token matches (t[i-1][.] only shrinks leftwards), so
    a left run is one jump to the nearest match. The candidate's match bits are `masks` from
    bit `shift`; `columns[i]` is DP row i from the candidate's first column.
    """
    i, j = len(ref), n_cand
    found: list[int] = []
    while lcs and j:
        below = (1 << j) - 1
        here = (masks.get(ref[i - 1], 0) >> shift) & below
        if here >> (j - 1):
            j -= 1
        elif j - (columns[i - 1] & below).bit_count() == lcs:
            i -= 1
            continue
        else:
            j = here.bit_length() - 1  # left to the nearest match, then diagonally
        i -= 1
        lcs -= 1
        found.append(i)
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
        self.width = pos
        self.free = ((1 << pos) - 1) & ~guards
        self.vocab = [frozenset(sent) for sent in self.sentences]
        self._index: _SentenceIndex | None = None

    def union_lcs(self, ref: Sequence[str]) -> list[int]:
        """Ascending indices into `ref` of the union of rouge-score's LCS with every packed
        sentence."""
        if not ref or not self.sentences:
            return []
        rows = _Rows(ref, self.masks, self.free)
        if self._vectorized(ref):
            union = self._vector_union(ref, rows, 0)
            return [i for i in range(len(ref)) if union >> i & 1]
        return sorted(self._union_one_by_one(ref, rows))

    def union_mask(self, ref: Sequence[str], known: int) -> int:
        """`known` (a bit mask over `ref`) joined with this pack's union; backtracks that could
        only find known positions are skipped."""
        if not ref or not self.sentences:
            return known
        rows = _Rows(ref, self.masks, self.free)
        if self._vectorized(ref):
            return self._vector_union(ref, rows, known)
        for i in self._union_one_by_one(ref, rows):
            known |= 1 << i
        return known

    def _vectorized(self, ref: Sequence[str]) -> bool:
        return len(ref) <= 64 and len(self.sentences) >= _VECTOR_MIN_SENTENCES

    def _vector_union(self, ref: Sequence[str], rows: _Rows, known: int) -> int:
        if self._index is None:
            self._index = _SentenceIndex(self)
        return self._index.union_lcs(ref, rows, known)

    def _union_one_by_one(self, ref: Sequence[str], rows: _Rows) -> set[int]:
        union: set[int] = set()
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
            union.update(self.backtrack(k, ref, rows, lcs))
        return union

    def backtrack(self, k: int, ref: Sequence[str], rows: _Rows, lcs: int) -> list[int]:
        """rouge-score's LCS positions in `ref` for sentence k, last first."""
        offset, width = self.offsets[k], len(self.sentences[k])
        return _backtrack(ref, self.masks, offset, rows.columns(offset), width, lcs)


# With this many predicted sentences, the per-sentence bookkeeping of one reference sentence
# is done with numpy arrays (one entry per predicted sentence) instead of a Python loop.
_VECTOR_MIN_SENTENCES = 16


class _SentenceIndex:
    """Per-sentence arrays of a pack: where each token occurs, so a reference sentence of at
    most 64 tokens finds, for every predicted sentence at once, its LCS length and the
    reference positions it could use (a uint64 bit mask), and backtracks only where that
    can still add a position to the union."""

    def __init__(self, pack: SentencePack) -> None:
        self.pack = pack
        self.starts = np.asarray(pack.offsets, dtype=np.intp)
        self.lengths = np.asarray([len(s) for s in pack.sentences], dtype=np.int64)
        holders: dict[str, list[int]] = {}
        for k, vocab in enumerate(pack.vocab):
            for token in vocab:
                holders.setdefault(token, []).append(k)
        self.holders = {t: np.asarray(ks, dtype=np.intp) for t, ks in holders.items()}
        self.n_bytes = (pack.width + 7) // 8
        # Each sentence's own match masks, made when first needed: shifting the pack's wide
        # masks at every backtrack step would cost a copy of the whole row each time.
        self.local: list[dict[str, int] | None] = [None] * len(pack.sentences)

    def lcs_lengths(self, last_row: int) -> NDArray[np.int64]:
        """Each sentence's LCS length: its zero bits in the last DP row (guards are zero)."""
        raw = np.frombuffer(last_row.to_bytes(self.n_bytes, "little"), dtype=np.uint8)
        bits = np.unpackbits(raw, bitorder="little")[: self.pack.width]
        ones = np.add.reduceat(bits.astype(np.int64), self.starts)
        return self.lengths - ones

    def union_lcs(self, ref: Sequence[str], rows: _Rows, known: int) -> int:
        """The union, joined with `known`, as a bit mask over `ref`."""
        positions = match_masks(ref)  # token -> bit mask of its positions in ref
        usable = np.zeros(len(self.lengths), dtype=np.uint64)
        reachable = 0
        found: list[NDArray[np.intp]] = []
        bits: list[int] = []
        for token, where in positions.items():
            holders = self.holders.get(token)
            if holders is not None:
                found.append(holders)
                bits.append(where)
                reachable |= where
        if found:  # one scatter for all tokens: sentence k ORs the bits of every token it holds
            counts = [len(holders) for holders in found]
            values = np.repeat(np.asarray(bits, dtype=np.uint64), counts)
            np.bitwise_or.at(usable, np.concatenate(found), values)
        lcs = self.lcs_lengths(rows.last)
        grown = lcs > 0
        whole = grown & (np.bitwise_count(usable) == lcs)  # the LCS uses every usable position
        union = known | (int(np.bitwise_or.reduce(usable[whole])) if whole.any() else 0)
        left = np.flatnonzero(grown & ~whole & ((usable & np.uint64(~union & _ALL64)) != 0))
        pack = self.pack
        # Longest LCS first: it covers the most positions, so later sentences more often have
        # nothing new to add and need no backtrack.
        order = left[np.argsort(-lcs[left], kind="stable")]
        for k in order.tolist():
            if not reachable & ~union:  # every position this pack could add is known
                break
            if not int(usable[k]) & ~union:
                continue  # nothing new whichever LCS the backtrack picks
            local = self.local[k]
            if local is None:
                local = self.local[k] = match_masks(pack.sentences[k])
            offset, width = pack.offsets[k], len(pack.sentences[k])
            columns = rows.columns(offset)
            for i in _backtrack(ref, local, 0, columns, width, int(lcs[k])):
                union |= 1 << i
        return union


_ALL64 = (1 << 64) - 1


class SentencePacks:
    """Predicted sentences in packs of at most `_BLOCK_BITS` bits (a longer sentence alone).

    One pack over a whole long document would give every distinct token a mask as wide as the
    document; packs keep the masks, and so memory, linear in the length. The union of LCS
    positions is the union over the packs.
    """

    def __init__(self, sentences: Sequence[Sequence[str]]) -> None:
        groups: list[list[Sequence[str]]] = [[]]
        width = 0
        for sentence in sentences:
            if not sentence:
                continue
            if groups[-1] and width + len(sentence) + 1 > _BLOCK_BITS:
                groups.append([])
                width = 0
            groups[-1].append(sentence)
            width += len(sentence) + 1
        self.packs = [SentencePack(group) for group in groups if group]

    def union_lcs(self, ref: Sequence[str]) -> list[int]:
        """Ascending indices into `ref` of the union of rouge-score's LCS with every sentence."""
        if len(self.packs) == 1:  # every summary: a set of positions is cheaper than bits
            return self.packs[0].union_lcs(ref)
        union = 0
        for pack in self.packs:
            union = pack.union_mask(ref, union)
        return [i for i in range(len(ref)) if union >> i & 1]
