"""ROUGE: exact parity with rouge-score on English, sensible scores on other scripts."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import random
import statistics
from functools import cache

import pytest
from rouge_score.rouge_scorer import RougeScorer

from evalsuite import __version__
from evalsuite.metrics.base import Metric
from evalsuite.metrics.rouge import (
    DEFAULT_ROUGE_TYPES,
    RougeTriple,
    lcs_length,
    rouge_scores,
)
from evalsuite.metrics.rouge_metric import Rouge
from tests.metrics.lcs_oracle import dp_lcs

pytestmark = pytest.mark.usefixtures("rouge_core")

TYPES = DEFAULT_ROUGE_TYPES
HAS_SNOWBALL = importlib.util.find_spec("snowballstemmer") is not None
JIEBA = f"jieba-{importlib.metadata.version('jieba')}"


@cache
def _oracle(use_stemmer: bool, types: tuple[str, ...] = TYPES) -> RougeScorer:
    return RougeScorer(list(types), use_stemmer=use_stemmer)


# --- Parity with rouge-score on random English-ish text ---------------------------------------

# Mixed case, digits, punctuation inside words, words that Porter stems (and short ones it
# must not), repeats, and a few non-ASCII words that rouge-score drops or splits.
# fmt: off
VOCAB = [
    "The", "the", "THE", "a", "A", "of", "is", "was", "and", "it", "cat", "cats", "dog", "dogs",
    "running", "Runs", "ran", "runner", "connection", "connected", "Connects", "generalization",
    "generalize", "model", "models", "model's", "evaluation", "evaluated", "summaries", "flies",
    "2019", "42", "3.5", "U.S.", "e-mail", "don't", "café", "naïve", "Straße", "\u212aelvin",
    "Кошка", "北京",
]
# fmt: on
PUNCT = ["", "", "", "", ",", ".", "!", "?", ";", " -", ")", "..."]
# Spaces mostly; newlines (single, doubled, with spaces, CRLF) make sentences for Lsum.
SEPARATORS = [" "] * 10 + ["\n", "\n", "\n\n", " \n ", "\n \n", "\r\n", "\t", "  "]


def _join(rng: random.Random, words: list[str]) -> str:
    return "".join(w + rng.choice(PUNCT) + rng.choice(SEPARATORS) for w in words)


def _random_pair(seed: int) -> tuple[str, str]:
    """(prediction, reference): the prediction edits the reference, so overlaps are partial."""
    rng = random.Random(seed)
    ref = [rng.choice(VOCAB) for _ in range(rng.randint(0, 30))]
    pred: list[str] = []
    for word in ref:
        roll = rng.random()
        if roll < 0.55:
            pred.append(word)
        elif roll < 0.7:
            pred.append(rng.choice(VOCAB))
        elif roll < 0.8:
            continue
        else:
            pred.extend([word, rng.choice(VOCAB)])
    if len(pred) > 3 and rng.random() < 0.3:  # move a chunk: changes LCS, not unigrams
        cut = rng.randrange(1, len(pred))
        pred = pred[cut:] + pred[:cut]
    return _join(rng, pred), _join(rng, ref)


@pytest.mark.parametrize("use_stemmer", [False, True])
@pytest.mark.parametrize("seed", range(320))
def test_parity_random_pairs(seed: int, use_stemmer: bool) -> None:
    prediction, reference = _random_pair(seed)
    expected = _oracle(use_stemmer).score(reference, prediction)
    assert rouge_scores([prediction], [reference], TYPES, use_stemmer) == [expected]


@pytest.mark.parametrize("use_stemmer", [False, True])
@pytest.mark.parametrize("seed", range(1000, 1040))
def test_parity_multiple_references(seed: int, use_stemmer: bool) -> None:
    rng = random.Random(seed)
    prediction, first = _random_pair(seed)
    references = [first] + [_random_pair(seed * 7 + k)[1] for k in range(rng.randint(0, 3))]
    expected = _oracle(use_stemmer).score_multi(references, prediction)
    assert rouge_scores([prediction], [references], TYPES, use_stemmer) == [expected]


@pytest.mark.parametrize("seed", range(2000, 2010))
def test_parity_higher_order_ngrams(seed: int) -> None:
    types = tuple(f"rouge{n}" for n in range(1, 10))
    prediction, reference = _random_pair(seed)
    expected = _oracle(True, types).score(reference, prediction)
    assert rouge_scores([prediction], [reference], types, use_stemmer=True) == [expected]


HAND_MADE = [
    ("", "The cat sat."),  # empty prediction
    ("The cat sat.", ""),  # empty reference
    ("", ""),  # both empty
    ("...!? --", "The cat."),  # punctuation only
    ("The cat.", "--- ,,, !"),
    ("   \n\t  ", "The cat."),  # whitespace only
    ("cat", "cat"),  # single token
    ("cat", "dog"),
    ("The cat sat on the mat.", "The cat sat on the mat."),  # identical
    ("The cat sat.\n\n\nOn the mat.\n", "On the mat.\n\nThe cat sat."),  # blank lines
    ("\n\n\n", "a\n\nb"),  # only newlines
    ("line one\n   \nline two", "line two\nline one"),  # a whitespace-only line
    ("the cat\nthe cat\nthe cat", "the cat the cat"),  # Lsum must not double count
    ("the the the the", "the cat the"),  # clipped counts
    ("a b\r\nc d", "a b\nc d"),  # CRLF
    ("\u212aelvin said", "kelvin said"),  # Kelvin sign lowercases to ASCII k
    ("Кошка сидит", "Кошка сидит"),  # rouge-score sees no tokens in Cyrillic
    ("running connections generalized", "the runner connected generalization"),
]


@pytest.mark.parametrize("use_stemmer", [False, True])
@pytest.mark.parametrize(("prediction", "reference"), HAND_MADE)
def test_parity_hand_made(prediction: str, reference: str, use_stemmer: bool) -> None:
    expected = _oracle(use_stemmer).score(reference, prediction)
    assert rouge_scores([prediction], [reference], TYPES, use_stemmer) == [expected]


@pytest.mark.parametrize(("prediction", "reference"), HAND_MADE[:3])
def test_empty_text_scores_zero(prediction: str, reference: str) -> None:
    (scores,) = rouge_scores([prediction], [reference])
    assert all(scores[t] == (0.0, 0.0, 0.0) for t in TYPES)


def test_identical_english_scores_one_and_triples_are_tuples() -> None:
    (scores,) = rouge_scores(["The cat sat.\nIt purred."], ["The cat sat.\nIt purred."])
    assert list(scores) == list(TYPES)
    for triple in scores.values():
        assert isinstance(triple, RougeTriple)
        assert triple == (1.0, 1.0, 1.0)


def test_multiple_references_take_the_best_per_type() -> None:
    (scores,) = rouge_scores(["the cat sat"], [("a dog ran", "the cat sat")])
    assert scores["rouge1"] == (1.0, 1.0, 1.0)


def test_lsum_union_lcs_by_hand() -> None:
    # Lin (2004) example: ref "w1 w2 w3 w4 w5"; candidate sentences "w1 w2 w6 w7 w8" and
    # "w1 w3 w8 w9 w5"; union LCS = w1 w2 w3 w5 -> 4 hits; P = 4/10, R = 4/5.
    (scores,) = rouge_scores(["w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5"], ["w1 w2 w3 w4 w5"])
    assert scores["rougeLsum"][:2] == (4 / 10, 4 / 5)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("", "", 0), ("abc", "", 0), ("abcbdab", "bdcaba", 4), ("aaaa", "aa", 2), ("xyz", "abc", 0)],
)
def test_lcs_length(a: str, b: str, expected: int) -> None:
    assert lcs_length(list(a), list(b)) == expected
    assert lcs_length(list(b), list(a)) == expected


def test_lcs_length_long_sequences() -> None:
    # Wider than one machine word, to exercise the big-int rows.
    rng = random.Random(5)
    a = [rng.choice("abcde") for _ in range(300)]
    b = [rng.choice("abcde") for _ in range(200)]
    assert lcs_length(a, b) == dp_lcs(a, b)


@pytest.mark.parametrize(
    "rouge_type", ["rouge0", "rouge10", "rougeX", "rougel", "ROUGE1", "rougeLSum", ""]
)
def test_unknown_rouge_type(rouge_type: str) -> None:
    with pytest.raises(ValueError, match="unknown ROUGE type"):
        rouge_scores(["a"], ["a"], rouge_types=(rouge_type,))
    with pytest.raises(ValueError, match="unknown ROUGE type"):
        Rouge(rouge_types=("rouge1", rouge_type))


def test_length_mismatch() -> None:
    with pytest.raises(ValueError, match="2 predictions but 1 references"):
        rouge_scores(["a", "b"], ["a"])


def test_bad_inputs() -> None:
    with pytest.raises(ValueError, match="no reference"):
        rouge_scores(["a"], [[]])
    with pytest.raises(TypeError):
        rouge_scores("a b", ["a", "b", "c"])


# --- Other languages ------------------------------------------------------------------------

TEXTS = {
    "ru": "Кошка сидит на окне.\nСобака спит во дворе.",
    "uk": "Київ — столиця України.\nМісто стоїть на Дніпрі.",
    "zh": "我爱北京天安门。\n天安门上太阳升。",
    "ja": "東京は日本の首都です。\nとても大きい。",
    "hi": "हिन्दी भारत की एक भाषा है।\nयह बहुत सुंदर है।",
    "ar": "اللُّغَةُ العربية جميلة.\nأحب القراءة كثيرا.",
    "el": "Η ελληνική γλώσσα είναι αρχαία.\nΜιλιέται στην Ελλάδα.",
    "th": "ภาษาไทย\nง่าย",
}


@pytest.mark.parametrize("use_stemmer", [False, True])
@pytest.mark.parametrize("lang", [*TEXTS, None])
def test_identical_non_english_scores_one(lang: str | None, use_stemmer: bool) -> None:
    text = TEXTS[lang or "ru"]
    (scores,) = rouge_scores([text], [text], TYPES, use_stemmer, lang=lang)
    assert scores == {t: (1.0, 1.0, 1.0) for t in TYPES}
    # ... where rouge-score (and our lang="en") finds no tokens at all.
    assert _oracle(use_stemmer).score(text, text)["rouge1"].fmeasure == 0
    assert rouge_scores([text], [text], TYPES, use_stemmer)[0]["rouge1"] == (0, 0, 0)


def test_russian_partial_overlap_by_hand() -> None:
    # ref  : кошка сидит на окне         (4 tokens, 3 bigrams)
    # pred : кошка спит на окне дома     (5 tokens, 4 bigrams)
    # rouge1: 3 shared (кошка, на, окне): P = 3/5, R = 3/4, F = 2*.6*.75/1.35 = 2/3
    # rouge2: 1 shared (на окне):         P = 1/4, R = 1/3, F = 2*(1/12)/(7/12) = 2/7
    # rougeL: LCS = кошка на окне (3):    same as rouge1; one line, so rougeLsum too.
    (scores,) = rouge_scores(["Кошка спит на окне дома"], ["Кошка сидит на окне."], lang="ru")
    assert scores["rouge1"] == pytest.approx((3 / 5, 3 / 4, 2 / 3))
    assert scores["rouge2"] == pytest.approx((1 / 4, 1 / 3, 2 / 7))
    assert scores["rougeL"] == pytest.approx((3 / 5, 3 / 4, 2 / 3))
    assert scores["rougeLsum"] == pytest.approx((3 / 5, 3 / 4, 2 / 3))


@pytest.mark.skipif(not HAS_SNOWBALL, reason="snowballstemmer not installed")
def test_russian_stemming_matches_inflections() -> None:
    pred, ref = ["Кошки сидят на окнах"], ["Кошка сидит на окне"]
    plain = rouge_scores(pred, ref, lang="ru")[0]["rouge1"].fmeasure
    stemmed = rouge_scores(pred, ref, use_stemmer=True, lang="ru")[0]["rouge1"].fmeasure
    assert plain == pytest.approx(1 / 4)  # only "на"
    assert stemmed == 1.0


def test_chinese_is_segmented_into_words() -> None:
    # jieba: 我 爱 上海 vs 我 爱 北京: 2/3 unigrams; bigram 我爱 shared of 2 each.
    (scores,) = rouge_scores(["我爱上海"], ["我爱北京"], lang="zh")
    assert scores["rouge1"] == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert scores["rouge2"] == pytest.approx((1 / 2, 1 / 2, 1 / 2))


def test_reordering_lowers_rouge_l_not_rouge_1() -> None:
    # LCS of the reordered text is "на окне дома" (3 of 5 tokens).
    (scores,) = rouge_scores(["на окне дома сидит кошка"], ["кошка сидит на окне дома"], lang="ru")
    assert scores["rouge1"] == (1.0, 1.0, 1.0)
    assert scores["rougeL"] == pytest.approx((0.6, 0.6, 0.6))
    assert scores["rougeL"].fmeasure < scores["rouge1"].fmeasure


# --- Corpus metric --------------------------------------------------------------------------

HYPS = [
    "The police arrested the protester.\nHe was released on Monday.",
    "Kyiv said 300 drones were launched.",
    "Кошка спит на окне.",
    "我爱上海",
]
REFS = [
    ["Police arrested a protester.\nThe man was released on Monday."],
    ["Kyiv said that 300 drones had been launched.", "Kyiv reported 300 drone launches."],
    ["Кошка сидит на окне."],
    ["我爱北京"],
]
LANGS: list[str | None] = ["en", "en-US", "ru", None]


@pytest.mark.parametrize("use_stemmer", [False, True])
def test_compute_is_mean_of_segment_f(use_stemmer: bool) -> None:
    metric: Metric = Rouge(use_stemmer=use_stemmer)
    out = metric.compute(HYPS, REFS, LANGS)
    expected_segments = [
        rouge_scores([hyp], [refs], TYPES, use_stemmer, lang=lang or "und")[0]
        for hyp, refs, lang in zip(HYPS, REFS, LANGS, strict=True)
    ]
    assert out.segments == [{t: s[t].fmeasure for t in TYPES} for s in expected_segments]
    assert [s.name for s in out.scores] == list(TYPES)
    for score in out.scores:
        assert score.higher_is_better
        assert score.value == pytest.approx(statistics.fmean(s[score.name] for s in out.segments))
        assert 0 < score.value < 1


def test_english_segments_match_rouge_score() -> None:
    out = Rouge(use_stemmer=True).compute(HYPS[:2], REFS[:2], ["en", "en"])
    oracle = _oracle(True)
    for seg, hyp, refs in zip(out.segments, HYPS[:2], REFS[:2], strict=True):
        expected = oracle.score_multi(refs, hyp)
        assert seg == {t: expected[t].fmeasure for t in TYPES}


@pytest.mark.parametrize(
    ("langs", "use_stemmer", "tok", "stem"),
    [
        (["en", "en"], False, "rouge-score-en", "no"),
        (["en", "en-GB"], True, "rouge-score-en", "porter"),
        (["ru", "ru"], False, "unicode", "no"),
        ([None, None], False, "unicode", "no"),
        (["zh", "zh"], True, JIEBA, "none"),
        (["en", "ru"], False, "en=rouge-score-en,ru=unicode", "no"),
        (["ru", None, "en"], False, "en=rouge-score-en,ru=unicode,und=unicode", "no"),
        pytest.param(
            ["ru", "en", "zh"],
            True,
            f"en=rouge-score-en,ru=unicode,zh={JIEBA}",
            "en=porter,ru=snowball-russian>3,zh=none",
            marks=pytest.mark.skipif(not HAS_SNOWBALL, reason="snowballstemmer not installed"),
        ),
    ],
)
def test_signature(langs: list[str | None], use_stemmer: bool, tok: str, stem: str) -> None:
    out = Rouge(use_stemmer=use_stemmer).compute(
        ["a b"] * len(langs), [["a b"]] * len(langs), langs
    )
    keys = ",".join(sorted({(lang or "und").split("-")[0] for lang in langs}))
    assert [str(s.signature) for s in out.scores] == [
        f"{t}|lang:{keys}|tok:{tok}|stem:{stem}|version:{__version__}" for t in TYPES
    ]


def test_each_segment_uses_its_own_language() -> None:
    text = TEXTS["ru"]
    out = Rouge(rouge_types=("rouge1",)).compute([text, text], [[text], [text]], ["ru", "en"])
    assert out.segments == [{"rouge1": 1.0}, {"rouge1": 0.0}]
    assert out.scores[0].value == 0.5


def test_compute_rejects_bad_input() -> None:
    metric = Rouge()
    with pytest.raises(ValueError, match="one of each per segment"):
        metric.compute(["a"], [["a"], ["b"]], ["en"])
    with pytest.raises(ValueError, match="one of each per segment"):
        metric.compute(["a"], [["a"]], [])
    with pytest.raises(ValueError, match="no segments"):
        metric.compute([], [], [])
    with pytest.raises(ValueError, match="no reference"):
        metric.compute(["a"], [[]], ["en"])
