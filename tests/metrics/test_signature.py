"""Signatures are fields; they render to the stored text and parse back from it."""

from __future__ import annotations

import pytest

from evalsuite.metrics.base import IntervalSettings
from evalsuite.metrics.sacrebleu_metrics import Bleu
from evalsuite.metrics.signature import Signature

STORED = [
    "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0|bs:1000|seed:12345|ci:95",
    "nrefs:var|case:mixed|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0|shiftcap:400",
    "rouge1|lang:en,ru|tok:en=rouge-score-en,ru=unicode|stem:no|version:0.1.0",
    "entity|ner:en=en_core_web_sm-3.8.0|match:fold+translit+alias|prec:reference|version:0.1.0",
    "entity|v1",
    "x:y|seed:none|ci:90",
    "",
]


@pytest.mark.parametrize("text", STORED)
def test_stored_text_parses_and_renders_back(text: str) -> None:
    assert str(Signature.parse(text)) == text


def test_fields_name_and_interval_are_apart() -> None:
    signature = Signature.parse(STORED[0])
    assert signature.name == ""
    assert signature.get("tok") == "13a" and signature.get("seed") == "12345"
    assert signature.interval == (("bs", "1000"), ("seed", "12345"), ("ci", "95"))
    assert str(signature.metric) == STORED[0].removesuffix("|bs:1000|seed:12345|ci:95")
    rouge = Signature.parse(STORED[2])
    assert rouge.name == "rouge1" and rouge.fields[0] == ("lang", "en,ru")


def test_interval_settings_alone_do_not_change_the_metric_part() -> None:
    base = Signature.of([("tok", "13a"), ("version", "1")], name="m")
    assert str(base.with_interval(50, 3, 0.9)) == "m|tok:13a|version:1|bs:50|seed:3|ci:90"
    assert base.with_interval(50, 3, 0.9).metric == base.with_interval(10, None, 0.95).metric
    assert str(base.plus("shiftcap", 400)) == "m|tok:13a|version:1|shiftcap:400"


@pytest.mark.parametrize("bad", [("a|b", "c"), ("a:b", "c"), ("a", "b|c")])
def test_fields_that_would_not_parse_back_are_refused(bad: tuple[str, str]) -> None:
    with pytest.raises(ValueError):
        Signature((bad,))


def test_bleu_gets_an_interval_and_signed_settings() -> None:
    hyps, refs, langs = ["a b c d", "e f g h"], [["a b c d"], ["e f x h"]], ["en", "en"]
    plain = Bleu().compute(hyps, refs, langs)
    signed = Bleu().compute(hyps, refs, langs, interval=IntervalSettings(50, 3, 0.9))
    score = signed.scores[0]
    assert str(score.signature) == str(plain.scores[0].signature) + "|bs:50|seed:3|ci:90"
    assert score.ci_low is not None and score.ci_high is not None
    assert score.ci_low <= score.ci_high
    assert score.signature.metric == plain.scores[0].signature
    assert Bleu().compute(hyps, refs, langs, interval=IntervalSettings(0)) == plain
