"""The per-word and per-text memos of the checks are bounded, so a run's memory stops growing
with its size once they are full."""

from __future__ import annotations

import functools
import sys

from evalsuite.text.content_words import stem
from evalsuite.text.memo_sizes import LEMMA_MEMO, TEXT_MEMO, WORD_MEMO

LARGEST = max(WORD_MEMO, LEMMA_MEMO, TEXT_MEMO)
# ROUGE's tokenizer stems every token of every corpus; its memos are bounded too (2**18 words,
# about 40 MB), larger for ROUGE's speed on long corpora.
ROUGE_STEMMERS = {"evalsuite.text.tokenize.porter_stem", "evalsuite.text.stemming.snowball_stem"}


def test_no_memo_of_the_checks_keeps_more_than_the_largest_bound() -> None:
    import evalsuite.checks.runner  # noqa: F401  (loads every check and what it memoises)

    too_large = []
    for name, module in list(sys.modules.items()):
        if name != "evalsuite" and not name.startswith("evalsuite."):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, functools._lru_cache_wrapper):
                where = f"{value.__module__}.{value.__qualname__}"
                bound = value.cache_info().maxsize
                if bound is not None and bound > LARGEST and where not in ROUGE_STEMMERS:
                    too_large.append(f"{where}: {bound}")
    assert not too_large


def test_a_word_memo_stops_growing_at_its_bound() -> None:
    stem.cache_clear()
    for number in range(WORD_MEMO + 2000):
        stem(f"word{number}s", "en")
    assert stem.cache_info().currsize == WORD_MEMO
    assert stem("Words", "en") == "word"
