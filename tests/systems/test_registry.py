"""Parsing system specs: extractive names, hf: models with typed options, and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalsuite.errors import UsageError
from evalsuite.systems.extractive import LeadK, TextRank
from evalsuite.systems.hf import HFSeq2Seq
from evalsuite.systems.registry import system_from_spec


@pytest.mark.parametrize(
    ("spec", "cls", "k"),
    [
        ("lead", LeadK, 3),
        ("lead-3", LeadK, 3),
        ("lead-1", LeadK, 1),
        (" Lead-12 ", LeadK, 12),
        ("textrank", TextRank, 3),
        ("textrank-5", TextRank, 5),
    ],
)
def test_extractive_specs(spec: str, cls: type[LeadK] | type[TextRank], k: int) -> None:
    system = system_from_spec(spec)
    assert isinstance(system, cls)
    assert system.k == k
    assert system.name == f"{cls.__name__.lower().replace('leadk', 'lead')}-{k}"


@pytest.mark.parametrize("spec", ["lead-0", "lead-x", "lead3", "textrank-", "bart", "", "hf:"])
def test_bad_specs_list_the_valid_forms(spec: str) -> None:
    with pytest.raises(UsageError) as error:
        system_from_spec(spec)
    message = str(error.value)
    assert "hf:" in message or "K must be" in message or "after 'hf:'" in message


def test_unknown_spec_message_lists_forms() -> None:
    with pytest.raises(UsageError, match=r"valid forms: lead, lead-K, textrank, textrank-K, hf:"):
        system_from_spec("pegasus")


def test_hf_spec_with_typed_options(tiny_seq2seq_path: Path) -> None:
    spec = f"hf:{tiny_seq2seq_path}?max_new_tokens=64&num_beams=2&batch_size=4&prefix=summarize:+"
    system = system_from_spec(spec)
    assert isinstance(system, HFSeq2Seq)
    assert system.model == str(tiny_seq2seq_path)
    assert (system.max_new_tokens, system.num_beams, system.batch_size) == (64, 2, 4)
    assert system.max_input_tokens == 1024
    assert system.prefix == "summarize: "
    assert system.device == "auto"


def test_hf_spec_accepts_hub_ids_without_loading() -> None:
    system = system_from_spec("hf:facebook/bart-large-cnn?device=cpu")
    assert isinstance(system, HFSeq2Seq)
    assert system.model == "facebook/bart-large-cnn"
    assert system.name == "hf:facebook/bart-large-cnn"
    assert system.device == "cpu"


def test_hf_unknown_option_lists_valid_ones() -> None:
    with pytest.raises(UsageError) as error:
        system_from_spec("hf:some/model?temprature=0.7")
    message = str(error.value)
    assert "temprature" in message
    for option in ("batch_size", "max_input_tokens", "max_new_tokens", "num_beams", "device"):
        assert option in message


@pytest.mark.parametrize(
    ("query", "match"),
    [
        ("num_beams=two", "needs an integer"),
        ("batch_size=0", "at least 1"),
        ("num_beams=2&num_beams=3", "given twice"),
    ],
)
def test_hf_bad_option_values(query: str, match: str) -> None:
    with pytest.raises(UsageError, match=match):
        system_from_spec(f"hf:some/model?{query}")
