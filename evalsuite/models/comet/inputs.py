"""Turning texts into COMET's model inputs: tokenized and cut like the package cuts them,
and, for unified models, several segments joined into one sequence.

Joining follows `Encoder.concat_sequences`: each segment loses its own <s> and </s>, then
`<s> a </s></s> b </s>` (one separator token for BERT-style encoders), again for a third
segment. When the segments together exceed the encoder's positions, the joined sequence is cut
at the maximum length (its last separator may be lost, as in the package). Token type ids
are 0 over the first segment and 1 after it, pads included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Tokenized:
    ids: list[int]
    offsets: list[tuple[int, int]]


class CometTokenizer:
    """The encoder's tokenizer as COMET runs it: the pipeline saved in tokenizer.json, cut
    at `max_positions - 2` tokens with its special tokens.

    transformers 5 rebuilds an XLM-R tokenizer's normaliser and pre-tokenizer from its class
    instead of the file (it drops the file's normaliser and moves character offsets past the
    leading space), so when tokenizer.json is there it is run directly with `tokenizers`,
    as the transformers 4 that COMET was built with runs it.
    """

    def __init__(self, directory: Any, hf_tokenizer: Any, max_positions: int) -> None:
        from pathlib import Path

        from tokenizers import Tokenizer

        self.cls = int(hf_tokenizer.cls_token_id)
        self.sep = int(hf_tokenizer.sep_token_id)
        self.pad = int(hf_tokenizer.pad_token_id)
        saved = Path(directory) / "tokenizer.json"
        source = hf_tokenizer.backend_tokenizer.to_str()
        self.backend = Tokenizer.from_file(str(saved)) if saved.is_file() else (
            Tokenizer.from_str(source)
        )
        self.backend.no_padding()
        self.backend.enable_truncation(max_positions - 2)

    def __call__(self, text: str) -> Tokenized:
        encoded = self.backend.encode(text)
        return Tokenized(list(encoded.ids), [(int(a), int(b)) for a, b in encoded.offsets])


def join_segments(
    segments: Sequence[list[int]], cls: int, sep: int, separator: int, max_positions: int
) -> tuple[list[int], int]:
    """(joined ids, length of the first segment with its specials) for unified models."""
    inner = [ids[1:-1] for ids in segments]
    joined = [cls, *inner[0], sep]
    for piece in inner[1:]:
        joined = [*joined[:-1], *([sep] * separator), *piece, sep]
    special = 1 + len(segments) * separator
    if sum(len(piece) for piece in inner) > max_positions - special:
        joined = joined[:max_positions]
    return joined, len(inner[0]) + 2


def pad_batch(
    rows: Sequence[list[int]], pad: int, first_lengths: Sequence[int] | None = None
) -> tuple[Any, Any, Any]:
    """(ids, attention mask, token types or None) tensors, right-padded."""
    import torch

    width = max(len(r) for r in rows)
    ids = torch.full((len(rows), width), pad, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for i, row in enumerate(rows):
        ids[i, : len(row)] = torch.tensor(row, dtype=torch.long)
        mask[i, : len(row)] = 1
    types = None
    if first_lengths is not None:
        types = torch.ones((len(rows), width), dtype=torch.long)
        for i, length in enumerate(first_lengths):
            types[i, :length] = 0
    return ids, mask, types
