"""Any `transformers` causal (decoder-only) model as a summarizer or translator.

The source goes into a prompt (see `prompts`); batches are left-padded, as decoder-only
generation needs, and the prompt is cut off the outputs. The prompt plus the new tokens
must fit the model's positions, so the source budget leaves room for `max_new_tokens`.
"""

from __future__ import annotations

from typing import Any

from evalsuite.errors import UsageError
from evalsuite.systems.hf_base import HFSystem
from evalsuite.systems.hf_loading import load_pretrained
from evalsuite.systems.prompts import build_prompt

__all__ = ["HFCausal"]


class HFCausal(HFSystem):
    """A decoder-only model prompted to summarize (task=summary) or translate."""

    kind = "causal"
    spec_prefix = "hf-causal"

    def __init__(self, model: str, *, prompt: str = "", **options: Any) -> None:
        super().__init__(model, **options)
        if prompt:
            try:
                prompt.format(source="", src_lang="", tgt_lang="")
            except (KeyError, IndexError, ValueError) as error:
                raise UsageError(
                    f"hf system '{model}': prompt may use only {{source}}, {{src_lang}} and "
                    f"{{tgt_lang}} ({error!r})"
                ) from None
            if "{source}" not in prompt:
                raise UsageError(f"hf system '{model}': prompt must contain {{source}}")
        self.prompt = prompt

    def _extra_signature(self) -> str:
        return f"|prompt:{self.prompt!r}"

    def _load_pretrained(self, dtype: Any) -> tuple[Any, Any]:
        from transformers import AutoModelForCausalLM

        tokenizer, model = load_pretrained(
            AutoModelForCausalLM, self.model, self._local_dir, self.kind, dtype
        )
        tokenizer.padding_side = "left"
        return tokenizer, model

    def _input_limit(self) -> int:
        positions = self._positions()
        if positions is None:
            return self.max_input_tokens
        return max(min(self.max_input_tokens, positions - self.max_new_tokens), 1)

    def _prepare(self, text: str, src: str | None, tgt: str | None) -> str:
        prompt, _ = build_prompt(
            self._tokenizer, self.task, self.prefix + text, src, tgt, self.prompt
        )
        return prompt

    def _uses_chat_template(self) -> bool:
        return not self.prompt and bool(getattr(self._tokenizer, "chat_template", None))

    def _encode_one(self, text: str) -> list[int]:
        encoded = self._tokenizer(text, add_special_tokens=not self._uses_chat_template())
        return list(encoded["input_ids"])

    def _generate_batch(self, texts: list[str], src: str | None, tgt: str | None) -> list[str]:
        import torch

        encoded = self._tokenizer(
            texts,
            return_tensors="pt",
            padding=True,
            truncation=True,
            max_length=self._input_limit(),
            add_special_tokens=not self._uses_chat_template(),
        )
        input_ids = encoded["input_ids"].to(self._torch_device)
        self._seed()
        with torch.inference_mode():
            generated = self._model.generate(
                input_ids=input_ids,
                attention_mask=encoded["attention_mask"].to(self._torch_device),
                pad_token_id=self._tokenizer.pad_token_id,
                **self.settings.generate_kwargs(),
            )
        new_tokens = generated[:, input_ids.shape[1] :]
        decoded = self._tokenizer.batch_decode(new_tokens, skip_special_tokens=True)
        return [text.strip() for text in decoded]
