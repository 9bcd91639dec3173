"""Record what the real `unbabel-comet` package computes on the tiny COMET checkpoints, as
the fixture tests/fixtures/comet_reference.json that tests/models/test_comet_parity.py
compares evalsuite's own COMET code with.

unbabel-comet 2.2.7 pins numpy<2, transformers<5 and torchmetrics<0.11, so it runs in a venv
of its own (about 1.4 GB and 3 minutes to build here, with the local CPU torch):

    python3 -m venv /tmp/cometenv
    /tmp/cometenv/bin/pip install torch==2.13.0 unbabel-comet==2.2.7 'setuptools<81'
    .venv/bin/python scripts/comet_reference.py --comet-python /tmp/cometenv/bin/python

The checkpoints are built here (tests/fixtures/tiny_comet.py, seeded, bit-identical on every
run); the reference venv loads each with `comet.load_from_checkpoint(..., strict=True)` (every
weight must match its architecture) and scores tests/fixtures/tiny_comet.py's SAMPLES with and
without references.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fixtures.tiny_comet import CASES, SAMPLES, build_all, state_digest  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "comet_reference.json"
COMMAND = ".venv/bin/python scripts/comet_reference.py --comet-python /tmp/cometenv/bin/python"

# Which inputs each case is scored with: "ref" (src, mt, ref) and/or "qe" (src, mt).
MODES = {"comet-da": ["ref"], "comet-qe": ["qe"], "cometkiwi": ["qe"],
         "unite-spans": ["ref", "qe"], "xcomet": ["ref", "qe"]}  # fmt: skip

RUNNER = r"""
import json, sys, warnings
warnings.filterwarnings("ignore")
from comet import load_from_checkpoint
import comet, torch
jobs = json.load(sys.stdin)
out = {"comet_version": comet.__version__, "torch": torch.__version__, "cases": {}}
for job in jobs:
    model = load_from_checkpoint(job["checkpoint"], strict=True, local_files_only=True)
    runs = {}
    for mode in job["modes"]:
        samples = [{k: v for k, v in s.items() if mode == "ref" or k != "ref"}
                   for s in job["samples"]]
        pred = model.predict(samples, batch_size=3, gpus=0, progress_bar=False)
        meta = dict(pred.metadata) if "metadata" in pred else {}
        runs[mode] = {"scores": list(pred.scores),
                      "error_spans": meta.get("error_spans"),
                      "mqm_scores": meta.get("mqm_scores")}
    out["cases"][job["case"]] = runs
json.dump(out, sys.stdout)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comet-python", required=True, help="python of the unbabel-comet venv")
    parser.add_argument("--output", type=Path, default=FIXTURE)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_all(Path(tmp))
        jobs = [
            {"case": case, "checkpoint": str(path / "checkpoints" / "model.ckpt"),
             "modes": MODES[case], "samples": SAMPLES}  # fmt: skip
            for case, path in paths.items()
        ]
        done = subprocess.run(
            [args.comet_python, "-c", RUNNER], input=json.dumps(jobs), capture_output=True,
            text=True, check=False,
        )
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        reference = json.loads(done.stdout)
        digests = {case: state_digest(path) for case, path in paths.items()}
    fixture = {
        "generated_by": COMMAND,
        "reference": {"unbabel-comet": reference["comet_version"], "torch": reference["torch"]},
        "samples": SAMPLES,
        "cases": {
            case: {"family": CASES[case][0], "state_digest": digests[case],
                   "runs": reference["cases"][case]}  # fmt: skip
            for case in CASES
        },
    }
    args.output.write_text(json.dumps(fixture, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {args.output} ({len(CASES)} checkpoints)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
