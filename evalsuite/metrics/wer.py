"""Word error rate: the word edits that turn the output into its reference, per reference word.

Words are the runs of characters between Unicode whitespace (`str.split()`), compared exactly
(case too, unless `lowercase`); punctuation stays part of its word. Each segment contributes
[edits, reference words] against its closest reference (fewest edits; the first on a tie), so
the corpus WER is total edits over total reference words, as jiwer computes it, and intervals
and paired tests resample the two counts. Stored 0-1 (it exceeds 1 when the output has more
wrong words than the reference has words), shown x100; lower is better.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from evalsuite import __version__
from evalsuite.metrics.base import (
    CorpusProfile,
    CorpusStats,
    FloatMatrix,
    Metric,
    ScoreKind,
    SegmentBatch,
    SegmentPart,
    stats_matrix,
)
from evalsuite.metrics.edit_distance import edit_distance
from evalsuite.metrics.signature import Signature


class WerFromStats:
    """Summed edits over summed reference words. With no reference word at all the rate is
    undefined; jiwer then returns the edits themselves (the inserted words), and so does this."""

    def __call__(self, sums: FloatMatrix, n_segments: int) -> FloatMatrix:
        sums = np.atleast_2d(np.asarray(sums, dtype=np.float64))
        edits, ref_words = sums[:, 0], sums[:, 1]
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(ref_words > 0, edits / ref_words, edits)


class Wer(Metric):
    """Corpus word error rate (0-1, lower is better) against the closest reference."""

    name = "wer"
    SCORES = (
        ScoreKind(
            "wer", "WER", "WER", 2, WerFromStats(), scale=100.0, higher_is_better=False,
            nonnegative=True,
        ),
    )
    OPTIONS = {"lowercase": bool}

    def __init__(self, lowercase: bool = False) -> None:
        self.lowercase = lowercase

    def words(self, text: str) -> list[str]:
        return (text.lower() if self.lowercase else text).split()

    def segment_statistics(self, batch: SegmentBatch, profile: CorpusProfile) -> SegmentPart:
        pairs = zip(batch.hypotheses, batch.references, strict=True)
        matrix = stats_matrix([self._closest(hyp, refs) for hyp, refs in pairs], 2)
        (kind,) = self.SCORES
        scores = [{"wer": float(value)} for value in kind.from_stats(matrix, 1)]
        return SegmentPart(scores, {"wer": matrix})

    def _closest(self, hypothesis: str, references: Sequence[str]) -> tuple[int, int]:
        """(edits, reference words) against the reference with the fewest edits."""
        hyp = self.words(hypothesis)
        pairs = ((edit_distance(ref, hyp), len(ref)) for ref in map(self.words, references))
        return min(pairs, key=lambda pair: pair[0])

    def signature(self, kind: ScoreKind, corpus: CorpusStats) -> Signature:
        counts = corpus.profile.reference_counts
        fields = (
            ("nrefs", counts[0] if len(counts) == 1 else "var"),
            ("case", "lc" if self.lowercase else "mixed"),
            ("tok", "whitespace"),
            ("version", __version__),
        )
        return Signature.of(fields, name="wer")
