"""Any `transformers` seq2seq model (summarizer or translator) as a System.

transformers 5.x has no summarization/translation pipelines, so this drives the tokenizer and
`generate` directly: batched, length-sorted, greedy or beam search, never sampling. Loading is
lazy so that building a suite (and computing cache keys) costs nothing until outputs are needed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import evalsuite
from evalsuite.errors import UsageError

__all__ = ["HFSeq2Seq"]

_DEVICES = ("auto", "cpu", "cuda", "mps", "xpu")
_FINGERPRINT_FILES = (
    "config.json",
    "generation_config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
)
_WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".ckpt")


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not-installed"


def _offline() -> bool:
    """Honour the hub's offline switches as they are now, not as they were at import time."""
    flags = (os.environ.get(name, "") for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"))
    return any(flag.strip().lower() in ("1", "true", "yes", "on") for flag in flags)


def _looks_like_path(model: str) -> bool:
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


class HFSeq2Seq:
    """A seq2seq model from a local directory or a hub id, run with `generate`.

    `truncated` lists the indices (within the last `generate` call) of sources cut at
    `max_input_tokens`, so that reports can say which outputs saw only part of their input.
    """

    def __init__(
        self,
        model: str,
        *,
        batch_size: int = 8,
        max_input_tokens: int = 1024,
        max_new_tokens: int = 128,
        num_beams: int = 1,
        device: str = "auto",
        prefix: str = "",
    ) -> None:
        for option, value in (
            ("batch_size", batch_size),
            ("max_input_tokens", max_input_tokens),
            ("max_new_tokens", max_new_tokens),
            ("num_beams", num_beams),
        ):
            if value < 1:
                raise UsageError(f"hf system '{model}': {option} must be at least 1, got {value}")
        if device.split(":", 1)[0] not in _DEVICES:
            raise UsageError(
                f"hf system '{model}': unknown device '{device}' (use one of {', '.join(_DEVICES)})"
            )
        self.model = model
        self.batch_size = batch_size
        self.max_input_tokens = max_input_tokens
        self.max_new_tokens = max_new_tokens
        self.num_beams = num_beams
        self.device = device
        self.prefix = prefix
        self.truncated: list[int] = []
        local = Path(model).expanduser()
        self._local_dir: Path | None = local if local.is_dir() else None
        if self._local_dir is None and _looks_like_path(model):
            raise UsageError(f"hf system: model directory '{model}' does not exist")
        self.name = f"hf:{local.name if self._local_dir else model}"
        self._tokenizer: Any = None
        self._model: Any = None
        self._torch_device: Any = None

    @property
    def signature(self) -> str:
        if self._local_dir is not None:
            identity = f"hf:{self.model}|model:{local_fingerprint(self._local_dir)}"
        else:
            identity = f"hf:{self.model}"
        return (
            f"{identity}|max_input:{self.max_input_tokens}|max_new:{self.max_new_tokens}"
            f"|beams:{self.num_beams}|sample:no|prefix:{self.prefix!r}"
            f"|transformers:{_package_version('transformers')}|version:{evalsuite.__version__}"
        )

    @property
    def versions(self) -> dict[str, str]:
        return {
            "transformers": _package_version("transformers"),
            "torch": _package_version("torch"),
            "model": self.model,
        }

    def generate(self, sources: Sequence[str], langs: Sequence[str | None]) -> list[str]:
        if len(sources) != len(langs):
            raise ValueError(f"got {len(sources)} sources but {len(langs)} languages")
        outputs = [""] * len(sources)
        self.truncated = []
        todo = [i for i, source in enumerate(sources) if source.strip()]
        if not todo:
            return outputs
        self._load()
        texts = {i: self.prefix + sources[i] for i in todo}
        limit = self._input_limit()
        lengths = self._token_lengths([texts[i] for i in todo], limit + 1)
        self.truncated = [i for i, n in zip(todo, lengths, strict=True) if n > limit]
        # Longest first: similar lengths share a batch (less padding) and memory errors come early.
        order = [i for _, i in sorted(zip(lengths, todo, strict=True), key=lambda p: (-p[0], p[1]))]
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            generated = self._generate_batch([texts[i] for i in batch], limit)
            for i, text in zip(batch, generated, strict=True):
                outputs[i] = text
        return outputs

    def _load(self) -> None:
        if self._model is not None:
            return
        import torch
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        if self._local_dir is not None and not (self._local_dir / "config.json").is_file():
            raise UsageError(
                f"hf system: '{self.model}' has no config.json; expected a model directory "
                "written by save_pretrained"
            )
        device = self._resolve_device(torch)
        source = str(self._local_dir) if self._local_dir is not None else self.model
        local_only = self._local_dir is not None or _offline()
        dtype = torch.float32 if device.type == "cpu" else "auto"
        try:
            tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=local_only)
            model = AutoModelForSeq2SeqLM.from_pretrained(
                source, local_files_only=local_only, dtype=dtype
            )
        except OSError as error:
            raise UsageError(self._load_failure(str(error))) from None
        except ValueError as error:
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
            raise UsageError(
                f"hf system: '{self.model}' cannot be loaded as a seq2seq model: {first_line}"
            ) from None
        if tokenizer.pad_token is None:
            tokenizer.pad_token = tokenizer.eos_token
        model.to(device)
        model.eval()
        self._tokenizer, self._model, self._torch_device = tokenizer, model, device

    def _load_failure(self, detail: str) -> str:
        if self._local_dir is not None:
            return f"hf system: cannot load model from '{self.model}': {detail.splitlines()[0]}"
        if _offline():
            return (
                f"hf system: model '{self.model}' is not a local directory and is not in the "
                "Hugging Face cache, and the hub could not be reached because offline mode is "
                "on (HF_HUB_OFFLINE/TRANSFORMERS_OFFLINE). Download it where the hub can be "
                "reached, or pass a local directory."
            )
        return (
            f"hf system: model '{self.model}' could not be loaded: it is not a local directory, "
            "and the Hugging Face hub could not be reached or has no such model."
        )

    def _resolve_device(self, torch: Any) -> Any:
        if self.device != "auto":
            return torch.device(self.device)
        if torch.cuda.is_available():
            return torch.device("cuda")
        if torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")

    def _input_limit(self) -> int:
        """The configured limit, capped by the model's learned positions where it has them."""
        positions = getattr(self._model.config, "max_position_embeddings", None)
        if isinstance(positions, int) and positions > 0:
            return min(self.max_input_tokens, positions)
        return self.max_input_tokens

    def _token_lengths(self, texts: list[str], cap: int) -> list[int]:
        encoded = self._tokenizer(texts, truncation=True, max_length=cap)
        return [len(ids) for ids in encoded["input_ids"]]

    def _generate_batch(self, texts: list[str], limit: int) -> list[str]:
        import torch

        encoded = self._tokenizer(
            texts, return_tensors="pt", padding=True, truncation=True, max_length=limit
        )
        with torch.inference_mode():
            generated = self._model.generate(
                input_ids=encoded["input_ids"].to(self._torch_device),
                attention_mask=encoded["attention_mask"].to(self._torch_device),
                max_new_tokens=self.max_new_tokens,
                num_beams=self.num_beams,
                do_sample=False,
            )
        decoded = self._tokenizer.batch_decode(generated, skip_special_tokens=True)
        return [text.strip() for text in decoded]
