"""HFSeq2Seq through the real transformers path, on a tiny model built on the spot."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from evalsuite.errors import UsageError
from evalsuite.systems.base import System
from evalsuite.systems.hf import HFSeq2Seq

SOURCES = [
    "The police arrested two men after the attack.",
    "Prices rose.",
    "Полиция арестовала двух мужчин после нападения, и тысячи людей собрались в столице.",
    "Le ministre a dit que le plan coûterait 3,5 milliards d'euros.",
    "Scientists found water on a distant planet.",
]
LANGS: list[str | None] = ["en", "en", "ru", "fr", "en"]


def _system(
    path: Path, *, batch_size: int = 8, max_input_tokens: int = 1024, num_beams: int = 1
) -> HFSeq2Seq:
    return HFSeq2Seq(
        str(path),
        batch_size=batch_size,
        max_input_tokens=max_input_tokens,
        max_new_tokens=8,
        num_beams=num_beams,
        device="cpu",
    )


def test_generates_one_string_per_input_and_keeps_order(tiny_seq2seq_path: Path) -> None:
    system = _system(tiny_seq2seq_path, batch_size=4)
    outputs = system.generate(SOURCES, LANGS)
    assert len(outputs) == len(SOURCES)
    assert all(isinstance(out, str) and out for out in outputs)
    # Each output is what the model makes of that input alone (sorting did not shuffle them).
    alone = [
        system.generate([source], [lang])[0] for source, lang in zip(SOURCES, LANGS, strict=True)
    ]
    assert outputs == alone
    assert len(set(outputs)) > 1, "the tiny model should react to its input"


def test_batch_size_does_not_change_outputs(tiny_seq2seq_path: Path) -> None:
    one = _system(tiny_seq2seq_path, batch_size=1).generate(SOURCES, LANGS)
    four = _system(tiny_seq2seq_path, batch_size=4).generate(SOURCES, LANGS)
    assert one == four


def test_beam_search_runs(tiny_seq2seq_path: Path) -> None:
    outputs = _system(tiny_seq2seq_path, num_beams=2, batch_size=2).generate(SOURCES[:3], LANGS[:3])
    assert len(outputs) == 3 and all(isinstance(out, str) for out in outputs)


def test_empty_sources_skip_the_model(tiny_seq2seq_path: Path) -> None:
    system = _system(tiny_seq2seq_path)
    assert system.generate(["", "  "], [None, None]) == ["", ""]
    assert system._model is None, "loading is lazy and empty inputs need no model"
    outputs = system.generate(["", SOURCES[0]], [None, "en"])
    assert outputs[0] == "" and outputs[1]


def test_truncation_is_recorded(tiny_seq2seq_path: Path) -> None:
    system = _system(tiny_seq2seq_path, max_input_tokens=16, batch_size=2)
    long_source = " ".join(SOURCES * 3)
    outputs = system.generate([SOURCES[1], long_source, SOURCES[0]], ["en", "en", "en"])
    assert len(outputs) == 3
    assert system.truncated == [1]
    system.generate([SOURCES[1]], ["en"])
    assert system.truncated == []


def test_model_positions_cap_the_input_limit(tiny_seq2seq_path: Path) -> None:
    system = _system(tiny_seq2seq_path, max_input_tokens=100_000)
    (out,) = system.generate([" ".join(SOURCES * 40)], ["en"])
    assert isinstance(out, str)
    assert system.truncated == [0]


def test_prefix_is_part_of_the_input_and_signature(tiny_seq2seq_path: Path) -> None:
    plain = _system(tiny_seq2seq_path)
    prefixed = HFSeq2Seq(str(tiny_seq2seq_path), max_new_tokens=8, prefix="summarize: ")
    assert plain.signature != prefixed.signature
    assert "prefix:'summarize: '" in prefixed.signature


def test_signature_and_versions(tiny_seq2seq_path: Path) -> None:
    system = _system(tiny_seq2seq_path)
    assert isinstance(system, System)
    assert system.name == f"hf:{tiny_seq2seq_path.name}"
    signature = system.signature
    assert signature.startswith(f"hf:{tiny_seq2seq_path}|model:")
    for part in ("max_input:1024", "max_new:8", "beams:1", "sample:no", "transformers:"):
        assert part in signature
    assert signature == _system(tiny_seq2seq_path, batch_size=3).signature
    assert signature != _system(tiny_seq2seq_path, num_beams=2).signature
    assert set(system.versions) == {"transformers", "torch", "model"}
    assert system.versions["model"] == str(tiny_seq2seq_path)


def test_signature_changes_when_the_model_changes(tiny_seq2seq_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / tiny_seq2seq_path.name
    copy.mkdir()
    for item in tiny_seq2seq_path.iterdir():
        (copy / item.name).write_bytes(item.read_bytes())
    before = _system(copy).signature.split("|")[1]
    assert before == _system(tiny_seq2seq_path).signature.split("|")[1]
    config = copy / "config.json"
    config.write_text(config.read_text().replace('"d_model": 32', '"d_model": 32 '))
    assert _system(copy).signature.split("|")[1] != before


def test_uncached_hub_id_raises_usage_error_quickly() -> None:
    system = HFSeq2Seq("evalsuite-tests/no-such-model-anywhere", device="cpu")
    start = time.monotonic()
    with pytest.raises(UsageError) as error:
        system.generate(["Some text."], ["en"])
    assert time.monotonic() - start < 30
    message = str(error.value)
    assert "evalsuite-tests/no-such-model-anywhere" in message
    assert "hub could not be reached" in message


def test_missing_directory_and_bad_options_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        HFSeq2Seq(str(tmp_path / "missing"))
    with pytest.raises(UsageError, match="batch_size"):
        HFSeq2Seq(str(tmp_path), batch_size=0)
    with pytest.raises(UsageError, match="device"):
        HFSeq2Seq(str(tmp_path), device="tpu")


def test_directory_without_a_model_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no config.json"):
        HFSeq2Seq(str(tmp_path), device="cpu").generate(["Text."], ["en"])


def test_unreachable_hub_fails_fast_without_offline_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """Online mode, hub unreachable: an error within seconds, not a minute of retries (15)."""
    from evalsuite.systems import hf_loading

    for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(hf_loading, "hub_reachable", lambda: False)  # no probe leaves here
    system = HFSeq2Seq("evalsuite-tests/no-such-model-anywhere", device="cpu")
    start = time.monotonic()
    with pytest.raises(UsageError, match=r"cannot be reached from here") as error:
        system.generate(["Some text."], ["en"])
    assert time.monotonic() - start < 5
    assert "huggingface.co:443" in str(error.value)
