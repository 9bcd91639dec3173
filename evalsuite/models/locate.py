"""Find a model by local path or hub id, and say clearly why when it cannot be had.

A hub id is resolved through the Hugging Face cache (the hub itself is asked only when offline
mode is off), so a model downloaded once keeps working offline. The model's identity for
signatures and caches is `id@commit` for a hub model and `name#sha256` of its files for a
local directory.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from evalsuite.errors import UsageError
from evalsuite.models.fingerprint import directory_digest
from evalsuite.systems.hf_loading import looks_like_path, offline

# Files a metric may need from a hub repository (not TF/Flax/ONNX copies of the weights).
HUB_PATTERNS = (
    "*.json", "*.txt", "*.model", "*.yaml", "*.safetensors", "*.bin", "*.ckpt", "*.tiktoken",
)  # fmt: skip


@dataclass(frozen=True)
class LocatedModel:
    """A model on disk: what the user called it, where its files are, and its identity."""

    name: str
    directory: Path
    identity: str


def locate_model(
    name: str, who: str, *, revision: str | None = None, memo_path: Path | None = None,
    patterns: tuple[str, ...] = HUB_PATTERNS,
) -> LocatedModel:
    """The model's directory and identity; every failure is a UsageError naming `name`.

    `patterns` limits what a hub download fetches (COMET needs only its encoder's config and
    tokenizer, not its weights)."""
    expanded = Path(name).expanduser()
    if expanded.is_dir():
        digest = directory_digest(expanded, memo_path)
        return LocatedModel(name, expanded, f"{expanded.resolve().name}#{digest[:12]}")
    if looks_like_path(name) or expanded.exists():
        raise UsageError(f"{who}: model '{name}' is not a directory")
    return _from_hub(name, who, revision, patterns)


def _from_hub(
    name: str, who: str, revision: str | None, patterns: tuple[str, ...]
) -> LocatedModel:
    from huggingface_hub import snapshot_download
    from huggingface_hub.utils import disable_progress_bars

    disable_progress_bars()
    try:
        directory = Path(
            snapshot_download(
                name, revision=revision, local_files_only=offline(),
                allow_patterns=list(patterns),
            )
        )
    except Exception as error:  # the hub client raises many types; each means "not here"
        raise UsageError(hub_failure(name, who, error)) from None
    return LocatedModel(name, directory, f"{name}@{directory.name[:12]}")


def hub_failure(name: str, who: str, error: Exception) -> str:
    if offline():
        return (
            f"{who}: model '{name}' is not a local directory and is not in the Hugging Face "
            "cache, and the hub cannot be asked because offline mode is on "
            "(HF_HUB_OFFLINE/TRANSFORMERS_OFFLINE). Download it where the hub can be "
            "reached, or pass a local directory."
        )
    first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return (
        f"{who}: model '{name}' could not be loaded: it is not a local directory, and the "
        f"Hugging Face hub could not be reached or has no such model ({first})"
    )
