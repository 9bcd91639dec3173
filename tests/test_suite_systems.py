"""Suite keys for systems tables, field mapping, hub datasets, round trips and the gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evalsuite.data import load_examples
from evalsuite.errors import InputError, UsageError
from evalsuite.harness import load_dataset_examples
from evalsuite.suite import load_suite
from evalsuite.systems.command import CommandSystem
from evalsuite.systems.hf import HFSeq2Seq

DATASET = '[[datasets]]\nname = "a"\npath = "d.jsonl"\ntask = "translation"\n'


def _suite(tmp_path: Path, body: str) -> Path:
    record = {"doc": "7", "text": "Hallo.", "gold": "Hello.", "src_lang": "de", "tgt_lang": "en"}
    (tmp_path / "d.jsonl").write_text(json.dumps(record) + "\n")
    path = tmp_path / "s.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_system_tables_fields_and_gate(tmp_path: Path) -> None:
    (tmp_path / "models" / "m").mkdir(parents=True)
    body = (
        DATASET
        + 'fields = { id = "doc", source = "text", reference = "gold" }\n'
        + 'systems = ["cmd:cat", { system = "hf:models/m", max_new_tokens = 9, name = "m" }]\n'
        + '[gate]\nmetric = "chrf"\nthresholds = { chrf = 0.5 }\n'
    )
    suite = load_suite(_suite(tmp_path, body))
    assert suite.gate == {"metric": "chrf", "thresholds": {"chrf": 0.5}}
    config = suite.datasets[0]
    cat, model = (system.build() for system in config.systems)
    assert isinstance(cat, CommandSystem) and cat.cwd == tmp_path.resolve()
    assert isinstance(model, HFSeq2Seq) and model.name == "m" and model.max_new_tokens == 9
    assert model.model == str(tmp_path.resolve() / "models" / "m"), "relative to the suite"
    (example,) = load_dataset_examples(config)
    assert (example.id, example.source, example.reference) == ("7", "Hallo.", ("Hello.",))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('systems = [{ model = "x" }]\n', r"systems\[0\]: a system table needs 'system'"),
        ('systems = [{ system = "hf:a/b", beams = 2 }]\n', "unknown option 'beams'"),
        ('systems = ["cmd:"]\n', "give a command line"),
        ('systems = ["lead"]\nfields = { text = "x" }\n', "fields: unknown field 'text'"),
        ('systems = ["lead"]\nfields = "source"\n', "fields must be a table"),
        ('round_trip = { forward = "cmd:cat" }\n', "exactly 'forward' and 'backward'"),
        ('hub = "cnn_dailymail"\nsystems = ["lead"]\n', "exactly one of 'path'"),
        ('systems = ["lead"]\nsplit = "test"\n', "split: only for hub datasets"),
        ('systems = ["lead"]\n[gate]\n', None),
    ],
)
def test_bad_system_and_dataset_keys(tmp_path: Path, extra: str, message: str | None) -> None:
    path = _suite(tmp_path, DATASET + extra)
    if message is None:
        assert load_suite(path).gate == {}
        return
    with pytest.raises(UsageError, match=message) as info:
        load_suite(path)
    assert str(path) in str(info.value)


def test_gate_must_be_a_table(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="gate must be a table"):
        load_suite(_suite(tmp_path, 'gate = "strict"\n' + DATASET + 'systems = ["lead"]\n'))


def test_round_trip_needs_translation(tmp_path: Path) -> None:
    body = DATASET.replace("translation", "summary") + (
        'round_trip = { forward = "cmd:cat", backward = "cmd:cat" }\n'
    )
    with pytest.raises(UsageError, match="round_trip: needs task"):
        load_suite(_suite(tmp_path, body))


def test_missing_mapped_column_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"article": "A."}\n{"body": "B."}\n')
    with pytest.raises(InputError, match=r"d.jsonl:2: field 'article': has no column 'article'"):
        load_examples(path, "jsonl", fields=(("source", "article"),))


def test_hub_dataset_offline_is_a_clear_error(tmp_path: Path) -> None:
    body = '[[datasets]]\nname = "cnn"\nhub = "evalsuite-tests/no-such-dataset"\nsplit = "test"\n'
    body += 'task = "summary"\nsystems = ["lead-3"]\n'
    config = load_suite(_suite(tmp_path, body)).datasets[0]
    assert config.label == "hub:evalsuite-tests/no-such-dataset[test]"
    with pytest.raises(InputError, match=r"hub:evalsuite-tests/no-such-dataset\[test\]: .*offline"):
        load_dataset_examples(config)
