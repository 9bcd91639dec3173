"""Inputs longer than a model can read: cut them, or split them into chunks that fit.

Chunks follow sentence boundaries; a single sentence longer than the budget is cut on its own.
The caller records which segments were affected, so a result never hides that a model saw
only part of an article.
"""

from __future__ import annotations

from collections.abc import Callable

from evalsuite.text.sentences import split_sentences

CountTokens = Callable[[str], int]


def split_to_budget(text: str, lang: str | None, budget: int, count: CountTokens) -> list[str]:
    """Consecutive runs of sentences, each within `budget` tokens (as `count` measures them)."""
    sentences = split_sentences(text, lang) or [text]
    chunks: list[str] = []
    current: list[str] = []
    for sentence in sentences:
        candidate = " ".join([*current, sentence])
        if current and count(candidate) > budget:
            chunks.append(" ".join(current))
            current = [sentence]
        else:
            current.append(sentence)
    if current:
        chunks.append(" ".join(current))
    return chunks
