"""ROUGE-N, ROUGE-L and ROUGE-Lsum, equal to rouge-score 0.1.2 on English and usable beyond it.

English text gets rouge-score's tokenizer and scoring rules, so every number is exactly (==)
what `rouge_score.rouge_scorer.RougeScorer(...).score(reference, prediction)` returns. Other
languages get the Unicode-aware tokenizer of :mod:`evalsuite.text.tokenize`; rouge-score would
delete their letters and score 0.

ROUGE-Lsum expects one sentence per line (blank lines are ignored), as rouge-score does.

The scoring runs in C (`_rouge_native`, built at install) when it is there, and in Python
otherwise; both give the same numbers (the parity tests run on both). English texts go to C
whole (its tokenizer and Porter stemmer are rouge-score's); other languages are tokenized here
and their tokens scored in C. `EVALSUITE_ROUGE_CORE=python` forces the Python path.

The corpus metric that the engine runs (`Rouge`) is in :mod:`evalsuite.metrics.rouge_metric`.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache, partial
from itertools import chain
from types import ModuleType
from typing import Any, NamedTuple

from evalsuite.metrics import rouge_guard
from evalsuite.metrics.lcs import SentencePacks, lcs_length
from evalsuite.metrics.rouge_guard import (
    EXACT_WORDS,
    block_count,
    blocked_lcs,
    blocked_lsum_hits,
    may_need_blocks,
)
from evalsuite.text.language_id import detect_language, letter_scripts
from evalsuite.text.tokenize import (
    RougeEnglishTokenizer,
    Tokenizer,
    clear_stem_caches,
    get_tokenizer,
    uses_rouge_english,
)

DEFAULT_ROUGE_TYPES: tuple[str, ...] = ("rouge1", "rouge2", "rougeL", "rougeLsum")

_ROUGE_N_RE = re.compile(r"rouge([1-9])")


class RougeTriple(NamedTuple):
    """Precision, recall and F-measure of one ROUGE type; equal to rouge-score's `Score`."""

    precision: float
    recall: float
    fmeasure: float


_ZERO = RougeTriple(0.0, 0.0, 0.0)


def validate_rouge_types(rouge_types: Iterable[str]) -> tuple[str, ...]:
    """Check the names early so a typo fails before any scoring work is done."""
    if isinstance(rouge_types, str):
        rouge_types = (rouge_types,)
    types = tuple(rouge_types)
    if not types:
        raise ValueError("no ROUGE type requested")
    for rouge_type in types:
        if rouge_type not in ("rougeL", "rougeLsum") and not _ROUGE_N_RE.fullmatch(rouge_type):
            raise ValueError(
                f"unknown ROUGE type {rouge_type!r}; expected rouge1..rouge9, rougeL or rougeLsum"
            )
    return types


# --- Scores from token lists -----------------------------------------------------------------


def _fmeasure(precision: float, recall: float) -> float:
    """Harmonic mean written as rouge-score writes it, so floats round identically."""
    if precision + recall > 0:
        return 2 * precision * recall / (precision + recall)
    return 0.0


def _triple(hits: int, pred_len: int, ref_len: int) -> RougeTriple:
    precision = hits / pred_len
    recall = hits / ref_len
    return RougeTriple(precision, recall, _fmeasure(precision, recall))


def _ngram_counts(tokens: Sequence[str], n: int) -> Counter[Any]:
    """n-gram counts; unigrams keyed by the token itself (same clipped hits, less hashing)."""
    if n == 1:
        return Counter(tokens)
    return Counter(zip(*(tokens[i:] for i in range(n)), strict=False))


def rouge_n(ref_tokens: Sequence[str], pred_tokens: Sequence[str], n: int) -> RougeTriple:
    """ROUGE-N from clipped n-gram counts; no n-grams on a side counts as a denominator of 1."""
    return _rouge_n_counts(
        _ngram_counts(ref_tokens, n), _ngram_counts(pred_tokens, n), len(ref_tokens),
        len(pred_tokens), n,
    )


def _rouge_n_counts(
    ref_counts: Counter[Any], pred_counts: Counter[Any], ref_len: int, pred_len: int, n: int
) -> RougeTriple:
    if len(ref_counts) > len(pred_counts):
        ref_counts, pred_counts = pred_counts, ref_counts  # clipped hits are symmetric
    hits = 0
    for gram, count in ref_counts.items():
        other = pred_counts.get(gram)
        if other:
            hits += count if count < other else other
    return _triple(hits, max(pred_len - n + 1, 1), max(ref_len - n + 1, 1))


def rouge_l(ref_tokens: Sequence[str], pred_tokens: Sequence[str]) -> RougeTriple:
    """ROUGE-L: LCS length over prediction length (precision) and reference length (recall)."""
    if not ref_tokens or not pred_tokens:
        return _ZERO
    return _triple(lcs_length(ref_tokens, pred_tokens), len(pred_tokens), len(ref_tokens))


def rouge_lsum(
    ref_sents: Sequence[Sequence[str]], pred_sents: Sequence[Sequence[str]]
) -> RougeTriple:
    """Summary-level ROUGE-L (Lin 2004, sec. 3.2) with ROUGE-1.5.5's guard on double counting.

    For each reference sentence, the union of its LCS with every predicted sentence gives
    candidate hits; a hit counts only while the token has unused occurrences on both sides.
    """
    ref_len = sum(map(len, ref_sents))
    pred_len = sum(map(len, pred_sents))
    if not ref_len or not pred_len:
        return _ZERO
    ref_left: Counter[str] = Counter()
    pred_left: Counter[str] = Counter()
    for sent in ref_sents:
        ref_left.update(sent)
    for sent in pred_sents:
        pred_left.update(sent)
    return _rouge_lsum_counted(ref_sents, pred_sents, ref_left, pred_left, ref_len, pred_len)[0]


def _rouge_lsum_counted(
    ref_sents: Sequence[Sequence[str]],
    pred_sents: Sequence[Sequence[str]],
    ref_left: dict[str, int],
    pred_left: dict[str, int],
    ref_len: int,
    pred_len: int,
) -> tuple[RougeTriple, int | None]:
    """ROUGE-Lsum given each side's token counts (consumed: pass copies), and, when both sides
    are one line, their LCS length (ROUGE-L's too)."""
    if len(ref_sents) == 1 == len(pred_sents):
        # One line each: every LCS position is a hit (the LCS uses no token more often than
        # either side has it), so no backtrack is needed.
        lcs = lcs_length(ref_sents[0], pred_sents[0])
        return _triple(lcs, pred_len, ref_len), lcs
    hits = _lsum_hits(ref_sents, pred_sents, ref_left, pred_left)
    return _triple(hits, pred_len, ref_len), None


def _lsum_hits(
    ref_sents: Sequence[Sequence[str]],
    pred_sents: Sequence[Sequence[str]],
    ref_left: dict[str, int],
    pred_left: dict[str, int],
) -> int:
    """Union LCS positions of each reference line that still have a token left on both sides."""
    packs = SentencePacks(pred_sents)
    hits = 0
    for ref in ref_sents:
        for index in packs.union_lcs(ref):
            token = ref[index]
            if pred_left[token] > 0 and ref_left[token] > 0:
                hits += 1
                pred_left[token] -= 1
                ref_left[token] -= 1
    return hits


# --- Texts -----------------------------------------------------------------------------------


class _Tokenized(NamedTuple):
    """A text's tokens: whole (ROUGE-N/L), per non-empty line (ROUGE-Lsum), n-gram counts."""

    tokens: list[str]
    sentences: list[list[str]]
    counts: dict[int, Counter[Any]]

    def ngrams(self, n: int) -> Counter[Any]:
        found = self.counts.get(n)
        if found is None:
            found = self.counts[n] = _ngram_counts(self.tokens, n)
        return found


def _tokenize_text(text: str, tokenizer: Tokenizer, need_sentences: bool) -> _Tokenized:
    # The tokenizers never join tokens across a newline, so the whole text's tokens are the
    # concatenation of its lines' tokens: tokenize once, per line, when Lsum needs lines.
    if not need_sentences:
        return _Tokenized(tokenizer(text), [], {})
    by_lines = getattr(tokenizer, "lines", None)
    if by_lines is not None:
        sentences = list(filter(None, by_lines(text)))
    else:
        sentences = list(filter(None, map(tokenizer, text.split("\n"))))
    return _Tokenized(list(chain.from_iterable(sentences)), sentences, {})


@lru_cache(maxsize=64)
def _lsum_first(rouge_types: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(rouge_types, key=lambda t: t != "rougeLsum"))


def _score_tokenized(
    ref: _Tokenized, pred: _Tokenized, rouge_types: Sequence[str]
) -> dict[str, RougeTriple]:
    scores: dict[str, RougeTriple] = {}
    one_line = len(ref.sentences) == 1 == len(pred.sentences)
    shared_lcs: int | None = None  # one line each: Lsum's pass also gives ROUGE-L's LCS
    for rouge_type in _lsum_first(tuple(rouge_types)):
        if rouge_type == "rougeL":
            if shared_lcs is not None:
                scores[rouge_type] = _triple(shared_lcs, len(pred.tokens), len(ref.tokens))
            else:
                scores[rouge_type] = rouge_l(ref.tokens, pred.tokens)
        elif rouge_type == "rougeLsum":
            if not ref.tokens or not pred.tokens:
                scores[rouge_type] = _ZERO
                continue
            scores[rouge_type], lcs = _rouge_lsum_counted(
                ref.sentences, pred.sentences, dict(ref.ngrams(1)), dict(pred.ngrams(1)),
                len(ref.tokens), len(pred.tokens),
            )
            shared_lcs = lcs if one_line else None
        else:
            n = int(rouge_type[5:])
            scores[rouge_type] = _rouge_n_counts(
                ref.ngrams(n), pred.ngrams(n), len(ref.tokens), len(pred.tokens), n
            )
    return {rouge_type: scores[rouge_type] for rouge_type in rouge_types}


def _score_blocked(
    ref: _Tokenized, pred: _Tokenized, rouge_types: Sequence[str], blocks: int
) -> dict[str, RougeTriple]:
    """ROUGE-L/Lsum over `blocks` aligned blocks (`rouge_guard`); ROUGE-N is linear and exact."""
    scores: dict[str, RougeTriple] = {}
    one_line = len(ref.sentences) == 1 == len(pred.sentences)
    lcs: int | None = None
    for rouge_type in rouge_types:
        if rouge_type == "rougeL" or (rouge_type == "rougeLsum" and one_line):
            if lcs is None:
                lcs = blocked_lcs(ref.tokens, pred.tokens, blocks, _block_lcs)
            hits = lcs
        elif rouge_type == "rougeLsum":
            # Blocks share the whole texts' token counts, as the exact count does.
            hits = blocked_lsum_hits(
                ref.sentences, pred.sentences, blocks,
                partial(_lsum_hits, ref_left=dict(ref.ngrams(1)), pred_left=dict(pred.ngrams(1))),
            )
        else:
            n = int(rouge_type[5:])
            scores[rouge_type] = _rouge_n_counts(
                ref.ngrams(n), pred.ngrams(n), len(ref.tokens), len(pred.tokens), n
            )
            continue
        scores[rouge_type] = _triple(hits, len(pred.tokens), len(ref.tokens))
    return scores


def _block_lcs(a: Sequence[str], b: Sequence[str]) -> int:
    """One block pair's LCS, in C where it is built (the union of Lsum is Python's on both
    cores: the C core does not hand back positions)."""
    return _NATIVE.lcs_length(a, b) if _NATIVE is not None else lcs_length(a, b)


# --- Native core -----------------------------------------------------------------------------


def _load_native() -> ModuleType | None:
    """The C core, or None when it was not built (no compiler at install) or is switched off."""
    if os.environ.get("EVALSUITE_ROUGE_CORE", "").strip().lower() == "python":
        return None
    try:
        from evalsuite.metrics import _rouge_native
    except ImportError:
        return None
    return _rouge_native


_NATIVE = _load_native()

# Pairs in one call before the C core spreads English pairs over every core (a thread costs
# about as much as scoring ten pairs).
_THREADS_FROM_PAIRS = 256


def rouge_core() -> str:
    """Which core scores ROUGE here: "native" (C) or "python"."""
    return "native" if _NATIVE is not None else "python"


def clear_caches() -> None:
    """Forget cached tokens and stems, in both cores (benchmarks start cold)."""
    clear_stem_caches()
    if _NATIVE is not None:
        _NATIVE.clear_caches()


def _type_code(rouge_type: str) -> int:
    """The C core's name for a type: n for rougeN, 0 for rougeL, -1 for rougeLsum."""
    if rouge_type == "rougeL":
        return 0
    if rouge_type == "rougeLsum":
        return -1
    return int(rouge_type[5:])


def _thread_count(threads: int | None, n_pairs: int) -> int:
    if threads is not None:
        if threads < 1:
            raise ValueError(f"threads must be at least 1, got {threads}")
        return threads
    if n_pairs < _THREADS_FROM_PAIRS:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _lines_for_native(tokenized: _Tokenized, need_sentences: bool) -> list[list[str]]:
    return tokenized.sentences if need_sentences else [tokenized.tokens]


class ScoredPairs(NamedTuple):
    """Each pair's best-reference triples, and the pairs whose ROUGE-L/Lsum used blocks."""

    scores: list[dict[str, RougeTriple]]
    blocked: list[int]


def _score_pairs(
    predictions: Sequence[str],
    references: Sequence[list[str]],
    tokenizers: Sequence[Tokenizer],
    rouge_types: tuple[str, ...],
    threads: int | None,
    exact_words: int = EXACT_WORDS,
) -> ScoredPairs:
    """Every pair's best-reference triples; English pairs in one batch of the C core, except
    those long enough on both sides for `rouge_guard`'s blocks (`exact_words` 0: never)."""
    native = _NATIVE
    blocked: list[int] = []
    if native is None:
        out = []
        for i, (pred, refs, tok) in enumerate(
            zip(predictions, references, tokenizers, strict=True)
        ):
            scores, used_blocks = _score_pair(pred, refs, rouge_types, tok, exact_words)
            out.append(scores)
            if used_blocks:
                blocked.append(i)
        return ScoredPairs(out, blocked)
    out = [{} for _ in predictions]
    english: dict[bool, list[int]] = {}
    for i, tok in enumerate(tokenizers):
        longest_ref = max(references[i], key=len)
        if isinstance(tok, RougeEnglishTokenizer) and not may_need_blocks(
            (predictions[i], longest_ref), exact_words, rouge_guard.EXACT_CELLS
        ):
            english.setdefault(tok.use_stemmer, []).append(i)
            continue
        out[i], used_blocks = _score_pair(
            predictions[i], references[i], rouge_types, tok, exact_words
        )
        if used_blocks:
            blocked.append(i)
    codes = tuple(_type_code(t) for t in rouge_types)
    for use_stemmer, indices in english.items():
        scored = native.score_english(
            [predictions[i] for i in indices], [references[i] for i in indices], codes,
            rouge_types, use_stemmer, RougeTriple, _thread_count(threads, len(indices)),
        )
        for i, scores in zip(indices, scored, strict=True):
            out[i] = scores
    return ScoredPairs(out, sorted(blocked))


def _as_reference_list(refs: str | Sequence[str], index: int) -> list[str]:
    if isinstance(refs, str):
        return [refs]
    out = list(refs)
    if not out:
        raise ValueError(f"pair {index} has no reference")
    if not all(isinstance(r, str) for r in out):
        raise TypeError(f"pair {index}: references must be strings")
    return out


def _score_pair(
    prediction: str,
    references: list[str],
    rouge_types: Sequence[str],
    tokenizer: Tokenizer,
    exact_words: int = EXACT_WORDS,
) -> tuple[dict[str, RougeTriple], bool]:
    """Best reference per type by F-measure (first one on ties), like rouge-score's score_multi,
    tokenized here and scored in C where it is built; and whether a reference used blocks."""
    need_sentences = "rougeLsum" in rouge_types
    pred = _tokenize_text(prediction, tokenizer, need_sentences)
    refs = [_tokenize_text(reference, tokenizer, need_sentences) for reference in references]
    blocks = [
        block_count(len(ref.tokens), len(pred.tokens), exact_words, rouge_guard.EXACT_CELLS)
        for ref in refs
    ]
    native = _NATIVE
    if native is not None and max(blocks) == 1:  # one call: C keeps the best reference
        return native.score_tokenized(
            _lines_for_native(pred, need_sentences),
            [_lines_for_native(ref, need_sentences) for ref in refs],
            tuple(_type_code(t) for t in rouge_types), tuple(rouge_types), RougeTriple,
        ), False
    best: dict[str, RougeTriple] = {}
    for ref, count in zip(refs, blocks, strict=True):
        if count > 1:
            scored = _score_blocked(ref, pred, rouge_types, count)
        elif native is not None:
            scored = native.score_tokenized(
                _lines_for_native(pred, need_sentences), [_lines_for_native(ref, need_sentences)],
                tuple(_type_code(t) for t in rouge_types), tuple(rouge_types), RougeTriple,
            )
        else:
            scored = _score_tokenized(ref, pred, rouge_types)
        for rouge_type, triple in scored.items():
            if rouge_type not in best or triple.fmeasure > best[rouge_type].fmeasure:
                best[rouge_type] = triple
    return best, max(blocks) > 1


def rouge_scores(
    predictions: Sequence[str],
    references: Sequence[str | Sequence[str]],
    rouge_types: Sequence[str] = DEFAULT_ROUGE_TYPES,
    use_stemmer: bool = False,
    lang: str | None = "en",
    threads: int | None = None,
    exact: bool = False,
) -> list[dict[str, RougeTriple]]:
    """Per pair, each ROUGE type's (precision, recall, fmeasure).

    `references[i]` is a string or a list of strings (the best per type by F-measure wins).
    `lang` "en" (or "en-XX") reproduces rouge-score exactly; zh, ja, th and ko use a word
    segmenter; any other language the Unicode tokenizer (stemming per `text.stemming`). None
    detects each pair's language (see `detected_language`); `pair_languages` says which, and
    `Rouge().signature_for(rouge_type, pair_languages(...))` (`rouge_metric`) is the
    signature of what was used.
    `threads`: how many threads score English pairs in C (None: every core once there are a
    few hundred pairs); the numbers never depend on it.
    `exact`: the exact LCS however long both sides are; by default a pair whose shorter side
    has more than `rouge_guard.EXACT_WORDS` tokens and whose token counts multiply past
    `rouge_guard.EXACT_CELLS` gets ROUGE-L/Lsum summed over aligned blocks, a lower bound
    that stays linear in time (`rouge_guard`).
    """
    if isinstance(predictions, str):
        raise TypeError("predictions must be a sequence of strings, not one string")
    types = validate_rouge_types(rouge_types)
    if len(predictions) != len(references):
        raise ValueError(
            f"{len(predictions)} predictions but {len(references)} references: "
            "need one reference (or list of references) per prediction"
        )
    tokenizers: dict[str | None, Tokenizer] = {}
    ref_lists: list[list[str]] = []
    pair_tokenizers: list[Tokenizer] = []
    for i, (pred, refs) in enumerate(zip(predictions, references, strict=True)):
        ref_list = _as_reference_list(refs, i)
        if not isinstance(pred, str):
            raise TypeError(f"pair {i}: the prediction must be a string")
        pair_lang = lang if lang is not None else detected_language(pred, ref_list)
        if pair_lang not in tokenizers:
            tokenizers[pair_lang] = get_tokenizer(pair_lang, use_stemmer)
        ref_lists.append(ref_list)
        pair_tokenizers.append(tokenizers[pair_lang])
    exact_words = 0 if exact else EXACT_WORDS
    return _score_pairs(predictions, ref_lists, pair_tokenizers, types, threads, exact_words).scores


def detected_language(prediction: str, references: Sequence[str]) -> str | None:
    """The language a pair is tokenized as when none is given: detected by script, then
    py3langid (`text.language_id`), from its first reference and prediction.

    English is chosen only when every letter of the pair is Latin: rouge-score's English
    tokenizer deletes every other letter, and a text must never vanish silently. A pair that
    mixes scripts so gets None, the Unicode tokenizer, and `und` in the signature."""
    lang = detect_language(f"{references[0] if references else ''}\n{prediction}")
    if uses_rouge_english(lang):
        texts = (prediction, *references)
        if any(set(letter_scripts(text)) - {"LATIN"} for text in texts):
            return None
    return lang


def pair_languages(
    predictions: Sequence[str],
    references: Sequence[str | Sequence[str]],
    lang: str | None = "en",
) -> list[str | None]:
    """The language each pair of `rouge_scores(predictions, references, lang=lang)` is
    tokenized as: `lang` itself, or with None the detected language of each pair."""
    if lang is not None:
        return [lang] * len(predictions)
    return [
        detected_language(pred, _as_reference_list(refs, i))
        for i, (pred, refs) in enumerate(zip(predictions, references, strict=True))
    ]
