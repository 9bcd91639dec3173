"""Run-time settings of a model metric that do not change its numbers (device, batch size,
cache), kept apart from the settings that do (which go into the signature)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from evalsuite.errors import UsageError

DEVICES = ("auto", "cpu", "cuda", "mps", "xpu")
DTYPES = ("auto", "float32", "bfloat16", "float16")


@dataclass(frozen=True)
class ModelOptions:
    """Where and how a model runs.

    `dtype` is the one setting here that can change numbers: anything but float32 is written
    into the signature by the metric. `cache_dir=None` means the default evalsuite cache;
    `use_cache=False` computes everything again and stores nothing.
    """

    device: str = "auto"
    dtype: str = "auto"
    batch_size: int = 16
    use_cache: bool = True
    cache_dir: Path | None = None
    progress: bool = True

    def validate(self, who: str) -> ModelOptions:
        if self.device.split(":", 1)[0] not in DEVICES:
            raise UsageError(
                f"{who}: unknown device '{self.device}' (use one of {', '.join(DEVICES)}, "
                "or cuda:N)"
            )
        if self.dtype not in DTYPES:
            raise UsageError(
                f"{who}: unknown dtype '{self.dtype}' (use one of {', '.join(DTYPES)})"
            )
        if self.batch_size < 1:
            raise UsageError(f"{who}: batch_size must be at least 1, got {self.batch_size}")
        return self
