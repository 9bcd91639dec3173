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
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from importlib import metadata

from evalsuite.text import stemming
from evalsuite.text.language_codes import primary_language
from evalsuite.text.language_id import detect_language  # noqa: F401  (re-exported)
from evalsuite.text.stemming import (  # noqa: F401  (re-exported: their old home)
    SNOWBALL_LANGUAGES,
    snowball_algorithm,
    snowball_stem,
    stemmer_for,
)

ROUGE_EN_TOKENIZER = "rouge-score-en"
UNICODE_TOKENIZER = "unicode"

Tokenizer = Callable[[str], list[str]]

def uses_rouge_english(lang: str | None) -> bool:
    """True when `lang` is English: those texts get rouge-score's tokenizer for parity."""
    return primary_language(lang) == "en"


def tokenizer_name(lang: str | None) -> str:
    """Name of the tokenizer used for `lang`, as it appears in metric signatures.

    Languages with a word segmenter name it with its version ("jieba-0.42.1"); the segmenter's
    package must then be installed (the error names it).
    """
    if uses_rouge_english(lang):
        return ROUGE_EN_TOKENIZER
    segmenter = WORD_SEGMENTERS.get(primary_language(lang) or "")
    if segmenter is not None:
        return f"{segmenter.name}-{_package_version(segmenter.package)}"
    return UNICODE_TOKENIZER


# --- English: rouge-score's rules -----------------------------------------------------------

_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")
_NON_ALNUM_KEEP_NEWLINE_RE = re.compile(r"[^a-z0-9\n]+")


def _byte_table(keep: bytes) -> bytes:
    return bytes(c if c in keep else 32 for c in range(256))


_ALNUM = b"abcdefghijklmnopqrstuvwxyz0123456789"
# The same substitutions for ASCII text as one bytes.translate (ten times faster than the regex).
_ASCII_KEEP_ALNUM = _byte_table(_ALNUM)
_ASCII_KEEP_ALNUM_NEWLINE = _byte_table(_ALNUM + b"\n")


def _spaced(text: str, regex: re.Pattern[str], table: bytes) -> str:
    """Lowercase, then every character outside [a-z0-9] (and newline, per `table`) -> space."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered.encode("ascii").translate(table).decode("ascii")
    return regex.sub(" ", lowered)
_ASCII_ALNUM_RE = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _nltk_porter() -> Callable[[str], str]:
    from nltk.stem import porter

    stem: Callable[[str], str] = porter.PorterStemmer().stem
    return stem


@lru_cache(maxsize=1 << 18)
def porter_stem(token: str) -> str:
    """rouge-score's Porter stem of `token` ("" if the stem is not [a-z0-9]+), cached.

    NLTK's PorterStemmer in its default (extended) mode, the one rouge-score calls. This is the
    pure-Python path; the C core (`evalsuite.metrics._rouge_native`) has its own port, tested
    against NLTK word for word.
    """
    stem = _nltk_porter()(token)
    return stem if _ASCII_ALNUM_RE.fullmatch(stem) else ""


class _StemCache(dict[str, str]):
    """token -> what rouge-score makes of it (Porter stem if longer than 3, "" to drop it).

    A dict lookup per token instead of a function call: stemming is most of the cost of ROUGE
    and vocabularies repeat, so each distinct token is stemmed once.
    """

    drops = False  # whether some token maps to "" (only then do token lists need filtering)

    def __missing__(self, token: str) -> str:
        stem = porter_stem(token) if len(token) > 3 else token
        if not stem:
            self.drops = True
        if len(self) < 1 << 18:
            self[token] = stem
        return stem


_STEMS = _StemCache()


def clear_stem_caches() -> None:
    """Forget cached stems (benchmarks start cold)."""
    _STEMS.clear()
    _STEMS.drops = False
    porter_stem.cache_clear()
    stemming.clear_caches()


def rouge_en_tokenize(text: str, use_stemmer: bool = False) -> list[str]:
    """Tokenize like rouge-score 0.1.2: lowercase, keep [a-z0-9] runs, Porter-stem tokens > 3.

    `str.lower` runs before the ASCII filter, as in rouge-score, so e.g. the Kelvin sign becomes
    "k" while accented letters split words ("café" -> "caf").
    """
    tokens = _spaced(text, _NON_ALNUM_RE, _ASCII_KEEP_ALNUM).split()
    if use_stemmer:
        stems = _STEMS
        tokens = [stem for stem in [stems[tok] for tok in tokens] if stem]
    return tokens


def rouge_en_tokenize_lines(text: str, use_stemmer: bool = False) -> list[list[str]]:
    """:func:`rouge_en_tokenize` of each line, in one regex pass over the whole text."""
    lines = _spaced(text, _NON_ALNUM_KEEP_NEWLINE_RE, _ASCII_KEEP_ALNUM_NEWLINE).split("\n")
    if not use_stemmer:
        return [line.split() for line in lines]
    stem = _STEMS.__getitem__
    out = [list(map(stem, line.split())) for line in lines]
    if _STEMS.drops:
        out = [[tok for tok in line if tok] for line in out]
    return out


class RougeEnglishTokenizer:
    """rouge-score's tokenizer as a callable, plus `lines` for ROUGE-Lsum's one pass per text."""

    def __init__(self, use_stemmer: bool = False) -> None:
        self.use_stemmer = use_stemmer

    def __call__(self, text: str) -> list[str]:
        return rouge_en_tokenize(text, self.use_stemmer)

    def lines(self, text: str) -> list[list[str]]:
        return rouge_en_tokenize_lines(text, self.use_stemmer)


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


def unicode_tokenize(text: str, stem: Callable[[str], str] | None = None) -> list[str]:
    """Tokenize any script: normalized runs of letters/digits/marks; CJK, kana, Thai per char.

    With `stem` (a language's stemmer, see `text.stemming`), every token is stemmed.
    """
    tokens = normalize_unicode(text).translate(_TOKEN_CHARS).split()
    if stem is not None:
        tokens = [tok for tok in map(stem, tokens) if tok]
    return tokens


# --- Languages written without spaces: word segmenters, imported on first use ----------------


class MissingSegmenterError(ImportError):
    """A language's word segmenter is not installed; the message names the package."""


@dataclass(frozen=True)
class WordSegmenter:
    """A word segmenter for one language: its signature name, pip package and loader."""

    name: str
    package: str
    load: Callable[[], Callable[[str], list[str]]]


def _load_jieba() -> Callable[[str], list[str]]:
    import jieba

    jieba.setLogLevel(60)  # no "Building prefix dict" chatter on stderr
    return lambda text: list(jieba.cut(text))


def _load_fugashi() -> Callable[[str], list[str]]:
    import fugashi

    tagger = fugashi.Tagger()  # finds unidic-lite's dictionary
    return lambda text: [word.surface for word in tagger(text)]


def _load_pythainlp() -> Callable[[str], list[str]]:
    from pythainlp.tokenize import word_tokenize

    return lambda text: list(word_tokenize(text, engine="newmm", keep_whitespace=False))


def _load_kiwi() -> Callable[[str], list[str]]:
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    return lambda text: [token.form for token in kiwi.tokenize(text)]


WORD_SEGMENTERS: dict[str, WordSegmenter] = {
    "zh": WordSegmenter("jieba", "jieba", _load_jieba),
    "ja": WordSegmenter("fugashi-unidic-lite", "fugashi", _load_fugashi),
    "th": WordSegmenter("pythainlp-newmm", "pythainlp", _load_pythainlp),
    "ko": WordSegmenter("kiwi", "kiwipiepy", _load_kiwi),
}
_INSTALL_HINT = {
    "fugashi": "fugashi unidic-lite",
}


def _missing(package: str, lang: str) -> MissingSegmenterError:
    return MissingSegmenterError(
        f"word segmentation for '{lang}' needs the '{package}' package: "
        f"pip install {_INSTALL_HINT.get(package, package)}"
    )


def _package_version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        lang = next(k for k, v in WORD_SEGMENTERS.items() if v.package == package)
        raise _missing(package, lang) from None


@cache
def _segmenter(lang: str) -> Callable[[str], list[str]]:
    segmenter = WORD_SEGMENTERS[lang]
    try:
        return segmenter.load()
    except ImportError as err:
        raise _missing(segmenter.package, lang) from err


class _WordCharTable(dict[int, str]):
    """`str.translate` table for segmented words: letters, numbers, marks stay; others -> space."""

    def __missing__(self, code_point: int) -> str:
        out = chr(code_point) if unicodedata.category(chr(code_point))[0] in "LNM" else " "
        self[code_point] = out
        return out


_WORD_CHARS = _WordCharTable()


class SegmentingTokenizer:
    """Normalize, segment into words with the language's segmenter, drop punctuation, stem."""

    def __init__(self, lang: str, stem: Callable[[str], str] | None = None) -> None:
        self.segment = _segmenter(lang)
        self.stem = stem

    def __call__(self, text: str) -> list[str]:
        tokens: list[str] = []
        for word in self.segment(normalize_unicode(text)):
            tokens.extend(word.translate(_WORD_CHARS).split())
        if self.stem is not None:
            tokens = [t for t in map(self.stem, tokens) if t]
        return tokens


# --- Choosing per language -------------------------------------------------------------------


def stemmer_name(lang: str | None, use_stemmer: bool) -> str:
    """Stemmer used for `lang`, for signatures: "no" (off), "porter", a `text.stemming` name
    ("snowball-german>3", "hindi-light>3"), or "none".

    "none" means stemming was asked for but `lang` has no stemmer (or it is not installed, or
    `text.stemming` decided against one, as for Greek).
    """
    if not use_stemmer:
        return "no"
    if uses_rouge_english(lang):
        return "porter"
    stemmer = stemmer_for(lang)
    return stemmer.name if stemmer else "none"


def get_tokenizer(lang: str | None, use_stemmer: bool = False) -> Tokenizer:
    """The tokenizer for `lang`: rouge-score's for English, a word segmenter for zh, ja, th and
    ko, and the Unicode-aware one otherwise (None too). Stems when asked (text.stemming)."""
    if uses_rouge_english(lang):
        return RougeEnglishTokenizer(use_stemmer)
    stemmer = stemmer_for(lang) if use_stemmer else None
    stem = stemmer.stem if stemmer else None
    primary = primary_language(lang)
    if primary in WORD_SEGMENTERS:
        return SegmentingTokenizer(primary, stem)
    return partial(unicode_tokenize, stem=stem)
