"""Contextual token embeddings from one layer of a `transformers` encoder, for BERTScore.

Layers above the chosen one are cut off the model (they would be computed for nothing), the
way the `bert-score` package cuts them, so the embeddings are the model's last hidden state
after `layer` layers. Each text becomes `[CLS] tokens [SEP]` (the tokenizer's template), cut
at the model's maximum length; empty texts keep just the special tokens.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from evalsuite.errors import UsageError
from evalsuite.models.batches import length_sorted_batches
from evalsuite.models.hf import load_hf
from evalsuite.models.locate import LocatedModel

# Where architectures keep their stack of layers: (attribute path, kind) as bert-score cuts them.
_LAYER_STACKS = (
    ("encoder.layer", "BERT/RoBERTa/XLM-R/ELECTRA/DeBERTa"),
    ("transformer.layer", "DistilBERT"),
    ("encoder.block", "T5 encoder"),
    ("layers", "BART/mBART/Marian encoder"),
    ("layer", "XLNet"),
)


@dataclass
class Encoder:
    """A tokenizer and a model cut to `layer` layers, on one device."""

    tokenizer: Any
    model: Any
    device: Any
    max_length: int
    prefix_space: bool  # byte-level BPE tokenizers (RoBERTa, GPT-2) want a leading space

    def encode(self, text: str) -> list[int]:
        text = text.strip()
        if not text:
            return [self.tokenizer.cls_token_id, self.tokenizer.sep_token_id]
        extra = {"add_prefix_space": True} if self.prefix_space else {}
        ids = self.tokenizer.encode(
            text, add_special_tokens=True, max_length=self.max_length, truncation=True, **extra
        )
        return [int(i) for i in ids]

    def embed(
        self, token_ids: Sequence[Sequence[int]], batch_size: int, advance: Any = None
    ) -> list[Any]:
        """One float32 CPU tensor (tokens x hidden) per text, batched longest first."""
        import torch

        out: list[Any] = [None] * len(token_ids)
        pad = self.tokenizer.pad_token_id
        for batch in length_sorted_batches([len(t) for t in token_ids], batch_size):
            width = max(len(token_ids[i]) for i in batch)
            ids = torch.full((len(batch), width), pad, dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            for row, i in enumerate(batch):
                ids[row, : len(token_ids[i])] = torch.tensor(token_ids[i])
                mask[row, : len(token_ids[i])] = 1
            with torch.inference_mode():
                hidden = self.model(
                    ids.to(self.device), attention_mask=mask.to(self.device)
                )[0].float().cpu()
            for row, i in enumerate(batch):
                out[i] = hidden[row, : len(token_ids[i])].clone()
            if advance is not None:
                advance(len(batch))
        return out


def load_encoder(located: LocatedModel, layer: int | None, device: Any, dtype: Any) -> Encoder:
    return _cached(located, layer, str(device), dtype)


@functools.lru_cache(maxsize=2)
def _cached(located: LocatedModel, layer: int | None, device: str, dtype: Any) -> Encoder:
    from transformers import GPT2Tokenizer, RobertaTokenizer

    who = "bertscore"
    tokenizer, model = load_hf(located, "AutoModel", who, "an encoder", device, dtype)
    if hasattr(model, "get_encoder") and hasattr(model, "decoder"):
        model = model.get_encoder()
    cut_layers(model, layer, located.name)  # a fresh model: nobody else holds it
    max_length = tokenizer.model_max_length
    if not 0 < max_length < 100_000:  # unset: the model's own position limit
        positions = getattr(model.config, "max_position_embeddings", 512)
        max_length = positions - 2 if model.config.model_type.endswith("roberta") else positions
    return Encoder(
        tokenizer, model, device, int(max_length),
        isinstance(tokenizer, (GPT2Tokenizer, RobertaTokenizer))
        and not tokenizer.__class__.__name__.startswith("XLMRoberta"),
    )


def cut_layers(model: Any, layer: int | None, name: str) -> int:
    """Keep the first `layer` layers (all when None); the number kept."""
    import torch

    for path, _ in _LAYER_STACKS:
        parent_path, _, leaf = path.rpartition(".")
        parent = _attribute(model, parent_path) if parent_path else model
        stack = getattr(parent, leaf, None) if parent is not None else None
        if isinstance(stack, torch.nn.ModuleList):
            if layer is None:
                return len(stack)
            if not 0 <= layer <= len(stack):
                raise UsageError(
                    f"bertscore: layer {layer} is out of range for '{name}', which has "
                    f"{len(stack)} layers (use 0 to {len(stack)})"
                )
            setattr(parent, leaf, torch.nn.ModuleList(list(stack)[:layer]))
            return layer
    kinds = ", ".join(kind for _, kind in _LAYER_STACKS)
    raise UsageError(
        f"bertscore: cannot choose a layer of '{name}' ({type(model).__name__}); supported "
        f"layouts: {kinds}"
    )


def _attribute(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj
