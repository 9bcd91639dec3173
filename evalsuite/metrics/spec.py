"""Naming a metric with its options, the same way in suites, on the command line and in the API.

`bleu` names a metric with its defaults; `bertscore:PATH` sets the metric's main option (its
`argument`, the model); `bertscore:model=PATH;layer=9;idf=true` sets any options (`;` between
them, since `,` separates metrics on the command line). A suite may give a table instead
(`{name = "bertscore", model = "...", layer = 9}`), turned into the same text. Options are
typed and checked against the metric's `OPTIONS`; the text is how the engine keys the metric.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from evalsuite.errors import UsageError
from evalsuite.metrics.base import Metric, RunSettings, Text
from evalsuite.metrics.registry import metric_class

_TRUE, _FALSE = ("true", "yes", "1"), ("false", "no", "0")


@dataclass(frozen=True)
class MetricSpec:
    """A registered metric's name and its typed options."""

    name: str
    options: tuple[tuple[str, Any], ...] = ()

    def text(self) -> str:
        return spec_text(self.name, dict(self.options))

    def build(self, settings: RunSettings | None = None) -> Metric:
        """The metric (models load later, on first use); UsageError for a bad option."""
        cls = metric_class(self.name)
        try:
            return cls.from_options(dict(self.options), settings or RunSettings())
        except TypeError as error:  # a constructor that refuses an option combination
            raise UsageError(f"{self.name}: {error}") from None


def spec_text(name: str, options: Mapping[str, Any]) -> str:
    """`name` or `name:key=value;...` (booleans as true/false)."""
    body = ";".join(f"{key}={_plain(value)}" for key, value in options.items())
    return f"{name}:{body}" if body else name


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_spec(text: str) -> MetricSpec:
    """Name and typed options of `name`, `name:VALUE` or `name:key=value;...`."""
    raw_name, _, rest = text.strip().partition(":")
    cls = metric_class(raw_name)
    name = cls.name
    raw: dict[str, str] = {}
    if rest and "=" not in rest:
        if cls.argument is None:
            raise UsageError(f"{name}: takes no value (got '{name}:{rest}')")
        raw[cls.argument] = rest
    elif rest:
        for part in rest.split(";"):
            key, eq, value = part.partition("=")
            if not eq:
                raise UsageError(f"{name}: option '{part}' is not key=value")
            raw[key.strip()] = value.strip()
    options = {key: _typed(cls, key, value) for key, value in raw.items()}
    if cls.argument is not None and not options.get(cls.argument):
        raise UsageError(
            f"{name}: needs a {cls.argument}: '{name}:{cls.argument.upper()}' or "
            f"'{name}:{cls.argument}={cls.argument.upper()};...'"
        )
    return MetricSpec(name, tuple(options.items()))


def _typed(cls: type[Metric], key: str, value: str) -> Any:
    kind = cls.OPTIONS.get(key)
    if kind is None:
        valid = ", ".join(cls.OPTIONS) or "none"
        raise UsageError(f"{cls.name}: unknown option '{key}' (valid: {valid})")
    if kind is bool:
        if value.lower() not in (*_TRUE, *_FALSE):
            raise UsageError(f"{cls.name}: option '{key}' must be true or false, got '{value}'")
        return value.lower() in _TRUE
    if kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            raise UsageError(
                f"{cls.name}: option '{key}' must be a number, got '{value}'"
            ) from None
    return value


@lru_cache(maxsize=32)
def build_metric(text: str, rouge_stemmer: bool = False) -> Metric:
    """One metric object per spec per process: partitions share its model and identity."""
    return parse_spec(text).build(RunSettings(rouge_stemmer=rouge_stemmer))


def metric_needs(text: str) -> tuple[Text, ...]:
    """The texts every segment must have for the metric a spec names."""
    return build_metric(text).needs


def metric_needs_reference(text: str) -> bool:
    """False for metrics that score without references (comet-qe, nli, QE-capable COMET)."""
    return "reference" in metric_needs(text)
