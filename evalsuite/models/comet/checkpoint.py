"""Reading a COMET checkpoint directory: hyper-parameters, weights, the encoder's files.

The weights file is a pickle, and a checkpoint found on the internet is untrusted: it is read
with torch's weights-only unpickler, and any other object the pickle names (Lightning keeps
its own dict classes in there) becomes an inert stand-in, so loading never runs code from it.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evalsuite.errors import UsageError
from evalsuite.models.locate import LocatedModel, locate_model

WHO = "comet"
FAMILIES = (
    "regression_metric", "referenceless_regression_metric", "unified_metric", "xcomet_metric",
)  # fmt: skip
ENCODER_FILES = ("*.json", "*.model", "*.txt")  # config and tokenizer: the weights are ours


@dataclass(frozen=True)
class CometCheckpoint:
    """A checkpoint's hyper-parameters and where its weights and encoder files are."""

    located: LocatedModel
    weights: Path
    hparams: dict[str, Any]
    encoder: LocatedModel  # the encoder's config and tokenizer

    @property
    def encoder_dir(self) -> Path:
        return self.encoder.directory

    @property
    def family(self) -> str:
        return str(self.hparams["class_identifier"])

    @property
    def segments(self) -> list[str]:
        """The inputs the model reads besides the translation: "src" and/or "ref"."""
        if self.family == "regression_metric":
            return ["src", "ref"]
        if self.family == "referenceless_regression_metric":
            return ["src"]
        if self.family == "xcomet_metric":
            return ["src", "ref"]
        listed = self.hparams.get("input_segments", ["mt", "src", "ref"])
        return [s for s in ("src", "ref") if s in listed]


def find_checkpoint(name: str, memo_path: Path | None = None) -> CometCheckpoint:
    """A COMET model by directory, by its `model.ckpt` file, or by hub id."""
    path = Path(name).expanduser()
    if path.is_file() and path.suffix == ".ckpt":
        name = str(path.parent.parent)
    located = locate_model(name, WHO, memo_path=memo_path)
    directory = located.directory
    weights = directory / "checkpoints" / "model.ckpt"
    hparams_file = directory / "hparams.yaml"
    for needed in (hparams_file, weights):
        if not needed.is_file():
            raise UsageError(
                f"{WHO}: '{name}' is not a COMET checkpoint: {needed.relative_to(directory)} is "
                "missing (expected hparams.yaml and checkpoints/model.ckpt)"
            )
    hparams = read_hparams(hparams_file)
    family = hparams.get("class_identifier")
    if family not in FAMILIES:
        raise UsageError(
            f"{hparams_file}: field 'class_identifier': '{family}' is not a COMET family "
            f"evalsuite can score (supported: {', '.join(FAMILIES)})"
        )
    encoder = encoder_files(hparams, directory, memo_path)
    return CometCheckpoint(located, weights, hparams, encoder)


def read_hparams(path: Path) -> dict[str, Any]:
    import yaml

    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise UsageError(f"{path}: cannot read COMET hyper-parameters: {error}") from None
    if not isinstance(loaded, dict):
        raise UsageError(f"{path}: expected a mapping of COMET hyper-parameters")
    return loaded


def encoder_files(
    hparams: dict[str, Any], checkpoint_dir: Path, memo_path: Path | None
) -> LocatedModel:
    """The encoder's config and tokenizer: `pretrained_model` as a directory (absolute or
    relative to the checkpoint) or a hub id (only its config and tokenizer are fetched)."""
    pretrained = hparams.get("pretrained_model")
    if not isinstance(pretrained, str) or not pretrained:
        raise UsageError(f"{checkpoint_dir / 'hparams.yaml'}: field 'pretrained_model' is missing")
    for candidate in (Path(pretrained).expanduser(), checkpoint_dir / pretrained):
        if candidate.is_dir():
            return locate_model(str(candidate), f"{WHO} encoder", memo_path=memo_path)
    return locate_model(pretrained, f"{WHO} encoder", patterns=ENCODER_FILES)


class _Inert(dict[str, Any]):
    """Stands in for any class or function a checkpoint's pickle names: accepts whatever it is
    given and does nothing with it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__()

    def __setstate__(self, state: Any) -> None:
        if isinstance(state, dict):
            self.update(state)

    def __call__(self, *args: Any, **kwargs: Any) -> _Inert:
        return _Inert()


def _inert_type(qualified: str) -> Any:
    module, _, name = qualified.rpartition(".")
    return type(name or "Inert", (_Inert,), {"__module__": module or "inert"})


def load_state_dict(path: Path) -> dict[str, Any]:
    """The checkpoint's tensors, never executing anything the pickle names."""
    import torch

    try:
        data = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError:
        try:
            unsafe = torch.serialization.get_unsafe_globals_in_checkpoint(path)
            stand_ins: list[Any] = [(_inert_type(name), name) for name in unsafe]
            with torch.serialization.safe_globals(stand_ins):
                data = torch.load(path, map_location="cpu", weights_only=True)
        except Exception as error:
            raise UsageError(f"{path}: cannot read COMET weights: {error}") from None
    except (OSError, RuntimeError, EOFError) as error:
        raise UsageError(f"{path}: cannot read COMET weights: {error}") from None
    state = data.get("state_dict", data) if isinstance(data, dict) else None
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise UsageError(f"{path}: no 'state_dict' of tensors in this checkpoint")
    return state
