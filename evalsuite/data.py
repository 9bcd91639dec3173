"""Examples (the unit of evaluation) and loading them from JSONL with precise error messages."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from evalsuite.errors import InputError
from evalsuite.io import open_text_lines, parse_json, read_text
from evalsuite.text.language_codes import LanguageCodeError, check_language_code

TEXT_FIELDS = ("source", "hypothesis", "src_lang", "tgt_lang")
LANG_FIELDS = ("src_lang", "tgt_lang")
KNOWN_FIELDS = ("id", "source", "reference", "hypothesis", "src_lang", "tgt_lang", "meta")


@dataclass(frozen=True)
class Example:
    """One record: a source, its reference(s), and optionally a given hypothesis."""

    id: str
    source: str | None = None
    reference: tuple[str, ...] = ()
    hypothesis: str | None = None
    src_lang: str | None = None
    tgt_lang: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def first_reference(self) -> str | None:
        return self.reference[0] if self.reference else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "reference": list(self.reference),
            "hypothesis": self.hypothesis,
            "src_lang": self.src_lang,
            "tgt_lang": self.tgt_lang,
            "meta": dict(self.meta),
        }


def example_from_record(
    record: Any,
    *,
    path: str = "<input>",
    line: int = 1,
    default_id: str | None = None,
    require: tuple[str, ...] = (),
) -> Example:
    """Validate one decoded JSON record; every error names the file, line and field."""
    if not isinstance(record, dict):
        raise InputError(
            f"expected a JSON object, got {type(record).__name__}", path=path, line=line
        )
    for name in TEXT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(
                f"expected a string or null, got {type(value).__name__}",
                path=path,
                line=line,
                field=name,
            )
    langs = {name: _language(record.get(name), path, line, name) for name in LANG_FIELDS}
    raw_id = record.get("id", default_id)
    if raw_id is None or isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        raise InputError("expected a string or integer id", path=path, line=line, field="id")
    reference = record.get("reference")
    if reference is None:
        refs: tuple[str, ...] = ()
    elif isinstance(reference, str):
        refs = (reference,)
    elif isinstance(reference, list) and all(isinstance(r, str) for r in reference):
        refs = tuple(reference)
    else:
        raise InputError(
            "expected a string or a list of strings", path=path, line=line, field="reference"
        )
    meta = record.get("meta")
    meta = {} if meta is None else meta
    if not isinstance(meta, dict):
        raise InputError("expected an object", path=path, line=line, field="meta")
    for name in require:
        if name == "hypothesis":
            if name not in record:
                raise InputError(
                    'is required (an empty output is "" or null)', path=path, line=line,
                    field=name,
                )
        elif not (refs if name == "reference" else record.get(name)):
            raise InputError("is required and must not be empty", path=path, line=line, field=name)
    # A hypothesis that is there but null is an empty output, the same as "".
    hypothesis = record.get("hypothesis")
    if hypothesis is None and "hypothesis" in record:
        hypothesis = ""
    return Example(
        id=str(raw_id),
        source=record.get("source"),
        reference=refs,
        hypothesis=hypothesis,
        src_lang=langs["src_lang"],
        tgt_lang=langs["tgt_lang"],
        meta=meta,
    )


def with_lang(example: Example, lang: str | None, task: str) -> Example:
    """The record with its missing languages filled in from --lang (a summary's source is in
    the language of its summary)."""
    if not lang:
        return example
    src = example.src_lang or (lang if task == "summary" else None)
    return replace(example, tgt_lang=example.tgt_lang or lang, src_lang=src)


def _language(value: str | None, path: str, line: int, name: str) -> str | None:
    """A record's language code, checked before anything uses it; blank means not given."""
    if value is None or not value.strip():
        return None
    try:
        return check_language_code(value)
    except LanguageCodeError as err:
        raise InputError(str(err), path=path, line=line, field=name) from None


def iter_jsonl(path: str | Path) -> Iterator[tuple[int, Any]]:
    """Yield (line number, decoded object) for each non-blank line (see `io.parse_json` for
    what is refused, always with the file, line and field)."""
    for number, text in open_text_lines(path):
        if text.strip():
            yield number, parse_json(text, path=str(path), line=number)


Fields = Sequence[tuple[str, str]]


def map_fields(record: Any, fields: Fields, *, path: str, line: int) -> Any:
    """Rename columns of another schema to Example fields (`source <- article`)."""
    if not fields or not isinstance(record, dict):
        return record
    mapped = dict(record)
    for target, column in fields:
        if column not in record:
            raise InputError(
                f"has no column '{column}' (mapped to '{target}' by the suite's fields)",
                path=path,
                line=line,
                field=column,
            )
        mapped[target] = record[column]
    return mapped


def load_jsonl(
    path: str | Path, *, require: tuple[str, ...] = (), fields: Fields = ()
) -> list[Example]:
    """Load and validate a JSONL file of Examples; ids default to the line number."""
    examples = [example for _, example in iter_examples(path, require=require, fields=fields)]
    if not examples:
        raise InputError("file has no records", path=str(path))
    return examples


def iter_examples(
    path: str | Path, *, require: tuple[str, ...] = (), fields: Fields = ()
) -> Iterator[tuple[int, Example]]:
    """(line number, Example) of each record of a JSONL file, validated as `load_jsonl` does
    (duplicate ids included) but one at a time, so a caller that streams never holds the
    file: only the ids are kept, to find a duplicate."""
    seen: dict[str, int] = {}
    for number, raw in iter_jsonl(path):
        record = map_fields(raw, fields, path=str(path), line=number)
        example = example_from_record(
            record, path=str(path), line=number, default_id=str(number), require=require
        )
        if example.id in seen:
            raise InputError(
                f"duplicate id {example.id!r} (first on line {seen[example.id]})",
                path=str(path),
                line=number,
                field="id",
            )
        seen[example.id] = number
        yield number, example


def load_table(path: str | Path, fmt: str, *, fields: Fields = ()) -> list[Example]:
    """Load CSV or Parquet through `datasets`; CSV line numbers count the header as line 1."""
    from datasets import load_dataset  # slow import, only when a table is asked for

    _require_file(path)
    try:
        table = load_dataset(fmt, data_files=str(path), split="train")
    except Exception as err:  # datasets raises many types for unreadable files
        raise InputError(f"cannot read as {fmt}: {err}", path=str(path)) from None
    return _rows_to_examples(table, str(path), 2 if fmt == "csv" else 1, fields)


def _rows_to_examples(rows: Any, label: str, first_line: int, fields: Fields) -> list[Example]:
    examples = []
    for index, raw in enumerate(rows):
        row = map_fields(raw, fields, path=label, line=index + first_line)
        record = {k: v for k, v in row.items() if k in KNOWN_FIELDS and v is not None}
        if "hypothesis" in row and row["hypothesis"] is None:
            record["hypothesis"] = ""  # an empty cell is an empty output
        if isinstance(record.get("id"), float) and record["id"].is_integer():
            record["id"] = int(record["id"])
        examples.append(
            example_from_record(
                record, path=label, line=index + first_line, default_id=str(index + 1)
            )
        )
    if not examples:
        raise InputError("file has no records", path=label)
    return examples


def load_hub(name: str, split: str, *, fields: Fields = ()) -> list[Example]:
    """A dataset from the Hugging Face hub (or its local cache) by name; rows count from 1.

    Only reached when a suite names `hub = "..."`; offline, a dataset missing from the local
    cache fails with a message saying so rather than a network traceback.
    """
    from datasets import load_dataset

    from evalsuite.systems.hf_loading import offline

    label = f"hub:{name}[{split}]"
    try:
        table = load_dataset(name, split=split)
    except Exception as err:  # network, missing split, missing dataset: all user-fixable
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        if offline():
            raise InputError(
                "not in the local datasets cache, and offline mode is on (HF_HUB_OFFLINE/"
                f"HF_DATASETS_OFFLINE); download it where the hub can be reached ({first})",
                path=label,
            ) from None
        raise InputError(f"cannot load from the hub: {first}", path=label) from None
    return _rows_to_examples(table, label, 1, fields)


def load_document(path: str | Path, *, role: str, lang: str | None) -> list[Example]:
    """A whole plain-text file as one Example: the source to summarize or a given output."""
    p = Path(path)
    text = read_text(p).strip()
    if not text:
        raise InputError("document is empty", path=str(path))
    if role == "hypothesis":
        return [Example(id=p.stem, hypothesis=text, tgt_lang=lang)]
    return [Example(id=p.stem, source=text, src_lang=lang, tgt_lang=lang)]


def _require_file(path: str | Path) -> None:
    p = Path(path)
    if p.is_dir():
        raise InputError("is a directory, not a file", path=str(path))
    if not p.is_file():
        raise InputError("no such file", path=str(path))


def load_examples(
    path: str | Path,
    fmt: str,
    *,
    document_role: str = "source",
    lang: str | None = None,
    fields: Fields = (),
) -> list[Example]:
    """Load a dataset file in any supported format (`fields` renames other schemas' columns)."""
    if fmt == "jsonl":
        return load_jsonl(path, fields=fields)
    if fmt in ("csv", "parquet"):
        return load_table(path, fmt, fields=fields)
    if fmt == "document":
        return load_document(path, role=document_role, lang=lang)
    raise InputError(f"unknown format '{fmt}'", path=str(path))
