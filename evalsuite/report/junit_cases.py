"""`report --format junit`: a results document as test cases a CI server can list.

One case per (dataset, system, metric), which passes and carries the score and its interval
(a report states numbers; judging a drop against a baseline is the gate's job), and one per
(dataset, system, check), which fails when that check has critical findings and names the first
of them with their segments. Non-critical findings are listed in the case's output.
"""

from __future__ import annotations

from collections.abc import Sequence

from evalsuite.report.junit import JUnitCase, junit_xml
from evalsuite.report.metric_display import format_value, metric_label
from evalsuite.results import LoadedResults, RunRecord

MAX_LISTED = 5


def report_cases(runs: Sequence[RunRecord]) -> list[JUnitCase]:
    cases: list[JUnitCase] = []
    for run in runs:
        for score in run.scores:
            interval = (
                f" [{format_value(score.name, score.ci_low)}, "
                f"{format_value(score.name, score.ci_high)}]"
                if score.ci_low is not None and score.ci_high is not None
                else ""
            )
            cases.append(JUnitCase(
                suite=run.dataset,
                name=f"{run.system} / metric {score.name}",
                output=(
                    f"{metric_label(score.name)} = {format_value(score.name, score.value)}"
                    f"{interval} ({'higher' if score.higher_is_better else 'lower'} is better; "
                    f"{len(run.segments)} segments)\nvalue: {score.value!r}\n"
                    f"signature: {score.signature}"
                ),
            ))  # fmt: skip
        cases.extend(_check_case(run, check) for check in run.finding_counts)
    return cases


def _check_case(run: RunRecord, check: str) -> JUnitCase:
    counts = run.finding_counts[check]
    found = [(seg.id, f) for seg in run.segments for f in seg.findings if f.check == check]
    critical = [(seg_id, f) for seg_id, f in found if f.severity == "critical"]
    listed = "\n".join(
        f"- segment {seg_id} ({f.severity}): {f.message}" for seg_id, f in found[:MAX_LISTED]
    )
    more = f"\n... {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
    output = (
        f"{counts['critical']} critical, {counts['major']} major, {counts['minor']} minor "
        f"in {len(run.segments)} segments" + (f"\n{listed}{more}" if found else "")
    )
    failure = None
    if critical:
        seg_id, first = critical[0]
        failure = (
            f"{len(critical)} critical {check} finding(s) in {run.dataset} / {run.system}; "
            f"first in segment {seg_id}: {first.message}\n"
            + "\n".join(f"- segment {s}: {f.message}" for s, f in critical[:MAX_LISTED])
        )
    return JUnitCase(
        suite=run.dataset, name=f"{run.system} / check {check}", failure=failure, output=output
    )


def render_junit(results: LoadedResults) -> str:
    name = f"evalsuite report: {results.suite_name or results.path.name}"
    return junit_xml(report_cases(results.runs), name)
