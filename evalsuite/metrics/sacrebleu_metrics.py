"""BLEU, chrF and TER computed by sacrebleu, the reference implementation, with its signatures."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sacrebleu.metrics import BLEU, CHRF, TER

from evalsuite.errors import UsageError
from evalsuite.metrics.base import CorpusScore, MetricOutput

# sacrebleu tokenizers for target languages that 13a would mangle.
_LANG_TOKENIZERS = {"zh": "zh", "ja": "ja-mecab", "ko": "ko-mecab"}


def bleu_tokenizer_for(langs: Sequence[str | None]) -> str:
    """Pick sacrebleu's tokenizer from the target language(s); 13a unless all share one."""
    distinct = {(lang or "").split("-")[0].lower() for lang in langs}
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
    """Shared steps: build the sacrebleu object, score the corpus, score each segment."""

    name = ""
    higher_is_better = True

    def _corpus_metric(self, langs: Sequence[str | None]) -> Any:
        raise NotImplementedError

    def _segment_metric(self, langs: Sequence[str | None]) -> Any:
        return self._corpus_metric(langs)

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
        result = corpus.corpus_score(list(hypotheses), _reference_streams(references))
        segment_metric = self._segment_metric(langs)
        segments = [
            {self.name: float(segment_metric.sentence_score(hyp, list(refs)).score)}
            for hyp, refs in zip(hypotheses, references, strict=True)
        ]
        score = CorpusScore(
            name=self.name,
            value=float(result.score),
            signature=str(corpus.get_signature()),
            higher_is_better=self.higher_is_better,
        )
        return MetricOutput(scores=[score], segments=segments)


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
            raise UsageError(
                f"BLEU tokenizer '{tokenize}' is not available ({err}); "
                "install its extra (e.g. pip install 'sacrebleu[ja]') or pass another tokenizer"
            ) from None

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
    """Translation edit rate; lower is better."""

    name = "ter"
    higher_is_better = False

    def _corpus_metric(self, langs: Sequence[str | None]) -> TER:
        asian = bleu_tokenizer_for(langs) != "13a"
        return TER(asian_support=asian)
