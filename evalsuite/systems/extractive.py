"""Extractive summarization baselines that need no weights: lead-k and TextRank.

Every summarization table needs a floor that any model must beat; these give one in every
language. Outputs put one sentence per line so that ROUGE-Lsum sees the sentence boundaries.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

import evalsuite
from evalsuite.systems.base import batch_targets
from evalsuite.text.sentences import SPLITTER_ID, split_sentences

__all__ = ["LeadK", "TextRank", "textrank_scores"]

# Han, kana and Hangul syllables count one character per token; other scripts use word runs.
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]|\w+")

_DAMPING = 0.85
_TOLERANCE = 1e-10
_MAX_ITERATIONS = 200


class LeadK:
    """The first k sentences of the source: the classic news summarization baseline."""

    def __init__(self, k: int = 3) -> None:
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        self.k = k
        self.name = f"lead-{k}"

    @property
    def signature(self) -> str:
        return f"{self.name}|split:{SPLITTER_ID}|version:{evalsuite.__version__}"

    @property
    def versions(self) -> dict[str, str]:
        return {}

    def generate(self, sources: Sequence[str], langs: Sequence[str | None]) -> list[str]:
        batch_targets(sources, langs)
        return [
            "\n".join(split_sentences(source, lang)[: self.k])
            for source, lang in zip(sources, langs, strict=True)
        ]


class TextRank:
    """The k most central sentences by TextRank (Mihalcea & Tarau 2004), in document order."""

    def __init__(self, k: int = 3) -> None:
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        self.k = k
        self.name = f"textrank-{k}"

    @property
    def signature(self) -> str:
        return (
            f"{self.name}|split:{SPLITTER_ID}|sim:overlap-log|damping:{_DAMPING}"
            f"|version:{evalsuite.__version__}"
        )

    @property
    def versions(self) -> dict[str, str]:
        return {}

    def generate(self, sources: Sequence[str], langs: Sequence[str | None]) -> list[str]:
        batch_targets(sources, langs)
        return [self._summarize(source, lang) for source, lang in zip(sources, langs, strict=True)]

    def _summarize(self, source: str, lang: str | None) -> str:
        sentences = split_sentences(source, lang)
        scores = textrank_scores(sentences)
        # Rounding makes ties (e.g. a graph without edges) fall back to document position.
        ranked = sorted(range(len(sentences)), key=lambda i: (-round(float(scores[i]), 9), i))
        chosen = sorted(ranked[: self.k])
        return "\n".join(sentences[i] for i in chosen)


def _tokens(sentence: str) -> set[str]:
    return set(_TOKEN.findall(sentence.casefold()))


def _similarity_matrix(sentences: Sequence[str]) -> np.ndarray:
    """Shared word types over log(|Si|) + log(|Sj|), as in the TextRank paper."""
    tokens = [_tokens(sentence) for sentence in sentences]
    lengths = [len(_TOKEN.findall(sentence.casefold())) for sentence in sentences]
    size = len(sentences)
    weights = np.zeros((size, size))
    for i in range(size):
        for j in range(i + 1, size):
            overlap = len(tokens[i] & tokens[j])
            norm = math.log(lengths[i]) + math.log(lengths[j]) if overlap else 0.0
            if overlap and norm > 0:
                weights[i, j] = weights[j, i] = overlap / norm
    return weights


def textrank_scores(sentences: Sequence[str]) -> np.ndarray:
    """PageRank centrality of each sentence in the weighted similarity graph.

    A plain power iteration keeps the result deterministic and free of a scipy dependency;
    sentences with no edges spread their rank uniformly, as in networkx's pagerank.
    """
    size = len(sentences)
    if size == 0:
        return np.zeros(0)
    weights = _similarity_matrix(sentences)
    out_weight = weights.sum(axis=1)
    dangling = out_weight == 0
    transition = np.divide(
        weights, out_weight[:, None], out=np.zeros_like(weights), where=~dangling[:, None]
    )
    scores = np.full(size, 1.0 / size)
    for _ in range(_MAX_ITERATIONS):
        spread = scores @ transition + scores[dangling].sum() / size
        updated = (1 - _DAMPING) / size + _DAMPING * spread
        converged = np.abs(updated - scores).sum() < _TOLERANCE * size
        scores = updated
        if converged:
            break
    return scores
