"""What scoring must know about the whole corpus before it scores any partition of it.

A few settings of a corpus metric depend on every segment, not on the one being scored: BLEU's
tokenizer and TER's Asian-script support follow the set of target languages, ROUGE's signature
names them, sacrebleu's signature counts references, and a metric is skipped altogether when one
segment lacks a text it needs. A partition scored on its own would guess these from its own
segments and could disagree with the corpus. One cheap pass over the examples (languages and
reference counts only, no texts kept) fixes them (`metrics.base.CorpusProfile`) before
partitions are handed out, so every backend scores every partition with the corpus's settings.
"""

from __future__ import annotations

from collections.abc import Iterable

from evalsuite.data import Example
from evalsuite.metrics.base import CorpusProfile


def output_lang(example: Example, task: str) -> str | None:
    """The language the hypothesis is written in."""
    if task == "summary":
        return example.tgt_lang or example.src_lang
    return example.tgt_lang


def corpus_profile(examples: Iterable[Example], task: str) -> CorpusProfile:
    """One pass over the examples; keeps languages and counts, never the texts."""
    return CorpusProfile.of(
        (output_lang(example, task), len(example.reference), bool(example.source))
        for example in examples
    )
