"""Corpus ROUGE on the metric contract: per segment rouge-score's triples, corpus value the mean
F-measure, on rouge-score's 0-1 scale (reports show it x100).

The scoring itself is :mod:`evalsuite.metrics.rouge` (rouge-score parity on English). Each
segment is tokenized for its own language; a segment whose language is None uses the Unicode
tokenizer, which, unlike rouge-score's, cannot silently delete a non-Latin text. ROUGE-Lsum
reads sentences from newlines, so texts are first put one sentence per line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from evalsuite import __version__
from evalsuite.metrics import rouge_guard
from evalsuite.metrics.base import (
    CorpusProfile,
    CorpusStats,
    Metric,
    RunSettings,
    ScoreKind,
    SegmentBatch,
    SegmentPart,
    fsum_mean,
    stats_matrix,
)
from evalsuite.metrics.rouge import (
    _ROUGE_N_RE,
    DEFAULT_ROUGE_TYPES,
    _as_reference_list,
    _score_pairs,
    validate_rouge_types,
)
from evalsuite.metrics.rouge_guard import EXACT_WORDS
from evalsuite.metrics.signature import Signature
from evalsuite.stats.aggregate import MeanOfColumn
from evalsuite.stats.row_checks import unit_row
from evalsuite.text.sentences import split_sentences
from evalsuite.text.tokenize import (
    Tokenizer,
    get_tokenizer,
    primary_language,
    stemmer_name,
    tokenizer_name,
)


def one_sentence_per_line(text: str, lang: str | None) -> str:
    """ROUGE-Lsum reads sentences from newlines, as rouge-score does; split them first."""
    return "\n".join(split_sentences(text, lang))


def rouge_kind(rouge_type: str) -> ScoreKind:
    """rouge1 -> R-1, rougeL -> R-L, rougeLsum -> R-Lsum; statistics [P, R, F]."""
    return ScoreKind(
        rouge_type, "R-" + rouge_type[5:], "ROUGE", 3, MeanOfColumn(2), scale=100.0,
        nonnegative=True, row_check=unit_row,
    )


def _lang_key(lang: str | None) -> str:
    """How a segment language shows in a signature; "und" (undetermined) for None."""
    return primary_language(lang) or "und"


class Rouge(Metric):
    """The mean of segment F-measures per ROUGE type.

    `split_sentences` puts hypotheses and references one sentence per line first (what
    ROUGE-Lsum needs; the other types do not see newlines); turn it off for texts that are
    already split. `exact` computes the exact LCS however long a pair is; by default a pair
    whose shorter side has more than `rouge_guard.EXACT_WORDS` tokens and whose token counts
    multiply past `rouge_guard.EXACT_CELLS` gets ROUGE-L/Lsum summed over aligned blocks (a
    lower bound, linear in time), noted in the signature as `lcsblock`.
    """

    name = "rouge"
    SCORES = tuple(rouge_kind(t) for t in DEFAULT_ROUGE_TYPES)
    OPTIONS = {"use_stemmer": bool, "split_sentences": bool, "exact": bool}

    def __init__(
        self,
        rouge_types: Sequence[str] = DEFAULT_ROUGE_TYPES,
        use_stemmer: bool = False,
        split_sentences: bool = True,
        exact: bool = False,
    ) -> None:
        self.rouge_types = validate_rouge_types(rouge_types)
        self.use_stemmer = use_stemmer
        self.split_sentences = split_sentences
        self.exact_words = 0 if exact else EXACT_WORDS

    @classmethod
    def from_options(cls, options: Mapping[str, Any], settings: RunSettings) -> Metric:
        """Stemming follows the run's `rouge_stemmer` unless the spec sets `use_stemmer`."""
        return cls(**{"use_stemmer": settings.rouge_stemmer, **options})

    @property
    def scores(self) -> tuple[ScoreKind, ...]:
        return tuple(rouge_kind(t) for t in dict.fromkeys(self.rouge_types))

    @classmethod
    def score_kind(cls, name: str) -> ScoreKind | None:
        if name in ("rougeL", "rougeLsum") or _ROUGE_N_RE.fullmatch(name):
            return rouge_kind(name)
        return None

    def segment_statistics(self, batch: SegmentBatch, profile: CorpusProfile) -> SegmentPart:
        hyps, refs = list(batch.hypotheses), [list(r) for r in batch.references]
        if self.split_sentences:
            langs = batch.langs
            hyps = [one_sentence_per_line(h, lang) for h, lang in zip(hyps, langs, strict=True)]
            refs = [
                [one_sentence_per_line(r, lang) for r in rs]
                for rs, lang in zip(refs, langs, strict=True)
            ]
        tokenizers: dict[str, Tokenizer] = {}
        pair_tokenizers: list[Tokenizer] = []
        for lang in batch.langs:
            key = _lang_key(lang)
            if key not in tokenizers:
                tokenizers[key] = get_tokenizer(lang, self.use_stemmer)
            pair_tokenizers.append(tokenizers[key])
        ref_lists = [_as_reference_list(seg_refs, i) for i, seg_refs in enumerate(refs)]
        scored, blocked = _score_pairs(
            hyps, ref_lists, pair_tokenizers, self.rouge_types, None, self.exact_words
        )
        scores: list[dict[str, float]] = []
        rows: list[dict[str, list[float]]] = []
        for triples in scored:
            scores.append({t: float(triples[t].fmeasure) for t in self.rouge_types})
            rows.append({t: [float(x) for x in triples[t]] for t in self.rouge_types})
        stats = {
            kind.name: stats_matrix([row[kind.name] for row in rows], kind.columns)
            for kind in self.scores
        }
        return SegmentPart(scores, stats, counts={"lcs_blocked": len(blocked)})

    def corpus_value(self, kind: ScoreKind, corpus: CorpusStats) -> float:
        return fsum_mean(corpus.stats[kind.name][:, 2], corpus.n_segments)

    def signature(self, kind: ScoreKind, corpus: CorpusStats) -> Signature:
        signature = self.signature_for(kind.name, corpus.profile.langs)
        if corpus.counts.get("lcs_blocked") and kind.name in ("rougeL", "rougeLsum"):
            signature = signature.plus("lcsblock", self.exact_words)
        return signature

    def notes(self, corpus: CorpusStats) -> list[str]:
        blocked = corpus.counts.get("lcs_blocked", 0)
        if not blocked or not {"rougeL", "rougeLsum"} & set(self.rouge_types):
            return []
        return [
            f"rouge: {blocked} segment(s) with more than {self.exact_words:,} words on both "
            f"sides and more than {rouge_guard.EXACT_CELLS:,} word pairs between them got "
            "ROUGE-L/Lsum summed over aligned blocks (a lower bound on the exact LCS; "
            "rouge:exact=true for the exact one)"
        ]

    def signature_for(self, rouge_type: str, langs: Sequence[str | None]) -> Signature:
        """Type, language(s), tokenizer(s), stemmer(s), version; per language when mixed.

        `langs` are the languages the segments were tokenized as (for `rouge_scores` with
        detection: `rouge.pair_languages`)."""
        by_lang = {_lang_key(lang): lang for lang in langs}
        if len(by_lang) <= 1:
            lang = next(iter(by_lang.values()), None)
            tok = tokenizer_name(lang)
            stem = stemmer_name(lang, self.use_stemmer)
        else:
            keys = sorted(by_lang)
            tok = ",".join(f"{k}={tokenizer_name(by_lang[k])}" for k in keys)
            if self.use_stemmer:
                stem = ",".join(f"{k}={stemmer_name(by_lang[k], True)}" for k in keys)
            else:
                stem = "no"
        lang_part = ",".join(sorted(by_lang)) or "und"
        fields = (("lang", lang_part), ("tok", tok), ("stem", stem), ("version", __version__))
        return Signature.of(fields, name=rouge_type)
