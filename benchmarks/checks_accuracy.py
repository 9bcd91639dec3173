"""How often each check catches the fault it is for, and how often it cries wolf, per dev set.

Usage: .venv/bin/python benchmarks/checks_accuracy.py [--evaldata DIR] [--half tune|validation|all]
                                                      [--limit N] [--markdown]
                                                      [--skip-source-only] [--only TEXT]

For every phenomenon: n faulty inputs, recall (a relevant check fires on the faulty output),
false-alarm rate (it fires on the paired control), and, for comparison, how well ROUGE-L and
chrF separate the same faulty outputs from their controls (ROC AUC of the negated score
against the reference, or the source without one; 0.5 means no separation at all).
All checks run together, batched, exactly as `evalsuite check` runs them.

Tables, in order: the targets of issue 11 (each with the held-out figure it started from and
its goal), the other labelled sets, and, apart, the development rows (the project's own
corpora, written while building the checks: nothing held out about them), then issue 12's
source-only rows (benchmarks/source_only_accuracy.py: the reference withheld). Every set under
../shared/evaldata and the news role pairs are cut to `--half` (benchmarks/splits.py); develop
on `tune`, report `validation` (the default). `--only TEXT` keeps the sets whose name holds
TEXT (case-insensitive: `--only FIB` for the summary rows) and leaves out the per-check detail
and the source-only rows, for a quick look while developing one check.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaldata import (  # noqa: E402
    DEFAULT_EVALDATA,
    FIB_INVENTED_ALL,
    FIB_INVENTED_NEW,
    REPO_ROOT,
    SAMPLE_SEED,
    Case,
    demetr_cases,
    fib_cases,
    hans_cases,
    mt_fault_cases,
    role_pair_cases,
    wmt21_cases,
)
from benchmarks.splits import HALVES, Half  # noqa: E402
from evalsuite.checks.api import CheckInput  # noqa: E402
from evalsuite.checks.base import Finding  # noqa: E402
from evalsuite.checks.entity_scores import entity_scores  # noqa: E402
from evalsuite.checks.runner import CHECKS, parse_segments, run_checks  # noqa: E402
from evalsuite.metrics.rouge_metric import Rouge  # noqa: E402
from evalsuite.metrics.sacrebleu_metrics import Chrf  # noqa: E402

WMT21_SAMPLE = 1200
"""WMT21 has 4,000 dev pairs; a seeded sample of this many keeps the run to a few minutes."""
COLUMNS = ("phenomenon", "checks", "n", "recall", "false_alarm", "auc_rougeL", "auc_chrf")
TARGET_COLUMNS = (*COLUMNS, "held_out_before", "goal", "met")
RESOURCES = REPO_ROOT / "evalsuite" / "resources"
NEWS_ROLE_PAIRS = "news role pairs (role_pairs_news.jsonl)"
DEV_ROLE_PAIRS = "role_pairs.jsonl (development)"
# Colleagues' benchmarks that contribute rows of the same shape, when they exist and take a
# `half` (rows that ignore the split are not printed beside split ones).
_EXTRA_ROWS = (("benchmarks.roles_accuracy", "evaluate_roles", "role_reversal"),
               ("benchmarks.xling_roles_accuracy", "evaluate_xling_roles", "role_reversal"),
               ("benchmarks.negation_accuracy", "evaluate_negation", "negation_flip"))  # fmt: skip


@dataclass(frozen=True)
class Target:
    """A goal of issue 11: the held-out figure it was set against, and the bar to clear."""

    before: str
    recall: float
    false_alarm: float

    @property
    def goal(self) -> str:
        return f"recall >= {self.recall:g}, false alarms <= {self.false_alarm:g}"

    def met(self, row: dict[str, Any]) -> str:
        if row["recall"] is None or row["false_alarm"] is None:
            return "-"
        ok = row["recall"] >= self.recall and row["false_alarm"] <= self.false_alarm
        return "yes" if ok else "no"


_SUMMARY_TARGET = Target("0.51 / 0.107", 0.85, 0.08)
TARGETS = {
    FIB_INVENTED_ALL: _SUMMARY_TARGET,
    FIB_INVENTED_NEW: _SUMMARY_TARGET,
    "DEMETR entity replaced or removed": Target("0.93 / 0.081", 0.95, 0.03),
    "DEMETR entity replaced": Target("0.98 / 0.081", 0.95, 0.03),
    "DEMETR entity removed": Target("0.87 / 0.081", 0.95, 0.03),
    NEWS_ROLE_PAIRS: Target("0.61 / 0.000", 0.95, 0.0),
    "HANS role subcases": Target("0.953 / 0.000 (with ROLE-88)", 0.953, 0.0),
    "DEMETR negation flipped": Target("0.93 / 0.013 (keep)", 0.93, 0.013),
    "DEMETR number changed": Target("0.96 / 0.015 (keep)", 0.96, 0.015),
}
"""Issue 11's table: recall / false alarms measured held out before the work, and the goals.
The summary goal is set on human-marked names and numbers; FIB marks no spans, so both FIB
rows approximate it (see benchmarks/evaldata.py: fib_cases)."""


def fires(findings: Iterable[Finding], relevant: frozenset[str]) -> bool:
    """Whether a relevant check fired ("*critical" stands for any critical finding)."""
    return any(f.check in relevant or f"*{f.severity}" in relevant for f in findings)


def roc_auc(faulty: Sequence[float], control: Sequence[float]) -> float | None:
    """P(a faulty item scores above a control one), ties counting half (Mann-Whitney)."""
    if not faulty or not control:
        return None
    ranked = sorted([(s, 1) for s in faulty] + [(s, 0) for s in control])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid_rank = (i + j + 1) / 2  # 1-based average rank of the tie block
        rank_sum += mid_rank * sum(label for _, label in ranked[i:j])
        i = j
    n1, n0 = len(faulty), len(control)
    return (rank_sum - n1 * (n1 + 1) / 2) / (n1 * n0)


def overlap_scores(inputs: Sequence[CheckInput]) -> dict[CheckInput, tuple[float, float]]:
    """ROUGE-L F and chrF of each hypothesis against its reference (else its source)."""
    hyps = [i.hypothesis for i in inputs]
    refs = [[i.reference if i.reference is not None else i.source or ""] for i in inputs]
    langs = [i.hyp_lang for i in inputs]
    rouge = Rouge(rouge_types=("rougeL",)).compute(hyps, refs, langs).segments
    chrf = Chrf().compute(hyps, refs, langs).segments
    return {inp: (r["rougeL"], c["chrf"]) for inp, r, c in zip(inputs, rouge, chrf, strict=True)}


def evaluate(cases: Sequence[Case]) -> list[dict[str, Any]]:
    """One row per phenomenon, from one batched run of every registered check."""
    unique = list(dict.fromkeys(case.inp for case in cases))
    findings = dict(zip(unique, run_checks(unique), strict=True))
    scores = overlap_scores(unique)
    rows: list[dict[str, Any]] = []
    for name in dict.fromkeys(case.phenomenon for case in cases):
        group = [c for c in cases if c.phenomenon == name]
        relevant = group[0].relevant
        registered = any(r.startswith("*") or r in CHECKS for r in relevant)
        faulty = [c for c in group if c.faulty]
        control = [c for c in group if not c.faulty]
        hit = [fires(findings[c.inp], relevant) for c in faulty]
        alarm = [fires(findings[c.inp], relevant) for c in control]
        rows.append({
            "phenomenon": name,
            "checks": _describe(relevant),
            "n": len(faulty),
            "recall": sum(hit) / len(hit) if hit and registered else None,
            "false_alarm": sum(alarm) / len(alarm) if alarm and registered else None,
            "auc_rougeL": _auc(faulty, control, scores, 0),
            "auc_chrf": _auc(faulty, control, scores, 1),
        })  # fmt: skip
    return rows


def _auc(
    faulty: list[Case], control: list[Case], scores: dict[CheckInput, tuple[float, float]], k: int
) -> float | None:
    return roc_auc([-scores[c.inp][k] for c in faulty], [-scores[c.inp][k] for c in control])


def _describe(relevant: frozenset[str]) -> str:
    names = {"*critical": "any critical", "*major": "any major"}
    return " / ".join(sorted(names.get(r, r) for r in relevant))


ENTITY_SCORE_SETS = ("DEMETR entity replaced", "DEMETR entity removed", FIB_INVENTED_ALL)


def entity_score_rows(cases: Sequence[Case]) -> list[dict[str, Any]]:
    """Corpus entity precision-source / recall-target (Nan et al. 2021), faulty vs control."""
    rows = []
    for name in ENTITY_SCORE_SETS:
        for faulty in (True, False):
            inputs = [c.inp for c in cases if c.phenomenon == name and c.faulty is faulty]
            if not inputs:
                continue
            scores = entity_scores(parse_segments(inputs))
            rows.append({
                "set": f"{name}: {'faulty' if faulty else 'control'}",
                "n": len(inputs),
                "entity_prec_source": _pooled(scores, "hyp_supported", "hyp_entities"),
                "entity_recall_target": _pooled(scores, "ref_kept", "ref_entities"),
            })  # fmt: skip
    return rows


def _pooled(scores: list[dict[str, Any]], hits: str, total: str) -> float | None:
    denominator = sum(row[total] for row in scores)
    return sum(row[hits] for row in scores) / denominator if denominator else None


def extra_rows(half: str | None) -> list[dict[str, Any]]:
    """Rows from colleagues' benchmarks (role reversal, negation), if they are present and
    measure the same half."""
    rows: list[dict[str, Any]] = []
    for module_name, function, check in _EXTRA_ROWS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        evaluate_fn: Callable[..., list[dict[str, Any]]] | None = getattr(module, function, None)
        if evaluate_fn is None or "half" not in inspect.signature(evaluate_fn).parameters:
            continue
        for row in evaluate_fn(half=half):
            name = f"{row['dataset']}: {row['phenomenon']}" if "dataset" in row else None
            rows.append({"checks": check, **row, "phenomenon": name or row.get("phenomenon")})
    return rows


SOURCE_ONLY_COLUMNS = ("set", "lang", "phenomenon", "checks", "n", "recall", "false_alarm")


def source_only_rows(root: Path, half: Half | None, limit: int | None) -> list[dict[str, Any]]:
    """Issue 12's rows: DEMETR and WMT21 with the reference withheld, per language pair
    (benchmarks/source_only_accuracy.py, same half and limit)."""
    from benchmarks.source_only_accuracy import evaluate_source_only

    return evaluate_source_only(root, half, limit)


def _only(cases: list[Case], text: str) -> list[Case]:
    """The cases of the sets whose name holds `text`, case-insensitively."""
    return [c for c in cases if text.casefold() in c.phenomenon.casefold()]


def with_targets(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The target rows, in TARGETS order, each with its held-out figure, goal and verdict."""
    by_name = {row["phenomenon"]: row for row in rows}
    return [
        {**by_name[name], "held_out_before": target.before, "goal": target.goal,
         "met": target.met(by_name[name])}
        for name, target in TARGETS.items() if name in by_name
    ]  # fmt: skip


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def render(
    rows: list[dict[str, Any]], markdown: bool, columns: Sequence[str] = COLUMNS, left: int = 2
) -> str:
    """A table of `columns`; the first `left` (text) are left-aligned, the rest right."""
    header = list(columns)
    if not rows:
        return "(no rows)"
    table = [[_cell(row.get(col, row.get("name") if col == "phenomenon" else None))
              for col in header] for row in rows]  # fmt: skip
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(r) + " |" for r in table]
        return "\n".join(lines)
    widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(header)]
    fmt = "  ".join(f"{{:{'<' if i < left else '>'}{w}}}" for i, w in enumerate(widths))
    return "\n".join([fmt.format(*header)] + [fmt.format(*r) for r in table])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument("--limit", type=int, default=None, help="at most N faulty items per set")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument(
        "--half", choices=(*HALVES, "all"), default="validation",
        help="which half of each dev set to measure (default: validation; tune on 'tune')",
    )  # fmt: skip
    parser.add_argument(
        "--skip-source-only", action="store_true",
        help="leave out the source-only rows (benchmarks/source_only_accuracy.py)",
    )  # fmt: skip
    parser.add_argument(
        "--only", metavar="TEXT", default=None,
        help="keep the sets whose name holds TEXT (case-insensitive), e.g. FIB; "
             "no detail or source-only rows",
    )  # fmt: skip
    args = parser.parse_args(argv)
    root: Path = args.evaldata
    half: Half | None = None if args.half == "all" else args.half
    if not (root / "demetr").is_dir():
        print(f"error: no evaluation data at {root} (expected demetr/, fib/, ... there); "
              "pass --evaldata DIR", file=sys.stderr)  # fmt: skip
        return 2
    started = time.perf_counter()
    wmt_limit = min(args.limit, WMT21_SAMPLE) if args.limit else WMT21_SAMPLE
    held_out = [
        *demetr_cases(root, args.limit, half),
        *fib_cases(root, args.limit, half),
        *wmt21_cases(root, wmt_limit, half),
        *hans_cases(root, half),
        *role_pair_cases(RESOURCES / "role_pairs_news.jsonl", NEWS_ROLE_PAIRS, half),
    ]
    development = [
        *mt_fault_cases(RESOURCES / "mt_faults.jsonl"),
        *role_pair_cases(RESOURCES / "role_pairs.jsonl", DEV_ROLE_PAIRS),
    ]
    if args.only is not None:
        held_out, development = _only(held_out, args.only), _only(development, args.only)
    rows = evaluate(held_out + development)
    dev_names = {c.phenomenon for c in development}
    targets = with_targets(rows)
    others = [r for r in rows if r["phenomenon"] not in {*TARGETS, *dev_names}]
    dev_rows = [r for r in rows if r["phenomenon"] in dev_names]
    detail = extra_rows(half) if args.only is None else []
    entity_rows = entity_score_rows(held_out)
    skip_source_only = args.skip_source_only or args.only is not None
    source_only = [] if skip_source_only else source_only_rows(root, half, args.limit)
    elapsed = time.perf_counter() - started
    print(f"Targets of issue 11, {args.half} half:")
    print(render(targets, args.markdown, TARGET_COLUMNS))
    print(f"\nOther labelled sets, {args.half} half:")
    print(render(others, args.markdown))
    print("\nDevelopment rows: the project's own corpora, written while building the checks"
          " (not held out, whatever --half says):")  # fmt: skip
    print(render(dev_rows, args.markdown))
    if detail:
        print(f"\nDetail from the per-check scripts, {args.half} half:")
        print(render(detail, args.markdown))
    if source_only:
        print(f"\nSource-only translation QA (issue 12: reference withheld), {args.half} half:")
        print(render(source_only, args.markdown, SOURCE_ONLY_COLUMNS, left=4))
    print(
        "\nEntity scores (Nan et al. 2021), pooled over entities; precision against the source"
        " (against the reference where the source's script cannot be transliterated):"
    )
    columns = ("set", "n", "entity_prec_source", "entity_recall_target")
    print(render(entity_rows, args.markdown, columns))
    n_inputs = len({c.inp for c in held_out + development})
    print(
        f"\nHalf: {args.half} (benchmarks/splits.py). "
        f"{n_inputs} distinct inputs, all {len(CHECKS)} registered checks, "
        f"{elapsed:.0f} s. WMT21: seeded sample of {wmt_limit} (seed {SAMPLE_SEED})"
        + (f"; at most {args.limit} faulty items per set (same seed)" if args.limit else "")
        + ". '-': not measured (no relevant check registered, or a one-sided row)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
