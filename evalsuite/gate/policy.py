"""Read a gate policy from TOML (docs/gate-policy.md), strictly.

A policy that half-loads would gate on rules nobody wrote, so every unknown key, wrong type or
out-of-range value is an InputError naming the file, the line and the field (`drop[2].max_drop`
is the `max_drop` key of the second `[[drop]]` table). A suite file works too: its `[gate]`
table is the policy.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn, cast

from evalsuite.errors import InputError
from evalsuite.gate.rules import (
    SEVERITY_NAMES,
    DropRule,
    FindingsRule,
    FloorRule,
    Policy,
    RuleSource,
    Selector,
    SeverityName,
    TestSettings,
)
from evalsuite.gate.toml_lines import decode_error_position, header_lines, key_line
from evalsuite.stats.paired import DEFAULT_SAMPLES, TestName

_SELECTOR_KEYS = ("dataset", "system", "lang")
_KEYS: dict[str, tuple[str, ...]] = {
    "test": ("method", "resamples", "seed", "alpha"),
    "floor": ("metric", "min", "max", *_SELECTOR_KEYS),
    "drop": ("metric", "max_drop", "alpha", *_SELECTOR_KEYS),
    "findings": ("check", "severity", "max", "max_increase", *_SELECTOR_KEYS),
}


class _Reader:
    """Validates one policy document and turns its tables into rules."""

    def __init__(self, text: str, path: str, prefix: str) -> None:
        self.text = text
        self.path = path
        self.prefix = prefix  # "gate." when the policy is a suite's [gate] table

    # -- locating ---------------------------------------------------------------------------

    def header(self, table: str, index: int | None) -> int | None:
        lines = header_lines(self.text, self.prefix + table, array=index is not None)
        position = index or 0
        return lines[position] if position < len(lines) else None

    def fail(
        self, message: str, table: str, index: int | None, key: str | None = None
    ) -> NoReturn:
        header = self.header(table, index)
        line = key_line(self.text, header, key) if key else None
        if header is None and line is None:  # e.g. `drop = 3`: a key, not a table
            parent = _first(header_lines(self.text, "gate", array=False)) if self.prefix else None
            line = key_line(self.text, parent, table)
        label = f"{self.prefix}{table}" + (f"[{index + 1}]" if index is not None else "")
        raise InputError(
            message, path=self.path, line=line or header, field=f"{label}.{key}" if key else label
        )

    def source(self, table: str, index: int) -> RuleSource:
        return RuleSource(self.path, self.header(table, index), f"{table}[{index + 1}]")

    # -- values -----------------------------------------------------------------------------

    def check_keys(self, raw: Mapping[str, Any], table: str, index: int | None) -> None:
        valid = _KEYS[table]
        for key in raw:
            if key not in valid:
                self.fail(f"unknown key '{key}' (valid: {', '.join(valid)})", table, index, key)

    def number(
        self, raw: Mapping[str, Any], table: str, index: int | None, key: str, *,
        integer: bool = False, minimum: float | None = None,
    ) -> float | None:
        if key not in raw:
            return None
        value = raw[key]
        kinds = (int,) if integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            what = "an integer" if integer else "a number"
            self.fail(f"must be {what}, got {value!r}", table, index, key)
        if minimum is not None and value < minimum:
            self.fail(f"must be at least {minimum:g}, got {value!r}", table, index, key)
        return float(value) if not integer else int(value)

    def names(
        self, raw: Mapping[str, Any], table: str, index: int | None, key: str, *,
        allow_all: bool = True,
    ) -> tuple[str, ...]:
        """A string or a list of strings; absent or "*" means all (an empty tuple)."""
        if key not in raw:
            return ()
        value = raw[key]
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items or not all(
            isinstance(v, str) and v.strip() for v in items
        ):
            self.fail(f"must be a name or a list of names, got {value!r}", table, index, key)
        names = tuple(v.strip() for v in items)
        if "*" in names:
            if not allow_all:
                self.fail("must name the metric(s); '*' is not allowed here", table, index, key)
            if len(names) > 1:
                self.fail("'*' already means every one; list names or use '*' alone",
                          table, index, key)
            return ()
        return names

    def selector(self, raw: Mapping[str, Any], table: str, index: int) -> Selector:
        return Selector(
            datasets=self.names(raw, table, index, "dataset"),
            systems=self.names(raw, table, index, "system"),
            langs=self.names(raw, table, index, "lang"),
        )

    def alpha(self, raw: Mapping[str, Any], table: str, index: int | None) -> float | None:
        value = self.number(raw, table, index, "alpha")
        if value is not None and not 0 < value < 1:
            self.fail(f"must be between 0 and 1, got {value:g}", table, index, "alpha")
        return value

    # -- tables -----------------------------------------------------------------------------

    def tables(self, raw: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
        value = raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
            self.fail(f"must be an array of tables ([[{self.prefix}{name}]])", name, None)
        return cast(list[Mapping[str, Any]], value)

    def test(self, raw: Mapping[str, Any]) -> TestSettings:
        table = raw.get("test", {})
        if not isinstance(table, dict):
            self.fail(f"must be a table ([{self.prefix}test])", "test", None)
        self.check_keys(table, "test", None)
        method = table.get("method", "bootstrap")
        if method not in DEFAULT_SAMPLES:
            self.fail(f"must be 'bootstrap' or 'ar', got {method!r}", "test", None, "method")
        resamples = self.number(table, "test", None, "resamples", integer=True, minimum=1)
        seed = self.number(table, "test", None, "seed", integer=True, minimum=0)
        alpha = self.alpha(table, "test", None)
        return TestSettings(
            method=cast(TestName, method),
            resamples=int(resamples) if resamples is not None else None,
            seed=int(seed) if seed is not None else TestSettings.seed,
            alpha=alpha if alpha is not None else TestSettings.alpha,
        )

    def floor(self, raw: Mapping[str, Any], index: int) -> FloorRule:
        self.check_keys(raw, "floor", index)
        if "metric" not in raw:
            self.fail("is required (the metric this floor is for)", "floor", index, "metric")
        low = self.number(raw, "floor", index, "min")
        high = self.number(raw, "floor", index, "max")
        if low is None and high is None:
            self.fail("needs 'min' (at least) or 'max' (at most, e.g. for TER)", "floor", index)
        if low is not None and high is not None and low > high:
            self.fail(f"is above 'max' ({low:g} > {high:g})", "floor", index, "min")
        return FloorRule(
            metrics=self.names(raw, "floor", index, "metric", allow_all=False),
            min=low, max=high, where=self.selector(raw, "floor", index),
            source=self.source("floor", index),
        )

    def drop(self, raw: Mapping[str, Any], index: int) -> DropRule:
        self.check_keys(raw, "drop", index)
        if "max_drop" not in raw:
            self.fail("is required (points a metric may fall by)", "drop", index, "max_drop")
        max_drop = self.number(raw, "drop", index, "max_drop", minimum=0)
        return DropRule(
            metrics=self.names(raw, "drop", index, "metric"),
            max_drop=float(max_drop or 0.0), alpha=self.alpha(raw, "drop", index),
            where=self.selector(raw, "drop", index), source=self.source("drop", index),
        )

    def findings(self, raw: Mapping[str, Any], index: int) -> FindingsRule:
        self.check_keys(raw, "findings", index)
        severity = raw.get("severity", "any")
        if severity not in SEVERITY_NAMES:
            self.fail(f"must be one of {', '.join(SEVERITY_NAMES)}, got {severity!r}",
                      "findings", index, "severity")
        most = self.number(raw, "findings", index, "max", integer=True, minimum=0)
        increase = self.number(raw, "findings", index, "max_increase", integer=True, minimum=0)
        if most is None and increase is None:
            self.fail("needs 'max' (a count) or 'max_increase' (over the baseline)",
                      "findings", index)
        return FindingsRule(
            checks=self.names(raw, "findings", index, "check"),
            severity=cast(SeverityName, severity),
            max=int(most) if most is not None else None,
            max_increase=int(increase) if increase is not None else None,
            where=self.selector(raw, "findings", index), source=self.source("findings", index),
        )

    def policy(self, raw: Mapping[str, Any]) -> Policy:
        for key in raw:
            if key not in _KEYS:
                raise InputError(
                    f"unknown table '{self.prefix}{key}' (valid: test, floor, drop, findings)",
                    path=self.path, line=key_line(self.text, None, key)
                    or _first(header_lines(self.text, self.prefix + key, array=True))
                    or _first(header_lines(self.text, self.prefix + key, array=False)),
                    field=self.prefix + key,
                )
        policy = Policy(
            floors=tuple(self.floor(t, i) for i, t in enumerate(self.tables(raw, "floor"))),
            drops=tuple(self.drop(t, i) for i, t in enumerate(self.tables(raw, "drop"))),
            findings=tuple(
                self.findings(t, i) for i, t in enumerate(self.tables(raw, "findings"))
            ),
            test=self.test(raw),
            path=self.path,
        )
        if not policy.rules:
            raise InputError(
                "holds no rule: add [[floor]], [[drop]] or [[findings]] tables "
                "(docs/gate-policy.md)", path=self.path,
            )
        return policy


def _first(lines: list[int]) -> int | None:
    return lines[0] if lines else None


def parse_policy(text: str, path: str = "<policy>") -> Policy:
    """A policy from TOML text; `path` names it in errors."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        message, line = decode_error_position(str(err))
        raise InputError(f"not valid TOML ({message})", path=path, line=line) from None
    prefix = ""
    if "datasets" in raw:  # a suite file: its [gate] table is the policy
        gate = raw.get("gate")
        if not isinstance(gate, dict):
            raise InputError(
                "this suite has no [gate] table to use as the policy", path=path, field="gate"
            )
        raw, prefix = gate, "gate."
    return _Reader(text, path, prefix).policy(raw)


def load_policy(path: str | Path) -> Policy:
    """A policy from a TOML file (a policy file, or a suite with a [gate] table)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("policy file not found", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read the policy file ({err})", path=str(path)) from None
    return parse_policy(text, str(path))
