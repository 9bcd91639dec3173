"""The NLI model's input: a premise too long is cut, and a hypothesis longer than the model
takes no longer stops the run (the tokenizer refuses to cut only a premise that is too short)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalsuite.metrics.spec import parse_spec
from evalsuite.models.locate import locate_model
from evalsuite.models.nli import load_nli


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVALSUITE_CACHE", str(tmp_path / "cache"))


def test_a_hypothesis_longer_than_the_model_takes_is_scored(tiny_nli_path: Path) -> None:
    metric = parse_spec(f"nli:model={tiny_nli_path};cache=false").build()
    long_sentence = " ".join(["the police arrested two men after the attack"] * 40)
    out = metric.compute(
        [long_sentence, "The police arrested two men."], [["x"], ["x"]], ["en", "en"],
        sources=["Police arrested two men.", long_sentence],
    )  # fmt: skip
    assert all(0.0 <= s["nli"] <= 1.0 for s in out.segments)


def test_only_the_premise_is_cut_while_the_hypothesis_fits(tiny_nli_path: Path) -> None:
    model = load_nli(locate_model(str(tiny_nli_path), "nli"), "cpu", None)
    premise = " ".join(["prices rose sharply in april and may"] * 60)
    hypothesis = "prices rose sharply"
    assert model._truncation(hypothesis) == "only_first"
    assert model._truncation(premise) == "longest_first"
    ids = model.tokenizer(premise, hypothesis, truncation=model._truncation(hypothesis),
                          max_length=model.max_length)["input_ids"]  # fmt: skip
    tail = model.tokenizer(hypothesis, add_special_tokens=False)["input_ids"]
    assert len(ids) == model.max_length and ids[-len(tail) - 1 : -1] == tail
