"""evalsuite's COMET code against the real unbabel-comet 2.2.7 on tiny checkpoints.

The package cannot be installed beside evalsuite (it pins numpy<2 and transformers<5), so its
outputs on the seeded tiny checkpoints of tests/fixtures/tiny_comet.py are recorded in
tests/fixtures/comet_reference.json by scripts/comet_reference.py (run in a venv of its own;
the command is in the fixture). This test rebuilds the same checkpoints, proves they are the
ones the package scored (their tensors' digest), and compares scores and error spans.
With EVALSUITE_COMET_PYTHON pointing at that venv's python, it also re-runs the package.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from evalsuite.models.comet.checkpoint import find_checkpoint
from evalsuite.models.comet.network import CometNetwork
from evalsuite.models.comet.scorer import CometInput, CometScorer
from tests.fixtures.tiny_comet import CASES, SAMPLES, build_all, state_digest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = json.loads((ROOT / "tests" / "fixtures" / "comet_reference.json").read_text())


@pytest.fixture(scope="module")
def checkpoints(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("tiny-comet"))


def predict(path: Path, mode: str) -> list[Any]:
    import torch

    scorer = CometScorer(CometNetwork(find_checkpoint(str(path))), torch.device("cpu"),
                         torch.float32)  # fmt: skip
    inputs = [CometInput(s["mt"], s["src"], s["ref"] if mode == "ref" else None) for s in SAMPLES]
    return scorer.predict(inputs, batch_size=3)


def test_fixture_covers_every_case_and_the_samples() -> None:
    assert set(FIXTURE["cases"]) == set(CASES)
    assert FIXTURE["samples"] == SAMPLES
    assert FIXTURE["reference"]["unbabel-comet"] == "2.2.7"


@pytest.mark.parametrize("case", sorted(CASES))
def test_checkpoint_is_the_one_the_package_scored(case: str, checkpoints: dict[str, Path]) -> None:
    assert state_digest(checkpoints[case]) == FIXTURE["cases"][case]["state_digest"], (
        "tests/fixtures/tiny_comet.py builds a different checkpoint now: re-record with "
        + FIXTURE["generated_by"]
    )


RUNS = [(case, mode) for case, entry in sorted(FIXTURE["cases"].items()) for mode in entry["runs"]]


@pytest.mark.parametrize(("case", "mode"), RUNS)
def test_scores_and_spans_match_the_package(
    case: str, mode: str, checkpoints: dict[str, Path]
) -> None:
    expected = FIXTURE["cases"][case]["runs"][mode]
    mine = predict(checkpoints[case], mode)
    assert [p.score for p in mine] == pytest.approx(expected["scores"], abs=1e-5)
    if expected["error_spans"] is None:
        assert all(not p.spans for p in mine)
        return
    for prediction, spans in zip(mine, expected["error_spans"], strict=True):
        assert [(s.start, s.end, s.severity) for s in prediction.spans] == [
            (s["start"], s["end"], s["severity"]) for s in spans
        ]
        assert [s.confidence for s in prediction.spans] == pytest.approx(
            [s["confidence"] for s in spans], abs=1e-5
        )
    if expected["mqm_scores"] is not None:
        assert [p.parts["mqm"] for p in mine] == pytest.approx(expected["mqm_scores"], abs=1e-6)


def test_spans_were_exercised() -> None:
    counts = [len(s) for e in FIXTURE["cases"].values() for run in e["runs"].values()
              for s in (run["error_spans"] or [])]  # fmt: skip
    assert sum(counts) > 20 and 0 in counts  # some translations with spans, some without


@pytest.mark.skipif(
    not os.environ.get("EVALSUITE_COMET_PYTHON"),
    reason="set EVALSUITE_COMET_PYTHON to an unbabel-comet 2.2.7 venv's python to re-run the "
    "package itself (see scripts/comet_reference.py); the recorded fixture is checked above",
)
def test_the_package_still_gives_the_recorded_outputs(tmp_path: Path) -> None:
    out = tmp_path / "reference.json"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "comet_reference.py"), "--comet-python",
         os.environ["EVALSUITE_COMET_PYTHON"], "--output", str(out)],  # fmt: skip
        check=True, cwd=ROOT,
    )
    fresh = json.loads(out.read_text())
    for case, entry in FIXTURE["cases"].items():
        for mode, run in entry["runs"].items():
            got = fresh["cases"][case]["runs"][mode]["scores"]
            assert got == pytest.approx(run["scores"], abs=1e-6)
