"""Decoding settings shared by every `transformers` system, and their part of the signature."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from evalsuite.errors import UsageError

LONG_INPUT_MODES = ("truncate", "chunk")


@dataclass(frozen=True)
class GenerationSettings:
    """Everything that changes what `generate` returns for a given input.

    Sampling is seeded once per batch, so sampled outputs repeat for the same batch size;
    that is why the batch size joins the signature only when sampling.
    """

    max_new_tokens: int = 128
    num_beams: int = 1
    sample: bool = False
    temperature: float = 1.0
    top_p: float = 1.0
    seed: int = 0

    def validate(self, model: str) -> None:
        for option, value in (
            ("max_new_tokens", self.max_new_tokens),
            ("num_beams", self.num_beams),
        ):
            if value < 1:
                raise UsageError(f"hf system '{model}': {option} must be at least 1, got {value}")
        if self.temperature <= 0:
            raise UsageError(f"hf system '{model}': temperature must be above 0")
        if not 0 < self.top_p <= 1:
            raise UsageError(f"hf system '{model}': top_p must be in (0, 1]")

    def signature(self, batch_size: int) -> str:
        if not self.sample:
            return f"max_new:{self.max_new_tokens}|beams:{self.num_beams}|sample:no"
        return (
            f"max_new:{self.max_new_tokens}|beams:{self.num_beams}|sample:yes"
            f"|temperature:{self.temperature}|top_p:{self.top_p}|seed:{self.seed}"
            f"|batch:{batch_size}"
        )

    def generate_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "max_new_tokens": self.max_new_tokens,
            "num_beams": self.num_beams,
            "do_sample": self.sample,
        }
        if self.sample:
            kwargs.update(temperature=self.temperature, top_p=self.top_p)
        return kwargs
