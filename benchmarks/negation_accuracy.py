"""Accuracy of `negation_flip` on labelled data: recall on flipped outputs, false alarms on
their unflipped counterparts.

    .venv/bin/python benchmarks/negation_accuracy.py [--half tune|validation|all]
        [--evaldata DIR] [--no-source-only] [--show]

With the reference: DEMETR's negation perturbation (and, for information, the antonym one)
against the reference, the checked good MT as the no-error control; FIB's FactCC negation
swaps of summaries against their article, the consistent summary as control; the project's
own mt_faults.jsonl (development rows, whole file).

Source only (the reference withheld, as `evalsuite check --task translation` with a source and
no reference runs): DEMETR negation flips against the good MT, per source language (zh, cs,
fr, de, hi, it, ja, pl, ru, es -> en); and WMT21 critical-error dev (en -> cs, de, ja, zh):
any `negation_flip` finding on the NOT rows is a false alarm (which ERR rows involve a
negation is not labelled, so there is no recall to measure there).

Tune on `--half tune` (`--show` prints the tuning half's misses and false alarms); README
reports `--half validation` (the default).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaldata import (  # noqa: E402
    DEFAULT_EVALDATA,
    DEMETR_LANGS,
    demetr_input,
    keep_half,
    read_jsonl,
)
from benchmarks.rates import print_rows, rate_row  # noqa: E402
from benchmarks.splits import HALVES, Half  # noqa: E402
from evalsuite.checks.api import CheckInput  # noqa: E402
from evalsuite.checks.base import Finding  # noqa: E402
from evalsuite.checks.runner import run_checks  # noqa: E402

__all__ = ["evaluate_negation"]

ROOT = Path(__file__).resolve().parents[1]
EVALDATA = DEFAULT_EVALDATA
MT_FAULTS = ROOT / "evalsuite" / "resources" / "mt_faults.jsonl"
CHECK = "negation_flip"
_PERTURBATIONS = (("critical_id8_negation", "negation"), ("critical_id7_antonym", "antonym"))
_SHOWN: list[tuple[str, CheckInput, list[Finding]]] = []
"""(what, input, findings) of misses and false alarms, kept when --show asks for them."""


def _findings(inputs: list[CheckInput]) -> list[list[Finding]]:
    return run_checks(inputs, [CHECK])


def _flags(inputs: list[CheckInput], *, error: bool, label: str, show: bool = False) -> list[bool]:
    found = _findings(inputs)
    if show:
        _SHOWN.extend(
            (label, inp, f) for inp, f in zip(inputs, found, strict=True) if bool(f) is not error
        )
    return [bool(f) for f in found]


def _source_only(inp: CheckInput) -> CheckInput:
    return CheckInput(inp.hypothesis, None, inp.source, inp.hyp_lang, inp.src_lang, inp.task)


def _demetr(root: Path, half: Half | None, show: bool = False) -> Iterator[dict[str, Any]]:
    base = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_base_dev.jsonl"), half)
    by_id = {row["item_id"]: row for row in base}
    pairs = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_pairs_dev.jsonl"), half)
    good = [demetr_input(item, item["mt"]) for item in base]
    yield rate_row("demetr", "no_error (good mt)",
                   _flags(good, error=False, label="ref good", show=show), error=False)  # fmt: skip
    for perturbation, name in _PERTURBATIONS:
        chosen = [demetr_input(by_id[p["item_id"]], p["mt_perturbed"])
                  for p in pairs if p["perturbation"] == perturbation]  # fmt: skip
        flags = _flags(chosen, error=True, label=f"ref {name}", show=show and name == "negation")
        yield rate_row("demetr", name, flags, error=True)


def _demetr_source_only(root: Path, half: Half | None, show: bool) -> Iterator[dict[str, Any]]:
    """Per source language: negation flips and the good MT, both against the source alone."""
    base = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_base_dev.jsonl"), half)
    by_id = {row["item_id"]: row for row in base}
    pairs = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_pairs_dev.jsonl"), half)
    flips = [p for p in pairs if p["perturbation"] == "critical_id8_negation"]
    good_all: list[bool] = []
    flip_all: list[bool] = []
    for code, lang in sorted(DEMETR_LANGS.items(), key=lambda kv: kv[1]):
        name = f"demetr source-only {lang}->en"
        good = [_source_only(demetr_input(item, item["mt"]))
                for item in base if item["src_lang"] == code]  # fmt: skip
        flipped = [_source_only(demetr_input(by_id[p["item_id"]], p["mt_perturbed"]))
                   for p in flips if p["src_lang"] == code]  # fmt: skip
        good_flags = _flags(good, error=False, label=f"{lang} good", show=show)
        flip_flags = _flags(flipped, error=True, label=f"{lang} flip", show=show)
        good_all += good_flags
        flip_all += flip_flags
        yield rate_row(name, "negation", flip_flags, error=True)
        yield rate_row(name, "no_error (good mt)", good_flags, error=False)
    yield rate_row("demetr source-only all", "negation", flip_all, error=True)
    yield rate_row("demetr source-only all", "no_error (good mt)", good_all, error=False)


def _wmt21(root: Path, half: Half | None, show: bool) -> Iterator[dict[str, Any]]:
    """en -> cs, de, ja, zh against the English source: any finding on a NOT row is false."""
    rows = keep_half("wmt21", read_jsonl(root / "wmt21_critical_errors" / "ced_dev.jsonl"), half)
    for lp in sorted({r["lp"] for r in rows}):
        tgt = lp.split("-")[1]
        inputs = [CheckInput(r["mt"], None, r["source"], tgt, "en")
                  for r in rows if r["lp"] == lp and r["label"] == "NOT"]  # fmt: skip
        flags = _flags(inputs, error=False, label=f"{lp} NOT", show=show)
        yield rate_row(f"wmt21 source-only {lp.replace('-', '->')}", "no_error (NOT)", flags,
                       error=False)  # fmt: skip


def _fib(root: Path, half: Half | None) -> Iterable[dict[str, Any]]:
    docs = {d["doc_id"]: d["doc"] for d in read_jsonl(root / "fib" / "fib_docs_dev.jsonl")}
    pairs = [
        p for p in keep_half("fib", read_jsonl(root / "fib" / "fib_pairs_dev.jsonl"), half)
        if p.get("perturbation") == "negation" and p["doc_id"] in docs
    ]  # fmt: skip

    def inp(pair: dict[str, Any], summary: str) -> CheckInput:
        return CheckInput(summary, source=docs[pair["doc_id"]], hyp_lang="en", src_lang="en",
                          task="summary")  # fmt: skip

    bad = [inp(p, p["inconsistent_summary"]) for p in pairs]
    good = [inp(p, p["consistent_summary"]) for p in pairs]
    yield rate_row("fib/factcc", "negation", _flags(bad, error=True, label="fib"), error=True)
    yield rate_row("fib/factcc", "no_error (consistent summary)",
                   _flags(good, error=False, label="fib"), error=False)  # fmt: skip


def _mt_faults(path: Path) -> Iterable[dict[str, Any]]:
    rows = read_jsonl(path)

    def inputs(fault: str, *, with_reference: bool) -> list[CheckInput]:
        return [
            CheckInput(r["hypothesis"], r["reference"] if with_reference else None, r["source"],
                       hyp_lang=r["tgt_lang"], src_lang=r["src_lang"])
            for r in rows if r["meta"].get("fault") == fault
        ]  # fmt: skip

    for with_reference, name in ((True, "mt_faults"), (False, "mt_faults (source only)")):
        flipped = inputs("negation_flipped", with_reference=with_reference)
        clean = inputs("none", with_reference=with_reference)
        yield rate_row(name, "negation_flipped", _flags(flipped, error=True, label="mt"),
                       error=True)  # fmt: skip
        yield rate_row(name, "no_error (fault none)", _flags(clean, error=False, label="mt"),
                       error=False)  # fmt: skip


def evaluate_negation(
    evaldata: Path = EVALDATA,
    half: Half | None = None,
    *,
    source_only: bool = False,
    show: bool = False,
) -> list[dict[str, Any]]:
    """Rows {dataset, phenomenon, n, recall | false_alarm} for every set that is present, on
    `half` of the split sets (the whole set for None; mt_faults is always whole); the
    source-only rows when `source_only` (checks_accuracy.py leaves them to
    source_only_accuracy.py)."""
    rows: list[dict[str, Any]] = []
    if (evaldata / "demetr").is_dir():
        rows.extend(_demetr(evaldata, half, show))
        if source_only:
            rows.extend(_demetr_source_only(evaldata, half, show))
    if source_only and (evaldata / "wmt21_critical_errors").is_dir():
        rows.extend(_wmt21(evaldata, half, show))
    if (evaldata / "fib").is_dir():
        rows.extend(_fib(evaldata, half))
    rows.extend(_mt_faults(MT_FAULTS))
    return rows


def _print_shown() -> None:
    for label, inp, findings in _SHOWN:
        print(f"\n--- {label}: {'FIRED' if findings else 'missed'}")
        print(f"SRC: {inp.source}")
        if inp.reference is not None:
            print(f"REF: {inp.reference}")
        print(f"HYP: {inp.hypothesis}")
        for f in findings:
            ev = f.evidence
            print(
                f"  cue={ev.get('cue')!r} hyp={ev.get('hyp_clause')!r} ref={ev.get('ref_clause')!r}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--evaldata", type=Path, default=EVALDATA)
    parser.add_argument("--half", choices=(*HALVES, "all"), default="validation")
    parser.add_argument("--no-source-only", action="store_true",
                        help="skip the source-only DEMETR and WMT21 rows")  # fmt: skip
    parser.add_argument(
        "--show",
        action="store_true",
        help="print misses and false alarms (tuning half only)",
    )
    args = parser.parse_args(argv)
    if args.show and args.half != "tune":
        print("error: --show prints items, which only the tuning half may do", file=sys.stderr)
        return 2
    half: Half | None = None if args.half == "all" else args.half
    rows = evaluate_negation(args.evaldata, half, source_only=not args.no_source_only,
                             show=args.show)  # fmt: skip
    if args.show:
        _print_shown()
    print_rows(rows, dataset_width=30, phenomenon_width=32)
    print(f"\nHalf: {args.half} (benchmarks/splits.py); mt_faults is development data, whole.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
