"""Results scored once per session: a baseline, the same system re-scored, and a regression."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.gate.builders import clean_system, regressed_system, score


@dataclass(frozen=True)
class Scored:
    baseline: Path  # the clean system
    rerun: Path  # the same outputs scored again (other bootstrap count: CI settings only)
    regressed: Path  # entities and numbers swapped in a quarter of the segments
    changed: tuple[str, ...]  # ids of the swapped segments


@pytest.fixture(scope="session")
def scored(tmp_path_factory: pytest.TempPathFactory) -> Scored:
    tmp = tmp_path_factory.mktemp("gate-scored")
    baseline = score(tmp, "baseline", clean_system())
    rerun = score(tmp, "rerun", clean_system(), bootstrap=50)
    records, changed = regressed_system()
    regressed = score(tmp, "regressed", records)
    return Scored(baseline, rerun, regressed, tuple(changed))
