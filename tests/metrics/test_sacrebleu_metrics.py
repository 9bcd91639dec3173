"""Parity: our wrappers give exactly what sacrebleu gives, with its signature."""

from __future__ import annotations

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from evalsuite.metrics.sacrebleu_metrics import Bleu, Chrf, Ter, bleu_tokenizer_for

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
    [(Bleu(), BLEU()), (Chrf(), CHRF()), (Chrf(word_order=2), CHRF(word_order=2)), (Ter(), TER())],
)
def test_corpus_score_and_signature_match_sacrebleu(ours, theirs) -> None:
    out = ours.compute(HYPS, REFS, LANGS)
    expected = theirs.corpus_score(HYPS, _streams())
    assert out.scores[0].value == expected.score
    assert out.scores[0].signature == str(theirs.get_signature())


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
    assert "tok:zh" in out.scores[0].signature
    assert out.scores[0].value == pytest.approx(100.0)


def test_length_mismatch_and_missing_reference_raise() -> None:
    with pytest.raises(ValueError, match="hypotheses"):
        Bleu().compute(["a"], [], ["en"])
    with pytest.raises(ValueError, match="no reference"):
        Bleu().compute(["a"], [[]], ["en"])
