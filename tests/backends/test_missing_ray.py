"""Without Ray installed, `--backend ray` is a usage error that says how to install it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from evalsuite.cli import main
from tests.backends.pairs_suite import write_pairs_suite


def test_ray_backend_without_ray_exits_2_with_install_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now raises ImportError
    suite = write_pairs_suite(tmp_path / "suite", 5)
    out = tmp_path / "out"
    code = main(["run", str(suite), "--backend", "ray", "--output", str(out), "--quiet"])
    assert code == 2
    assert "pip install 'evalsuite[ray]'" in capsys.readouterr().err
    assert not out.exists()


def test_suite_backend_ray_without_ray_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    suite = write_pairs_suite(tmp_path / "suite", 5, backend="ray")
    assert main(["run", str(suite), "--output", str(tmp_path / "out"), "--quiet"]) == 2
    assert "evalsuite[ray]" in capsys.readouterr().err


def test_unknown_suite_backend_is_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    suite = write_pairs_suite(tmp_path / "suite", 5, backend="spark")
    assert main(["run", str(suite), "--output", str(tmp_path / "out"), "--quiet"]) == 2
    assert "backend: 'spark' is not one of local, ray" in capsys.readouterr().err
