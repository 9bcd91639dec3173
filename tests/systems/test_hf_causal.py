"""Causal (decoder-only) models: prompts, left padding, long inputs, sampling, specs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evalsuite.errors import UsageError
from evalsuite.systems.base import System
from evalsuite.systems.hf_causal import HFCausal
from evalsuite.systems.prompts import build_prompt
from evalsuite.systems.registry import system_from_spec

SOURCES = [
    "The police arrested two men after the attack.",
    "Prices rose sharply in April and May, and the minister said the plan would cost more.",
    "Le président a rencontré son homologue à Paris.",
    "Scientists found water.",
]
LANGS: list[str | None] = ["en", "en", "fr", "en"]


def _causal(path: Path, **options: Any) -> HFCausal:
    return HFCausal(str(path), max_new_tokens=6, device="cpu", **options)


def test_batched_left_padded_outputs_equal_one_at_a_time(tiny_causal_path: Path) -> None:
    system = _causal(tiny_causal_path, batch_size=4)
    assert isinstance(system, System)
    outputs = system.generate(SOURCES, LANGS)
    alone = [system.generate([s], [lang])[0] for s, lang in zip(SOURCES, LANGS, strict=True)]
    assert outputs == alone
    assert all(out and "Summary:" not in out and "Article" not in out for out in outputs)


def test_translation_prompt_names_languages() -> None:
    prompt, chat = build_prompt(object(), "translation", "Hallo.", "de", "en")
    assert not chat
    assert prompt == "Translate from German to English.\nGerman: Hallo.\nEnglish:"


def test_chat_template_is_used_when_present() -> None:
    class ChatTokenizer:
        chat_template = "{{ messages }}"

        def apply_chat_template(self, messages: Any, **kwargs: Any) -> str:
            assert kwargs["add_generation_prompt"] and not kwargs["tokenize"]
            return "<user>" + messages[0]["content"] + "<assistant>"

    prompt, chat = build_prompt(ChatTokenizer(), "summary", "Text.", "en", None)
    assert chat and prompt.startswith("<user>Summarize") and prompt.endswith("Text.<assistant>")


def test_long_inputs_are_truncated_or_chunked_and_recorded(tiny_causal_path: Path) -> None:
    long_source = " ".join(SOURCES[:2] * 20)
    truncating = _causal(tiny_causal_path, max_input_tokens=120)
    truncating.generate([SOURCES[0], long_source], ["en", "en"])
    assert truncating.segment_meta[0] == {}
    assert truncating.segment_meta[1] == {"truncated": True, "max_input_tokens": 120}
    assert truncating.truncated == [1]
    chunking = HFCausal(
        str(tiny_causal_path),
        max_new_tokens=3,
        device="cpu",
        max_input_tokens=120,
        long_input="chunk",
    )
    (out,) = chunking.generate([long_source], ["en"])
    assert out and chunking.segment_meta[0]["chunks"] > 1
    assert "truncated" not in chunking.segment_meta[0]


def test_sampling_is_seeded_and_in_the_signature(tiny_causal_path: Path) -> None:
    sampler = _causal(tiny_causal_path, sample=True, seed=7, temperature=0.7, top_p=0.9)
    assert sampler.generate(SOURCES, LANGS) == sampler.generate(SOURCES, LANGS)
    signature = sampler.signature
    assert "sample:yes|temperature:0.7|top_p:0.9|seed:7" in signature
    assert signature.startswith(f"hf-causal:{tiny_causal_path}|model:")
    assert _causal(tiny_causal_path).signature != signature


@pytest.mark.parametrize("prefix", ["hf-causal:", "hf:"])
def test_causal_specs(tiny_causal_path: Path, prefix: str) -> None:
    kind = "&kind=causal" if prefix == "hf:" else ""
    spec = f"{prefix}{tiny_causal_path}?max_new_tokens=64&task=translation&dtype=bfloat16{kind}"
    system = system_from_spec(spec + "&sample=true&temperature=0.5")
    assert isinstance(system, HFCausal)
    assert (system.max_new_tokens, system.task, system.dtype) == (64, "translation", "bfloat16")
    assert system.settings.sample and system.settings.temperature == 0.5


@pytest.mark.parametrize(
    ("query", "match"),
    [
        ("kind=encoder", "kind must be one of"),
        ("dtype=float8", "unknown dtype"),
        ("long_input=drop", "unknown long_input"),
        ("temperature=hot", "needs a number"),
        ("sample=maybe", "needs true or false"),
        ("prompt=no+source+here", "must contain"),
        ("prompt={article}", "may use only"),
        ("top_p=1.5", "top_p"),
    ],
)
def test_bad_causal_options(query: str, match: str) -> None:
    with pytest.raises(UsageError, match=match):
        system_from_spec(f"hf-causal:some/model?{query}")


def test_custom_prompt(tiny_causal_path: Path) -> None:
    system = _causal(tiny_causal_path, prompt="Text: {source}\nShort:")
    (out,) = system.generate([SOURCES[0]], ["en"])
    assert out and "prompt:'Text: {source}\\nShort:'" in system.signature
