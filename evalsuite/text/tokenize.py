"""Word tokenizers for overlap metrics: rouge-score's English rules, and a Unicode-aware one.

English ("en", "en-US", ...) follows rouge-score 0.1.2 exactly, so our English ROUGE numbers are
comparable with published ones. That tokenizer deletes every character outside [a-z0-9], so
Russian, Chinese, Hindi... vanish and score 0; every other language (and an unknown language,
``None``) therefore goes through :func:`unicode_tokenize`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, partial
from typing import Any

ROUGE_EN_TOKENIZER = "rouge-score-en"
UNICODE_TOKENIZER = "unicode"

Tokenizer = Callable[[str], list[str]]

# ISO 639-1 code -> Snowball algorithm name (only languages Snowball has a stemmer for).
SNOWBALL_LANGUAGES: dict[str, str] = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "eo": "esperanto",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fa": "persian",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "st": "sesotho",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}


def primary_language(lang: str | None) -> str | None:
    """Primary subtag of a language tag ("en-US", "pt_BR" -> "en", "pt"); None stays None.

    Tokenizer and stemmer depend on the language only, never on the region or script.
    """
    if lang is None:
        return None
    primary = re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]
    return primary or None


def uses_rouge_english(lang: str | None) -> bool:
    """True when `lang` is English: those texts get rouge-score's tokenizer for parity."""
    return primary_language(lang) == "en"


def tokenizer_name(lang: str | None) -> str:
    """Name of the tokenizer used for `lang`, as it appears in metric signatures."""
    return ROUGE_EN_TOKENIZER if uses_rouge_english(lang) else UNICODE_TOKENIZER


# --- English: rouge-score's rules -----------------------------------------------------------

_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")
_ASCII_ALNUM_RE = re.compile(r"[a-z0-9]+")
_porter: Any = None


@lru_cache(maxsize=1 << 18)
def porter_stem(token: str) -> str:
    """NLTK's Porter stem of `token` ("" if the stem is not [a-z0-9]+), cached.

    Stemming is most of the cost of ROUGE and vocabularies are small, so the cache pays off.
    The NLTK_EXTENSIONS mode (NLTK's default) is what rouge-score uses.
    """
    global _porter
    if _porter is None:
        from nltk.stem.porter import PorterStemmer

        _porter = PorterStemmer()
    stem: str = _porter.stem(token)
    return stem if _ASCII_ALNUM_RE.fullmatch(stem) else ""


def rouge_en_tokenize(text: str, use_stemmer: bool = False) -> list[str]:
    """Tokenize like rouge-score 0.1.2: lowercase, keep [a-z0-9] runs, Porter-stem tokens > 3.

    `str.lower` runs before the ASCII filter, as in rouge-score, so e.g. the Kelvin sign becomes
    "k" while accented letters split words ("café" -> "caf").
    """
    tokens = _NON_ALNUM_RE.sub(" ", text.lower()).split()
    if use_stemmer:
        stemmed = (porter_stem(tok) if len(tok) > 3 else tok for tok in tokens)
        tokens = [tok for tok in stemmed if tok]
    return tokens


# --- Every other language: Unicode-aware ----------------------------------------------------

_SEPARATOR = " "

# Scripts written without spaces between words: each character is one token (a first version;
# real word segmentation, e.g. jieba for Chinese, can replace this per language later).
_SINGLE_CHAR_RANGES: tuple[tuple[int, int], ...] = (
    (0x0E00, 0x0E7F),  # Thai
    (0x3005, 0x3007),  # ideographic iteration mark, closing mark, number zero
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFF66, 0xFF9F),  # halfwidth Katakana (NFKC maps most to full width)
    (0x1B000, 0x1B16F),  # Kana supplement and extended
    (0x20000, 0x323AF),  # CJK Extensions B-H, compatibility supplement
)


def _is_single_char_script(code_point: int) -> bool:
    return any(lo <= code_point <= hi for lo, hi in _SINGLE_CHAR_RANGES)


class _TokenCharTable(dict[int, str]):
    """`str.translate` table, filled lazily: word chars stay, others become spaces.

    A char is a word char when its category is a letter (L*), a number (N*) or a mark (M*):
    marks keep Devanagari vowel signs and Arabic harakat inside their words. A char of a
    script without spaces is padded with spaces so that it becomes a token of its own.
    """

    def __missing__(self, code_point: int) -> str:
        char = chr(code_point)
        if unicodedata.category(char)[0] not in "LNM":
            out = _SEPARATOR
        elif _is_single_char_script(code_point):
            out = f" {char} "
        else:
            out = char
        self[code_point] = out
        return out


_TOKEN_CHARS = _TokenCharTable()


def normalize_unicode(text: str) -> str:
    """NFKC, casefold, NFKC again: full-width, ligature and case variants compare equal."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


@lru_cache(maxsize=64)
def _snowball_stemmer(algorithm: str) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer(algorithm)


def snowball_algorithm(lang: str | None) -> str | None:
    """Snowball algorithm for `lang`, or None when there is none or snowballstemmer is absent."""
    primary = primary_language(lang)
    if primary is None:
        return None
    algorithm = SNOWBALL_LANGUAGES.get(primary, primary)
    try:
        import snowballstemmer
    except ImportError:
        return None
    return algorithm if algorithm in snowballstemmer.algorithms() else None


@lru_cache(maxsize=1 << 18)
def snowball_stem(algorithm: str, token: str) -> str:
    """Snowball stem of `token`, cached for the same reason as :func:`porter_stem`."""
    stem: str = _snowball_stemmer(algorithm).stemWord(token)
    return stem


def unicode_tokenize(text: str, stem_algorithm: str | None = None) -> list[str]:
    """Tokenize any script: normalized runs of letters/digits/marks; CJK, kana, Thai per char.

    With `stem_algorithm` (a Snowball name), every token is stemmed; Snowball's own R1/RV
    regions protect short words, so there is no length cut-off as in the English tokenizer.
    """
    tokens = normalize_unicode(text).translate(_TOKEN_CHARS).split()
    if stem_algorithm is not None:
        stemmed = (snowball_stem(stem_algorithm, tok) for tok in tokens)
        tokens = [tok for tok in stemmed if tok]
    return tokens


# --- Choosing per language -------------------------------------------------------------------


def stemmer_name(lang: str | None, use_stemmer: bool) -> str:
    """Stemmer used for `lang`, for signatures: "no" (off), "porter", "snowball-<alg>", "none".

    "none" means stemming was asked for but no stemmer exists (or is installed) for `lang`.
    """
    if not use_stemmer:
        return "no"
    if uses_rouge_english(lang):
        return "porter"
    algorithm = snowball_algorithm(lang)
    return f"snowball-{algorithm}" if algorithm else "none"


def get_tokenizer(lang: str | None, use_stemmer: bool = False) -> Tokenizer:
    """The tokenizer for `lang`: rouge-score's for English, Unicode-aware otherwise (None too)."""
    if uses_rouge_english(lang):
        return partial(rouge_en_tokenize, use_stemmer=use_stemmer)
    algorithm = snowball_algorithm(lang) if use_stemmer else None
    return partial(unicode_tokenize, stem_algorithm=algorithm)
