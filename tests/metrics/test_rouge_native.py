"""The C ROUGE core's own paths: its Porter stemmer, long-input paths forced on small inputs,
threads, odd text, and interrupts. (test_rouge.py runs the parity tests on both cores.)"""

from __future__ import annotations

import itertools
import json
import random
import re
import time
from collections.abc import Iterator
from functools import cache
from importlib import resources
from types import ModuleType
from typing import Any

import pytest
from nltk.stem.porter import PorterStemmer
from rouge_score.rouge_scorer import RougeScorer

from evalsuite.metrics import rouge
from evalsuite.metrics.rouge import RougeTriple, rouge_scores
from tests.fixtures.interrupt import sigint_after
from tests.metrics.conftest import require_native
from tests.metrics.lcs_oracle import dp_lcs

NLTK = PorterStemmer()
TYPES = ("rouge1", "rouge2", "rouge3", "rougeL", "rougeLsum")


@pytest.fixture
def native(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    core = require_native()
    monkeypatch.setattr(rouge, "_NATIVE", core)
    return core


@pytest.fixture
def limits(native: ModuleType) -> Iterator[ModuleType]:
    """Restores the core's memory limits after a test shrinks them."""
    old = native._set_limits(64, 1 << 21, 1 << 20)
    native._set_limits(*old)
    yield native
    native._set_limits(*old)


# --- Porter stemmer: NLTK's, word for word ----------------------------------------------------

# Stems and endings that reach every rule: each step's suffixes, y after vowels and consonants,
# doubled consonants, the cvc condition, and short words around NLTK's length limits.
_STEMS = (
    "rel", "condit", "hop", "fil", "fail", "tann", "fall", "hiss", "fizz", "conflat", "troubl",
    "siz", "agr", "plast", "bl", "mot", "s", "happ", "enjo", "sp", "fl", "tr", "val", "digit",
    "conform", "radic", "differ", "vil", "analog", "vietnam", "predic", "oper", "feud",
    "decis", "hope", "callous", "formal", "sensit", "sensib", "geo", "theo", "archaeo", "trip",
    "electr", "good", "reviv", "allow", "infer", "airlin", "gyroscop", "adjust", "defens",
    "irrit", "replac", "depend", "adopt", "homolog", "commun", "activ", "angular", "effect",
    "bowdler", "prob", "r", "ceas", "controll", "ro", "y", "yy", "syzyg", "toy", "bey", "a",
    "ion", "ss", "e", "ee", "eeee", "xyz", "wow", "box", "ray", "9", "4th", "co2",
)  # fmt: skip
_ENDINGS = (
    "", "s", "es", "sses", "ies", "ss", "ied", "eed", "ed", "ing", "y", "ational", "tional",
    "enci", "anci", "izer", "abli", "bli", "alli", "entli", "eli", "ousli", "ization", "ation",
    "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "fulli",
    "logi", "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence",
    "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "sion", "tion", "ion", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize", "e", "ll", "l", "ally", "ingly", "ers",
)  # fmt: skip
_IRREGULAR = ("sky", "skies", "dying", "lying", "tying", "news", "innings", "inning", "outings",
              "outing", "cannings", "canning", "howe", "proceed", "exceed", "succeed")  # fmt: skip


def _resource_words() -> set[str]:
    words: set[str] = set()
    root = resources.files("evalsuite.resources")
    for name in ("news_summaries.jsonl", "mt_faults.jsonl", "role_pairs.jsonl"):
        for line in root.joinpath(name).read_text(encoding="utf-8").splitlines():
            words.update(re.findall(r"[a-z0-9]+", json.dumps(json.loads(line)).lower()))
    words.update(re.findall(r"[a-z0-9]+", root.joinpath("seed_article.txt").read_text().lower()))
    return words


def _built_words() -> set[str]:
    words = {stem + ending for stem, ending in itertools.product(_STEMS, _ENDINGS)}
    words.update(_IRREGULAR)
    rng = random.Random(7)
    letters = "aeiouybcdlmnrstwxz0"
    for _ in range(20000):
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(1, 9))))
    return words


@pytest.mark.parametrize("source", ["resources", "built"])
def test_porter_equals_nltk(native: ModuleType, source: str) -> None:
    words = sorted(_resource_words() if source == "resources" else _built_words())
    assert len(words) > 2000
    differ = [(w, NLTK.stem(w), native.porter_stem(w)) for w in words]
    assert [row for row in differ if row[1] != row[2]] == []


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("caresses", "caress"), ("ponies", "poni"), ("dies", "die"), ("agreed", "agre"),
        ("feed", "feed"), ("hopping", "hop"), ("filing", "file"), ("happy", "happi"),
        ("enjoy", "enjoy"), ("relational", "relat"), ("generalization", "gener"),
        ("controlling", "control"), ("skies", "sky"), ("news", "news"), ("as", "as"), ("", ""),
    ],
)  # fmt: skip
def test_porter_examples_of_the_paper_and_nltk(native: ModuleType, word: str, stem: str) -> None:
    assert native.porter_stem(word) == NLTK.stem(word) == stem


@pytest.mark.parametrize("word", ["Running", "café", "a-b", "a\x00b"])
def test_porter_takes_only_lowercase_ascii_words(native: ModuleType, word: str) -> None:
    with pytest.raises(ValueError, match="lowercase"):
        native.porter_stem(word)


# --- Long-input paths, forced on small inputs -------------------------------------------------

WORDS = ["the", "a", "of", "cat", "dog", "ran", "sat", "mat", "on", "in", "was", "is", "red"]


def _document(rng: random.Random, n_lines: int, low: int, high: int) -> str:
    return "\n".join(
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))) for _ in range(n_lines)
    )


# (columns per LCS block in words, rows kept before checkpointing, words of dense masks)
LIMITS = [(64, 1 << 21, 1 << 20), (1, 1, 0), (2, 50, 3), (1, 1 << 21, 0), (3, 7, 1 << 20)]


@cache
def _long_line_pairs(seed: int) -> tuple[list[tuple[str, str]], list[dict[str, Any]]]:
    """Pairs with lines wider than a word, and many short lines; rouge-score's scores."""
    rng = random.Random(seed)
    pairs = [(_document(rng, rng.randint(1, 4), 0, 140), _document(rng, rng.randint(1, 4), 0, 140))
             for _ in range(6)]  # fmt: skip
    pairs += [(_document(rng, rng.randint(1, 30), 1, 14), _document(rng, rng.randint(1, 8), 1, 70))
              for _ in range(6)]  # fmt: skip
    oracle = RougeScorer(list(TYPES))
    return pairs, [oracle.score(r, p) for p, r in pairs]


@pytest.mark.parametrize("limit", LIMITS, ids=str)
@pytest.mark.parametrize("seed", range(4))
def test_every_lsum_path_equals_rouge_score(
    limits: ModuleType, limit: tuple[int, int, int], seed: int
) -> None:
    """Blocked LCS, checkpointed rows, masks built per row, lines wider than a word."""
    pairs, expected = _long_line_pairs(seed)
    limits._set_limits(*limit)
    got = rouge_scores([p for p, _ in pairs], [r for _, r in pairs], TYPES, threads=1)
    assert got == expected


@pytest.mark.parametrize("block", [1, 2, 64])
@pytest.mark.parametrize("seed", range(6))
def test_lcs_in_blocks_equals_the_dp_table(limits: ModuleType, block: int, seed: int) -> None:
    limits._set_limits(block, 1 << 21, 1 << 20)
    rng = random.Random(seed)
    a = [rng.choice("abcde") for _ in range(rng.randint(0, 400))]
    b = [rng.choice("abcdef") for _ in range(rng.randint(0, 300))]
    assert limits.lcs_length(a, b) == limits.lcs_length(b, a) == dp_lcs(a, b)


# --- Threads, odd text, bad input -------------------------------------------------------------


def test_threads_give_identical_results(native: ModuleType) -> None:
    rng = random.Random(3)
    preds = [_document(rng, rng.randint(1, 4), 0, 30) for _ in range(300)]
    refs = [[_document(rng, rng.randint(1, 4), 0, 30) for _ in range(rng.randint(1, 3))]
            for _ in range(300)]  # fmt: skip
    one = rouge_scores(preds, refs, TYPES, use_stemmer=True, threads=1)
    for threads in (2, 3, 8):
        assert rouge_scores(preds, refs, TYPES, use_stemmer=True, threads=threads) == one


@pytest.mark.parametrize(
    "text",
    ["Straße café naïve", "\u212aelvin İstanbul", "lone \ud800 surrogate", "tab\tand\r\nCRLF",
     "北京 Кошка 42", "x" * 5000],
)  # fmt: skip
def test_odd_text_equals_rouge_score(native: ModuleType, text: str) -> None:
    reference = "kelvin cafe the surrogate 42 x and istanbul"
    for use_stemmer in (False, True):
        expected = RougeScorer(list(TYPES), use_stemmer=use_stemmer).score(reference, text)
        assert rouge_scores([text], [reference], TYPES, use_stemmer, threads=1) == [expected]


def test_bad_input_is_a_clear_error(native: ModuleType) -> None:
    codes, names = (1,), ("rouge1",)
    with pytest.raises(TypeError, match="must be str"):
        native.score_english([b"x"], [["x"]], codes, names, False, RougeTriple)
    with pytest.raises(ValueError, match="no reference"):
        native.score_english(["x"], [[]], codes, names, False, RougeTriple)
    with pytest.raises(TypeError, match="tokens must be str"):
        native.score_tokenized([[1]], [[["x"]]], codes, names, RougeTriple)
    with pytest.raises(ValueError, match="type codes"):
        native.score_english(["x"], [["x"]], (10,), names, False, RougeTriple)


# --- Interrupts -------------------------------------------------------------------------------


@pytest.mark.parametrize("threads", [1, 2])
def test_a_sigint_stops_a_long_lcs_within_a_second(native: ModuleType, threads: int) -> None:
    """Two 600,000-token lines take seconds; a SIGINT (sent by another process, as a terminal
    would) must end the call soon after."""
    rng = random.Random(0)
    vocab = [f"w{i}" for i in range(3000)]
    texts = [" ".join(rng.choices(vocab, k=600_000)) for _ in range(2)]
    finished = False
    with sigint_after(0.3) as start, pytest.raises(KeyboardInterrupt):
        rouge_scores([texts[0]] * 2, [texts[1]] * 2, ("rougeL",), threads=threads)
        finished = True
        time.sleep(10)  # the signal must not reach a later test
    assert not finished
    assert time.perf_counter() - start < 2.0
