"""ROUGE in ten languages: identical, partially overlapping and reordered texts, by hand.

Each case shows the tokens the language's tokenizer must produce (word segmentation for zh and
ja, Unicode words elsewhere), so the expected scores below follow from counting them.
"""

from __future__ import annotations

import pytest

from evalsuite.metrics.rouge import DEFAULT_ROUGE_TYPES, pair_languages, rouge_scores
from evalsuite.metrics.rouge_metric import Rouge
from evalsuite.text.tokenize import detect_language, get_tokenizer

pytestmark = pytest.mark.usefixtures("rouge_core")

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


# F-measures of ROUGE-1, -2 and -L, unstemmed and stemmed, from XL-Sum's multilingual scorer
# (multilingual-rouge 0.0.1, RougeScorer(lang="hindi" | "greek", use_stemmer=...)) on the same
# NFC texts; benchmarks/rouge_xlsum_parity.py compares the two on DEMETR's Hindi sentences.
XLSUM = [
    ("hi", "राम के भाई को किताब दी", "राम की भाई के किताब दी", (0.8333, 0.2, 0.6667),
     (0.8333, 0.2, 0.6667)),
    ("hi", "लड़कों ने मैदान में क्रिकेट खेला", "लड़के ने मैदान में क्रिकेट खेली", (0.6667, 0.6, 0.6667),
     (1.0, 1.0, 1.0)),
    ("hi", "सरकार ने नई योजनाओं की घोषणा की", "सरकार नई योजना की घोषणा करेगी",
     (0.6154, 0.1818, 0.6154), (0.7692, 0.5455, 0.7692)),
    ("hi", "वे कल दिल्ली जाएंगे और लौटेंगे", "वह कल दिल्ली जाएगा और लौटेगा", (0.5, 0.2, 0.5),
     (0.6667, 0.4, 0.6667)),
    ("hi", "बच्चों को किताबें पढ़ना पसंद है", "बच्चे किताब पढ़ते हैं", (0.0, 0.0, 0.0), (0.6, 0.25, 0.6)),
    ("hi", "लड़कियों ने गाने गाए", "लड़की ने गाना गाया", (0.25, 0.0, 0.25), (0.75, 0.6667, 0.75)),
    ("el", "της μητέρας", "τους μητέρες", (0.0, 0.0, 0.0), (0.0, 0.0, 0.0)),
    ("el", "ο πρόεδρος της χώρας μίλησε", "ο πρόεδρος τους χώρας μίλησε", (0.8, 0.5, 0.8),
     (0.8, 0.5, 0.8)),
    ("el", "οι υπουργοί συναντήθηκαν με τους πολίτες", "ο υπουργός συναντήθηκε με τις πολίτισσες",
     (0.1667, 0.0, 0.1667), (0.1667, 0.0, 0.1667)),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "ref", "pred", "plain", "stemmed"), XLSUM)
def test_hindi_and_greek_equal_xlsum(
    lang: str, ref: str, pred: str, plain: tuple[float, ...], stemmed: tuple[float, ...]
) -> None:
    """Stemming must not merge के / को / की or της / τους (XL-Sum keeps them apart)."""
    for use_stemmer, expected in ((False, plain), (True, stemmed)):
        (scores,) = rouge_scores([pred], [ref], ("rouge1", "rouge2", "rougeL"), use_stemmer,
                                 lang=lang)
        got = tuple(round(scores[t].fmeasure, 4) for t in ("rouge1", "rouge2", "rougeL"))
        assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "আমি বাংলায় গান গাই। বাংলা আমার মাতৃভাষা।",  # Bengali
        "মই অসমীয়া ভাষাত কথা কওঁ।",  # Assamese
        "હું ગુજરાતી બોલું છું.", "ਮੈਂ ਪੰਜਾਬੀ ਬੋਲਦਾ ਹਾਂ।", "నేను తెలుగు మాట్లాడతాను.",
        "ខ្ញុំនិយាយភាសាខ្មែរ។", "ကျွန်တော် မြန်မာစကား ပြောပါတယ်။", "მე ვლაპარაკობ ქართულად.",
    ],
)  # fmt: skip
def test_lang_none_never_deletes_a_script(text: str) -> None:
    """Identical texts score 1.0 in any script; before, these were 'English' and scored 0.
    (Khmer has no spaces and no segmenter here: one token, so no bigram for ROUGE-2.)"""
    (scores,) = rouge_scores([text], [text], lang=None)
    assert [scores[t].fmeasure for t in ("rouge1", "rougeL", "rougeLsum")] == [1.0] * 3


def test_mixed_scripts_are_not_tokenized_as_english() -> None:
    """Mostly English, with Cyrillic that rouge-score's tokenizer would delete: the Unicode
    tokenizer keeps it, and the signature says the language was undetermined."""
    pred = "The minister said the deal was signed. Министр подписал договор."
    ref = "The minister said the deal was signed. Министр не подписал договор."
    assert pair_languages([pred], [ref], lang=None) == [None]
    (scores,) = rouge_scores([pred], [ref], ("rouge1",), lang=None)
    assert scores["rouge1"].recall == pytest.approx(10 / 11)  # only "не" is missing
    signature = str(Rouge(("rouge1",)).signature_for("rouge1", pair_languages([pred], [ref], None)))
    assert signature.startswith("rouge1|lang:und|tok:unicode|")


def test_detected_languages_show_in_the_signature() -> None:
    preds = ["আমি বাংলায় গান গাই।", "The cat sat on the mat."]
    langs = pair_languages(preds, preds, lang=None)
    assert langs == ["bn", "en"]
    signature = str(Rouge(("rouge1",)).signature_for("rouge1", langs))
    assert "|lang:bn,en|tok:bn=unicode,en=rouge-score-en|" in signature
