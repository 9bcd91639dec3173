"""What a gate decided: one outcome per rule, run and item, and the deltas behind them.

Outcomes are data so every output (the log lines, JUnit XML, Markdown) says the same thing
the exit code does. A failing outcome's `line` is the one-line explanation with its numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from evalsuite.checks.base import SEVERITIES
from evalsuite.gate.rules import Policy, TestSettings
from evalsuite.report.compare import Comparison

Status = Literal["pass", "fail", "skip"]
RuleKind = Literal["floor", "drop", "findings"]
EXIT_PASS, EXIT_FAIL = 0, 1


@dataclass(frozen=True)
class RuleOutcome:
    """One rule applied to one metric or check of one (dataset, system), maybe one language."""

    status: Status
    kind: RuleKind
    dataset: str
    system: str
    subject: str  # the metric, or "check (severity)"
    requirement: str  # what the rule asks, e.g. "chrf drop <= 1.00 (p < 0.05)"
    detail: str  # the numbers, e.g. "52.10 -> 47.30 (-4.80, p=0.001 < 0.05) drop beyond 1.00"
    source: str = "default policy"
    lang: str | None = None
    metric: str | None = None
    check: str | None = None

    @property
    def run(self) -> str:
        return f"{self.dataset}/{self.system}"

    @property
    def name(self) -> str:
        """A stable test-case name: the requirement, with the language when there is one."""
        return self.requirement + (f" [lang {self.lang}]" if self.lang else "")

    @property
    def line(self) -> str:
        """One line with the verdict and its numbers, e.g. for the job log."""
        lang = f" [lang {self.lang}]" if self.lang else ""
        where = "" if self.source == "default policy" else f" (rule at {self.source})"
        return f"{self.status.upper()} {self.run} {self.subject}{lang}: {self.detail}{where}"


@dataclass(frozen=True)
class FindingDelta:
    """A check's finding counts per severity (and "total") in the baseline and the candidate."""

    dataset: str
    system: str
    check: str
    baseline: dict[str, int]
    candidate: dict[str, int]

    def count(self, side: Literal["baseline", "candidate"], severity: str = "total") -> int:
        counts = self.baseline if side == "baseline" else self.candidate
        return int(counts.get(severity, 0))

    def delta(self, severity: str = "total") -> int:
        return self.count("candidate", severity) - self.count("baseline", severity)

    @property
    def changed(self) -> bool:
        return any(self.delta(s) for s in (*SEVERITIES, "total"))


@dataclass(frozen=True)
class GateReport:
    """The verdict of one gate run and everything needed to explain it."""

    results_path: str
    baseline_path: str
    policy: Policy
    test: TestSettings  # the settings actually used (command-line overrides applied)
    outcomes: tuple[RuleOutcome, ...]
    metric_deltas: tuple[Comparison, ...] = ()  # whole runs, every testable metric
    finding_deltas: tuple[FindingDelta, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def failures(self) -> tuple[RuleOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status == "fail")

    @property
    def skipped(self) -> tuple[RuleOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status == "skip")

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def exit_code(self) -> int:
        return EXIT_PASS if self.passed else EXIT_FAIL

    def summary(self) -> str:
        """One line: the verdict, the counts and how significance was tested."""
        verdict = "PASSED" if self.passed else "FAILED"
        counted = len(self.outcomes) - len(self.skipped)
        text = f"gate {verdict}: {len(self.failures)} of {counted} rules fail"
        if self.skipped:
            text += f", {len(self.skipped)} skipped"
        policy = f"policy {self.policy.path}" if self.policy.path else "default policy"
        return f"{text} ({policy}; {self.test.describe()}; alpha {self.test.alpha:g})"

    def lines(self, *, verbose: bool = False) -> list[str]:
        """Failing and skipped outcomes (every outcome when verbose), notes, then the summary."""
        shown = [o.line for o in self.outcomes if verbose or o.status != "pass"]
        return [*shown, *(f"note: {n}" for n in self.notes), self.summary()]
