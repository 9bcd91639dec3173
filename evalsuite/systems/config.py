"""How a suite names its systems: a spec string, or a table with the spec and its options.

Parsing only checks the shape (so a suite with a typo fails before anything runs);
`build` turns a config into a System, resolving relative paths against the suite's folder.

    systems = ["lead-3", "hf:models/bart?max_new_tokens=64",
               { system = "hf-causal:models/gpt", task = "summary", name = "gpt" }]
    round_trip = { forward = "cmd:apertium eng-spa", backward = "cmd:apertium spa-eng" }
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evalsuite.errors import UsageError
from evalsuite.systems.base import System

__all__ = ["RoundTripConfig", "SystemConfig", "parse_round_trip", "parse_systems"]


@dataclass(frozen=True)
class SystemConfig:
    """A system spec, its options from a suite table, and the folder relative paths start in."""

    spec: str
    options: tuple[tuple[str, Any], ...] = ()
    base_dir: Path | None = None

    def build(self) -> System:
        from evalsuite.systems.registry import system_from_spec

        return system_from_spec(self.spec, dict(self.options), base_dir=self.base_dir)

    def __str__(self) -> str:
        return self.spec


@dataclass(frozen=True)
class RoundTripConfig:
    """Translate source -> target with `forward`, back with `backward`; score against the source."""

    forward: SystemConfig
    backward: SystemConfig


def _fail(path: Path, message: str) -> UsageError:
    return UsageError(f"{path}: {message}")


def parse_system(value: Any, where: str, path: Path) -> SystemConfig:
    """Shape-check one system and build it once (cheap: models load lazily) to catch typos."""
    config = _system_config(value, where, path)
    try:
        config.build()
    except UsageError as error:
        raise _fail(path, f"{where}: {error}") from None
    return config


def _system_config(value: Any, where: str, path: Path) -> SystemConfig:
    base = path.parent.resolve()
    if isinstance(value, str) and value.strip():
        return SystemConfig(value.strip(), (), base)
    if isinstance(value, dict):
        spec = value.get("system")
        if not isinstance(spec, str) or not spec.strip():
            raise _fail(path, f"{where}: a system table needs 'system' (the spec string)")
        options = tuple((k, v) for k, v in value.items() if k != "system")
        for key, option in options:
            if isinstance(option, dict | list):
                raise _fail(path, f"{where}.{key}: option values must be strings or numbers")
        return SystemConfig(spec.strip(), options, base)
    raise _fail(path, f"{where} must be a system spec string or a table with 'system'")


def parse_systems(value: Any, where: str, path: Path) -> tuple[SystemConfig, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(parse_system(item, f"{where}[{i}]", path) for i, item in enumerate(items))


def parse_round_trip(value: Any, where: str, path: Path) -> RoundTripConfig | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"forward", "backward"}:
        raise _fail(path, f"{where} must be a table with exactly 'forward' and 'backward'")
    return RoundTripConfig(
        forward=parse_system(value["forward"], f"{where}.forward", path),
        backward=parse_system(value["backward"], f"{where}.backward", path),
    )
