"""What scoring must know about the whole corpus before it scores any partition of it.

A few settings of a corpus metric depend on every segment, not on the one being scored: BLEU's
tokenizer and TER's Asian-script support follow the set of target languages, ROUGE's signature
names them, sacrebleu's signature counts references, and a metric is skipped altogether when one
segment lacks a reference. A partition scored on its own would guess these from its own
segments and could disagree with the corpus. One cheap pass over the examples (languages and
reference counts only, no texts kept) fixes them before partitions are handed out, so every
backend scores every partition with the corpus's settings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from evalsuite.data import Example


def output_lang(example: Example, task: str) -> str | None:
    """The language the hypothesis is written in."""
    if task == "summary":
        return example.tgt_lang or example.src_lang
    return example.tgt_lang


@dataclass(frozen=True)
class CorpusProfile:
    """Corpus-wide facts that segment scoring depends on.

    `langs` holds each distinct output language once, ordered by its last occurrence, so that a
    mapping built from it in order (as ROUGE's signature builds one from all languages) keeps
    the same value per key as one built from the full list.
    """

    n_segments: int
    langs: tuple[str | None, ...]
    without_reference: int
    reference_counts: tuple[int, ...]  # distinct numbers of references per segment


def corpus_profile(examples: Iterable[Example], task: str) -> CorpusProfile:
    """One pass over the examples; keeps languages and counts, never the texts."""
    last_seen: dict[str | None, int] = {}
    counts: set[int] = set()
    n = without = 0
    for example in examples:
        last_seen.pop(output_lang(example, task), None)
        last_seen[output_lang(example, task)] = n
        counts.add(len(example.reference))
        without += not example.reference
        n += 1
    return CorpusProfile(n, tuple(last_seen), without, tuple(sorted(counts)))
