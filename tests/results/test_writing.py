"""A result set is written as one unit: a failure or a stop while writing leaves the old set
as it was, never a new segments file or report next to an old results document."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import signal
from pathlib import Path
from types import FrameType

import pytest

import evalsuite.results.writing as writing
from evalsuite.results import load_results
from tests.report.results_fixture import build_runs, write_results

SET = ("results.json", "segments.jsonl", "report.md")


def _contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _second_run(folder: Path) -> None:
    """Write the fixture's set again with other runs (one run fewer)."""
    write_results(folder, build_runs()[:1])


def test_the_document_records_its_segments_files_hash(tmp_path: Path) -> None:
    results = write_results(tmp_path)
    document = json.loads(results.read_text(encoding="utf-8"))
    seg_bytes = (tmp_path / "segments.jsonl").read_bytes()
    assert document["segments_sha256"] == hashlib.sha256(seg_bytes).hexdigest()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(SET)


@pytest.mark.parametrize("failing_file", SET)
def test_a_full_disk_while_writing_leaves_the_old_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_file: str
) -> None:
    """Out of space on any file of the set: the earlier run's three files are untouched and no
    temporary file is left (each file used to be renamed into place on its own)."""
    write_results(tmp_path)
    before = _contents(tmp_path)
    real = writing.write_temporary_beside

    def full(target: Path, text: str) -> Path:
        if target.name == failing_file:
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        return real(target, text)

    monkeypatch.setattr(writing, "write_temporary_beside", full)
    with pytest.raises(OSError, match="No space left"):
        _second_run(tmp_path)
    assert _contents(tmp_path) == before
    assert len(load_results(tmp_path / "results.json").runs) == 2


def test_a_sigterm_while_the_set_is_replaced_waits_for_the_whole_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM arriving at the first rename acts only once every file of the new set is in
    place: what its handler sees on disk is the new set, whole."""
    write_results(tmp_path)
    seen: list[dict[str, bytes]] = []

    class Stopped(Exception):
        pass

    def on_term(_signum: int, _frame: FrameType | None) -> None:
        seen.append(_contents(tmp_path))
        raise Stopped

    real_replace = os.replace
    sent: list[bool] = []

    def replace_and_signal(src: str | Path, dst: str | Path) -> None:
        if not sent:
            sent.append(True)
            os.kill(os.getpid(), signal.SIGTERM)
        real_replace(src, dst)

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        monkeypatch.setattr(writing.os, "replace", replace_and_signal)
        with pytest.raises(Stopped):
            _second_run(tmp_path)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert len(seen) == 1 and sorted(seen[0]) == sorted(SET)
    monkeypatch.undo()
    assert len(load_results(tmp_path / "results.json").runs) == 1
    reference = tmp_path / "again"
    _second_run(reference)
    assert seen[0] == _contents(reference)


def test_a_kill_between_renames_leaves_no_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed (no handler runs) after the first rename: the old document is already gone, so
    no reader pairs it with the new segments file; no old report.md sits beside it either."""
    write_results(tmp_path)
    old_segments = (tmp_path / "segments.jsonl").read_bytes()
    real_replace = os.replace
    done: list[bool] = []

    class Killed(BaseException):
        pass

    def replace_then_die(src: str | Path, dst: str | Path) -> None:
        if done:
            raise Killed
        done.append(True)
        real_replace(src, dst)

    monkeypatch.setattr(writing.os, "replace", replace_then_die)
    with pytest.raises(Killed):
        _second_run(tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["segments.jsonl"]
    assert (tmp_path / "segments.jsonl").read_bytes() != old_segments
