"""Loading Examples: valid records, and errors that name file, line and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evalsuite.data import load_document, load_examples, load_jsonl
from evalsuite.errors import InputError


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_loads_fields_and_reference_forms(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            json.dumps({"id": "a", "hypothesis": "h", "reference": "r", "tgt_lang": "en"}),
            json.dumps({"hypothesis": "h2", "reference": ["r1", "r2"], "meta": {"k": 1}}),
            "",
        ],
    )
    first, second = load_jsonl(path)
    assert first.reference == ("r",) and first.tgt_lang == "en"
    assert second.id == "2" and second.reference == ("r1", "r2") and second.meta == {"k": 1}


@pytest.mark.parametrize(
    ("line", "field", "message"),
    [
        ('{"hypothesis": 3}', "hypothesis", "expected a string"),
        ('{"hypothesis": "h", "reference": [1]}', "reference", "list of strings"),
        ('{"hypothesis": "h", "meta": []}', "meta", "expected an object"),
        ('{"id": true, "hypothesis": "h"}', "id", "id"),
        ('{"source": "s"}', "hypothesis", "required"),
        ('{"source": "s", "hypothesis": 1}', "hypothesis", "expected a string"),
        ('{"hypothesis": "h", "tgt_lang": "pwnpkg.x"}', "tgt_lang", "not a language code"),
        ('{"hypothesis": "h", "src_lang": "--evil-flag"}', "src_lang", "not a language code"),
    ],
)
def test_bad_field_names_file_line_and_field(
    tmp_path: Path, line: str, field: str, message: str
) -> None:
    path = _write(tmp_path, ['{"id": "ok", "hypothesis": "fine"}', line])
    with pytest.raises(InputError, match=message) as info:
        load_jsonl(path, require=("hypothesis",))
    assert info.value.line == 2 and info.value.field == field
    assert str(path) in str(info.value) and f"field '{field}'" in str(info.value)


def test_invalid_json_and_non_object(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"in.jsonl:1: invalid JSON"):
        load_jsonl(_write(tmp_path, ["{not json"]))
    with pytest.raises(InputError, match="expected a JSON object"):
        load_jsonl(_write(tmp_path, ["[1, 2]"]))


def test_duplicate_ids_and_empty_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="duplicate id 'x'"):
        load_jsonl(_write(tmp_path, ['{"id": "x"}', '{"id": "x"}']))
    with pytest.raises(InputError, match="no records"):
        load_jsonl(_write(tmp_path, ["", "  "]))
    with pytest.raises(InputError, match="no such file"):
        load_jsonl(tmp_path / "missing.jsonl")


def test_document_roles(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Headline\n\nBody text.\n", encoding="utf-8")
    (as_source,) = load_document(path, role="source", lang="en")
    (as_output,) = load_document(path, role="hypothesis", lang="en")
    assert as_source.source == "Headline\n\nBody text." and as_source.hypothesis is None
    assert as_output.hypothesis == "Headline\n\nBody text." and as_output.source is None
    path.write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        load_document(path, role="source", lang="en")


def test_csv_through_datasets(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("id,hypothesis,reference\nx,hello there,hello here\n", encoding="utf-8")
    (example,) = load_examples(path, "csv")
    assert example.id == "x" and example.reference == ("hello here",)


def test_language_codes_are_kept_and_blank_means_none(tmp_path: Path) -> None:
    path = _write(tmp_path, ['{"hypothesis": "h", "src_lang": " pt_BR ", "tgt_lang": ""}'])
    (example,) = load_jsonl(path)
    assert example.src_lang == "pt_BR" and example.tgt_lang is None


@pytest.mark.parametrize(
    ("raw", "field", "message"),
    [
        (b'{"hypothesis": "caf\xe9"}', None, r"not UTF-8 text \(byte 0xe9 at column 20\)"),
        (b'{"hypothesis": "h", "meta": {"n": ' + b"9" * 5000 + b"}}", None, "invalid JSON"),
        (b'{"hypothesis": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", None, "nested too deeply"),
        (b'{"hypothesis": "h", "meta": {"score": NaN}}', "meta.score", "NaN is not a JSON number"),
        (b'{"hypothesis": "h", "meta": {"x": [-Infinity]}}', "meta.x[0]", "-Infinity"),
        (b'{"hypothesis": "a \\ud800 b"}', "hypothesis", "lone surrogate"),
        (b'{"id": "\\udfff", "hypothesis": "h"}', "id", "lone surrogate"),
        (b'{"hypothesis": "a\x01b"}', None, r"invalid JSON at column 18 \(Invalid control"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", None, "not UTF-8 text"),
    ],
)
def test_undecodable_records_name_file_line_and_field(
    tmp_path: Path, raw: bytes, field: str | None, message: str
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"hypothesis": "fine"}\n' + raw + b"\n")
    with pytest.raises(InputError, match=message) as info:
        load_jsonl(path)
    assert info.value.path == str(path) and info.value.line == 2 and info.value.field == field


def test_a_directory_or_an_unreadable_file_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(InputError, match="is a directory"):
        load_jsonl(tmp_path)
    path = _write(tmp_path, ['{"hypothesis": "h"}'])

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match=r"in.jsonl: cannot read \(Permission denied\)"):
        load_jsonl(path)


def test_empty_and_null_outputs_are_outputs(tmp_path: Path) -> None:
    path = _write(tmp_path, ['{"hypothesis": ""}', '{"hypothesis": null}', '{"source": "s"}'])
    with pytest.raises(InputError, match="is required") as info:
        load_jsonl(path, require=("hypothesis",))
    assert info.value.line == 3
    first, second, third = load_jsonl(path)
    assert (first.hypothesis, second.hypothesis, third.hypothesis) == ("", "", None)
