"""`evalsuite gate`: evaluate, print one line per failing rule, write CI outputs, exit 0 or 1.

Errors (unreadable files, a bad policy, results scored with other settings) are raised as
EvalsuiteError for the CLI to turn into exit 2 before anything is written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from evalsuite.gate.ci_outputs import step_summary_from_env, write_ci_outputs
from evalsuite.gate.evaluate import evaluate_gate
from evalsuite.gate.policy import load_policy


def run_gate(
    results: str | Path,
    baseline: str | Path,
    *,
    policy: str | Path | None = None,
    junit: str | Path | None = None,
    markdown: str | Path | None = None,
    seed: int | None = None,
    resamples: int | None = None,
    verbose: bool = False,
    out: TextIO | None = None,
) -> int:
    """Run the gate as the command line does; returns the exit code (0 pass, 1 fail)."""
    stream = out or sys.stdout
    loaded = load_policy(policy) if policy else None
    report = evaluate_gate(results, baseline, loaded, seed=seed, resamples=resamples)
    for line in report.lines(verbose=verbose):
        print(line, file=stream)
    write_ci_outputs(
        report, junit=junit, markdown=markdown, step_summary=step_summary_from_env()
    )
    return report.exit_code
