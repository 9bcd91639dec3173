"""WER: parity with jiwer 4.0.0 on random and hand-picked pairs, and what differs on purpose."""

from __future__ import annotations

import random

import pytest

from evalsuite import __version__
from evalsuite.metrics.base import IntervalSettings, Metric
from evalsuite.metrics.spec import parse_spec
from evalsuite.metrics.wer import Wer

jiwer = pytest.importorskip("jiwer", reason="jiwer==4.0.0 is a dev dependency")

# jiwer's own recipe for splitting on every ASCII whitespace character, not only on spaces
ANY_WHITESPACE = jiwer.Compose([
    jiwer.RemoveWhiteSpace(replace_by_space=True), jiwer.RemoveMultipleSpaces(), jiwer.Strip(),
    jiwer.ReduceToListOfListOfWords(),
])  # fmt: skip
VOCAB = ["the", "The", "cat", "sat", "on", "mat", "mat.", ",", "300", "Kyiv", "Київ", "là"]


def _text(rng: random.Random, gaps: str) -> str:
    words = [rng.choice(VOCAB) for _ in range(rng.choice([0, 1, 2, 5, 12, 40]))]
    text = "".join(w + rng.choice(gaps) * rng.randint(1, 3) for w in words)
    return rng.choice(["", " ", gaps[-1]]) + text


def _corpus(seed: int, gaps: str, n: int = 60) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    return [_text(rng, gaps) for _ in range(n)], [_text(rng, gaps) for _ in range(n)]


def _scored(hyps: list[str], refs: list[str], metric: Metric | None = None) -> tuple[float, list]:
    out = (metric or Wer()).compute(hyps, [[r] for r in refs], ["en"] * len(hyps))
    return out.scores[0].value, out.segment_stats


@pytest.mark.parametrize("seed", range(5))
def test_corpus_and_segments_equal_jiwer_defaults_on_space_separated_text(seed: int) -> None:
    hyps, refs = _corpus(seed, " ")
    value, stats = _scored(hyps, refs)
    assert value == jiwer.wer(refs, hyps)
    for hyp, ref, row in zip(hyps, refs, stats, strict=True):
        words = jiwer.process_words(ref, hyp)
        edits = words.substitutions + words.deletions + words.insertions
        assert row["wer"] == [edits, words.hits + words.substitutions + words.deletions]
    segments = Wer().compute(hyps, [[r] for r in refs], ["en"] * len(hyps)).segments
    assert [s["wer"] for s in segments] == [
        jiwer.wer(r, h) for r, h in zip(refs, hyps, strict=True)
    ]


@pytest.mark.parametrize("seed", range(3))
def test_equals_jiwer_split_on_any_whitespace_for_tabs_and_newlines(seed: int) -> None:
    hyps, refs = _corpus(seed, " \t\n\r")
    value, _ = _scored(hyps, refs)
    assert value == jiwer.wer(refs, hyps, reference_transform=ANY_WHITESPACE,
                              hypothesis_transform=ANY_WHITESPACE)  # fmt: skip


def test_lowercase_equals_jiwer_with_lower_case() -> None:
    hyps, refs = _corpus(7, " ")
    lower = jiwer.Compose([jiwer.ToLowerCase(), jiwer.wer_default])
    value, _ = _scored(hyps, refs, parse_spec("wer:lowercase=true").build())
    assert value == jiwer.wer(refs, hyps, reference_transform=lower, hypothesis_transform=lower)
    assert value <= _scored(hyps, refs)[0]


@pytest.mark.parametrize(
    ("hyps", "refs"),
    [
        (["a b c"], ["a b c"]),
        ([""], ["the cat sat"]),  # everything deleted: 1.0
        (["the cat sat"], [""]),  # no reference word: jiwer gives the insertions, 3
        ([""], [""]),
        (["x", ""], ["", ""]),  # a corpus without a reference word: the insertions, 1
        (["the cat", "a b c d e f"], ["", "a b"]),  # empty references add edits, not words
        (["Le chat, là."], ["le chat là"]),  # punctuation and case belong to the word
        (["  spaced   out  "], ["spaced out"]),
    ],
)
def test_hand_picked_pairs_equal_jiwer(hyps: list[str], refs: list[str]) -> None:
    value, stats = _scored(hyps, refs)
    assert value == jiwer.wer(refs, hyps)
    for hyp, ref, row in zip(hyps, refs, stats, strict=True):
        words = jiwer.process_words(ref, hyp)
        assert row["wer"][1] == len(words.references[0])


def test_unicode_spaces_separate_words_unlike_jiwers_default() -> None:
    """evalsuite splits where `str.split()` does; jiwer's default only on ' ' (a tab or a
    no-break space stays inside a word there)."""
    for gap in ("\t", "\u00a0", "\u3000", "\u2009"):
        assert _scored([f"a{gap}b"], ["a b"])[0] == 0.0
    assert jiwer.wer("a b", "a\tb") == 1.0


def test_several_references_use_the_closest_one() -> None:
    out = Wer().compute(["the cat sat", "a b"], [["a dog sat down", "the cat sat"], ["a c", "b d"]],
                        ["en", "en"])  # fmt: skip
    assert out.segment_stats[0]["wer"] == [0.0, 3.0]
    assert out.segment_stats[1]["wer"] == [1.0, 2.0]  # a tie: the first reference
    assert str(out.scores[0].signature) == (
        f"wer|nrefs:2|case:mixed|tok:whitespace|version:{__version__}"
    )


def test_lower_is_better_with_an_interval() -> None:
    hyps, refs = _corpus(3, " ")
    out = Wer().compute(hyps, [[r] for r in refs], ["en"] * len(hyps),
                        interval=IntervalSettings(200, 1, 0.9))  # fmt: skip
    score = out.scores[0]
    assert score.higher_is_better is False
    assert score.ci_low is not None and score.ci_high is not None
    assert score.ci_low <= score.value <= score.ci_high
    assert str(score.signature).endswith("|bs:200|seed:1|ci:90")
