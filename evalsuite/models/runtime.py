"""Device and dtype for a model metric: CUDA where present, float32 unless asked otherwise."""

from __future__ import annotations

from typing import Any


def pick_device(device: str) -> Any:
    """`auto` takes CUDA, then Apple MPS, then the CPU."""
    import torch

    if device != "auto":
        return torch.device(device)
    if torch.cuda.is_available():
        return torch.device("cuda")
    if torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def pick_dtype(dtype: str) -> Any:
    """`auto` is float32 everywhere, so a score does not change with the machine it ran on;
    bfloat16/float16 are opt-in (faster on GPUs, and named in the signature)."""
    import torch

    return torch.float32 if dtype == "auto" else getattr(torch, dtype)


def dtype_label(dtype: str) -> str | None:
    """What the signature says about the dtype: nothing for float32 (the default)."""
    return None if dtype in ("auto", "float32") else dtype
