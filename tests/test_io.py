"""Atomic writes leave either the old file or the new one, never a partial file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from evalsuite.errors import UsageError
from evalsuite.io import atomic_write_text, check_output_directory, check_output_file


def test_atomic_write_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "r.json"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["r.json"]


def test_failed_write_keeps_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("old")

    with pytest.raises(TypeError):
        atomic_write_text(target, 123)  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_written_files_get_the_usual_mode_not_the_temporary_files(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "r.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.json").stat().st_mode) == 0o644


def test_outputs_are_checked_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="is a directory; give a file name"):
        check_output_file(tmp_path)
    with pytest.raises(UsageError, match="is a file, not a directory"):
        check_output_file(tmp_path / "file" / "out.json")
    with pytest.raises(UsageError, match="is a file; give a directory"):
        check_output_directory(tmp_path / "file")
    with pytest.raises(UsageError, match=r"cannot write in /sys \(Permission denied\)"):
        check_output_directory("/sys/evalsuite-results")  # read-only, even for root
    assert check_output_file(tmp_path / "new" / "deeper" / "r.json").name == "r.json"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]  # the probe left nothing


def test_signals_deferred_acts_after_the_block() -> None:
    """A Ctrl-C inside the block (a result set being renamed into place) is acted on after it,
    once, by the handler that was there before."""
    import os
    import signal

    from evalsuite.io import signals_deferred

    done = []
    # a shell's background job starts with SIGINT ignored: install Python's default handler
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt), signals_deferred():
            os.kill(os.getpid(), signal.SIGINT)
            os.kill(os.getpid(), signal.SIGINT)
            done.append("renamed")
        assert done == ["renamed"]
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)
