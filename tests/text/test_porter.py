"""evalsuite's Porter stemmer must equal NLTK's default PorterStemmer word for word."""

from __future__ import annotations

import itertools
import json
import random
import re
from importlib import resources

import pytest
from nltk.stem.porter import PorterStemmer

from evalsuite.text import porter

NLTK = PorterStemmer()

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
)
_ENDINGS = (
    "", "s", "es", "sses", "ies", "ss", "ied", "eed", "ed", "ing", "y", "ational", "tional",
    "enci", "anci", "izer", "abli", "bli", "alli", "entli", "eli", "ousli", "ization", "ation",
    "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "fulli",
    "logi", "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence",
    "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "sion", "tion", "ion", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize", "e", "ll", "l", "ally", "ingly", "ers",
)


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
    rng = random.Random(7)
    letters = "aeiouybcdlmnrstwxz0"
    for _ in range(20000):
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(1, 9))))
    return words


@pytest.mark.parametrize("source", ["resources", "built"])
def test_equal_to_nltk(source: str) -> None:
    words = sorted(_resource_words() if source == "resources" else _built_words())
    assert len(words) > 2000
    differ = [(w, NLTK.stem(w), porter.porter_stem(w)) for w in words]
    differ = [row for row in differ if row[1] != row[2]]
    assert differ == []


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("caresses", "caress"), ("ponies", "poni"), ("dies", "die"), ("agreed", "agre"),
        ("feed", "feed"), ("hopping", "hop"), ("filing", "file"), ("happy", "happi"),
        ("enjoy", "enjoy"), ("relational", "relat"), ("generalization", "gener"),
        ("controlling", "control"), ("skies", "sky"), ("news", "news"), ("as", "as"),
    ],
)
def test_examples_of_the_paper_and_nltk(word: str, stem: str) -> None:
    assert porter.porter_stem(word) == NLTK.stem(word) == stem


def test_non_ascii_words_go_to_nltk() -> None:
    for word in ("Café", "naïvety", "ŁÓDŹ", "Running"):
        assert porter.porter_stem(word) == NLTK.stem(word)


def test_longest_suffix_is_the_first_rule_in_every_step() -> None:
    """The lookup by longest suffix equals NLTK's first-match order only if no suffix ends
    a suffix listed before it."""
    for rules in (porter._STEP2, porter._STEP3, porter._STEP4):
        suffixes = [suffix for suffix, _, _ in rules]
        for i, earlier in enumerate(suffixes):
            for later in suffixes[i + 1 :]:
                assert not later.endswith(earlier), (earlier, later)
