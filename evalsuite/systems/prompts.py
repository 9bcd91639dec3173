"""Prompts that make a causal (decoder-only) model summarize or translate.

With a chat template the instruction goes in as one user message; without one, a plain
template ends in a cue ("Summary:") that the model continues. `{source}`, `{src_lang}` and
`{tgt_lang}` are filled in; language codes become English names where known.
"""

from __future__ import annotations

from typing import Any

LANGUAGE_NAMES = {
    "ar": "Arabic", "cs": "Czech", "de": "German", "en": "English", "es": "Spanish",
    "fr": "French", "hi": "Hindi", "it": "Italian", "ja": "Japanese", "ko": "Korean",
    "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ru": "Russian", "sv": "Swedish",
    "tr": "Turkish", "uk": "Ukrainian", "zh": "Chinese",
}

INSTRUCTIONS = {
    "summary": "Summarize the following article in a few sentences.\n\n{source}",
    "translation": "Translate the following text from {src_lang} to {tgt_lang}.\n\n{source}",
}
PLAIN_TEMPLATES = {
    "summary": "Article:\n{source}\n\nSummarize the article above in a few sentences.\nSummary:",
    "translation": "Translate from {src_lang} to {tgt_lang}.\n{src_lang}: {source}\n{tgt_lang}:",
}


def language_name(code: str | None, fallback: str) -> str:
    if not code:
        return fallback
    return LANGUAGE_NAMES.get(code.split("-", 1)[0].lower(), code)


def build_prompt(
    tokenizer: Any,
    task: str,
    source: str,
    src: str | None,
    tgt: str | None,
    template: str | None = None,
) -> tuple[str, bool]:
    """(prompt text, whether it came from the chat template and so holds its special tokens)."""
    fields = {
        "source": source,
        "src_lang": language_name(src, "the source language"),
        "tgt_lang": language_name(tgt, "the target language"),
    }
    if template:
        return template.format(**fields), False
    if getattr(tokenizer, "chat_template", None):
        message = INSTRUCTIONS[task].format(**fields)
        text = tokenizer.apply_chat_template(
            [{"role": "user", "content": message}], tokenize=False, add_generation_prompt=True
        )
        return str(text), True
    return PLAIN_TEMPLATES[task].format(**fields), False
