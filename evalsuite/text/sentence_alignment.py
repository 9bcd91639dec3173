"""Which sentence of the compared text tells what a sentence of the output tells.

A translation and its reference, or a paraphrase and its original, tell the same events
sentence by sentence; a summary sentence and the article sentence it condenses share most of
their content words too, while the rest of a long article is about other things. A sentence
of the output is aligned with the sentences of the compared text that share the most content
words with it (Dice overlap of lemma keys, `evalsuite.text.content_words`), when that overlap
reaches ALIGNED: then two clauses of the pair whose arguments trade places are two tellings of
one event, not two events of one story ("police arrested protesters" / "protesters attacked
police" in different paragraphs of one article).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from evalsuite.text.content_words import overlap, token_keys

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ALIGNED", "SentenceAlignment"]

ALIGNED = 0.5
"""Least Dice overlap of content words for two sentences to tell the same thing: at least half
the words of both."""


class SentenceAlignment:
    """Sentences (by the index of their first token) of an output's parse and of the compared
    text's parse, aligned by content words; computed on the first question."""

    def __init__(
        self,
        hyp: Doc,
        other: Doc,
        lang: str,
        hyp_sentences: Iterable[int],
        other_sentences: Iterable[int],
    ) -> None:
        self._hyp, self._other, self._lang = hyp, other, lang
        self._hyp_sentences = sorted(set(hyp_sentences))
        self._other_sentences = sorted(set(other_sentences))
        self._best: dict[int, frozenset[int]] | None = None

    def aligned(self, hyp_sentence: int, other_sentence: int) -> bool:
        """Whether the compared sentence is (one of) the best match(es) of the output's."""
        if self._best is None:
            self._best = self._match()
        return other_sentence in self._best.get(hyp_sentence, frozenset())

    def _match(self) -> dict[int, frozenset[int]]:
        """A sentence that shares no key overlaps 0, below ALIGNED: only those that share
        one (an index of the compared sentences by key) are scored."""
        other = {s: self._keys(self._other, s) for s in self._other_sentences}
        by_key: dict[str, list[int]] = {}
        for s, k in other.items():
            for key in k:
                by_key.setdefault(key, []).append(s)
        best: dict[int, frozenset[int]] = {}
        for start in self._hyp_sentences:
            keys = self._keys(self._hyp, start)
            sharing = sorted({s for key in keys for s in by_key.get(key, ())})
            scores = {s: overlap(keys, other[s]) for s in sharing}
            top = max(scores.values(), default=0.0)
            if top >= ALIGNED:
                best[start] = frozenset(s for s, v in scores.items() if v == top)
        return best

    def _keys(self, doc: Doc, start: int) -> frozenset[str]:
        return frozenset(token_keys(doc[start].sent, self._lang))
