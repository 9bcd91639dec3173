"""ROUGE in ten languages: identical, partially overlapping and reordered texts, by hand.

Each case shows the tokens the language's tokenizer must produce (word segmentation for zh and
ja, Unicode words elsewhere), so the expected scores below follow from counting them.
"""

from __future__ import annotations

import pytest

from evalsuite.metrics.rouge import DEFAULT_ROUGE_TYPES, rouge_scores
from evalsuite.text.tokenize import detect_language, get_tokenizer

TYPES = DEFAULT_ROUGE_TYPES

# (lang, reference, partially overlapping prediction, reordered prediction, their tokens)
# Reference tokens are A B C D. "partial" is A X C D E or A B X D E (one word replaced, one
# added) and "reordered" is C D A B; `shape` says which partial shape the language uses.
CASES = [
    ("ru", "Кошка сидит на окне.", "Кошка спит на окне дома.", "На окне кошка сидит.", "AXCDE"),
    ("uk", "Кіт сидить на вікні.", "Кіт спить на вікні вдома.", "На вікні кіт сидить.", "AXCDE"),
    ("zh", "我爱北京天安门。", "我恨北京天安门今天。", "北京天安门我爱。", "AXCDE"),
    ("ar", "القطة تجلس على النافذة.", "القطة تنام على النافذة اليوم.", "على النافذة القطة تجلس.",
     "AXCDE"),
    ("hi", "बिल्ली खिड़की पर बैठी।", "बिल्ली खिड़की में बैठी थी।", "पर बैठी बिल्ली खिड़की।", "ABXDE"),
    ("de", "Die Katze sitzt dort.", "Die Katze schläft dort heute.", "Sitzt dort die Katze.",
     "ABXDE"),
    ("fr", "Le chat dort ici.", "Le chien dort ici aussi.", "Dort ici le chat.", "AXCDE"),
    ("es", "El gato duerme aquí.", "El perro duerme aquí hoy.", "Duerme aquí el gato.", "AXCDE"),
    ("el", "Η γάτα κοιμάται εδώ.", "Η σκύλα κοιμάται εδώ σήμερα.", "Κοιμάται εδώ η γάτα.", "AXCDE"),
]
IDS = [case[0] for case in CASES]


def _approx(p: float, r: float, f: float) -> object:
    return pytest.approx((p, r, f))


@pytest.mark.parametrize(("lang", "ref", "partial", "reordered", "shape"), CASES, ids=IDS)
def test_tokens_have_the_assumed_shape(
    lang: str, ref: str, partial: str, reordered: str, shape: str
) -> None:
    tok = get_tokenizer(lang)
    a, b, c, d = tok(ref)
    if shape == "AXCDE":
        x = tok(partial)
        assert (x[0], x[2], x[3]) == (a, c, d) and len(x) == 5 and x[1] not in (a, b, c, d)
    else:
        x = tok(partial)
        assert (x[0], x[1], x[3]) == (a, b, d) and len(x) == 5 and x[2] not in (a, b, c, d)
    assert tok(reordered) == [c, d, a, b]


@pytest.mark.parametrize(("lang", "ref", "partial", "reordered", "shape"), CASES, ids=IDS)
@pytest.mark.parametrize("use_stemmer", [False, True])
def test_identical_is_one(
    lang: str, ref: str, partial: str, reordered: str, shape: str, use_stemmer: bool
) -> None:
    (scores,) = rouge_scores([ref], [ref], TYPES, use_stemmer, lang=lang)
    assert scores == {t: (1.0, 1.0, 1.0) for t in TYPES}


@pytest.mark.parametrize(("lang", "ref", "partial", "reordered", "shape"), CASES, ids=IDS)
def test_partial_overlap_by_hand(
    lang: str, ref: str, partial: str, reordered: str, shape: str
) -> None:
    # ref A B C D (4 tokens, 3 bigrams); pred 5 tokens, 4 bigrams, 3 unigrams shared.
    # rouge1: P = 3/5, R = 3/4, F = 2 * .6 * .75 / 1.35 = 2/3
    # rouge2: one shared bigram (C D for AXCDE, A B for ABXDE): P = 1/4, R = 1/3,
    #         F = 2 * (1/12) / (7/12) = 2/7
    # rougeL: LCS is the three shared tokens in order (A C D or A B D): as rouge1; one line,
    #         so rougeLsum is the same.
    (scores,) = rouge_scores([partial], [ref], TYPES, lang=lang)
    assert scores["rouge1"] == _approx(3 / 5, 3 / 4, 2 / 3)
    assert scores["rouge2"] == _approx(1 / 4, 1 / 3, 2 / 7)
    assert scores["rougeL"] == _approx(3 / 5, 3 / 4, 2 / 3)
    assert scores["rougeLsum"] == _approx(3 / 5, 3 / 4, 2 / 3)


@pytest.mark.parametrize(("lang", "ref", "partial", "reordered", "shape"), CASES, ids=IDS)
def test_reordered_by_hand(lang: str, ref: str, partial: str, reordered: str, shape: str) -> None:
    # ref A B C D, pred C D A B: every unigram shared -> rouge1 = 1.
    # bigrams: ref {AB, BC, CD}, pred {CD, DA, AB}: 2 shared of 3 -> 2/3.
    # LCS: A B (or C D) = 2 of 4 -> rougeL = 1/2 (and rougeLsum, one line).
    (scores,) = rouge_scores([reordered], [ref], TYPES, lang=lang)
    assert scores["rouge1"] == _approx(1, 1, 1)
    assert scores["rouge2"] == _approx(2 / 3, 2 / 3, 2 / 3)
    assert scores["rougeL"] == _approx(1 / 2, 1 / 2, 1 / 2)
    assert scores["rougeLsum"] == _approx(1 / 2, 1 / 2, 1 / 2)


def test_japanese_by_hand() -> None:
    # fugashi/unidic-lite: 私 は 東京 が 好き です (6 tokens, 5 bigrams).
    ref, partial, reordered = "私は東京が好きです。", "私も東京が好きです。", "東京が好きです私は。"
    assert get_tokenizer("ja")(ref) == ["私", "は", "東京", "が", "好き", "です"]
    # partial (は -> も): 5 of 6 unigrams; bigrams 東京が, が好き, 好きです: 3 of 5; LCS 5.
    (scores,) = rouge_scores([partial], [ref], TYPES, lang="ja")
    assert scores["rouge1"] == _approx(5 / 6, 5 / 6, 5 / 6)
    assert scores["rouge2"] == _approx(3 / 5, 3 / 5, 3 / 5)
    assert scores["rougeL"] == _approx(5 / 6, 5 / 6, 5 / 6)
    # reordered C D E F A B: all unigrams; bigrams CD DE EF AB: 4 of 5; LCS C D E F: 4 of 6.
    (scores,) = rouge_scores([reordered], [ref], TYPES, lang="ja")
    assert scores["rouge1"] == _approx(1, 1, 1)
    assert scores["rouge2"] == _approx(4 / 5, 4 / 5, 4 / 5)
    assert scores["rougeL"] == _approx(2 / 3, 2 / 3, 2 / 3)
    assert rouge_scores([ref], [ref], TYPES, lang="ja")[0] == {t: (1.0, 1.0, 1.0) for t in TYPES}


def test_thai_is_segmented() -> None:
    # pythainlp newmm: ภาษาไทย ง่าย มาก vs ภาษาไทย ยาก มาก: 2 of 3 unigrams, no bigram.
    assert get_tokenizer("th")("ภาษาไทยง่ายมาก") == ["ภาษาไทย", "ง่าย", "มาก"]
    (scores,) = rouge_scores(["ภาษาไทยยากมาก"], ["ภาษาไทยง่ายมาก"], ("rouge1", "rouge2"), lang="th")
    assert scores["rouge1"] == _approx(2 / 3, 2 / 3, 2 / 3)
    assert scores["rouge2"] == _approx(0, 0, 0)


def test_korean_by_hand() -> None:
    # kiwipiepy splits words into morphemes: 10 reference tokens, 8 in the prediction.
    ref, pred = "나는 어제 서울에서 친구를 만났다.", "친구를 어제 서울에서 만났다."
    tok = get_tokenizer("ko")
    assert tok(ref) == ["나", "는", "어제", "서울", "에서", "친구", "를", "만나", "었", "다"]
    assert tok(pred) == ["친구", "를", "어제", "서울", "에서", "만나", "었", "다"]
    (scores,) = rouge_scores([pred], [ref], TYPES, lang="ko")
    # Every prediction token is in the reference: P 8/8, R 8/10.
    assert scores["rouge1"] == _approx(1, 4 / 5, 8 / 9)
    # Shared bigrams 친구를, 어제서울, 서울에서, 만나었, 었다: 5 of 7 and of 9.
    assert scores["rouge2"] == _approx(5 / 7, 5 / 9, 5 / 8)
    # LCS 어제 서울 에서 만나 었 다: 6 of 8 and of 10.
    assert scores["rougeL"] == _approx(3 / 4, 3 / 5, 2 / 3)
    assert rouge_scores([ref], [ref], TYPES, lang="ko")[0] == {t: (1.0, 1.0, 1.0) for t in TYPES}


def test_snowball_stemming_in_german() -> None:
    # "die Katzen" vs "die Katze": only "die" shared (1/2); Snowball german: katz on both (2/2).
    pred, ref = ["Die Katzen"], ["Die Katze"]
    assert rouge_scores(pred, ref, ("rouge1",), lang="de")[0]["rouge1"].fmeasure == 0.5
    assert rouge_scores(pred, ref, ("rouge1",), True, lang="de")[0]["rouge1"].fmeasure == 1.0


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Кошка сидит на окне. Собака спит во дворе.", "ru"),
        ("Київ — столиця України. Місто стоїть на Дніпрі.", "uk"),
        ("我爱北京天安门。天安门上太阳升。", "zh"),
        ("東京は日本の首都です。とても大きい。", "ja"),
        ("हिन्दी भारत की एक भाषा है। यह बहुत सुंदर है।", "hi"),
        ("Η ελληνική γλώσσα είναι αρχαία. Μιλιέται στην Ελλάδα.", "el"),
    ],
)
def test_lang_none_detects_the_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
    partial = text[: len(text) // 2]
    assert rouge_scores([partial], [text], lang=None) == rouge_scores([partial], [text], lang=lang)
