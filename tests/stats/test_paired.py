"""Paired tests: p-values equal to sacrebleu's at the same seed, from stored statistics."""

from __future__ import annotations

import random

import numpy as np
import pytest
from sacrebleu.metrics import BLEU, CHRF
from sacrebleu.significance import PairedTest

from evalsuite.stats import paired_test

WORDS = [
    "the", "police", "arrested", "a", "protester", "in", "berlin", "on", "monday", "and",
    "released", "him", "later", "city", "council", "said", "that", "drones", "were", "launched",
    "over", "kyiv", "during", "night",
]


def _corpus(seed: int, n: int = 120) -> tuple[list[str], list[str], list[str]]:
    """References, a baseline that edits them lightly, and a system that edits them more."""
    rng = random.Random(seed)
    refs, base, system = [], [], []
    for _ in range(n):
        ref = [rng.choice(WORDS) for _ in range(rng.randint(3, 18))]
        refs.append(" ".join(ref))
        for out, keep in ((base, 0.8), (system, 0.65)):
            out.append(" ".join(w if rng.random() < keep else rng.choice(WORDS) for w in ref))
    return refs, base, system


def _sacrebleu_p(metric_name: str, test: str, seed: int) -> tuple[float, float, float]:
    refs, base, system = _corpus(seed)
    metric = BLEU() if metric_name == "bleu" else CHRF()
    samples = 1000 if test == "bs" else 2000
    sigs, scores = PairedTest(
        [("base", base), ("sys", system)], {metric_name: metric}, [refs],
        test_type=test, n_samples=samples,
    )()
    (name,) = [k for k in scores if k != "System"]
    base_result, sys_result = scores[name]
    return base_result.score, sys_result.score, sys_result.p_value


def _stats(metric_name: str, seed: int) -> tuple[list[list[float]], list[list[float]]]:
    refs, base, system = _corpus(seed)
    metric = BLEU() if metric_name == "bleu" else CHRF()
    return (
        metric._extract_corpus_statistics(base, [refs]),
        metric._extract_corpus_statistics(system, [refs]),
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(("test", "ours"), [("bs", "bootstrap"), ("ar", "ar")])
@pytest.mark.parametrize("metric_name", ["bleu", "chrf"])
def test_p_value_equals_sacrebleu(metric_name: str, test: str, ours: str, seed: int) -> None:
    expected_base, expected_sys, expected_p = _sacrebleu_p(metric_name, test, seed)
    base_stats, sys_stats = _stats(metric_name, seed)
    samples = 1000 if test == "bs" else 2000
    result = paired_test(base_stats, sys_stats, metric_name, test=ours, n_samples=samples)  # type: ignore[arg-type]
    assert result.p_value == expected_p
    assert result.baseline == pytest.approx(expected_base, abs=1e-9)
    assert result.system == pytest.approx(expected_sys, abs=1e-9)
    assert result.delta == pytest.approx(expected_sys - expected_base, abs=1e-9)


def test_identical_systems_are_not_significant() -> None:
    base_stats, _ = _stats("bleu", 4)
    for test in ("bootstrap", "ar"):
        result = paired_test(base_stats, base_stats, "bleu", test=test, n_samples=500)  # type: ignore[arg-type]
        assert result.delta == 0
        assert result.p_value == 1.0
        assert not result.significant()


def test_rouge_mean_statistics() -> None:
    rng = np.random.default_rng(0)
    base = np.column_stack([rng.random(300)] * 3)
    better = np.clip(base + 0.2, 0, 1)
    result = paired_test(base, better, "rouge1", test="bootstrap", n_samples=300)
    assert result.delta == pytest.approx(float(better[:, 2].mean() - base[:, 2].mean()))
    assert result.significant()


def test_same_inputs_same_output_and_bad_input() -> None:
    base_stats, sys_stats = _stats("chrf", 5)
    first = paired_test(base_stats, sys_stats, "chrf", n_samples=200, seed=7)
    assert first == paired_test(base_stats, sys_stats, "chrf", n_samples=200, seed=7)
    with pytest.raises(ValueError, match="shape"):
        paired_test(base_stats, sys_stats[:-1], "chrf")
    with pytest.raises(ValueError, match="unknown test"):
        paired_test(base_stats, sys_stats, "chrf", test="t")  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        paired_test(base_stats, sys_stats, "meteor")
