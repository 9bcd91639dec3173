"""The pieces COMET puts on top of its encoder: a scalar mix of the encoder's layers (softmax
or sparsemax weights, optional per-sentence layer norm), pooling, and a feed-forward
estimator. Attribute names follow the checkpoint's state_dict, so its weights load strictly.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn


def sparsemax(scores: torch.Tensor) -> torch.Tensor:
    """Euclidean projection of a vector onto the probability simplex (Martins & Astudillo,
    2016): weights below a threshold become exactly 0."""
    ordered, _ = torch.sort(scores, descending=True)
    cumulative = ordered.cumsum(0) - 1
    ranks = torch.arange(1, scores.numel() + 1, device=scores.device, dtype=scores.dtype)
    support = (ordered * ranks > cumulative).sum()
    threshold = cumulative[support - 1] / support.to(scores.dtype)
    return torch.clamp(scores - threshold, min=0)


class LayerMix(nn.Module):
    """gamma * sum_k w_k * layer_k, with w = softmax or sparsemax of learned scalars."""

    def __init__(self, layers: int, transform: str, layer_norm: bool, dropout: float) -> None:
        super().__init__()
        self.scalar_parameters = nn.ParameterList(
            [nn.Parameter(torch.zeros(1)) for _ in range(layers)]
        )
        self.gamma = nn.Parameter(torch.ones(1))
        self.transform = transform
        self.layer_norm = layer_norm
        if dropout:  # training-time layer dropout: only its buffers are in checkpoints
            self.register_buffer("dropout_mask", torch.zeros(layers))
            self.register_buffer("dropout_fill", torch.full((layers,), -1e20))

    def forward(self, layers: tuple[torch.Tensor, ...], mask: torch.Tensor) -> torch.Tensor:
        scalars = torch.cat(list(self.scalar_parameters))
        weights = sparsemax(scalars) if self.transform == "sparsemax" else scalars.softmax(0)
        if self.layer_norm:
            mask = mask.to(layers[0].dtype)
            layers = tuple(_masked_norm(layer, mask) for layer in layers)
        total = weights[0] * layers[0]
        for weight, layer in zip(weights[1:], layers[1:], strict=True):
            total = total + weight * layer
        return self.gamma * total


def _masked_norm(tensor: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Normalise each sentence over all its unmasked positions and dimensions together."""
    broadcast = mask.unsqueeze(-1)
    batch, _, dims = tensor.shape
    masked = tensor * broadcast
    count = mask.sum(1) * dims
    mean = (masked.view(batch, -1).sum(1) / count).view(batch, 1, 1)
    variance = (((masked - mean) * broadcast) ** 2).view(batch, -1).sum(1) / count
    return (tensor - mean) / torch.sqrt(variance + 1e-12).view(batch, 1, 1)


def average_pool(
    ids: torch.Tensor, embeddings: torch.Tensor, mask: torch.Tensor, pad_id: int
) -> torch.Tensor:
    kept = embeddings.float().masked_fill(ids.eq(pad_id).unsqueeze(-1), 0.0)
    kept = kept.type_as(embeddings)
    return kept.sum(1) / mask.unsqueeze(-1).expand(embeddings.size()).float().sum(1)


def max_pool(ids: torch.Tensor, embeddings: torch.Tensor, pad_id: int) -> torch.Tensor:
    kept = embeddings.float().masked_fill(ids.eq(pad_id).unsqueeze(-1), float("-inf"))
    return kept.type_as(embeddings).max(dim=1).values


def activation(name: str, where: str) -> nn.Module:
    module = getattr(nn, name.title(), None)
    if not (isinstance(module, type) and issubclass(module, nn.Module)):
        from evalsuite.errors import UsageError

        raise UsageError(f"{where}: '{name}' is not a torch activation")
    built: Any = module()
    return built


class Estimator(nn.Module):
    """Linear-activation(-dropout) layers, then a linear output (and a final activation)."""

    def __init__(
        self, inputs: int, hidden: list[int], act: str, final: str | None, outputs: int,
        where: str,
    ) -> None:
        super().__init__()
        modules: list[nn.Module] = []
        width = inputs
        for size in hidden:
            modules += [nn.Linear(width, size), activation(act, where), nn.Dropout(0.0)]
            width = size
        modules.append(nn.Linear(width, outputs))
        if final:
            modules.append(activation(final, where))
        self.ff = nn.Sequential(*modules)

    def forward(self, features: torch.Tensor) -> torch.Tensor:
        first: Any = self.ff[0]
        return self.ff(features.to(first.weight.dtype))
