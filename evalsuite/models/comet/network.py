"""A COMET model as one torch module: the encoder, the layer mix, the estimator and (for
word-level models) the tagging head, built from a checkpoint's hyper-parameters and loaded
strictly from its state_dict (a missing or extra weight is an error, never a silent
random init).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from evalsuite.errors import UsageError
from evalsuite.models.comet.checkpoint import WHO, CometCheckpoint, load_state_dict
from evalsuite.models.comet.inputs import CometTokenizer
from evalsuite.models.comet.layers import Estimator, LayerMix


@dataclass(frozen=True)
class EncoderKind:
    """How COMET wraps one encoder family (comet/encoders/*.py)."""

    model_class: str
    pooling_layer: bool
    separator: int  # separator tokens between two segments (</s></s> for XLM-R)
    token_types: bool


ENCODERS = {
    "XLM-RoBERTa": EncoderKind("XLMRobertaModel", False, 2, False),
    "XLM-RoBERTa-XL": EncoderKind("XLMRobertaXLModel", False, 2, False),
    "BERT": EncoderKind("BertModel", False, 1, True),
    "MiniLM": EncoderKind("BertModel", True, 2, False),
    "RemBERT": EncoderKind("RemBertModel", True, 1, True),
}

# Defaults of each family's constructor, for keys a hparams.yaml leaves out.
_DEFAULTS: dict[str, dict[str, Any]] = {
    "regression_metric": {"layer_transformation": "softmax", "layer_norm": True},
    "referenceless_regression_metric": {"layer_transformation": "softmax", "layer_norm": True},
    "unified_metric": {"layer_transformation": "sparsemax", "layer_norm": True,
                       "word_layer": 24, "error_labels": ["minor", "major"],
                       "input_segments": ["mt", "src", "ref"], "word_level_training": False},
    "xcomet_metric": {"layer_transformation": "sparsemax", "layer_norm": False,
                      "word_layer": 36, "error_labels": ["minor", "major", "critical"],
                      "input_segments": ["mt", "src", "ref"], "word_level_training": True},
}  # fmt: skip
_COMMON = {
    "encoder_model": "XLM-RoBERTa", "pool": "avg", "layer": "mix", "hidden_sizes": [3072, 1024],
    "activations": "Tanh", "final_activation": None,
}  # fmt: skip


def settings(checkpoint: CometCheckpoint) -> dict[str, Any]:
    """The checkpoint's hyper-parameters over its family's defaults."""
    merged = {**_COMMON, **_DEFAULTS[checkpoint.family], **checkpoint.hparams}
    if checkpoint.family == "xcomet_metric":
        merged["input_segments"] = ["mt", "src", "ref"]
        merged["word_level_training"] = True
    if merged["layer_transformation"] == "sparsemax_patch":  # what comet >= 2.2.4 does
        merged["layer_transformation"] = "softmax"
    if checkpoint.family in ("unified_metric", "xcomet_metric"):
        merged["layer"] = merged.get("sent_layer", merged["layer"])
    return merged


class CometNetwork(nn.Module):
    """Encoder + mix + estimator (+ tagger); see `comet/models/*` for the original layout."""

    def __init__(self, checkpoint: CometCheckpoint) -> None:
        super().__init__()
        import transformers

        self.family = checkpoint.family
        self.hp = hp = settings(checkpoint)
        where = str(checkpoint.located.directory / "hparams.yaml")
        kind = ENCODERS.get(hp["encoder_model"])
        if kind is None:
            raise UsageError(
                f"{where}: field 'encoder_model': '{hp['encoder_model']}' is not supported "
                f"(supported: {', '.join(ENCODERS)})"
            )
        self.kind = kind
        try:
            config = transformers.AutoConfig.from_pretrained(
                checkpoint.encoder_dir, local_files_only=True
            )
            self.tokenizer = transformers.AutoTokenizer.from_pretrained(
                checkpoint.encoder_dir, local_files_only=True
            )
        except (OSError, ValueError) as error:
            raise UsageError(
                f"{WHO}: cannot read the encoder config/tokenizer of '{checkpoint.located.name}' "
                f"from {checkpoint.encoder_dir}: {str(error).strip().splitlines()[0]}"
            ) from None
        model_class = getattr(transformers, kind.model_class)
        self.encoder = nn.Module()
        self.encoder.model = model_class(config, add_pooling_layer=kind.pooling_layer)
        hidden = int(config.hidden_size)
        self.num_layers = int(config.num_hidden_layers) + 1  # embeddings + each layer
        self.max_positions = int(config.max_position_embeddings) - 2
        self.pieces = CometTokenizer(checkpoint.encoder_dir, self.tokenizer, self.max_positions)
        if hp["layer"] == "mix":
            self.layerwise_attention: LayerMix | None = LayerMix(
                self.num_layers, hp["layer_transformation"], bool(hp["layer_norm"]),
                float(hp.get("dropout") or 0.0),
            )
        else:
            self.layerwise_attention = None
            if not (isinstance(hp["layer"], int) and 0 <= hp["layer"] < self.num_layers):
                raise UsageError(f"{where}: field 'layer': invalid encoder layer {hp['layer']}")
        features = {"regression_metric": 6, "referenceless_regression_metric": 4}
        self.estimator = Estimator(
            hidden * features.get(self.family, 1), list(hp["hidden_sizes"]), hp["activations"],
            hp["final_activation"], 1, where,
        )
        self.word_level = bool(hp.get("word_level_training")) and self.family in (
            "unified_metric", "xcomet_metric",
        )  # fmt: skip
        self.labels = ["O", *(f"I-{label}" for label in hp.get("error_labels", []))]
        if self.word_level:
            self.hidden2tag = nn.Linear(hidden, len(self.labels))
            word_layer = hp["word_layer"]
            if not (isinstance(word_layer, int) and 0 <= word_layer < self.num_layers):
                raise UsageError(f"{where}: field 'word_layer': invalid layer {word_layer}")
        self._load(checkpoint)
        self.eval()

    def _load(self, checkpoint: CometCheckpoint) -> None:
        state = load_state_dict(checkpoint.weights)
        # Position ids were a saved buffer in older transformers, and the class weights of
        # the word-level loss are a buffer of training: neither changes a score.
        state = {
            k: v for k, v in state.items()
            if not (k.endswith("embeddings.position_ids") or k.startswith("wordloss."))
        }
        mine = self.state_dict()
        missing = sorted(set(mine) - set(state))
        unexpected = sorted(set(state) - set(mine))
        if missing or unexpected:
            raise UsageError(
                f"{WHO}: '{checkpoint.located.name}' does not match its hparams.yaml "
                f"({self.family}, {self.hp['encoder_model']}): missing {missing[:3]}, "
                f"unexpected {unexpected[:3]}"
            )
        for key, value in state.items():
            if mine[key].shape != value.shape:
                raise UsageError(
                    f"{WHO}: '{checkpoint.located.name}': weight {key} has shape "
                    f"{tuple(value.shape)}, the architecture expects {tuple(mine[key].shape)}"
                )
        self.load_state_dict(state, strict=True)

    def layers(self, ids: torch.Tensor, mask: torch.Tensor, types: Any = None) -> Any:
        extra = {"token_type_ids": types} if types is not None else {}
        encoder: Any = self.encoder.model
        out = encoder(
            input_ids=ids, attention_mask=mask, output_hidden_states=True, **extra
        )
        return out.hidden_states

    def sentence_layer(self, layers: Any, mask: torch.Tensor) -> torch.Tensor:
        if self.layerwise_attention is not None:
            return self.layerwise_attention(layers, mask)
        return layers[self.hp["layer"]]
