"""`number_mismatch` alone, per phenomenon: summaries against their article (FIB) and
translations against reference and source (DEMETR).

Usage: .venv/bin/python benchmarks/numbers_accuracy.py [--evaldata DIR] [--half tune|validation|all]
       [--with-entities] [--show faulty|control]

Rows: FIB real model errors (group fib, XSum and CNN/DM): all pairs, the pairs whose summary
carries a number, and the pairs whose inconsistent summary states a number the consistent one
does not (FIB marks no spans; this is the closest to "a human-marked invented number");
FactCC number and date swaps; DEMETR's number perturbation against the good MT; the same with
the reference withheld (source only, per source language; the good MT and the human reference
as clean outputs) and WMT21's critical errors whose digits differ from the source's, against
its rows without a critical error (en -> cs, de, ja, zh).
`--with-entities` adds the summary rows for "entity_unsupported or number_mismatch" (it parses
every text, so it takes minutes). `--show` prints the summaries the check fired on
(faulty) or falsely fired on (control), with the finding, for the tuning half only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaldata import (  # noqa: E402
    DEFAULT_EVALDATA,
    DEMETR_LANGS,
    demetr_input,
    keep_half,
    read_jsonl,
    wmt21_number_error,
)
from benchmarks.splits import HALVES, Half  # noqa: E402
from evalsuite.checks.api import CheckInput  # noqa: E402
from evalsuite.checks.base import Finding  # noqa: E402
from evalsuite.checks.runner import run_checks  # noqa: E402
from evalsuite.text.quantities import read_quantities  # noqa: E402
from evalsuite.text.quantity_support import reportable  # noqa: E402

NUMBER = ("number_mismatch",)
SUMMARY_FAULT = ("entity_unsupported", "number_mismatch")


def fib_pairs(root: Path, half: Half | None) -> list[tuple[dict[str, Any], str]]:
    docs = {r["doc_id"]: r["doc"] for r in read_jsonl(root / "fib" / "fib_docs_dev.jsonl")}
    pairs = keep_half("fib", read_jsonl(root / "fib" / "fib_pairs_dev.jsonl"), half)
    return [(row, docs[row["doc_id"]]) for row in pairs]


def summary_input(summary: str, article: str) -> CheckInput:
    return CheckInput(summary, None, article, "en", "en", task="summary")


def has_number(summary: str) -> bool:
    return any(reportable(q) for q in read_quantities(summary, "en"))


def adds_number(summary: str, other: str) -> bool:
    """Whether `summary` states a number whose value the `other` summary of the same article
    does not (blind to the article and to the check's support rules)."""
    known = {q.value for q in read_quantities(other, "en")}
    return any(reportable(q) and q.value not in known for q in read_quantities(summary, "en"))


def rate(flags: Sequence[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def pair_rows(
    name: str, pairs: list[tuple[dict[str, Any], str]], checks: Sequence[str]
) -> tuple[list[dict[str, Any]], list[tuple[str, str, list[Finding]]]]:
    """Recall on the inconsistent summaries, false alarms on the consistent ones, and the
    same on the pairs whose summary has a number; plus every (kind, summary, findings)."""
    inputs = [summary_input(row[key], doc) for row, doc in pairs
              for key in ("inconsistent_summary", "consistent_summary")]  # fmt: skip
    found = run_checks(inputs, list(checks))
    faulty, control = found[0::2], found[1::2]
    rows = [_row(name, faulty, control)]
    numbered = [i for i, (row, _) in enumerate(pairs)]
    with_number_f = [faulty[i] for i in numbered if has_number(pairs[i][0]["inconsistent_summary"])]
    with_number_c = [control[i] for i in numbered if has_number(pairs[i][0]["consistent_summary"])]
    rows.append(_row(f"{name}, summary has a number", with_number_f, with_number_c))
    adding = [i for i, (row, _) in enumerate(pairs)
              if adds_number(row["inconsistent_summary"], row["consistent_summary"])]  # fmt: skip
    rows.append(_row(f"{name}, error adds a number", [faulty[i] for i in adding],
                     [control[i] for i in adding]))  # fmt: skip
    shown = [("faulty", inputs[2 * i].hypothesis, faulty[i]) for i in range(len(pairs))]
    shown += [("control", inputs[2 * i + 1].hypothesis, control[i]) for i in range(len(pairs))]
    return rows, shown


def _row(name: str, faulty: list[list[Finding]], control: list[list[Finding]]) -> dict[str, Any]:
    return {
        "phenomenon": name,
        "n_faulty": len(faulty),
        "recall": rate([bool(f) for f in faulty]),
        "n_control": len(control),
        "false_alarm": rate([bool(f) for f in control]),
    }


def demetr_rows(root: Path, half: Half | None) -> list[dict[str, Any]]:
    base = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_base_dev.jsonl"), half)
    by_id = {row["item_id"]: row for row in base}
    pairs = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_pairs_dev.jsonl"), half)
    changed = [p for p in pairs if p["perturbation"] == "critical_id10_numbers_replaced"]
    faulty = run_checks([demetr_input(by_id[p["item_id"]], p["mt_perturbed"]) for p in changed],
                        list(NUMBER))  # fmt: skip
    control = run_checks([demetr_input(item, item["mt"]) for item in base], list(NUMBER))
    return [_row("DEMETR number changed (vs good MT)", faulty, control)]


def source_only_rows(root: Path, half: Half | None) -> list[dict[str, Any]]:
    """DEMETR with the reference withheld, per source language: the number perturbation
    against the checked good MT, and against the human reference checked as an output (a
    second translation that changes no number); WMT21 (en -> cs, de, ja, zh): the critical
    errors whose digits differ from the source's against the rows without a critical error."""
    base = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_base_dev.jsonl"), half)
    by_id = {row["item_id"]: row for row in base}
    pairs = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_pairs_dev.jsonl"), half)
    changed = [p for p in pairs if p["perturbation"] == "critical_id10_numbers_replaced"]

    def source_only(item: dict[str, Any], hypothesis: str) -> CheckInput:
        lang = DEMETR_LANGS.get(item["src_lang"], item["src_lang"])
        return CheckInput(hypothesis, None, item["source"], "en", lang)

    faulty = run_checks([source_only(by_id[p["item_id"]], p["mt_perturbed"]) for p in changed],
                        list(NUMBER))  # fmt: skip
    good = run_checks([source_only(item, item["mt"]) for item in base], list(NUMBER))
    human = run_checks([source_only(item, item["reference"]) for item in base], list(NUMBER))
    rows = []
    for code, lang in sorted(DEMETR_LANGS.items(), key=lambda kv: kv[1]):
        f = [x for p, x in zip(changed, faulty, strict=True) if p["src_lang"] == code]
        g = [x for item, x in zip(base, good, strict=True) if item["src_lang"] == code]
        h = [x for item, x in zip(base, human, strict=True) if item["src_lang"] == code]
        rows.append(_row(f"DEMETR {lang}->en, source only (vs good MT)", f, g))
        rows.append(_row(f"DEMETR {lang}->en, source only (vs human reference)", f, h))
    rows.append(_row("DEMETR all, source only (vs good MT)", faulty, good))
    rows.append(_row("DEMETR all, source only (vs human reference)", faulty, human))
    wmt = keep_half("wmt21", read_jsonl(root / "wmt21_critical_errors" / "ced_dev.jsonl"), half)
    for lp in sorted({r["lp"] for r in wmt}):
        chosen = [r for r in wmt if r["lp"] == lp]
        found = run_checks([CheckInput(r["mt"], None, r["source"], lp.split("-")[1], "en")
                            for r in chosen], list(NUMBER))  # fmt: skip
        err = [x for r, x in zip(chosen, found, strict=True) if wmt21_number_error(r)]
        ok = [x for r, x in zip(chosen, found, strict=True) if r["label"] != "ERR"]
        rows.append(_row(f"WMT21 {lp.replace('-', '->')}: ERR with digits changed (vs NOT)",
                         err, ok))  # fmt: skip
    return rows


def render(rows: list[dict[str, Any]]) -> str:
    header = ("phenomenon", "n_faulty", "recall", "n_control", "false_alarm")
    cells = [[_cell(row[h]) for h in header] for row in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(header)]
    line = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    return "\n".join([line.format(*header)] + [line.format(*c) for c in cells])


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument("--half", choices=(*HALVES, "all"), default="validation")
    parser.add_argument("--with-entities", action="store_true")
    parser.add_argument("--show", choices=("faulty", "control"))
    args = parser.parse_args(argv)
    root: Path = args.evaldata
    if not (root / "fib").is_dir() or not (root / "demetr").is_dir():
        print(f"error: no evaluation data at {root} (expected fib/ and demetr/); pass --evaldata",
              file=sys.stderr)  # fmt: skip
        return 2
    if args.show and args.half != "tune":
        print("error: --show prints items, which only the tuning half may do", file=sys.stderr)
        return 2
    half: Half | None = None if args.half == "all" else args.half
    pairs = fib_pairs(root, half)
    real = [p for p in pairs if p[0]["group"] == "fib"]
    rows, shown = pair_rows("FIB real errors: number_mismatch", real, NUMBER)
    for perturbation in ("number_swap", "date_swap"):
        swaps = [p for p in pairs if p[0].get("perturbation") == perturbation]
        rows += pair_rows(f"FactCC {perturbation}: number_mismatch", swaps, NUMBER)[0][:1]
    if args.with_entities:
        rows += pair_rows("FIB real errors: entity_unsupported or number", real, SUMMARY_FAULT)[0]
    rows += demetr_rows(root, half)
    rows += source_only_rows(root, half)
    print(render(rows))
    print(
        f"\nHalf: {args.half} (benchmarks/splits.py); FIB group fib = real model outputs "
        "judged inconsistent, against the (consistent) reference summary of the article."
    )
    for kind, summary, findings in shown:
        if args.show == kind and findings:
            print(f"\n[{kind}] {summary}")
            for f in findings:
                print(f"   {f.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
