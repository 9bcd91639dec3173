"""The bit-parallel word edit distance equals the textbook dynamic programme."""

from __future__ import annotations

import random

from evalsuite.metrics.edit_distance import edit_distance


def _table_distance(a: list[str], b: list[str]) -> int:
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def test_matches_dynamic_programming_on_random_word_lists() -> None:
    rng = random.Random(0)
    for _ in range(200):
        a = [rng.choice("abc") for _ in range(rng.randint(0, 70))]
        b = [rng.choice("abc") for _ in range(rng.randint(0, 70))]
        assert edit_distance(a, b) == _table_distance(a, b)


def test_words_longer_than_a_machine_word() -> None:
    rng = random.Random(1)
    a = [f"w{rng.randrange(30)}" for _ in range(300)]
    b = [w if rng.random() > 0.2 else "x" for w in a[40:]] + ["y"] * 7
    assert edit_distance(a, b) == _table_distance(a, b)
    assert edit_distance(a, a) == 0 and edit_distance([], a) == edit_distance(a, []) == 300
