"""What the seq2seq and causal `transformers` systems share: options, signature, long inputs,
and batched, length-sorted generation.

Loading is lazy so that building a suite (and computing cache keys) costs nothing until
outputs are needed. Subclasses say how a source becomes model input and how one batch runs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import evalsuite
from evalsuite.errors import UsageError
from evalsuite.systems.base import batch_targets
from evalsuite.systems.generation import LONG_INPUT_MODES, GenerationSettings
from evalsuite.systems.hf_loading import (
    DEVICES,
    DTYPES,
    local_fingerprint,
    looks_like_path,
    package_version,
    resolve_device,
    resolve_dtype,
)
from evalsuite.systems.long_input import split_to_budget

TASKS = ("summary", "translation")
# Summaries of chunks are summarized again; this many levels, then the rest is truncated.
MAX_LEVELS = 4


class HFSystem:
    """A `transformers` model from a local directory or a hub id.

    After each `generate` call, `segment_meta[i]` says whether input i was truncated
    (`{"truncated": True, "max_input_tokens": N}`) or chunked (`{"chunks": K}`), and
    `truncated` lists the truncated indices.
    """

    kind: ClassVar[str] = ""
    spec_prefix: ClassVar[str] = "hf"
    uses_target_lang: ClassVar[bool] = True

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
        dtype: str = "auto",
        sample: bool = False,
        temperature: float = 1.0,
        top_p: float = 1.0,
        seed: int = 0,
        long_input: str = "truncate",
        task: str = "summary",
        name: str | None = None,
    ) -> None:
        for option, value in (("batch_size", batch_size), ("max_input_tokens", max_input_tokens)):
            if value < 1:
                raise UsageError(f"hf system '{model}': {option} must be at least 1, got {value}")
        for option, text, valid in (
            ("device", device.split(":", 1)[0], DEVICES),
            ("dtype", dtype, DTYPES),
            ("long_input", long_input, LONG_INPUT_MODES),
            ("task", task, TASKS),
        ):
            if text not in valid:
                choices = ", ".join(valid)
                raise UsageError(
                    f"hf system '{model}': unknown {option} '{text}' (use one of {choices})"
                )
        self.settings = GenerationSettings(
            max_new_tokens=max_new_tokens,
            num_beams=num_beams,
            sample=sample,
            temperature=temperature,
            top_p=top_p,
            seed=seed,
        )
        self.settings.validate(model)
        self.model = model
        self.batch_size = batch_size
        self.max_input_tokens = max_input_tokens
        self.device = device
        self.prefix = prefix
        self.dtype = dtype
        self.long_input = long_input
        self.task = task
        self.truncated: list[int] = []
        self.segment_meta: list[dict[str, Any]] = []
        local = Path(model).expanduser()
        self._local_dir: Path | None = local if local.is_dir() else None
        if self._local_dir is None and looks_like_path(model):
            raise UsageError(f"hf system: model directory '{model}' does not exist")
        self.name = name or f"{self.spec_prefix}:{local.name if self._local_dir else model}"
        self._tokenizer: Any = None
        self._model: Any = None
        self._torch_device: Any = None
        self._vocabulary: dict[str, int] = {}

    @property
    def max_new_tokens(self) -> int:
        return self.settings.max_new_tokens

    @property
    def num_beams(self) -> int:
        return self.settings.num_beams

    @property
    def signature(self) -> str:
        identity = f"{self.spec_prefix}:{self.model}"
        if self._local_dir is not None:
            identity += f"|model:{local_fingerprint(self._local_dir)}"
        return (
            f"{identity}|max_input:{self.max_input_tokens}|{self.settings.signature(self.batch_size)}"
            f"|prefix:{self.prefix!r}|task:{self.task}|long_input:{self.long_input}"
            f"|dtype:{self.dtype}{self._extra_signature()}"
            f"|transformers:{package_version('transformers')}|version:{evalsuite.__version__}"
        )

    @property
    def versions(self) -> dict[str, str]:
        return {
            "transformers": package_version("transformers"),
            "torch": package_version("torch"),
            "model": self.model,
        }

    def generate(
        self,
        sources: Sequence[str],
        langs: Sequence[str | None],
        tgt_langs: Sequence[str | None] | None = None,
    ) -> list[str]:
        targets = batch_targets(sources, langs, tgt_langs)
        outputs = [""] * len(sources)
        self.truncated = []
        self.segment_meta = [{} for _ in sources]
        texts = {i: source for i, source in enumerate(sources) if source.strip()}
        if not texts:
            return outputs
        self._load()
        for level in range(MAX_LEVELS + 1):
            units = self._units(texts, langs, targets, level)
            results = self._run_units(units, langs, targets)
            parts: dict[int, list[str]] = defaultdict(list)
            for (owner, _), text in zip(units, results, strict=True):
                parts[owner].append(text)
            texts = {}
            for owner, pieces in parts.items():
                if len(pieces) == 1 or self.task == "translation":
                    outputs[owner] = " ".join(pieces)
                else:  # hierarchical: summarize the chunk summaries next level
                    texts[owner] = "\n".join(pieces)
            if not texts:
                break
        self.truncated = sorted(
            i for i, meta in enumerate(self.segment_meta) if meta.get("truncated")
        )
        return outputs

    def _units(
        self,
        texts: dict[int, str],
        langs: Sequence[str | None],
        targets: Sequence[str | None],
        level: int,
    ) -> list[tuple[int, str]]:
        """(owner, text) pieces to generate: whole inputs, cut inputs, or chunks."""
        units: list[tuple[int, str]] = []
        for i, text in sorted(texts.items()):
            budget = self._source_budget(langs[i], targets[i])
            if self._count(text) <= budget:
                units.append((i, text))
            elif self.long_input == "truncate" or level == MAX_LEVELS:
                units.append((i, self._cut(text, budget, i)))
            else:
                chunks = split_to_budget(text, langs[i], budget, self._count)
                if level == 0:
                    self.segment_meta[i]["chunks"] = len(chunks)
                units.extend((i, self._cut(c, budget, i)) for c in chunks)
        return units

    def _cut(self, text: str, budget: int, owner: int) -> str:
        ids = self._tokenizer(text, add_special_tokens=False)["input_ids"]
        if len(ids) <= budget:
            return text
        self.segment_meta[owner].update(truncated=True, max_input_tokens=self._input_limit())
        return str(self._tokenizer.decode(ids[:budget], skip_special_tokens=True))

    def _run_units(
        self,
        units: list[tuple[int, str]],
        langs: Sequence[str | None],
        targets: Sequence[str | None],
    ) -> list[str]:
        """Generate every unit: grouped by language pair, longest first, in batches."""
        results = [""] * len(units)
        groups: dict[tuple[str | None, str | None], list[int]] = defaultdict(list)
        for index, (owner, _) in enumerate(units):
            groups[(langs[owner], targets[owner])].append(index)
        for (src, tgt), members in groups.items():
            prepared = {m: self._prepare(units[m][1], src, tgt) for m in members}
            lengths = {m: self._count(prepared[m]) for m in members}
            # Longest first: similar lengths share a batch (less padding), memory errors come early.
            order = sorted(members, key=lambda m: (-lengths[m], m))
            for start in range(0, len(order), self.batch_size):
                batch = order[start : start + self.batch_size]
                generated = self._generate_batch([prepared[m] for m in batch], src, tgt)
                for m, text in zip(batch, generated, strict=True):
                    results[m] = text
        return results

    def _count(self, text: str) -> int:
        return len(self._tokenizer(text, add_special_tokens=False)["input_ids"])

    def _source_budget(self, src: str | None, tgt: str | None) -> int:
        """Tokens left for the source once the prompt or prefix and special tokens are in."""
        overhead = len(self._encode_one(self._prepare("", src, tgt)))
        return max(self._input_limit() - overhead, 1)

    def _positions(self) -> int | None:
        positions = getattr(self._model.config, "max_position_embeddings", None)
        return positions if isinstance(positions, int) and positions > 0 else None

    def _load(self) -> None:
        if self._model is not None:
            return
        import torch

        device = resolve_device(torch, self.device)
        tokenizer, model = self._load_pretrained(resolve_dtype(torch, self.dtype, device))
        if tokenizer.pad_token is None:
            tokenizer.pad_token = tokenizer.eos_token
        model.to(device)
        model.eval()
        self._tokenizer, self._model, self._torch_device = tokenizer, model, device
        self._vocabulary = dict(tokenizer.get_vocab())

    def _seed(self) -> None:
        if self.settings.sample:
            import torch

            torch.manual_seed(self.settings.seed)

    # Steps each kind fills in.
    def _extra_signature(self) -> str:
        return ""

    def _load_pretrained(self, dtype: Any) -> tuple[Any, Any]:
        raise NotImplementedError

    def _input_limit(self) -> int:
        raise NotImplementedError

    def _prepare(self, text: str, src: str | None, tgt: str | None) -> str:
        raise NotImplementedError

    def _encode_one(self, text: str) -> list[int]:
        raise NotImplementedError

    def _generate_batch(self, texts: list[str], src: str | None, tgt: str | None) -> list[str]:
        raise NotImplementedError
