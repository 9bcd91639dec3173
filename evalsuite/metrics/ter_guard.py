"""TER that cannot hang on one pathological segment.

sacrebleu's shift search grows steeply with segment length when words repeat and order differs:
a shuffled 200-word segment takes seconds, 800 words over half a minute. Segments longer than
`max_words` (after TER's tokenization, either side) skip the shift search: their edits are the
plain word-level Levenshtein distance (`edit_distance`), an upper bound on TER's edits.
Scores that used the cap say so in their signature (`|shiftcap:N`) and in the run's notes.

The exact distance is quadratic too (a 400,000-word pair took 92 s), so on sides longer than
`EXACT_WORDS` it is summed over aligned blocks: both sides cut into the same number of blocks of
at most `EXACT_WORDS` words at proportional positions, each pair of blocks aligned exactly. Any
alignment of the blocks is an alignment of the whole, so the sum is still an upper bound on the
distance (close to it when the texts follow each other), and the cost is linear in the length.

The TER subclass that applies the cap hooks into sacrebleu's segment statistics, so it lives
with sacrebleu's other private calls (`sacrebleu_adapter.GuardedTER`).
"""

from __future__ import annotations

from collections.abc import Sequence

from evalsuite.metrics.edit_distance import edit_distance

DEFAULT_MAX_WORDS = 400


EXACT_WORDS = 5000


def word_levenshtein(a: Sequence[str], b: Sequence[str]) -> int:
    """Edit distance over words; exact when both sides have at most `EXACT_WORDS` words, else
    the blockwise upper bound of the module docstring."""
    if max(len(a), len(b)) <= EXACT_WORDS:
        return edit_distance(a, b)
    blocks = -(-max(len(a), len(b)) // EXACT_WORDS)
    total = 0
    for k in range(blocks):
        a_block = a[len(a) * k // blocks : len(a) * (k + 1) // blocks]
        b_block = b[len(b) * k // blocks : len(b) * (k + 1) // blocks]
        total += edit_distance(a_block, b_block)
    return total
