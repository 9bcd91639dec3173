"""Suites: TOML files naming datasets, the systems to run on them, and what to score.

Example::

    name = "my-suite"
    systems = ["lead-3", "textrank-3"]        # default for datasets that generate outputs

    [[datasets]]
    name = "news"
    path = "news.jsonl"                       # relative to this file
    task = "summary"                          # or "translation"
    metrics = ["rouge"]
    checks = "all"

    [[datasets]]
    name = "mt"
    path = "mt.jsonl"
    task = "translation"
    outputs = "given"                         # hypotheses are in the file
    group_by = "meta.system"                  # one table row per value of this field

Every key is documented in docs/suite-reference.md.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from evalsuite.errors import UsageError
from evalsuite.io import read_text
from evalsuite.names import validate_checks, validate_metrics
from evalsuite.systems.config import (
    RoundTripConfig,
    SystemConfig,
    parse_round_trip,
    parse_systems,
)
from evalsuite.text.language_codes import LanguageCodeError, check_language_code

TASKS = ("summary", "translation")
FORMATS = ("jsonl", "csv", "parquet", "document")
DOCUMENT_ROLES = ("source", "hypothesis")
DEFAULT_METRICS = {"summary": ("rouge",), "translation": ("bleu", "chrf", "ter", "rouge")}

_SUITE_KEYS = {
    "name", "description", "systems", "metrics", "checks", "rouge_stemmer", "datasets", "gate",
    "backend", "ray_address", "xling_model",
}
BACKENDS = ("local", "ray")
# Where a suite runs changes no result, so these keys stay out of the config hash.
_PLACEMENT_KEYS = ("backend", "ray_address")
_DATASET_KEYS = {
    "name", "path", "hub", "split", "fields", "format", "task", "systems", "round_trip",
    "outputs", "group_by", "document_role", "lang", "metrics", "checks", "description",
    "xling_model",
}
FIELD_TARGETS = ("id", "source", "reference", "hypothesis", "src_lang", "tgt_lang", "meta")


@dataclass(frozen=True)
class DatasetConfig:
    """One dataset of a suite and how to evaluate it."""

    name: str
    path: Path | None  # None for a hub dataset
    format: str
    task: str
    systems: tuple[SystemConfig, ...]
    given_outputs: bool
    group_by: str | None
    document_role: str
    lang: str | None
    metrics: tuple[str, ...]
    checks: tuple[str, ...] | None  # None means every available check
    hub: str | None = None
    split: str = "test"
    fields: tuple[tuple[str, str], ...] = ()  # (Example field, column in the data)
    round_trip: RoundTripConfig | None = None
    xling_model: str | None = None  # spec text of the model that judges against the source

    @property
    def label(self) -> str:
        """Where the data comes from, for messages: a file path or `hub:name[split]`."""
        return str(self.path) if self.path is not None else f"hub:{self.hub}[{self.split}]"


@dataclass(frozen=True)
class Suite:
    name: str
    path: Path
    datasets: tuple[DatasetConfig, ...]
    rouge_stemmer: bool
    config_hash: str
    gate: dict[str, Any] | None = None  # stored verbatim for the gate
    backend: str = "local"  # where it runs: "local" or "ray" (not part of config_hash)
    ray_address: str | None = None  # a Ray cluster to join; None starts a local instance


def default_suite_path() -> Path:
    """The suite that ships inside the package (seed article + the project's own corpus)."""
    return Path(str(resources.files("evalsuite") / "suites" / "default.toml"))


def _fail(path: Path, message: str) -> UsageError:
    return UsageError(f"{path}: {message}")


def _string_list(value: Any, where: str, path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise _fail(path, f"{where} must be a string or a list of strings")


def _metric_list(value: Any, where: str, path: Path) -> tuple[str, ...]:
    """Metric names, and model metrics as tables (`[[metrics]]` or inline), each table turned
    into its spec string (`bertscore:model=...;layer=9`); a relative model or baseline path
    is read from the suite's folder."""
    items = value if isinstance(value, list) else [value]
    out = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            out.append(item)
            continue
        if not isinstance(item, dict):
            raise _fail(path, f"{where} must be metric names or tables with a 'name'")
        out.append(_metric_table(item, f"{where}[{i}]", path))
    return tuple(out)


def _metric_table(table: dict[str, Any], where: str, path: Path) -> str:
    from evalsuite.metrics.spec import parse_spec, spec_text

    name = table.get("name")
    if not isinstance(name, str):
        raise _fail(path, f"{where}.name: a model metric table needs a name")
    options: dict[str, Any] = {}
    for key, value in table.items():
        if key == "name":
            continue
        if not isinstance(value, (str, int, float, bool)) or (
            isinstance(value, str) and (";" in value or "=" in value)
        ):
            raise _fail(path, f"{where}.{key}: expected a plain string, number or boolean")
        if key in ("model", "baseline") and isinstance(value, str):
            local = path.parent / value
            if not Path(value).expanduser().is_absolute() and local.exists():
                value = str(local.resolve())
        options[key] = value
    spec = spec_text(name, options)
    try:
        parse_spec(spec)
    except UsageError as error:
        raise _fail(path, f"{where}: {error}") from None
    return spec


def _checks(value: Any, where: str, path: Path) -> tuple[str, ...] | None:
    if value == "all":
        return None
    if value == "none":
        return ()
    try:
        return tuple(validate_checks(_string_list(value, where, path), where) or ())
    except UsageError as err:
        raise _fail(path, str(err)) from None


def _xling_model(value: Any, where: str, path: Path) -> str | None:
    """`xling_model = "PATH"` or a table with `model`; a relative path is read from the suite's
    folder. Returned as the spec text `--xling-model` takes."""
    from evalsuite.models.source_spec import parse_source_model, source_model_from_table

    if value is None:
        return None
    try:
        if isinstance(value, str):
            spec = parse_source_model(value, where)
        elif isinstance(value, dict):
            spec = source_model_from_table(value, where)
        else:
            raise UsageError(f"{where}: expected a model path (a string) or a table with 'model'")
    except UsageError as err:
        raise _fail(path, str(err)) from None
    local = path.parent / spec.model
    if not Path(spec.model).expanduser().is_absolute() and local.exists():
        spec = dataclasses.replace(spec, model=str(local.resolve()))
    return spec.text()


def _metrics(value: Any, where: str, path: Path) -> tuple[str, ...]:
    try:
        return tuple(validate_metrics(_metric_list(value, where, path), where))
    except UsageError as err:
        raise _fail(path, str(err)) from None


def _distinct_systems(systems: tuple[SystemConfig, ...], where: str, path: Path) -> None:
    """Two specs for one system (`lead` and `lead-3`) or two systems under one name would give
    rows that a comparison cannot tell apart."""
    seen: dict[str, str] = {}
    for index, config in enumerate(systems):
        name = config.build().name
        if name in seen:
            raise _fail(
                path,
                f"{where}[{index}]: '{config.spec}' is the same system as '{seen[name]}' "
                f"(both are named '{name}'); list each system once, or give one a 'name'",
            )
        seen[name] = config.spec


def _dataset(raw: Any, index: int, suite: dict[str, Any], path: Path) -> DatasetConfig:
    where = f"datasets[{index}]"
    if not isinstance(raw, dict):
        raise _fail(path, f"{where} must be a table")
    unknown = sorted(set(raw) - _DATASET_KEYS)
    if unknown:
        raise _fail(
            path, f"{where}: unknown key '{unknown[0]}' (valid: {', '.join(sorted(_DATASET_KEYS))})"
        )
    for key in ("name", "task"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise _fail(path, f"{where}: '{key}' is required and must be a string")
    task = raw["task"]
    if task not in TASKS:
        raise _fail(path, f"{where}.task: '{task}' is not one of {', '.join(TASKS)}")
    data_path, hub, split, fmt = _source(raw, where, path)
    fields = _fields(raw.get("fields"), where, path)
    role = raw.get("document_role", "source")
    if role not in DOCUMENT_ROLES:
        raise _fail(path, f"{where}.document_role: '{role}' is not one of source, hypothesis")
    outputs = raw.get("outputs", "generate")
    if outputs not in ("given", "generate"):
        raise _fail(path, f"{where}.outputs: '{outputs}' is not one of given, generate")
    given = outputs == "given" or (fmt == "document" and role == "hypothesis")
    round_trip = parse_round_trip(raw.get("round_trip"), f"{where}.round_trip", path)
    default_systems = [] if round_trip else suite.get("systems", [])
    systems = parse_systems(raw.get("systems", default_systems), f"{where}.systems", path)
    if round_trip and task != "translation":
        raise _fail(path, f"{where}.round_trip: needs task = \"translation\"")
    if not given and not systems and not round_trip:
        raise _fail(
            path, f"{where}: no systems to run (set 'systems', 'round_trip' or outputs = \"given\")"
        )
    _distinct_systems(systems, f"{where}.systems", path)
    metric_key = f"{where}.metrics" if "metrics" in raw else "metrics"
    metrics = _metrics(
        raw.get("metrics", suite.get("metrics", list(DEFAULT_METRICS[task]))), metric_key, path
    )
    group_by = raw.get("group_by")
    if group_by is not None and not isinstance(group_by, str):
        raise _fail(path, f"{where}.group_by must be a string")
    lang = raw.get("lang")
    if lang is not None and not isinstance(lang, str):
        raise _fail(path, f"{where}.lang must be a string")
    if lang is not None:
        try:
            lang = check_language_code(lang)
        except LanguageCodeError as err:
            raise _fail(path, f"{where}.lang: {err}") from None
    return DatasetConfig(
        name=raw["name"],
        path=data_path,
        format=fmt,
        task=task,
        systems=() if given else systems,
        given_outputs=given,
        group_by=group_by,
        document_role=role,
        lang=lang,
        metrics=metrics,
        checks=_checks(
            raw.get("checks", suite.get("checks", "all")),
            f"{where}.checks" if "checks" in raw else "checks",
            path,
        ),
        hub=hub,
        split=split,
        fields=fields,
        round_trip=None if given else round_trip,
        xling_model=_xling_model(
            raw.get("xling_model", suite.get("xling_model")),
            f"{where}.xling_model" if "xling_model" in raw else "xling_model",
            path,
        ),
    )


def _source(
    raw: dict[str, Any], where: str, path: Path
) -> tuple[Path | None, str | None, str, str]:
    """(file path, hub name, split, format) of one dataset; exactly one of path and hub."""
    has_path, has_hub = "path" in raw, "hub" in raw
    if has_path == has_hub:
        raise _fail(
            path, f"{where}: give exactly one of 'path' (a file) and 'hub' (a dataset name)"
        )
    split = raw.get("split", "test")
    if not isinstance(split, str) or not split:
        raise _fail(path, f"{where}.split must be a non-empty string")
    if has_hub:
        if not isinstance(raw["hub"], str) or not raw["hub"]:
            raise _fail(path, f"{where}.hub must be a non-empty string")
        if "format" in raw and raw["format"] != "hub":
            raise _fail(path, f"{where}.format: a hub dataset takes no format")
        return None, raw["hub"], split, "hub"
    if "split" in raw:
        raise _fail(path, f"{where}.split: only for hub datasets")
    if not isinstance(raw["path"], str) or not raw["path"]:
        raise _fail(path, f"{where}: 'path' must be a non-empty string")
    data_path = (path.parent / raw["path"]).resolve()
    if data_path.is_dir():
        raise _fail(path, f"{where}.path: is a directory, not a file: {data_path}")
    if not data_path.is_file():
        raise _fail(path, f"{where}.path: no such file: {data_path}")
    fmt = raw.get("format") or (
        data_path.suffix.lstrip(".") if data_path.suffix in (".jsonl", ".csv", ".parquet") else ""
    )
    if fmt not in FORMATS:
        raise _fail(path, f"{where}.format: give one of {', '.join(FORMATS)}")
    return data_path, None, split, fmt


def _fields(value: Any, where: str, path: Path) -> tuple[tuple[str, str], ...]:
    """`fields = {source = "article", reference = "highlights"}`: Example field -> column."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise _fail(path, f"{where}.fields must be a table of field = \"column\"")
    for target, column in value.items():
        if target not in FIELD_TARGETS:
            valid = ", ".join(FIELD_TARGETS)
            raise _fail(path, f"{where}.fields: unknown field '{target}' (valid: {valid})")
        if not isinstance(column, str) or not column:
            raise _fail(path, f"{where}.fields.{target} must be a column name (a string)")
    return tuple(sorted(value.items()))


def load_suite(path: str | Path | None = None) -> Suite:
    """Read and validate a suite file; every error names the file and the key."""
    suite_path = Path(path) if path is not None else default_suite_path()
    if suite_path.is_dir():
        raise UsageError(f"{suite_path}: is a directory, not a suite file")
    if not suite_path.is_file():
        raise UsageError(f"{suite_path}: no such suite file")
    try:
        raw = tomllib.loads(read_text(suite_path))
    except tomllib.TOMLDecodeError as err:
        raise _fail(suite_path, f"invalid TOML ({err})") from None
    unknown = sorted(set(raw) - _SUITE_KEYS)
    if unknown:
        raise _fail(
            suite_path, f"unknown key '{unknown[0]}' (valid: {', '.join(sorted(_SUITE_KEYS))})"
        )
    datasets = raw.get("datasets")
    if not isinstance(datasets, list) or not datasets:
        raise _fail(suite_path, "needs at least one [[datasets]] table")
    configs = tuple(_dataset(d, i, raw, suite_path) for i, d in enumerate(datasets))
    names = [d.name for d in configs]
    duplicate = next((n for n in names if names.count(n) > 1), None)
    if duplicate:
        raise _fail(suite_path, f"dataset name '{duplicate}' is used twice")
    stemmer = raw.get("rouge_stemmer", False)
    if not isinstance(stemmer, bool):
        raise _fail(suite_path, "rouge_stemmer must be true or false")
    gate = raw.get("gate")
    if gate is not None and not isinstance(gate, dict):
        raise _fail(suite_path, "gate must be a table ([gate])")
    backend = raw.get("backend", "local")
    if backend not in BACKENDS:
        raise _fail(suite_path, f"backend: '{backend}' is not one of {', '.join(BACKENDS)}")
    address = raw.get("ray_address")
    if address is not None and (not isinstance(address, str) or not address):
        raise _fail(suite_path, "ray_address must be a non-empty string")
    return Suite(
        name=str(raw.get("name", suite_path.stem)),
        path=suite_path.resolve(),
        datasets=configs,
        rouge_stemmer=stemmer,
        config_hash=_config_hash(raw, configs),
        gate=gate,
        backend=backend,
        ray_address=address,
    )


def _config_hash(raw: dict[str, Any], configs: tuple[DatasetConfig, ...]) -> str:
    """Hash of the parsed config plus the content of every data file it names."""
    settings = {k: v for k, v in raw.items() if k not in _PLACEMENT_KEYS}
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode())
    for config in configs:
        if config.path is not None:
            digest.update(hashlib.sha256(config.path.read_bytes()).digest())
    return "sha256:" + digest.hexdigest()
