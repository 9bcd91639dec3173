"""Which language a text is in, decided by its script first, then by py3langid within it.

A statistical identifier over many languages takes short or rare-script text for a language it
knows better: py3langid limited to the languages with a tokenizer here calls Bengali English,
and the English tokenizer then deletes every Bengali letter. The script cannot lie that way, so
it decides first: a script that one language writes (Gujarati, Gurmukhi, Telugu, Khmer, Myanmar,
Georgian, Hangul, Greek...) names the language; Han characters are Chinese, or Japanese when
kana come with them; only for scripts shared by
many languages (Latin, Cyrillic, Arabic, Devanagari, Bengali) does py3langid choose, among the
languages written in that script.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from evalsuite.text.memo_sizes import WORD_MEMO

__all__ = ["SCRIPT_LANGUAGE", "SHARED_SCRIPTS", "detect_language", "letter_scripts"]

_SAMPLE_LETTERS = 4000

# Scripts that (nearly) one language writes, by the first word of Unicode's character names.
SCRIPT_LANGUAGE: dict[str, str] = {
    "ARMENIAN": "hy", "ETHIOPIC": "am", "GEORGIAN": "ka", "GREEK": "el", "GUJARATI": "gu",
    "GURMUKHI": "pa", "HANGUL": "ko", "HEBREW": "he", "HIRAGANA": "ja", "KANNADA": "kn",
    "KATAKANA": "ja", "KHMER": "km", "LAO": "lo", "MALAYALAM": "ml", "MYANMAR": "my",
    "ORIYA": "or", "SINHALA": "si", "TAMIL": "ta", "TELUGU": "te", "THAI": "th",
    "TIBETAN": "bo",
}  # fmt: skip
# Scripts of several languages: py3langid chooses among these (languages with a tokenizer,
# stemmer or sentence rules here, so that a guess outside them changes nothing).
SHARED_SCRIPTS: dict[str, tuple[str, ...]] = {
    "LATIN": ("cs", "da", "de", "en", "es", "fi", "fr", "hu", "id", "it", "nl", "no", "pl",
              "pt", "ro", "sv", "tr", "vi"),
    "CYRILLIC": ("ru", "uk"),
    "ARABIC": ("ar", "fa"),
    "DEVANAGARI": ("hi", "mr", "ne"),
    "BENGALI": ("bn", "as"),
}  # fmt: skip


_HAN_AND_KANA = frozenset({"CJK", "HIRAGANA", "KATAKANA"})


@lru_cache(maxsize=WORD_MEMO)
def _script(ch: str) -> str:
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def letter_scripts(text: str) -> dict[str, int]:
    """Letters per script among the first few thousand letters of `text`."""
    counts: dict[str, int] = {}
    seen = 0
    for ch in text:
        if ch.isalpha():
            script = _script(ch)
            counts[script] = counts.get(script, 0) + 1
            seen += 1
            if seen == _SAMPLE_LETTERS:
                break
    return counts


@lru_cache(maxsize=8)
def _identifier(languages: tuple[str, ...]) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(languages))
    return identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`, or None for a text without letters."""
    counts = letter_scripts(text)
    if not counts:
        return None
    script = max(counts, key=lambda name: counts[name])
    if script in _HAN_AND_KANA:  # Japanese writes kanji (CJK) with kana; Chinese has no kana
        return "ja" if counts.get("HIRAGANA", 0) + counts.get("KATAKANA", 0) else "zh"
    if script in SCRIPT_LANGUAGE:
        return SCRIPT_LANGUAGE[script]
    candidates = SHARED_SCRIPTS.get(script)
    if candidates is None:
        return None  # a script with no language here: the Unicode tokenizer takes it as is
    code: str = _identifier(candidates).classify(text)[0]
    return code
