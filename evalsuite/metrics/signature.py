"""Signatures: every setting that changes a score, as named fields (sacrebleu's idea).

A signature is data, not a string that callers build and split: a leading `name` where the
metric starts with one (ROUGE's `rouge1|...`, `entity|...`; sacrebleu's have none), the
metric's `fields`, and apart from them the `interval` fields (`bs`, `seed`, `ci`), which change
the confidence interval but not the score. Two scores compare when their `metric` parts are
equal. `str()` renders the form results.json has always stored, and `parse` reads it back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

INTERVAL_KEYS = ("bs", "seed", "ci")
_SEPARATOR = "|"

Field = tuple[str, str]


def _check(key: str, value: str) -> None:
    if ":" in key or _SEPARATOR in key:
        raise ValueError(f"bad signature key {key!r}")
    if _SEPARATOR in value:
        raise ValueError(f"signature value {value!r} (key {key!r}) must not contain '|'")


@dataclass(frozen=True)
class Signature:
    """`name|key:value|...|bs:N|seed:S|ci:C`, kept as fields."""

    fields: tuple[Field, ...] = ()
    name: str = ""
    interval: tuple[Field, ...] = ()

    def __post_init__(self) -> None:
        if _SEPARATOR in self.name or ":" in self.name:
            raise ValueError(f"bad signature name {self.name!r}")
        for key, value in (*self.fields, *self.interval):
            _check(key, value)

    @classmethod
    def of(cls, fields: Iterable[tuple[str, object]], name: str = "") -> Signature:
        """From (key, value) pairs; values are rendered with str()."""
        return cls(tuple((key, str(value)) for key, value in fields), name)

    def __str__(self) -> str:
        parts = [self.name] if self.name else []
        parts += [_render(key, value) for key, value in (*self.fields, *self.interval)]
        return _SEPARATOR.join(parts)

    @property
    def metric(self) -> Signature:
        """Without the interval settings: what must match for two scores to compare."""
        return dataclasses.replace(self, interval=())

    def get(self, key: str) -> str | None:
        """The value of a field (interval fields included), None when absent."""
        return next((v for k, v in (*self.fields, *self.interval) if k == key), None)

    def plus(self, key: str, value: object) -> Signature:
        """The signature with one more metric field at the end."""
        return dataclasses.replace(self, fields=(*self.fields, (key, str(value))))

    def with_interval(self, n_resamples: int, seed: int | None, confidence: float) -> Signature:
        """The signature of a score with a bootstrap interval: `...|bs:1000|seed:12345|ci:95`."""
        return dataclasses.replace(self, interval=interval_fields(n_resamples, seed, confidence))

    @classmethod
    def parse(cls, text: str) -> Signature:
        """Read a rendered signature back (results.json stores the rendered form).

        A first part without a colon is the name; trailing `bs`, `seed` and `ci` parts are the
        interval. A later part without a colon is a field with an empty value, which renders
        as the bare key again, so any stored text renders back as it was.
        """
        if not text:
            return cls()
        parts = text.split(_SEPARATOR)
        name = parts.pop(0) if ":" not in parts[0] else ""
        pairs = [_pair(part) for part in parts]
        split = len(pairs)
        while split and pairs[split - 1][0] in INTERVAL_KEYS:
            split -= 1
        return cls(tuple(pairs[:split]), name, tuple(pairs[split:]))


def _pair(part: str) -> Field:
    key, _, value = part.partition(":")
    return key, value


def _render(key: str, value: str) -> str:
    return f"{key}:{value}" if value else key


def interval_fields(n_resamples: int, seed: int | None, confidence: float) -> tuple[Field, ...]:
    """The settings that change a bootstrap interval, as signature fields."""
    seed_text = "none" if seed is None else str(seed)
    return (("bs", str(n_resamples)), ("seed", seed_text), ("ci", f"{confidence * 100:g}"))
