"""The harness feeds systems longest-first batches of their own size, caching each batch, and
carries truncation meta into segments and run notes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from evalsuite.data import Example
from evalsuite.harness import generate_with_meta, run_suite
from evalsuite.suite import load_suite
from tests.fixtures.suites import news_records, write_jsonl


class RecordingSystem:
    name = "rec"
    signature = "rec|v1"
    versions: dict[str, str] = {}
    batch_size = 3

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.segment_meta: list[dict[str, object]] = []

    def generate(self, sources: Sequence[str], langs: Sequence[str | None]) -> list[str]:
        self.batches.append(list(sources))
        self.segment_meta = [
            {"truncated": True, "max_input_tokens": 4} if len(s) > 4 else {} for s in sources
        ]
        return [s[::-1] for s in sources]


def test_batches_are_the_systems_size_longest_first_and_meta_is_cached(tmp_path: Path) -> None:
    examples = [Example(id=str(i), source="x" * n) for i, n in enumerate([1, 7, 3, 5, 2, 6, 4])]
    system = RecordingSystem()
    first = generate_with_meta(system, examples, tmp_path, show_progress=False)
    assert [len(b) for b in system.batches] == [3, 3, 1]
    assert [len(s) for b in system.batches for s in b] == [7, 6, 5, 4, 3, 2, 1]
    again = generate_with_meta(RecordingSystem(), examples, tmp_path, show_progress=False)
    assert again == first, "outputs and their meta come back from the cache"
    assert first.meta[1] == {"truncated": True, "max_input_tokens": 4} and first.meta[0] == {}


def test_truncated_segments_are_recorded_in_results(
    tiny_seq2seq_path: Path, tmp_path: Path
) -> None:
    write_jsonl(tmp_path / "news.jsonl", news_records(4))
    suite = tmp_path / "s.toml"
    suite.write_text(
        '[[datasets]]\nname = "news"\npath = "news.jsonl"\ntask = "summary"\nchecks = "none"\n'
        'fields = { id = "doc", source = "article", reference = "highlights" }\n'
        f'systems = ["hf:{tiny_seq2seq_path}?max_new_tokens=4&max_input_tokens=16"]\n'
    )
    (run,) = run_suite(load_suite(suite), cache_dir=tmp_path / "c", show_progress=False).runs
    truncated = [s.id for s in run.segments if s.meta.get("truncated")]
    assert truncated and all(
        s.meta.get("max_input_tokens") == 16 for s in run.segments if s.id in truncated
    )
    assert f"{len(truncated)} segment(s) truncated to 16 tokens" in run.notes
