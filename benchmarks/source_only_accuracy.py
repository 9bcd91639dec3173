"""Source-only translation QA: the checks against a source in another language, no reference.

Usage: .venv/bin/python benchmarks/source_only_accuracy.py [--half tune|validation|all]
       [--evaldata DIR] [--limit N] [--markdown] [--xling-model MODEL]

DEMETR dev items with the reference withheld (sources in 10 languages, English MT): for each
perturbation family, recall of its relevant checks on the perturbed MT, and their false-alarm
rate on the checked good MT of the same language's items. "serious" rows count any critical
or major finding. WMT21 critical-error dev (en -> cs, de, ja, zh): any critical or major
finding on ERR rows (recall) and on NOT rows (false alarm), and number_mismatch on the ERR
rows whose digits differ from the source's (evaldata.wmt21_number_error), and any
`negation_flip` on NOT rows (which ERR rows involve a negation is not labelled). All checks run
together, batched, as `evalsuite check --task translation` runs them. Tune on `--half tune`;
README reports the validation half (the default). `--xling-model` measures a user's own sentence
encoder or QE model in place of the alignment for detachment, omission and addition.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaldata import (  # noqa: E402
    DEFAULT_EVALDATA,
    DEMETR_LANGS,
    keep_half,
    read_jsonl,
    wmt21_number_error,
)
from benchmarks.splits import HALVES, Half  # noqa: E402
from evalsuite.checks.api import CheckInput  # noqa: E402
from evalsuite.checks.base import Finding  # noqa: E402
from evalsuite.checks.runner import available_checks, run_checks  # noqa: E402

SERIOUS = frozenset({"*critical", "*major"})
ENTITY = frozenset({"entity_missing", "entity_unsupported"})
NUMBER = frozenset({"number_mismatch"})
NEGATION = frozenset({"negation_flip"})
# DEMETR perturbation -> (family name, checks relevant to it).
FAMILIES: dict[str, tuple[str, frozenset[str]]] = {
    "critical_id9_ne_replaced": ("entity replaced", ENTITY),
    "critical_id25_ne_removed": ("entity omitted", frozenset({"entity_missing", "omission"})),
    "critical_id10_numbers_replaced": ("number changed", frozenset({"number_mismatch"})),
    "critical_id8_negation": ("negation flipped", frozenset({"negation_flip"})),
    "base_id33_shuffle_trans": ("unrelated translation", frozenset({"detached_output"})),
    "base_id33_empty": ("empty output", frozenset({"detached_output"})),
    "critical_id6_addition": ("addition", frozenset({"addition", "entity_unsupported"})),
    "critical_id24_subj_removed": ("omission", frozenset({"omission", "entity_missing"})),
    "critical_id23_noun_removed": ("omission", frozenset({"omission", "entity_missing"})),
    "critical_id22_verb_removed": ("omission", frozenset({"omission"})),
    "critical_id21_adj_adv_removed": ("omission", frozenset({"omission"})),
    "major_id5_pp_removed": ("omission", frozenset({"omission", "entity_missing"})),
}
HEADLINE = ("entity replaced", "entity omitted", "number changed", "unrelated translation")
"""The faults of the issue's target: any critical or major finding on these."""


def fires(findings: Iterable[Finding], relevant: frozenset[str]) -> bool:
    return any(f.check in relevant or f"*{f.severity}" in relevant for f in findings)


def _rate(flags: list[bool]) -> float | None:
    return round(sum(flags) / len(flags), 3) if flags else None


def demetr_rows(
    root: Path, half: Half | None, limit: int | None, source_model: str | None = None
) -> list[dict[str, Any]]:
    base = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_base_dev.jsonl"), half)
    by_id = {row["item_id"]: row for row in base}
    pairs = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_pairs_dev.jsonl"), half)
    pairs = [p for p in pairs if p["perturbation"] in FAMILIES and p["item_id"] in by_id]

    def inp(item: dict[str, Any], hyp: str) -> CheckInput:
        lang = DEMETR_LANGS.get(item["src_lang"], item["src_lang"])
        return CheckInput(hyp, None, item["source"], "en", lang)

    controls = base[:limit] if limit else base
    faulty = (
        pairs
        if not limit
        else [p for p in pairs if p["item_id"] in {c["item_id"] for c in controls}]
    )
    inputs = [inp(item, item["mt"]) for item in controls] + [
        inp(by_id[p["item_id"]], p["mt_perturbed"]) for p in faulty
    ]
    found = run_checks(inputs, source_model=source_model)
    control_found = found[: len(controls)]
    faulty_found = found[len(controls) :]
    rows: list[dict[str, Any]] = []
    for code, lang in sorted(DEMETR_LANGS.items(), key=lambda kv: kv[1]):
        ctrl = [
            f for item, f in zip(controls, control_found, strict=True) if item["src_lang"] == code
        ]
        fam: dict[str, list[tuple[frozenset[str], list[Finding]]]] = {}
        for p, f in zip(faulty, faulty_found, strict=True):
            if p["src_lang"] == code:
                name, relevant = FAMILIES[p["perturbation"]]
                fam.setdefault(name, []).append((relevant, f))
        for name in dict.fromkeys(n for n, _ in FAMILIES.values()):
            cases = fam.get(name, [])
            relevant = frozenset().union(*(r for r, _ in cases)) if cases else frozenset()
            rows.append(
                {
                    "set": "DEMETR",
                    "lang": f"{lang}->en",
                    "phenomenon": name,
                    "checks": " / ".join(sorted(relevant)),
                    "n": len(cases),
                    "recall": _rate([fires(f, r) for r, f in cases]),
                    "false_alarm": _rate([fires(f, relevant) for f in ctrl]),
                }
            )
        headline = [f for n in HEADLINE for _, f in fam.get(n, [])]
        rows.append(
            {
                "set": "DEMETR",
                "lang": f"{lang}->en",
                "phenomenon": "serious: " + ", ".join(HEADLINE),
                "checks": "any critical / major",
                "n": len(headline),
                "recall": _rate([fires(f, SERIOUS) for f in headline]),
                "false_alarm": _rate([fires(f, SERIOUS) for f in ctrl]),
            }
        )
    return rows


def wmt21_rows(
    root: Path, half: Half | None, limit: int | None, source_model: str | None = None
) -> list[dict[str, Any]]:
    rows = keep_half("wmt21", read_jsonl(root / "wmt21_critical_errors" / "ced_dev.jsonl"), half)
    out = []
    for lp in sorted({r["lp"] for r in rows}):
        chosen = [r for r in rows if r["lp"] == lp][: limit or None]
        tgt = lp.split("-")[1]
        found = run_checks([CheckInput(r["mt"], None, r["source"], tgt, "en") for r in chosen],
                           source_model=source_model)  # fmt: skip
        err = [fires(f, SERIOUS) for r, f in zip(chosen, found, strict=True) if r["label"] == "ERR"]
        ok = [fires(f, SERIOUS) for r, f in zip(chosen, found, strict=True) if r["label"] != "ERR"]
        out.append(
            {
                "set": "WMT21",
                "lang": lp.replace("-", "->"),
                "phenomenon": "critical error",
                "checks": "any critical / major",
                "n": len(err),
                "recall": _rate(err),
                "false_alarm": _rate(ok),
            }
        )
        number = [fires(f, NUMBER) for r, f in zip(chosen, found, strict=True)
                  if wmt21_number_error(r)]  # fmt: skip
        number_ok = [fires(f, NUMBER) for r, f in zip(chosen, found, strict=True)
                     if r["label"] != "ERR"]  # fmt: skip
        out.append(
            {
                "set": "WMT21",
                "lang": lp.replace("-", "->"),
                "phenomenon": "critical error, digits differ",
                "checks": "number_mismatch",
                "n": len(number),
                "recall": _rate(number),
                "false_alarm": _rate(number_ok),
            }
        )
        # Which ERR rows involve a negation is not labelled: no recall, false alarms only.
        negation = [fires(f, NEGATION) for r, f in zip(chosen, found, strict=True)
                    if r["label"] != "ERR"]  # fmt: skip
        out.append(
            {
                "set": "WMT21",
                "lang": lp.replace("-", "->"),
                "phenomenon": "negation finding on a correct translation",
                "checks": "negation_flip",
                "n": len(negation),
                "recall": None,
                "false_alarm": _rate(negation),
            }
        )
    return out


def evaluate_source_only(
    root: Path, half: Half | None, limit: int | None = None, *, wmt21: bool = True,
    source_model: str | None = None,
) -> list[dict[str, Any]]:
    """Every row of this benchmark: DEMETR per source language, then WMT21 per pair.
    `source_model` (an `--xling-model` spec): a model judges detachment, omission, addition."""
    rows = demetr_rows(root, half, limit, source_model)
    return rows + wmt21_rows(root, half, limit, source_model) if wmt21 else rows


def _cell(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument("--half", choices=[*HALVES, "all"], default="validation")
    parser.add_argument("--limit", type=int, default=None, help="items per set (quick runs)")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--skip-wmt21", action="store_true")
    parser.add_argument(
        "--xling-model", metavar="MODEL",
        help="a sentence encoder or COMET QE model (as `evalsuite check --xling-model`)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    half: Half | None = None if args.half == "all" else args.half
    started = time.perf_counter()
    rows = evaluate_source_only(args.evaldata, half, args.limit, wmt21=not args.skip_wmt21,
                                source_model=args.xling_model)  # fmt: skip
    columns = ("set", "lang", "phenomenon", "checks", "n", "recall", "false_alarm")
    if args.markdown:
        print("| " + " | ".join(columns) + " |")
        print("|" + "---|" * len(columns))
        for row in rows:
            print("| " + " | ".join(_cell(row[c]) for c in columns) + " |")
    else:
        for row in rows:
            print(
                f"{row['set']:<7} {row['lang']:<7} {row['phenomenon'][:40]:<40} n={row['n']:<4} "
                f"recall={_cell(row['recall']):<6} false_alarm={_cell(row['false_alarm'])}"
            )
    print(
        f"half: {args.half}; checks: {len(available_checks())} registered, all run; "
        f"{time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
