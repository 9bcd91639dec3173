"""Suite files: the built-in default, and clear errors for bad keys and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalsuite.errors import InputError, UsageError
from evalsuite.suite import default_suite_path, load_suite


def test_default_suite_loads_with_data_inside_the_package() -> None:
    suite = load_suite()
    assert suite.path == default_suite_path().resolve()
    names = [d.name for d in suite.datasets]
    assert names == ["news-summaries", "seed-summary", "seed-as-mt", "mt-faults", "source-only-mt"]
    assert all(d.path.is_file() for d in suite.datasets)
    assert suite.config_hash.startswith("sha256:")
    seed_mt = suite.datasets[2]
    assert seed_mt.given_outputs and seed_mt.document_role == "hypothesis"


def _suite(tmp_path: Path, body: str) -> Path:
    (tmp_path / "d.jsonl").write_text('{"hypothesis": "x", "reference": "y"}\n')
    path = tmp_path / "s.toml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('nmae = "x"\n', "unknown key 'nmae'"),
        ('name = "x"\n', "at least one"),
        ('[[datasets]]\nname="a"\npath="d.jsonl"\ntask="qa"\n', "task: 'qa'"),
        ('[[datasets]]\nname="a"\npath="nope.jsonl"\ntask="summary"\nsystems=["lead-3"]\n',
         "no such file"),
        ('[[datasets]]\nname="a"\npath="d.jsonl"\ntask="summary"\nsytems=["lead"]\n',
         "unknown key 'sytems'"),
        ('[[datasets]]\nname="a"\npath="d.jsonl"\ntask="summary"\n', "no systems"),
        ('[[datasets]]\nname="a"\npath="d.jsonl\ntask="summary"\n', "invalid TOML"),
        ('[[datasets]]\nname="a"\npath="d.jsonl"\ntask="summary"\noutputs="given"\n'
         'lang="this.x"\n', r"datasets\[0\]\.lang: 'this.x' is not a language code"),
        ('[[datasets]]\nname="a"\npath="d.jsonl"\ntask="summary"\noutputs="given"\n'
         'metrics=["rouge", "bluee"]\n', r"datasets\[0\]\.metrics: unknown metric 'bluee'"),
        ('metrics=["meteor"]\n[[datasets]]\nname="a"\npath="d.jsonl"\ntask="summary"\n'
         'outputs="given"\n', r"s\.toml: metrics: unknown metric 'meteor' \(valid: rouge,"),
        ('[[datasets]]\nname="a"\npath="d.jsonl"\ntask="summary"\noutputs="given"\n'
         'checks=["entity_mising"]\n', r"datasets\[0\]\.checks: unknown check 'entity_mising'"),
        ('[[datasets]]\nname="a"\npath="d.jsonl"\ntask="summary"\nsystems=["lead", "lead-3"]\n',
         r"datasets\[0\]\.systems\[1\]: 'lead-3' is the same system as 'lead'"),
        ('[[datasets]]\nname="a"\npath="."\ntask="summary"\noutputs="given"\n',
         r"datasets\[0\]\.path: is a directory"),
    ],
)
def test_bad_suites_name_file_and_key(tmp_path: Path, body: str, message: str) -> None:
    path = _suite(tmp_path, body)
    with pytest.raises(UsageError, match=message) as info:
        load_suite(path)
    assert str(path) in str(info.value)


def test_config_hash_changes_with_data(tmp_path: Path) -> None:
    path = _suite(
        tmp_path, '[[datasets]]\nname="a"\npath="d.jsonl"\ntask="translation"\noutputs="given"\n'
    )
    before = load_suite(path).config_hash
    (tmp_path / "d.jsonl").write_text('{"hypothesis": "x", "reference": "z"}\n')
    assert load_suite(path).config_hash != before


def test_a_directory_or_non_utf8_suite_is_named(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a directory, not a suite file"):
        load_suite(tmp_path)
    path = tmp_path / "s.toml"
    path.write_bytes(b'name = "caf\xe9"\n')
    with pytest.raises(InputError, match=r"s.toml:1: not UTF-8 text \(byte 0xe9"):
        load_suite(path)
