"""Tokenizers: rouge-score's English rules exactly; the Unicode tokenizer on many scripts."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import random

import pytest
from rouge_score.tokenizers import DefaultTokenizer

from evalsuite.text.tokenize import (
    get_tokenizer,
    porter_stem,
    primary_language,
    rouge_en_tokenize,
    snowball_algorithm,
    stemmer_name,
    tokenizer_name,
    unicode_tokenize,
    uses_rouge_english,
)

HAS_SNOWBALL = importlib.util.find_spec("snowballstemmer") is not None
needs_snowball = pytest.mark.skipif(not HAS_SNOWBALL, reason="snowballstemmer not installed")

# Pieces that exercise every rule of rouge-score's tokenizer: case, punctuation, digits,
# stemmable words, short words (never stemmed), non-ASCII letters (dropped, or split words),
# and characters whose lowercase is ASCII (Kelvin sign -> "k", dotted I -> "i" + mark).
# fmt: off
PIECES = [
    "The", "RUNNING", "runs", "ran", "connection", "Connected", "generalization", "flies", "was",
    "is", "a", "2019", "3.14", "e-mail", "don't", "U.S.", "café", "naïve", "Straße", "\u212aelvin",
    "İstanbul", "ﬁne", "Кошка", "北京", "...", "!!", "--", "_under_score_", "caresses", "ponies",
    "sky", "dying", "agreed", "hopping", "\t", "\n", "\xa0",
]
# fmt: on


def _random_text(seed: int) -> str:
    rng = random.Random(seed)
    return "".join(
        rng.choice(PIECES) + rng.choice([" ", "", ", ", "\n"]) for _ in range(rng.randint(0, 30))
    )


@pytest.mark.parametrize("use_stemmer", [False, True])
@pytest.mark.parametrize("seed", range(60))
def test_rouge_en_tokenize_matches_rouge_score(seed: int, use_stemmer: bool) -> None:
    text = _random_text(seed)
    assert rouge_en_tokenize(text, use_stemmer) == DefaultTokenizer(use_stemmer).tokenize(text)


@pytest.mark.parametrize(
    ("text", "use_stemmer", "expected"),
    [
        ("", False, []),
        ("   \n\t ", False, []),
        ("?!.,;", False, []),
        ("Hello, World!", False, ["hello", "world"]),
        ("e-mail don't 3.14", False, ["e", "mail", "don", "t", "3", "14"]),
        ("café naïve", False, ["caf", "na", "ve"]),
        ("\u212aelvin", False, ["kelvin"]),
        ("Кошка 北京", False, []),
        ("running connection generalization", True, ["run", "connect", "gener"]),
        # Porter alone turns "was" into "wa"; rouge-score only stems tokens longer than 3 chars.
        ("was runs ran", True, ["was", "run", "ran"]),
    ],
)
def test_rouge_en_tokenize_examples(text: str, use_stemmer: bool, expected: list[str]) -> None:
    assert rouge_en_tokenize(text, use_stemmer) == expected


def test_porter_stem_is_cached() -> None:
    porter_stem("generalization")
    hits = porter_stem.cache_info().hits
    assert porter_stem("generalization") == "gener"
    assert porter_stem.cache_info().hits == hits + 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        (" .,!? — «»", []),
        ("Кошка сидит на окне.", ["кошка", "сидит", "на", "окне"]),
        ("Київ — столиця України", ["київ", "столиця", "україни"]),
        ("Η ελληνική γλώσσα", ["η", "ελληνική", "γλώσσα"]),
        # Devanagari vowel signs and virama are marks: they stay inside their word.
        ("हिन्दी भाषा सुंदर है।", ["हिन्दी", "भाषा", "सुंदर", "है"]),
        # Arabic harakat are marks too.
        ("اللُّغَةُ العَرَبِيَّةُ", ["اللُّغَةُ", "العَرَبِيَّةُ"]),
        # Each ideograph, kana and Thai character is a token of its own.
        ("我爱北京。", ["我", "爱", "北", "京"]),
        ("カタカナ ひらがな", ["カ", "タ", "カ", "ナ", "ひ", "ら", "が", "な"]),
        ("ไทย", ["ไ", "ท", "ย"]),
        ("abc中文def", ["abc", "中", "文", "def"]),
        # NFKC: full width and ligatures; casefold: ß -> ss, final sigma -> sigma.
        ("ＡＢＣ ﬁne Straße ΟΔΟΣ", ["abc", "fine", "strasse", "οδοσ"]),
        ("snake_case e-mail 3.14 ²", ["snake", "case", "e", "mail", "3", "14", "2"]),
    ],
)
def test_unicode_tokenize_examples(text: str, expected: list[str]) -> None:
    assert unicode_tokenize(text) == expected


@needs_snowball
@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Кошки сидят на окнах", "ru", ["кошк", "сид", "на", "окн"]),
        ("Кошка сидит на окне", "ru", ["кошк", "сид", "на", "окн"]),
        ("我爱北京", "zh", ["我", "爱", "北京"]),  # jieba words; no Snowball stemmer: unchanged
        ("Київ столиця", "uk", ["київ", "столиця"]),  # no Ukrainian Snowball: unchanged
    ],
)
def test_unicode_tokenizer_with_stemmer(text: str, lang: str, expected: list[str]) -> None:
    assert get_tokenizer(lang, use_stemmer=True)(text) == expected


@pytest.mark.parametrize(
    ("lang", "primary", "rouge_english", "name"),
    [
        ("en", "en", True, "rouge-score-en"),
        ("EN-us", "en", True, "rouge-score-en"),
        ("en_GB", "en", True, "rouge-score-en"),
        ("ru", "ru", False, "unicode"),
        ("zh-Hans", "zh", False, f"jieba-{importlib.metadata.version('jieba')}"),
        ("th", "th", False, f"pythainlp-newmm-{importlib.metadata.version('pythainlp')}"),
        (None, None, False, "unicode"),
        ("", None, False, "unicode"),
    ],
)
def test_language_dispatch(
    lang: str | None, primary: str | None, rouge_english: bool, name: str
) -> None:
    assert primary_language(lang) == primary
    assert uses_rouge_english(lang) is rouge_english
    assert tokenizer_name(lang) == name


def test_english_tokenizer_ignores_non_latin_but_unicode_keeps_it() -> None:
    assert get_tokenizer("en")("Кошка сидит") == []
    assert get_tokenizer(None)("Кошка сидит") == ["кошка", "сидит"]


@pytest.mark.parametrize(
    ("lang", "use_stemmer", "expected"),
    [
        ("en", False, "no"),
        ("ru", False, "no"),
        ("en", True, "porter"),
        ("en-US", True, "porter"),
        ("zh", True, "none"),
        (None, True, "none"),
    ],
)
def test_stemmer_name(lang: str | None, use_stemmer: bool, expected: str) -> None:
    assert stemmer_name(lang, use_stemmer) == expected


@needs_snowball
@pytest.mark.parametrize(
    ("lang", "algorithm", "name"),
    [
        ("ru", "russian", "snowball-russian>3"),
        ("de-AT", "german", "snowball-german>3"),
        ("el", "greek", "none"),  # decided against: see text.stemming
        ("hi", "hindi", "hindi-light>3"),  # Ramanathan & Rao, as XL-Sum
        ("ar", "arabic", "snowball-arabic>3"),
        ("uk", None, "none"),
        ("zh", None, "none"),
        (None, None, "none"),
    ],
)
def test_snowball_algorithm(lang: str | None, algorithm: str | None, name: str) -> None:
    assert snowball_algorithm(lang) == algorithm
    assert stemmer_name(lang, True) == name


def test_rouge_english_lines_match_per_line_tokenization() -> None:
    text = "The cats ran.\n\n  Running DOGS, 42!\r\nCafé naïve"
    for use_stemmer in (False, True):
        lines = get_tokenizer("en", use_stemmer).lines(text)  # type: ignore[attr-defined]
        assert lines == [rouge_en_tokenize(line, use_stemmer) for line in text.split("\n")]


def test_missing_segmenter_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    from evalsuite.text import tokenize

    def broken() -> None:
        raise ImportError("no module")

    monkeypatch.setitem(
        tokenize.WORD_SEGMENTERS, "xx", tokenize.WordSegmenter("fake", "fake-seg", broken)
    )
    with pytest.raises(tokenize.MissingSegmenterError, match="pip install fake-seg"):
        get_tokenizer("xx")
    with pytest.raises(tokenize.MissingSegmenterError, match="'fake-seg' package"):
        tokenizer_name("xx")
