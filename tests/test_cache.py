"""The output cache keeps finished work and survives a torn last line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from evalsuite.cache import OutputCache, input_key
from evalsuite.data import Example
from evalsuite.harness import generate_cached


class CountingSystem:
    """Upper-cases sources and counts how many it was asked to generate."""

    name = "upper"
    signature = "upper|v1"
    versions: dict[str, str] = {}

    def __init__(self) -> None:
        self.calls = 0

    def generate(self, sources: Sequence[str], langs: Sequence[str | None]) -> list[str]:
        self.calls += len(sources)
        return [s.upper() for s in sources]


def _examples(n: int) -> list[Example]:
    return [Example(id=str(i), source=f"text {i}", src_lang="en") for i in range(n)]


def test_rerun_generates_nothing(tmp_path: Path) -> None:
    system = CountingSystem()
    first = generate_cached(system, _examples(40), tmp_path, show_progress=False)
    assert system.calls == 40
    again = generate_cached(system, _examples(40), tmp_path, show_progress=False)
    assert again == first and system.calls == 40


def test_partial_cache_and_torn_line_resume(tmp_path: Path) -> None:
    cache = OutputCache(tmp_path, CountingSystem.signature)
    cache.append({input_key("text 0", "en"): "TEXT 0"})
    with cache.path.open("a", encoding="utf-8") as handle:
        handle.write('{"signature": "upper|v1", "key": "trunc')  # killed mid-write
    system = CountingSystem()
    outputs = generate_cached(system, _examples(3), tmp_path, show_progress=False)
    assert outputs == ["TEXT 0", "TEXT 1", "TEXT 2"]
    assert system.calls == 2
    assert len(cache.load()) == 3


def test_duplicate_sources_generated_once(tmp_path: Path) -> None:
    system = CountingSystem()
    examples = [Example(id=str(i), source="same", src_lang="en") for i in range(5)]
    assert generate_cached(system, examples, tmp_path, show_progress=False) == ["SAME"] * 5
    assert system.calls == 1


def test_other_signature_does_not_reuse(tmp_path: Path) -> None:
    generate_cached(CountingSystem(), _examples(2), tmp_path, show_progress=False)
    other = CountingSystem()
    other.signature = "upper|v2"
    generate_cached(other, _examples(2), tmp_path, show_progress=False)
    assert other.calls == 2
