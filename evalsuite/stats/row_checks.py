"""What one segment's statistics row can hold, for readers of stored statistics.

`compare` and the gate rebuild corpus scores from the rows a results file stores, so a row that
no metric could have produced (more matched n-grams than n-grams, a fractional count, a ROUGE
F-measure of 3) must be refused, not turned into a verdict. Each check returns what is wrong
with a row (finite numbers of the right width, checked before), or None.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

RowCheck = Callable[[Sequence[float]], "str | None"]


def _fractional(row: Sequence[float]) -> str | None:
    for index, value in enumerate(row):
        if value != int(value):
            return f"[{index}] is {value!r}, but a count is a whole number"
    return None


def bleu_row(row: Sequence[float]) -> str | None:
    """[hyp_len, ref_len, correct_1..N, total_1..N]: whole numbers, correct_n <= total_n."""
    problem = _fractional(row)
    if problem:
        return problem
    order = (len(row) - 2) // 2
    for n in range(order):
        correct, total = row[2 + n], row[2 + order + n]
        if correct > total:
            return f"{correct:g} matching {n + 1}-grams of {total:g} in all"
    return None


def chrf_row(row: Sequence[float]) -> str | None:
    """[hyp, ref, match] per n-gram order: whole numbers, match <= hyp and match <= ref."""
    problem = _fractional(row)
    if problem:
        return problem
    for start in range(0, len(row), 3):
        hyp, ref, match = row[start : start + 3]
        if match > min(hyp, ref):
            return f"{match:g} matching n-grams of {hyp:g} in the output, {ref:g} in the reference"
    return None


def hits_row(row: Sequence[float]) -> str | None:
    """[hits, total]: whole numbers, hits <= total."""
    problem = _fractional(row)
    if problem:
        return problem
    return f"{row[0]:g} hits of {row[1]:g}" if row[0] > row[1] else None


def unit_row(row: Sequence[float]) -> str | None:
    """Proportions (ROUGE's P, R, F): each between 0 and 1."""
    for index, value in enumerate(row):
        if not 0 <= value <= 1:
            return f"[{index}] is {value!r}, outside 0..1"
    return None
