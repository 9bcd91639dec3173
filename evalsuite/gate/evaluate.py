"""Apply a policy to a candidate results document and its baseline.

Everything works from what the results store: corpus values and finding counts from
results.json, per-segment statistics, languages and findings from the segments file. A drop is
judged by the seeded paired test on those statistics (never by a raw difference), and one
language's score is rebuilt from its segments' statistics, never by re-running a metric.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from evalsuite.errors import InputError, UsageError
from evalsuite.gate.inputs import GateInputs, RunPair, load_gate_inputs
from evalsuite.gate.outcome import FindingDelta, GateReport, RuleKind, RuleOutcome, Status
from evalsuite.gate.points import format_p, to_points
from evalsuite.gate.rules import (
    DEFAULT_POLICY,
    DropRule,
    FindingsRule,
    FloorRule,
    Policy,
    Rule,
    TestSettings,
)
from evalsuite.metrics.registry import score_kind
from evalsuite.report.compare import Comparison, has_scorer, paired_ids
from evalsuite.results import LoadedRun
from evalsuite.stats.aggregate import StatScorer
from evalsuite.stats.paired import PairedResult, TestName, paired_test

_EPS = 1e-9  # a drop of exactly the allowed points is allowed, whatever the float rounding


def _segment_ids(run: LoadedRun, lang: str | None) -> list[str]:
    """The run's segment ids in file order; only those in `lang` when one is given."""
    if lang is None:
        return list(run.stats)
    return [seg for seg, seg_lang in run.segment_langs.items() if seg_lang == lang]


def _from_stats(metric: str) -> StatScorer:
    """The metric's corpus score from summed statistics (callers checked `has_scorer`)."""
    kind = score_kind(metric)
    if kind is None:
        raise KeyError(f"no statistics-based scorer for '{metric}'")
    return kind.from_stats


class _PairedTests:
    """Paired tests on stored statistics, each (run, metric, language) computed once."""

    def __init__(self, settings: TestSettings) -> None:
        self.settings = settings
        self._cache: dict[tuple[str, str, str, str | None], PairedResult] = {}

    def result(self, pair: RunPair, metric: str, lang: str | None) -> PairedResult:
        key = (pair.candidate.dataset, pair.candidate.system, metric, lang)
        if key not in self._cache:
            ids = paired_ids(pair.baseline, set(_segment_ids(pair.candidate, lang)))
            self._cache[key] = paired_test(
                [pair.baseline.stats[i][metric] for i in ids],
                [pair.candidate.stats[i][metric] for i in ids],
                _from_stats(metric),
                test=self.settings.method,
                n_samples=self.settings.resamples,
                seed=self.settings.seed,
            )
        return self._cache[key]


class _Evaluator:
    """Turns each rule into outcomes for every run, language and item it covers."""

    def __init__(self, inputs: GateInputs, policy: Policy, settings: TestSettings) -> None:
        self.inputs = inputs
        self.policy = policy
        self.settings = settings
        self.tests = _PairedTests(settings)
        self.runs = list(inputs.candidate_runs.values())

    # -- coverage ---------------------------------------------------------------------------

    def _fail_rule(self, rule: Rule, field: str | None, message: str) -> InputError:
        """A policy error at the rule's line: `drop[2].metric`, or the table without a field."""
        source = rule.source
        name = ".".join(part for part in (source.table, field) if part)
        return InputError(message, path=source.path, line=source.line, field=name or None)

    def _require_known(self, rule: Rule) -> None:
        """Every name a rule lists must exist in the results: a typo must not pass silently."""
        results = self.inputs.results_path
        known = {
            "dataset": {r.dataset for r in self.runs},
            "system": {r.system for r in self.runs},
            "lang": {lang for r in self.runs for lang in r.segment_langs.values() if lang},
        }
        if isinstance(rule, FindingsRule):
            known["check"] = {c for r in self.runs for c in r.findings}
            listed = {"check": rule.checks}
        else:
            known["metric"] = {m for r in self.runs for m in r.scores}
            listed = {"metric": rule.metrics}
        listed.update(
            dataset=rule.where.datasets, system=rule.where.systems, lang=rule.where.langs
        )
        for field, names in listed.items():
            for name in names:
                if name in known[field]:
                    continue
                if field == "lang" and not known["lang"]:
                    raise self._fail_rule(
                        rule, field,
                        f"'{name}': the segments of {results} record no language (scored "
                        "before evalsuite stored it); re-score them to gate per language",
                    )
                found = ", ".join(sorted(known[field])) or "none"
                raise self._fail_rule(
                    rule, field, f"'{name}' is not in {results} (there: {found})"
                )

    def _langs(self, rule: Rule) -> Sequence[str | None]:
        return rule.where.langs or (None,)

    def _covered_runs(self, rule: Rule) -> Iterator[tuple[LoadedRun, str | None]]:
        for run in self.runs:
            if not rule.where.covers(run.dataset, run.system):
                continue
            for lang in self._langs(rule):
                if lang is None or _segment_ids(run, lang):
                    yield run, lang

    @staticmethod
    def _outcome(
        run: LoadedRun, rule: Rule, lang: str | None, status: Status, subject: str,
        requirement: str, detail: str, *, metric: str | None = None, check: str | None = None,
    ) -> RuleOutcome:
        kind: RuleKind = "floor" if isinstance(rule, FloorRule) else (
            "drop" if isinstance(rule, DropRule) else "findings"
        )
        return RuleOutcome(
            status=status, kind=kind, dataset=run.dataset, system=run.system, subject=subject,
            requirement=requirement, detail=detail, source=rule.source.label, lang=lang,
            metric=metric, check=check,
        )

    # -- metrics ----------------------------------------------------------------------------

    def _value(self, run: LoadedRun, metric: str, lang: str | None, rule: Rule) -> float:
        if lang is None:
            return float(run.scores[metric]["value"])
        if not has_scorer(metric):
            raise self._fail_rule(
                rule, "lang",
                f"metric '{metric}' has no segment statistics to score one language with",
            )
        ids = _segment_ids(run, lang)
        rows = np.asarray([run.stats[i][metric] for i in ids], dtype=np.float64)
        return float(_from_stats(metric)(rows.sum(axis=0, keepdims=True), len(ids))[0])

    def floor(self, rule: FloorRule) -> list[RuleOutcome]:
        out = []
        for run, lang in self._covered_runs(rule):
            for metric in [m for m in rule.metrics if m in run.scores]:
                value = to_points(metric, self._value(run, metric, lang, rule))
                reasons = []
                if rule.min is not None and value < rule.min - _EPS:
                    reasons.append(f"below floor {rule.min:.2f}")
                if rule.max is not None and value > rule.max + _EPS:
                    reasons.append(f"above ceiling {rule.max:.2f}")
                detail = f"{value:.2f} " + ("; ".join(reasons) or "within limits")
                out.append(self._outcome(
                    run, rule, lang, "fail" if reasons else "pass", metric,
                    rule.requirement(metric), detail, metric=metric,
                ))
        return out

    def _drop_metrics(self, rule: DropRule, run: LoadedRun) -> list[str]:
        if not rule.metrics:
            return [m for m in run.scores if has_scorer(m)]
        for metric in rule.metrics:
            if metric in run.scores and not has_scorer(metric):
                raise self._fail_rule(
                    rule, "metric",
                    f"'{metric}' has no segment statistics, so no paired test can judge a "
                    "drop; gate it with a [[floor]] instead",
                )
        return [m for m in rule.metrics if m in run.scores]

    def drop(self, rule: DropRule) -> list[RuleOutcome]:
        alpha = rule.alpha if rule.alpha is not None else self.settings.alpha
        out = []
        for run, lang in self._covered_runs(rule):
            pair = self.inputs.pairs.get((run.dataset, run.system))
            for metric in self._drop_metrics(rule, run):
                requirement = rule.requirement(metric, alpha)
                if pair is None:
                    out.append(self._outcome(
                        run, rule, lang, "skip", metric, requirement,
                        "no baseline run for this dataset and system", metric=metric,
                    ))
                    continue
                status, detail = self._judge_drop(pair, metric, lang, rule, alpha)
                out.append(self._outcome(
                    run, rule, lang, status, metric, requirement, detail, metric=metric
                ))
        return out

    def _judge_drop(
        self, pair: RunPair, metric: str, lang: str | None, rule: DropRule, alpha: float
    ) -> tuple[Status, str]:
        result = self.tests.result(pair, metric, lang)
        higher = bool(pair.candidate.scores[metric].get("higher_is_better", True))
        base, cand = to_points(metric, result.baseline), to_points(metric, result.system)
        worse_by = (base - cand) if higher else (cand - base)
        significant = result.significant(alpha)
        numbers = (
            f"{base:.2f} -> {cand:.2f} ({cand - base:+.2f}, p={format_p(result.p_value)} "
            f"{'<' if significant else '>='} {alpha:g})"
        )
        direction = "drop" if higher else "rise"
        if worse_by > rule.max_drop + _EPS:
            if significant:
                note = "" if higher else " (lower is better)"
                return "fail", f"{numbers} {direction} beyond {rule.max_drop:.2f}{note}"
            return "pass", f"{numbers} {direction} beyond {rule.max_drop:.2f} not significant"
        if worse_by > _EPS:
            return "pass", f"{numbers} {direction} within {rule.max_drop:.2f}"
        return "pass", f"{numbers} no {direction}"

    # -- findings ---------------------------------------------------------------------------

    @staticmethod
    def _count(run: LoadedRun, check: str, severity: str, lang: str | None) -> int:
        if lang is None:
            key = "total" if severity == "any" else severity
            return int((run.findings.get(check) or {}).get(key, 0))
        return sum(
            1
            for seg in _segment_ids(run, lang)
            for found_check, found_severity in run.segment_findings.get(seg, [])
            if found_check == check and severity in ("any", found_severity)
        )

    def findings(self, rule: FindingsRule) -> list[RuleOutcome]:
        out = []
        for run, lang in self._covered_runs(rule):
            baseline = self.inputs.baseline_for(run)
            checks = rule.checks or tuple(run.findings)
            for check in [c for c in checks if c in run.findings]:
                count = self._count(run, check, rule.severity, lang)
                before = (
                    self._count(baseline, check, rule.severity, lang) if baseline else None
                )
                status, detail = self._judge_findings(rule, count, before)
                out.append(self._outcome(
                    run, rule, lang, status, f"{check} ({rule.severity})",
                    rule.requirement(check), detail, check=check,
                ))
        return out

    @staticmethod
    def _judge_findings(
        rule: FindingsRule, count: int, before: int | None
    ) -> tuple[Status, str]:
        if before is None and rule.max is None:
            return "skip", f"{count} findings; no baseline run for this dataset and system"
        shown = f"{count} findings" if before is None else (
            f"{before} -> {count} ({count - before:+d})"
        )
        reasons = []
        if rule.max is not None and count > rule.max:
            reasons.append(f"more than {rule.max} allowed")
        if (
            rule.max_increase is not None
            and before is not None
            and count - before > rule.max_increase
        ):
            reasons.append(f"increase beyond {rule.max_increase}")
        detail = f"{shown} {'; '.join(reasons) or 'within limits'}"
        if before is None:
            detail += " (no baseline run: increase not tested)"
        return ("fail" if reasons else "pass"), detail

    # -- everything -------------------------------------------------------------------------

    def outcomes(self) -> list[RuleOutcome]:
        out: list[RuleOutcome] = []
        for rule in self.policy.rules:
            self._require_known(rule)
            if isinstance(rule, FloorRule):
                found = self.floor(rule)
            elif isinstance(rule, DropRule):
                found = self.drop(rule)
            else:
                found = self.findings(rule)
            if not found and rule.source.path is not None:
                raise self._fail_rule(
                    rule, None, f"this rule covers nothing in {self.inputs.results_path} "
                    "(no run has its metric/check with its dataset, system and language)",
                )
            out.extend(found)
        return out

    def metric_deltas(self) -> list[Comparison]:
        out = []
        for pair in self.inputs.pairs.values():
            cand = pair.candidate
            for metric in [m for m in cand.scores if has_scorer(m)]:
                higher = bool(cand.scores[metric].get("higher_is_better", True))
                result = self.tests.result(pair, metric, None)
                out.append(Comparison(cand.dataset, cand.system, metric, higher, result))
        return out

    def finding_deltas(self) -> list[FindingDelta]:
        return [
            FindingDelta(
                pair.candidate.dataset, pair.candidate.system, check,
                dict(pair.baseline.findings.get(check) or {}), dict(counts),
            )
            for pair in self.inputs.pairs.values()
            for check, counts in pair.candidate.findings.items()
        ]

    def notes(self) -> list[str]:
        return [
            f"{run.dataset}/{run.system} is in the baseline but not in the results: not gated"
            for run in self.inputs.only_in_baseline
        ]


def evaluate_inputs(
    inputs: GateInputs, policy: Policy, settings: TestSettings | None = None
) -> GateReport:
    """The gate's verdict on already loaded and paired results."""
    settings = settings or policy.test
    evaluator = _Evaluator(inputs, policy, settings)
    outcomes = evaluator.outcomes()
    return GateReport(
        results_path=inputs.results_path,
        baseline_path=inputs.baseline_path,
        policy=policy,
        test=settings,
        outcomes=tuple(outcomes),
        metric_deltas=tuple(evaluator.metric_deltas()),
        finding_deltas=tuple(evaluator.finding_deltas()),
        notes=tuple(evaluator.notes()),
    )


def evaluate_gate(
    results: str | Path,
    baseline: str | Path,
    policy: Policy | None = None,
    *,
    seed: int | None = None,
    resamples: int | None = None,
    method: TestName | None = None,
) -> GateReport:
    """Gate a results document on its baseline; None policy means the default policy.

    `seed`, `resamples` and `method` override the policy's [test] settings. Raises InputError
    (the CLI's exit 2) when the two were scored with different settings.
    """
    if resamples is not None and resamples < 1:
        raise UsageError(f"resamples must be at least 1, got {resamples}")
    policy = policy or DEFAULT_POLICY
    settings = policy.test
    overrides = {
        key: value
        for key, value in (("seed", seed), ("resamples", resamples), ("method", method))
        if value is not None
    }
    if overrides:
        settings = dataclasses.replace(settings, **overrides)  # type: ignore[arg-type]
    return evaluate_inputs(load_gate_inputs(results, baseline), policy, settings)
