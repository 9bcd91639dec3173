"""Every call into sacrebleu's private API, in one place (tests/metrics/test_sacrebleu_adapter.py
checks each against sacrebleu's public results).

sacrebleu's public API scores whole corpora and single sentences; evalsuite needs the steps in
between, so that partitions can be scored apart and intervals resampled from statistics:
extract each segment's sufficient statistics, compute a score from (summed) statistics, and
state the reference count that extraction would have recorded for the signature. A new
sacrebleu release that changes these steps breaks the adapter's tests, not every metric.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from sacrebleu.metrics import TER

from evalsuite.metrics.signature import Signature
from evalsuite.metrics.ter_guard import DEFAULT_MAX_WORDS, word_levenshtein

SacrebleuMetric = Any  # a sacrebleu.metrics.base.Metric (BLEU, CHRF, TER)


def reference_streams(references: Sequence[Sequence[str]]) -> list[list[str | None]]:
    """Per-segment reference lists as sacrebleu's streams (one per reference), None-padded."""
    width = max((len(refs) for refs in references), default=0)
    return [[refs[i] if i < len(refs) else None for refs in references] for i in range(width)]


def segment_statistics(
    metric: SacrebleuMetric, hypotheses: Sequence[str], references: Sequence[Sequence[str]]
) -> list[list[float]]:
    """Each segment's sufficient statistics, exactly as sacrebleu's corpus score collects them."""
    rows = metric._extract_corpus_statistics(list(hypotheses), reference_streams(references))
    clear_tokenizer_caches()
    return [list(row) for row in rows]


def clear_tokenizer_caches() -> None:
    """Empty sacrebleu's tokenizer caches (an lru_cache of 65,536 lines on each tokenizer's
    `__call__`, keyed by the whole segment): across a run they hold every distinct segment
    until full, about 4 KB per pair for BLEU and TER. A partition tokenizes each of its texts
    once per metric, so emptying them after each one loses no hit within it."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("sacrebleu.tokenizers.") or module is None:
            continue
        for value in list(vars(module).values()):
            call = vars(value).get("__call__") if isinstance(value, type) else None
            clear = getattr(call, "cache_clear", None)
            if callable(clear):
                clear()


def score_from_statistics(metric: SacrebleuMetric, stats: Sequence[float]) -> float:
    """The score sacrebleu computes from one row of statistics, or from column sums."""
    return float(metric._compute_score_from_stats(list(stats)).score)


def set_reference_count(metric: SacrebleuMetric, reference_counts: Sequence[int]) -> None:
    """Record the number of references as extraction does: the count, or -1 ("var") when
    segments have different numbers; the signature reads it."""
    metric.num_refs = reference_counts[0] if len(reference_counts) == 1 else -1


def signature(metric: SacrebleuMetric) -> Signature:
    """sacrebleu's signature as fields, taken from sacrebleu's own rendering of it, so the
    text stays exactly sacrebleu's."""
    return Signature.parse(str(metric.get_signature()))


class GuardedTER(TER):
    """sacrebleu's TER, with the shift search skipped on segments over `max_words` words
    (see `ter_guard`); `capped` counts the segments that skipped it."""

    def __init__(self, *args: Any, max_words: int = DEFAULT_MAX_WORDS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_words = max_words
        self.capped = 0

    def _compute_segment_statistics(
        self, hypothesis: str, ref_kwargs: dict[str, Any]
    ) -> list[float]:
        words_hyp = hypothesis.split()
        refs: list[list[str]] = ref_kwargs["ref_words"]
        too_long = len(words_hyp) > self.max_words or any(len(r) > self.max_words for r in refs)
        if not too_long:
            stats: list[float] = super()._compute_segment_statistics(hypothesis, ref_kwargs)
            return stats
        self.capped += 1
        best = min(word_levenshtein(words_hyp, ref) for ref in refs)
        return [best, sum(len(ref) for ref in refs) / len(refs)]
