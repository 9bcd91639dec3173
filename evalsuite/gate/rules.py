"""The rules a gate policy holds, as plain immutable data.

Rules know what they require, not how results are read: `evaluate` applies them. Each rule keeps
where it was written (`RuleSource`) so a failure or a policy error can point at the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from evalsuite.stats.paired import TestName

SeverityName = Literal["critical", "major", "minor", "any"]
SEVERITY_NAMES: tuple[SeverityName, ...] = ("critical", "major", "minor", "any")


@dataclass(frozen=True)
class RuleSource:
    """Where a rule was written: a policy file and line, or the built-in default."""

    path: str | None = None
    line: int | None = None
    table: str = ""  # e.g. "drop[2]": the second [[drop]] table

    @property
    def label(self) -> str:
        if self.path is None:
            return "default policy"
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Selector:
    """Which runs and segments a rule covers; an empty tuple means all of them."""

    datasets: tuple[str, ...] = ()
    systems: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()

    def covers(self, dataset: str, system: str) -> bool:
        return (not self.datasets or dataset in self.datasets) and (
            not self.systems or system in self.systems
        )


@dataclass(frozen=True)
class FloorRule:
    """A metric's value must stay at or above `min` and/or at or below `max` (in points).

    `max` is what a floor means for a lower-is-better metric such as TER.
    """

    metrics: tuple[str, ...]
    min: float | None = None
    max: float | None = None
    where: Selector = field(default_factory=Selector)
    source: RuleSource = field(default_factory=RuleSource)

    def requirement(self, metric: str) -> str:
        parts = []
        if self.min is not None:
            parts.append(f">= {self.min:.2f}")
        if self.max is not None:
            parts.append(f"<= {self.max:.2f}")
        return f"{metric} {' and '.join(parts)}"


@dataclass(frozen=True)
class DropRule:
    """A metric may get worse than the baseline by at most `max_drop` points, where a change
    counts only when the paired test finds it significant at `alpha`.

    An empty `metrics` means every metric whose segment statistics allow a paired test.
    """

    metrics: tuple[str, ...] = ()
    max_drop: float = 1.0
    alpha: float | None = None  # None: the policy's [test] alpha
    where: Selector = field(default_factory=Selector)
    source: RuleSource = field(default_factory=RuleSource)

    def requirement(self, metric: str, alpha: float) -> str:
        return f"{metric} drop <= {self.max_drop:.2f} (p < {alpha:g})"


@dataclass(frozen=True)
class FindingsRule:
    """Limits on a check's findings of one severity ("any" counts every severity): at most
    `max` in the candidate, and/or at most `max_increase` more than in the baseline.

    An empty `checks` means every check the results ran.
    """

    checks: tuple[str, ...] = ()
    severity: SeverityName = "critical"
    max: int | None = None
    max_increase: int | None = None
    where: Selector = field(default_factory=Selector)
    source: RuleSource = field(default_factory=RuleSource)

    def requirement(self, check: str) -> str:
        parts = []
        if self.max is not None:
            parts.append(f"<= {self.max}")
        if self.max_increase is not None:
            parts.append(f"increase <= {self.max_increase}")
        return f"{check} {self.severity} {' and '.join(parts)}"


Rule = FloorRule | DropRule | FindingsRule


@dataclass(frozen=True)
class TestSettings:
    """The paired significance test behind every drop rule (seeded: same inputs, same p)."""

    __test__ = False  # not a pytest class, despite the name

    method: TestName = "bootstrap"
    resamples: int | None = None  # None: 1,000 bootstrap resamples or 10,000 AR trials
    seed: int = 12345
    alpha: float = 0.05

    def describe(self) -> str:
        from evalsuite.stats.paired import DEFAULT_SAMPLES

        name = "paired bootstrap" if self.method == "bootstrap" else "approximate randomization"
        count = self.resamples or DEFAULT_SAMPLES[self.method]
        unit = "resamples" if self.method == "bootstrap" else "trials"
        return f"{name}, {count} {unit}, seed {self.seed}"


@dataclass(frozen=True)
class Policy:
    """Every rule of a gate and the test settings they share."""

    floors: tuple[FloorRule, ...] = ()
    drops: tuple[DropRule, ...] = ()
    findings: tuple[FindingsRule, ...] = ()
    test: TestSettings = field(default_factory=TestSettings)
    path: str | None = None  # None: the built-in default policy

    @property
    def rules(self) -> tuple[Rule, ...]:
        return (*self.floors, *self.drops, *self.findings)

    @property
    def label(self) -> str:
        return self.path or "default policy"


DEFAULT_POLICY = Policy(
    drops=(DropRule(metrics=(), max_drop=1.0),),
    findings=(FindingsRule(checks=(), severity="critical", max_increase=0),),
)
"""Without a policy file: fail on a significant drop beyond one point in any metric, and on any
increase in critical findings of any check."""
