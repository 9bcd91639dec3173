"""Atomic writes leave either the old file or the new one, never a partial file."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalsuite.io import atomic_write_text


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
