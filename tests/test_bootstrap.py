"""scripts/bootstrap.sh, as far as it can run here: which commands, in which order."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "bootstrap.sh"


def _dry_run(**env: str) -> list[str]:
    done = subprocess.run(
        ["bash", str(SCRIPT)], capture_output=True, text=True, timeout=60, check=True,
        env={**os.environ, "EVALSUITE_BOOTSTRAP_DRY_RUN": "1", **env},
    )  # fmt: skip
    return [line for line in done.stdout.splitlines() if line.startswith("pip ")]


def test_cpu_torch_first_from_pytorch_index() -> None:
    commands = _dry_run()
    assert commands[0].startswith("pip install torch==2.13.0 --index-url ")
    assert "https://download.pytorch.org/whl/cpu" in commands[0]
    assert commands[1] == "pip install -e .[dev,ray]"
    assert commands[2] == "pip install --no-deps -r requirements/models.txt"


def test_torch_index_can_be_chosen_or_left_out() -> None:
    cuda = _dry_run(TORCH_INDEX_URL="https://download.pytorch.org/whl/cu128")
    assert cuda[0].endswith("--index-url https://download.pytorch.org/whl/cu128 --retries 1 "
                            "--timeout 15")
    assert _dry_run(TORCH_INDEX_URL="")[0] == "pip install torch==2.13.0"


def test_dry_run_writes_nothing() -> None:
    stamp = ROOT / ".venv" / ".evalsuite-installed"
    before = stamp.read_text() if stamp.exists() else None
    _dry_run()
    assert (stamp.read_text() if stamp.exists() else None) == before
