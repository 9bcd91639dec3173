"""Any `transformers` seq2seq model (summarizer, Marian/NLLB/M2M translator) as a System.

transformers 5.x has no summarization/translation pipelines, so this drives the tokenizer and
`generate` directly. Multilingual translators get their language tokens from the example's
`src_lang`/`tgt_lang`: NLLB and M2M-100 through the tokenizer's source language and a forced
first target token, multilingual Marian through a `>>xx<<` prefix.
"""

from __future__ import annotations

from typing import Any

from evalsuite.systems.hf_base import HFSystem
from evalsuite.systems.hf_loading import load_pretrained
from evalsuite.systems.hf_loading import local_fingerprint as local_fingerprint
from evalsuite.systems.langcodes import model_language_token

__all__ = ["HFSeq2Seq", "local_fingerprint"]


class HFSeq2Seq(HFSystem):
    """An encoder-decoder model run with batched, length-sorted `generate`."""

    kind = "seq2seq"
    spec_prefix = "hf"

    def _load_pretrained(self, dtype: Any) -> tuple[Any, Any]:
        from transformers import AutoModelForSeq2SeqLM

        return load_pretrained(AutoModelForSeq2SeqLM, self.model, self._local_dir, self.kind, dtype)

    def _input_limit(self) -> int:
        """The configured limit, capped by the model's learned positions where it has them."""
        positions = self._positions()
        return min(self.max_input_tokens, positions) if positions else self.max_input_tokens

    def _prepare(self, text: str, src: str | None, tgt: str | None) -> str:
        token = model_language_token(tgt, self._vocabulary)
        marian = f"{token} " if token and token.startswith(">>") else ""
        return marian + self.prefix + text

    def _encode_one(self, text: str) -> list[int]:
        return list(self._tokenizer(text)["input_ids"])

    def target_token_id(self, tgt: str | None) -> int | None:
        """The forced first token for NLLB/M2M-style models; None for the rest."""
        token = model_language_token(tgt, self._vocabulary)
        if token is None or token.startswith(">>"):
            return None
        return self._vocabulary[token]

    def _set_source_language(self, src: str | None) -> None:
        if not hasattr(self._tokenizer, "src_lang"):
            return
        token = model_language_token(src, self._vocabulary)
        if token is not None:
            # M2M tokenizers take "de" and build "__de__"; NLLB ones take the token itself.
            self._tokenizer.src_lang = token.strip("_") if token.startswith("__") else token

    def _generate_batch(self, texts: list[str], src: str | None, tgt: str | None) -> list[str]:
        import torch

        self._set_source_language(src)
        encoded = self._tokenizer(
            texts,
            return_tensors="pt",
            padding=True,
            truncation=True,
            max_length=self._input_limit(),
        )
        kwargs = self.settings.generate_kwargs()
        forced = self.target_token_id(tgt)
        if forced is not None:
            kwargs["forced_bos_token_id"] = forced
        self._seed()
        with torch.inference_mode():
            generated = self._model.generate(
                input_ids=encoded["input_ids"].to(self._torch_device),
                attention_mask=encoded["attention_mask"].to(self._torch_device),
                **kwargs,
            )
        decoded = self._tokenizer.batch_decode(generated, skip_special_tokens=True)
        return [text.strip() for text in decoded]
