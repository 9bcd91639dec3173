"""Language codes for multilingual MT models, and the forced first target token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evalsuite.systems.hf import HFSeq2Seq
from evalsuite.systems.langcodes import NLLB_CODES, base_code, model_language_token


@pytest.mark.parametrize(
    ("lang", "vocab", "token"),
    [
        ("de", {"deu_Latn", "fra_Latn"}, "deu_Latn"),
        ("fr-CA", {"deu_Latn", "fra_Latn"}, "fra_Latn"),
        ("ru", {"__ru__", "__en__"}, "__ru__"),
        ("es", {">>es<<"}, ">>es<<"),
        ("zh", {"zho_Hans"}, "zho_Hans"),
        ("deu_Latn", {"deu_Latn"}, "deu_Latn"),
        ("de", {"hello"}, None),
        ("en", {"en", "the"}, None),
        (None, {"deu_Latn"}, None),
    ],
)
def test_model_language_token(lang: str | None, vocab: set[str], token: str | None) -> None:
    assert model_language_token(lang, vocab) == token


def test_common_languages_are_mapped() -> None:
    for code in ("en", "de", "fr", "es", "ru", "zh", "ja", "ar", "uk", "pt", "it"):
        assert NLLB_CODES[code].count("_") == 1
    assert base_code("pt_BR") == "pt" and base_code("EN") == "en"


def test_target_language_is_forced_as_first_token(tiny_multilingual_path: Path) -> None:
    system = HFSeq2Seq(str(tiny_multilingual_path), max_new_tokens=5, device="cpu")
    system.generate(["Hello."], ["en"])  # loads the model
    seen: list[dict[str, Any]] = []
    original = system._model.generate

    def spy(**kwargs: Any) -> Any:
        seen.append(kwargs)
        return original(**kwargs)

    system._model.generate = spy
    sources = ["The police arrested two men.", "Prices rose.", "Scientists found water."]
    outputs = system.generate(sources, ["en", "en", "en"], ["fr", "ru", "fr"])
    assert len(outputs) == 3
    fr, ru = system._vocabulary["__fr__"], system._vocabulary["__ru__"]
    assert sorted(call["forced_bos_token_id"] for call in seen) == sorted([fr, ru])
    seen.clear()
    raw = original(
        **system._tokenizer(["Prices rose."], return_tensors="pt"),
        max_new_tokens=3,
        forced_bos_token_id=fr,
    )
    assert int(raw[0, 1]) == fr, "the first generated token is the target language"
    system.generate(["Prices rose."], ["en"], [None])
    assert "forced_bos_token_id" not in seen[0]
