"""Sentence embeddings from a `transformers` encoder, pooled the way its authors pool them.

A sentence-transformers directory (it has `modules.json`) says how: its Pooling module (the
first token, the mean or the maximum over tokens), then any Dense layers (a linear map and an
activation, as LaBSE has). They are read from their config files and weights; the activation is
looked up in a short list of known names, so a model's files never choose what code runs. A
plain `transformers` encoder is pooled as the user asks: `mean` over tokens (the default),
`cls` (the first token) or `pooler` (the model's pooler output, as some LaBSE ports expect).
Every embedding is L2-normalised: a dot product is the cosine.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evalsuite.errors import UsageError
from evalsuite.models.batches import length_sorted_batches
from evalsuite.models.hf import first_line, load_hf
from evalsuite.models.locate import LocatedModel
from evalsuite.models.source_spec import POOLINGS

WHO = "xling-model"
_ACTIVATIONS = {"Tanh": "tanh", "Identity": "identity"}
_PASSIVE_MODULES = ("Transformer", "Normalize")  # read elsewhere / always done


@dataclass(frozen=True)
class DenseLayer:
    """A sentence-transformers Dense module: `activation(weight @ x + bias)`."""

    weight: Any
    bias: Any | None
    activation: str  # "tanh" or "identity"

    def __call__(self, x: Any) -> Any:
        import torch

        y = x @ self.weight.T.to(x.device, x.dtype)
        if self.bias is not None:
            y = y + self.bias.to(x.device, x.dtype)
        return torch.tanh(y) if self.activation == "tanh" else y


@dataclass(frozen=True)
class Layout:
    """How a directory's encoder is pooled: pooling, dense layers, a length limit."""

    pooling: str | None  # None: not said by the directory
    dense: tuple[DenseLayer, ...] = ()
    max_length: int | None = None


@dataclass
class SentenceEncoder:
    tokenizer: Any
    model: Any
    device: Any
    pooling: str
    dense: tuple[DenseLayer, ...]
    max_length: int

    def embed(
        self, texts: Sequence[str], batch_size: int, advance: Callable[[int], None] | None = None
    ) -> Any:
        """A float32 CPU tensor (texts x dimensions) of unit-length embeddings."""
        import torch

        ids = [
            self.tokenizer(text, truncation=True, max_length=self.max_length)["input_ids"]
            for text in texts
        ]
        rows: list[Any] = [None] * len(texts)
        for batch in length_sorted_batches([len(i) for i in ids], batch_size):
            features = self.tokenizer.pad({"input_ids": [ids[i] for i in batch]},
                                          return_tensors="pt")  # fmt: skip
            mask = features["attention_mask"].to(self.device)
            with torch.inference_mode():
                out = self.model(input_ids=features["input_ids"].to(self.device),
                                 attention_mask=mask)  # fmt: skip
                pooled = self._pool(out, mask)
                for layer in self.dense:
                    pooled = layer(pooled)
                pooled = torch.nn.functional.normalize(pooled.float(), dim=-1).cpu()
            for row, i in enumerate(batch):
                rows[i] = pooled[row]
            if advance is not None:
                advance(len(batch))
        if not rows:
            return torch.zeros((0, 0))
        return torch.stack(rows)

    def _pool(self, out: Any, mask: Any) -> Any:
        if self.pooling == "pooler":
            pooled = getattr(out, "pooler_output", None)
            if pooled is None:
                raise UsageError(f"{WHO}: pooling 'pooler': this model has no pooler output")
            return pooled
        hidden = out[0]
        if self.pooling == "cls":
            return hidden[:, 0]
        weights = mask.unsqueeze(-1).to(hidden.dtype)
        if self.pooling == "max":
            return hidden.masked_fill(weights == 0, -1e9).max(dim=1).values
        return (hidden * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1e-9)


def load_sentence_encoder(
    located: LocatedModel, pooling: str, device: Any, dtype: Any
) -> SentenceEncoder:
    """The encoder of `located`, pooled as its directory says (or as `pooling` asks)."""
    return _cached(located, pooling, str(device), dtype)


@functools.lru_cache(maxsize=2)
def _cached(located: LocatedModel, pooling: str, device: str, dtype: Any) -> SentenceEncoder:
    if pooling not in POOLINGS:
        raise UsageError(f"{WHO}: unknown pooling '{pooling}' (use one of {', '.join(POOLINGS)})")
    layout, transformer_dir = read_layout(located.directory)
    chosen = pooling if pooling != "auto" else layout.pooling or "mean"
    inner = LocatedModel(located.name, transformer_dir, located.identity)
    tokenizer, model = load_hf(inner, "AutoModel", WHO, "a sentence encoder", device, dtype)
    if hasattr(model, "get_encoder") and hasattr(model, "decoder"):
        model = model.get_encoder()
    limit = layout.max_length or tokenizer.model_max_length
    if not 0 < limit < 100_000:
        limit = getattr(model.config, "max_position_embeddings", 512)
    return SentenceEncoder(tokenizer, model, device, chosen, layout.dense, int(limit))


def read_layout(directory: Path) -> tuple[Layout, Path]:
    """The pooling a sentence-transformers directory declares, and where its encoder is."""
    modules_file = directory / "modules.json"
    if not modules_file.is_file():
        return Layout(None), directory
    modules = _read_json(modules_file, expect=list)
    if not isinstance(modules, list):
        raise UsageError(f"{modules_file}: expected a list of modules")
    pooling: str | None = None
    dense: list[DenseLayer] = []
    transformer_dir = directory
    for index, module in enumerate(modules):
        kind = str(module.get("type", "")).rpartition(".")[2] if isinstance(module, dict) else ""
        where = directory / str(module.get("path", "")) if isinstance(module, dict) else directory
        if not where.resolve().is_relative_to(directory.resolve()):
            raise UsageError(f"{modules_file}: module {index}: path leaves the model directory")
        if kind == "Transformer":
            transformer_dir = where
        elif kind == "Pooling":
            pooling = _pooling_mode(where / "config.json")
        elif kind == "Dense":
            dense.append(_dense_layer(where))
        elif kind not in _PASSIVE_MODULES:
            raise UsageError(
                f"{modules_file}: module {index} is a '{kind}', which evalsuite cannot run "
                "(supported: Transformer, Pooling, Dense, Normalize)"
            )
    config = directory / "sentence_bert_config.json"
    max_length = _read_json(config).get("max_seq_length") if config.is_file() else None
    return Layout(pooling, tuple(dense), max_length if isinstance(max_length, int) else None), (
        transformer_dir
    )


def _pooling_mode(config_file: Path) -> str:
    config = _read_json(config_file)
    mode = config.get("pooling_mode")  # sentence-transformers 5+
    if mode is None:  # earlier releases: one flag per mode
        flags = [k for k, v in config.items() if k.startswith("pooling_mode_") and v is True]
        mode = flags[0].removeprefix("pooling_mode_") if len(flags) == 1 else flags
    names = {"cls_token": "cls", "mean_tokens": "mean", "max_tokens": "max", "cls": "cls",
             "mean": "mean", "max": "max"}  # fmt: skip
    if not isinstance(mode, str) or mode not in names:
        raise UsageError(
            f"{config_file}: field 'pooling_mode': {mode!r} is not supported (one of cls, mean, "
            "max)"
        )
    return names[mode]


def _dense_layer(directory: Path) -> DenseLayer:
    config_file = directory / "config.json"
    config = _read_json(config_file)
    activation = str(config.get("activation_function", "")).rpartition(".")[2]
    if activation not in _ACTIVATIONS:
        raise UsageError(
            f"{config_file}: field 'activation_function': '{activation}' is not supported "
            f"(one of {', '.join(_ACTIVATIONS)})"
        )
    state = _dense_weights(directory)
    weight = state.get("linear.weight")
    if weight is None or tuple(weight.shape) != (config.get("out_features"),
                                                 config.get("in_features")):  # fmt: skip
        raise UsageError(f"{directory}: no 'linear.weight' of the configured shape")
    bias = state.get("linear.bias") if config.get("bias", True) else None
    return DenseLayer(weight.float(), None if bias is None else bias.float(),
                      _ACTIVATIONS[activation])  # fmt: skip


def _dense_weights(directory: Path) -> dict[str, Any]:
    import torch

    safetensors, pickled = directory / "model.safetensors", directory / "pytorch_model.bin"
    try:
        if safetensors.is_file():
            from safetensors.torch import load_file

            return dict(load_file(str(safetensors)))
        if pickled.is_file():
            return dict(torch.load(pickled, map_location="cpu", weights_only=True))
    except Exception as error:  # a damaged or foreign file: say which, never run it
        why = first_line(error)
        raise UsageError(f"{directory}: cannot read the Dense weights: {why}") from None
    raise UsageError(f"{directory}: no model.safetensors or pytorch_model.bin")


def _read_json(path: Path, expect: type = dict) -> Any:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UsageError(f"{path}: cannot read: {first_line(error)}") from None
    if not isinstance(data, expect):
        raise UsageError(f"{path}: expected a JSON {'list' if expect is list else 'object'}")
    return data
