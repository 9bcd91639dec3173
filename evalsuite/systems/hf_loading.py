"""Loading `transformers` models: device, dtype, offline rules and the model's fingerprint.

Shared by the seq2seq and causal systems so both fail the same clear way when a model is
missing, and both put the same identity of the model into their signatures.
"""

from __future__ import annotations

import hashlib
import os
import socket
import threading
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from evalsuite.errors import UsageError

DEVICES = ("auto", "cpu", "cuda", "mps", "xpu")
DTYPES = ("auto", "float32", "bfloat16", "float16")
_FINGERPRINT_FILES = (
    "config.json",
    "generation_config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "chat_template.jinja",
)
_WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".ckpt")


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not-installed"


def offline() -> bool:
    """Honour the hub's offline switches as they are now, not as they were at import time."""
    names = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE")
    flags = (os.environ.get(name, "") for name in names)
    return any(flag.strip().lower() in ("1", "true", "yes", "on") for flag in flags)


HUB_PROBE_TIMEOUT_S = 3.0


def hub_endpoint() -> tuple[str, int]:
    """(host, port) of the Hugging Face hub this process would use ($HF_ENDPOINT)."""
    parsed = urlsplit(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))
    return parsed.hostname or "huggingface.co", parsed.port or (
        443 if parsed.scheme != "http" else 80
    )


def hub_reachable(timeout: float = HUB_PROBE_TIMEOUT_S) -> bool:
    """Whether a TCP connection to the hub opens within `timeout` seconds (name lookup too,
    which a socket timeout does not bound: it runs in a thread that is not waited for).

    Without it, the hub client retries for about a minute before it gives up."""
    host, port = hub_endpoint()
    outcome: list[bool] = []

    def attempt() -> None:
        try:
            with socket.create_connection((host, port), timeout=timeout):
                outcome.append(True)
        except OSError:
            outcome.append(False)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout)
    return bool(outcome and outcome[0])


def cached_on_disk(model: str) -> bool:
    """Whether the hub model's config is in the local Hugging Face cache."""
    from huggingface_hub import try_to_load_from_cache

    return isinstance(try_to_load_from_cache(model, "config.json"), str)


def looks_like_path(model: str) -> bool:
    """Hub ids are `name` or `owner/name`; anything else was meant as a directory."""
    return model.startswith((".", "/", "~")) or "\\" in model or model.count("/") > 1


def local_fingerprint(directory: Path) -> str:
    """A short hash of the config and tokenizer files and the weight files' names and sizes.

    Weights are not read (they can be gigabytes); a retrained model changes their sizes or
    its config in practice, and the signature only has to catch that.
    """
    digest = hashlib.sha256()
    for name in _FINGERPRINT_FILES:
        path = directory / name
        if path.is_file():
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    for path in sorted(directory.iterdir()):
        if path.is_file() and path.name.endswith(_WEIGHT_SUFFIXES):
            digest.update(f"{path.name}:{path.stat().st_size}\0".encode())
    return digest.hexdigest()[:12]


def resolve_device(torch: Any, device: str) -> Any:
    """`auto` takes CUDA, then Apple MPS, then the CPU."""
    if device != "auto":
        return torch.device(device)
    if torch.cuda.is_available():
        return torch.device("cuda")
    if torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def resolve_dtype(torch: Any, dtype: str, device: Any) -> Any:
    """`auto` is float32 on a CPU (half precision is slow there) and the model's own elsewhere."""
    if dtype == "auto":
        return torch.float32 if device.type == "cpu" else "auto"
    return getattr(torch, dtype)


def load_failure(model: str, local: bool, detail: str) -> str:
    """The message for a model that could not be loaded, saying why in the user's terms."""
    if local:
        first = detail.strip().splitlines()[0] if detail.strip() else "unreadable"
        return f"hf system: cannot load model from '{model}': {first}"
    if offline():
        return (
            f"hf system: model '{model}' is not a local directory and is not in the "
            "Hugging Face cache, and the hub could not be reached because offline mode is "
            "on (HF_HUB_OFFLINE/TRANSFORMERS_OFFLINE). Download it where the hub can be "
            "reached, or pass a local directory."
        )
    return (
        f"hf system: model '{model}' could not be loaded: it is not a local directory, "
        "and the Hugging Face hub could not be reached or has no such model."
    )


def load_pretrained(
    auto_class: Any, model: str, local_dir: Path | None, kind: str, dtype: Any
) -> tuple[Any, Any]:
    """(tokenizer, model) from a directory or hub id; every failure is a UsageError."""
    from transformers import AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # evalsuite shows its own progress
    if local_dir is not None and not (local_dir / "config.json").is_file():
        raise UsageError(
            f"hf system: '{model}' has no config.json; expected a model directory "
            "written by save_pretrained"
        )
    source = str(local_dir) if local_dir is not None else model
    local_only = local_dir is not None or offline()
    if not local_only and cached_on_disk(model):
        local_only = True  # in the cache: no network round trip, no retries
    elif not local_only and not hub_reachable():
        host, port = hub_endpoint()
        raise UsageError(
            f"hf system: model '{model}' is not a local directory and not in the Hugging Face "
            f"cache, and the hub ({host}:{port}) cannot be reached from here. Download it "
            "where the hub can be reached, or pass a local directory."
        )
    try:
        tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=local_only)
        loaded = auto_class.from_pretrained(source, local_files_only=local_only, dtype=dtype)
    except OSError as error:
        raise UsageError(load_failure(model, local_dir is not None, str(error))) from None
    except ValueError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise UsageError(
            f"hf system: '{model}' cannot be loaded as a {kind} model: {first_line}"
        ) from None
    # Inputs are measured at full length to report truncation, and cut explicitly; without
    # this the tokenizer warns about every long article.
    tokenizer.model_max_length = 1 << 40
    return tokenizer, loaded
