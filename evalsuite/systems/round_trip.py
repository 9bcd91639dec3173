"""Round-trip translation for corpora without references: source -> target -> source.

The back-translation is scored against the original source, which serves as its reference;
the intermediate translation is kept in each segment's meta so a reader can see where a
fault came in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from evalsuite.data import Example


def backward_inputs(examples: Sequence[Example], forward: Sequence[str]) -> list[Example]:
    """The forward outputs as sources in the target language, to translate back."""
    return [
        Example(id=ex.id, source=out, src_lang=ex.tgt_lang, tgt_lang=ex.src_lang)
        for ex, out in zip(examples, forward, strict=True)
    ]


def round_trip_examples(examples: Sequence[Example], forward: Sequence[str]) -> list[Example]:
    """Examples to score a back-translation: the original source is source and reference."""
    return [
        dataclasses.replace(
            ex,
            reference=(ex.source or "",),
            hypothesis=None,
            tgt_lang=ex.src_lang,
            meta={**ex.meta, "round_trip_forward": out},
        )
        for ex, out in zip(examples, forward, strict=True)
    ]
