"""Entailment probabilities from any `transformers` sequence-classification NLI model.

The model's labels say which output is entailment (and contradiction, when it has one):
`config.id2label` must name an entailment label ("entailment", "ENTAILMENT", "entailed"...).
Pairs are (premise, hypothesis), batched longest first; a premise too long for the model is
cut, and the hypothesis only when it alone leaves no room for a premise (a sentence longer than
the model takes), which then loses its end.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from evalsuite.errors import UsageError
from evalsuite.models.batches import length_sorted_batches
from evalsuite.models.hf import load_hf
from evalsuite.models.locate import LocatedModel

WHO = "nli"


@dataclass
class NliModel:
    tokenizer: Any
    model: Any
    device: Any
    entailment: int
    contradiction: int | None
    max_length: int

    def probabilities(
        self, pairs: Sequence[tuple[str, str]], batch_size: int,
        advance: Callable[[int], None] | None = None,
    ) -> list[tuple[float, float]]:
        """(P(entailment), P(contradiction) or 0) per (premise, hypothesis)."""
        import torch

        encoded = [
            self.tokenizer(premise, hypothesis, truncation=self._truncation(hypothesis),
                           max_length=self.max_length)["input_ids"]  # fmt: skip
            for premise, hypothesis in pairs
        ]
        out: list[tuple[float, float]] = [(0.0, 0.0)] * len(pairs)
        for batch in length_sorted_batches([len(e) for e in encoded], batch_size):
            features = self.tokenizer.pad(
                {"input_ids": [encoded[i] for i in batch]}, return_tensors="pt"
            )
            features = {k: v.to(self.device) for k, v in features.items()}
            with torch.inference_mode():
                logits = self.model(**features).logits.float()
            probs = logits.softmax(dim=-1).cpu()
            for row, i in enumerate(batch):
                contradiction = (
                    float(probs[row, self.contradiction]) if self.contradiction is not None
                    else 0.0
                )
                out[i] = (float(probs[row, self.entailment]), contradiction)
            if advance is not None:
                advance(len(batch))
        return out

    def _truncation(self, hypothesis: str) -> str:
        """Cut the premise alone while the hypothesis leaves it a token; else cut the longer of
        the two first (the tokenizer refuses to cut only a premise that is too short)."""
        words = len(self.tokenizer(hypothesis, add_special_tokens=False)["input_ids"])
        room = self.max_length - self.tokenizer.num_special_tokens_to_add(pair=True)
        return "only_first" if words < room else "longest_first"


def label_index(id2label: dict[Any, str], stem: str) -> int | None:
    found = [int(i) for i, label in id2label.items() if stem in str(label).lower()]
    found = [i for i in found if "not" not in str(id2label.get(i, id2label.get(str(i)))).lower()]
    return found[0] if len(found) == 1 else None


def load_nli(located: LocatedModel, device: Any, dtype: Any) -> NliModel:
    return _cached(located, str(device), dtype)


@functools.lru_cache(maxsize=2)
def _cached(located: LocatedModel, device: str, dtype: Any) -> NliModel:
    tokenizer, model = load_hf(
        located, "AutoModelForSequenceClassification", WHO,
        "a sequence-classification (NLI) model", device, dtype,
    )
    labels = dict(model.config.id2label)
    entailment = label_index(labels, "entail")
    if entailment is None:
        raise UsageError(
            f"{WHO}: model '{located.name}' has no entailment label (its labels: "
            f"{', '.join(str(v) for v in labels.values())}); expected an NLI classifier whose "
            "config names 'entailment'"
        )
    limit = tokenizer.model_max_length
    if not 0 < limit < 100_000:
        limit = getattr(model.config, "max_position_embeddings", 512)
    return NliModel(tokenizer, model, device, entailment, label_index(labels, "contradict"),
                    int(limit))  # fmt: skip
