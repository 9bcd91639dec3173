"""The candidate and baseline results, paired run by run, refused when not comparable.

A gate that compares numbers computed differently (another tokenizer, stemming on one side,
other segments, other checks) would pass or fail for reasons that have nothing to do with the
change under test. So every difference in settings is an InputError (exit 2) that says what
differs, before any rule runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from evalsuite.errors import InputError
from evalsuite.report.compare import (
    check_comparable,
    has_scorer,
    pair_runs,
    require_same_signature,
    segment_id_difference,
)
from evalsuite.results import LoadedRun, load_runs

RunKey = tuple[str, str]


@dataclass(frozen=True)
class RunPair:
    """One (dataset, system) in both documents."""

    baseline: LoadedRun
    candidate: LoadedRun


@dataclass(frozen=True)
class GateInputs:
    """Both documents, their paired runs, and the runs only one of them has."""

    results_path: str
    baseline_path: str
    candidate_runs: dict[RunKey, LoadedRun]
    pairs: dict[RunKey, RunPair]  # keyed by the candidate's (dataset, system)
    only_in_baseline: tuple[LoadedRun, ...]

    def baseline_for(self, run: LoadedRun) -> LoadedRun | None:
        pair = self.pairs.get((run.dataset, run.system))
        return pair.baseline if pair else None


def _where(run: LoadedRun) -> str:
    return f"dataset '{run.dataset}', system '{run.system}'"


def require_same_settings(pair: RunPair, baseline_path: str, results_path: str) -> None:
    """Raise InputError when the two runs were not scored the same way."""
    base, cand = pair.baseline, pair.candidate
    only_base, only_cand = segment_id_difference(base, cand)
    if only_base or only_cand:
        raise InputError(
            f"{_where(cand)}: segment ids differ (only in the baseline: {only_base}, only in "
            f"the candidate: {only_cand}); results on other segments do not compare",
            path=results_path, field="id",
        )
    metrics_base, metrics_cand = set(base.scores), set(cand.scores)
    if metrics_base != metrics_cand:
        raise InputError(
            f"{_where(cand)}: scored with other metrics (only in the baseline "
            f"{baseline_path}: {sorted(metrics_base - metrics_cand)}; only here: "
            f"{sorted(metrics_cand - metrics_base)}); score both with the same settings",
            path=results_path, field="scores",
        )
    for metric in sorted(metrics_cand):
        if has_scorer(metric):
            check_comparable(base, cand, metric, baseline_path, results_path)
        else:  # no segment statistics to test (entity scores): the settings must still agree
            require_same_signature(base, cand, metric, baseline_path, results_path)
    checks_base, checks_cand = set(base.findings), set(cand.findings)
    if checks_base != checks_cand:
        raise InputError(
            f"{_where(cand)}: other checks ran (only in the baseline {baseline_path}: "
            f"{sorted(checks_base - checks_cand)}; only here: "
            f"{sorted(checks_cand - checks_base)}); finding counts do not compare",
            path=results_path, field="findings",
        )


def load_gate_inputs(results: str | Path, baseline: str | Path) -> GateInputs:
    """Read both documents and pair their runs; InputError when they are not comparable."""
    results_path, baseline_path = str(results), str(baseline)
    candidate_runs = load_runs(results_path)
    baseline_runs = load_runs(baseline_path)
    pairs = {
        (cand.dataset, cand.system): RunPair(base, cand)
        for base, cand in pair_runs(baseline_runs, candidate_runs)
    }
    if not pairs:
        raise InputError(
            f"no (dataset, system) run in common with the baseline {baseline_path} "
            f"(here: {sorted(candidate_runs)[:5]}; there: {sorted(baseline_runs)[:5]})",
            path=results_path, field="runs",
        )
    for pair in pairs.values():
        require_same_settings(pair, baseline_path, results_path)
    paired_base = {(p.baseline.dataset, p.baseline.system) for p in pairs.values()}
    only_base = tuple(run for key, run in baseline_runs.items() if key not in paired_base)
    return GateInputs(results_path, baseline_path, candidate_runs, pairs, only_base)
