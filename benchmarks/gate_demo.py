"""The gate runs that README shows: a regressed system fails its baseline, mismatched settings
are refused. Everything is built from the package's mt_faults data (tests/gate/builders.py).

    .venv/bin/python benchmarks/gate_demo.py
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evalsuite.cli import main  # noqa: E402
from tests.gate.builders import (  # noqa: E402
    METRICS,
    clean_system,
    regressed_system,
    write_jsonl,
)


def _run(argv: list[str], shown: str) -> None:
    """Run the CLI as a shell would, printing the command, its output and exit code."""
    print(f"$ evalsuite {shown}")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    text = out.getvalue() + err.getvalue()
    if argv[0] == "gate":
        sys.stdout.write(text)
    print(f"(exit {code})")


def main_demo() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        regressed, changed = regressed_system(0.25)
        for name, records in (("baseline", clean_system()), ("candidate", regressed)):
            (root / name).mkdir()
            write_jsonl(root / name / "mt.jsonl", records)
        print(f"# candidate: entities/numbers swapped in {len(changed)} of {len(regressed)} "
              "segments")
        for name, extra in (("baseline", []), ("candidate", []), ("stemmed", ["--rouge-stemmer"])):
            source = "baseline" if name == "baseline" else "candidate"
            (root / name).mkdir(exist_ok=True)
            argv = ["score", "--input", str(root / source / "mt.jsonl"), "--system", "mt",
                    "--metrics", METRICS, "--output", str(root / name / "results.json"), *extra]
            shown = (f"score --input {source}/mt.jsonl --system mt {' '.join(extra)} "
                     f"--output {name}/results.json").replace("  ", " ")
            _run(argv, shown)
        for name in ("baseline", "candidate", "stemmed"):
            argv = ["gate", str(root / name / "results.json"), "--baseline",
                    str(root / "baseline" / "results.json")]
            shown = f"gate {name}/results.json --baseline baseline/results.json"
            if name == "candidate":
                argv += ["--markdown", str(root / "comment.md")]
                shown += " --markdown comment.md"
            _run(argv, shown)
        print("$ grep '^| mt' comment.md   # the metrics row of the pull-request comment")
        comment = (root / "comment.md").read_text(encoding="utf-8")
        print(next(line for line in comment.splitlines() if line.startswith("| mt | mt | ")))


if __name__ == "__main__":
    main_demo()
