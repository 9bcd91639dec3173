"""Language codes: one shape check (BCP-47) and one normalisation for every module."""

from __future__ import annotations

import pytest

from evalsuite.metrics.sacrebleu_metrics import bleu_tokenizer_for
from evalsuite.systems.langcodes import base_code
from evalsuite.text.language_codes import (
    LanguageCodeError,
    check_language_code,
    is_language_code,
    primary_language,
)
from evalsuite.text.nlp import normalize_lang
from evalsuite.text.sentences import split_sentences
from evalsuite.text.tokenize import get_tokenizer

BAD_CODES = [
    "pwnpkg.x", "this.x", "--evil-flag", "-f", "en us", "../en", "en/x", "e", "en\nfr",
    "en;rm", "$(id)", "{tgt}", "ру", "en-", "en--US", "en-toolongsubtag", "x" * 9,
]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "primary"),
    [("en", "en"), ("EN-us", "en"), ("pt_BR", "pt"), ("zh-Hans-CN", "zh"), ("deu_Latn", "de"),
     ("eng", "en"), ("fre", "fr"), ("English", "en"), (" fr ", "fr"), ("und", "und"),
     (None, None), ("", None), ("  ", None)],
)  # fmt: skip
def test_primary_language(code: str | None, primary: str | None) -> None:
    assert primary_language(code) == primary


@pytest.mark.parametrize("code", BAD_CODES)
def test_anything_not_shaped_like_a_tag_is_refused(code: str) -> None:
    assert not is_language_code(code)
    with pytest.raises(LanguageCodeError, match="not a language code"):
        check_language_code(code)
    with pytest.raises(LanguageCodeError):
        primary_language(code)


@pytest.mark.parametrize("code", ["pwnpkg.x", "--evil-flag", "en/x"])
def test_every_module_refuses_a_bad_code(code: str) -> None:
    calls = [
        lambda: normalize_lang(code),
        lambda: split_sentences("One. Two.", code),
        lambda: get_tokenizer(code),
        lambda: bleu_tokenizer_for([code]),
        lambda: base_code(code),
    ]
    for call in calls:
        with pytest.raises(LanguageCodeError):
            call()


def test_long_codes_are_shown_cut() -> None:
    with pytest.raises(LanguageCodeError) as caught:
        check_language_code("a." * 500)
    assert len(str(caught.value)) < 200
