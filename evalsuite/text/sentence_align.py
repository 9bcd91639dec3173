"""Monotone sentence alignment of a text with its translation, from lengths and anchors.

A translation keeps the order of its source's sentences but may split one or join two. Each
sentence is measured by its share of its text's length (characters, so that scripts with
short words compare), and a pairing costs the difference of the shares, more for a split or
a join, less when both sides hold the same number (digits survive translation) and the
more words a bilingual lexicon links between them. Dynamic programming over 1-1, 1-2, 2-1,
1-3, 3-1, 2-2 and skipped sentences (Gale & Church's idea, 1993, with a simpler cost) gives
the cheapest path. Pairs only: what it cannot align, it leaves out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["align_sentences"]

_MOVES = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 0), (0, 1))
_MERGE_COST = 0.15
_SKIP_COST = 0.35
_ANCHOR_BONUS = 0.1
_LINK_WEIGHT = 0.5
_MAX_SENTENCES = 400
_NUMBER = re.compile(r"\d+")


def _anchors(text: str) -> frozenset[str]:
    return frozenset(_NUMBER.findall(text))


def align_sentences(
    left: Sequence[str],
    right: Sequence[str],
    links: Sequence[tuple[int, int]] = (),
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Groups of (left indices, right indices), one to three sentences a side, in order.

    `links` are word links between the texts as (left sentence, right sentence) pairs (from
    a bilingual lexicon, `evalsuite.align`): a pairing earns their share."""
    n, m = len(left), len(right)
    if not n or not m:
        return []
    if n == m == 1:
        return [((0,), (0,))]
    if n > _MAX_SENTENCES or m > _MAX_SENTENCES:
        return [((i,), (i,)) for i in range(min(n, m))] if n == m else []
    left_total = sum(len(s) for s in left) or 1
    right_total = sum(len(s) for s in right) or 1
    a = [len(s) / left_total for s in left]
    b = [len(s) / right_total for s in right]
    left_anchors = [_anchors(s) for s in left]
    right_anchors = [_anchors(s) for s in right]
    linked: dict[tuple[int, int], int] = {}
    for pair in links:
        linked[pair] = linked.get(pair, 0) + 1
    total = sum(linked.values()) or 1
    shares = {pair: count / total for pair, count in linked.items()}
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            for di, dj in _MOVES:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                step = _step(a, b, left_anchors, right_anchors, i, j, di, dj)
                if di and dj and shares:
                    step -= _LINK_WEIGHT * sum(
                        shares.get((x, y), 0.0) for x in range(i, i + di) for y in range(j, j + dj)
                    )
                if here + step < cost[ni][nj]:
                    cost[ni][nj] = here + step
                    back[ni][nj] = (di, dj)
    groups = []
    i, j = n, m
    while i or j:
        move = back[i][j]
        assert move is not None
        di, dj = move
        if di and dj:
            groups.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return groups[::-1]


def _step(
    a: list[float],
    b: list[float],
    left_anchors: list[frozenset[str]],
    right_anchors: list[frozenset[str]],
    i: int,
    j: int,
    di: int,
    dj: int,
) -> float:
    if not di or not dj:
        share = sum(a[i : i + di]) + sum(b[j : j + dj])
        return _SKIP_COST + share
    share = abs(sum(a[i : i + di]) - sum(b[j : j + dj]))
    merge = _MERGE_COST * (di + dj - 2)
    left = frozenset().union(*left_anchors[i : i + di])
    right = frozenset().union(*right_anchors[j : j + dj])
    bonus = _ANCHOR_BONUS if left & right else 0.0
    return share + merge - bonus if share + merge - bonus > 0 else 0.0
