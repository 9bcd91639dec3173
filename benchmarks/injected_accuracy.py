"""Accuracy of `injected_content` on labelled data.

    .venv/bin/python benchmarks/injected_accuracy.py [--evaldata DIR] [--half tune|validation|all]

mt_faults.jsonl: sentence_appended against fault "none", with the reference and with the
(cross-lingual) source only. DEMETR: unrelated translation and meaning-changing addition
(a single word, out of scope) against the checked good MT. FIB: human and model summaries
against their article (the consistent summary: false alarms only). DEMETR and FIB are cut to
`--half` by document (benchmarks/splits.py): tune on `tune`, report `validation` (the default);
mt_faults.jsonl, the project's own development rows, is always read whole.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaldata import keep_half, read_jsonl  # noqa: E402
from benchmarks.negation_accuracy import EVALDATA, MT_FAULTS  # noqa: E402
from benchmarks.rates import demetr_rows, fired_on, print_rows, rate_row  # noqa: E402
from benchmarks.splits import HALVES, Half  # noqa: E402
from evalsuite.checks.api import CheckInput  # noqa: E402

__all__ = ["evaluate_injected"]

CHECK = "injected_content"


_fired = partial(fired_on, check=CHECK)


def _mt_faults(path: Path) -> Iterable[dict[str, Any]]:
    rows = read_jsonl(path)
    for with_reference, name in ((True, "mt_faults"), (False, "mt_faults (source only)")):
        for fault, error in (("sentence_appended", True), ("none", False)):
            inputs = [
                CheckInput(r["hypothesis"], r["reference"] if with_reference else None,
                           r["source"], hyp_lang=r["tgt_lang"], src_lang=r["src_lang"])
                for r in rows if r["meta"].get("fault") == fault
            ]  # fmt: skip
            yield rate_row(name, fault, _fired(inputs), error=error)


def _demetr(root: Path, half: Half | None) -> Iterable[dict[str, Any]]:
    perturbations = (
        ("base_id33_shuffle_trans", "unrelated_translation"),
        ("critical_id6_addition", "meaning_changing_addition"),
    )
    return demetr_rows(root, perturbations, _fired, half)


def _fib(root: Path, half: Half | None) -> Iterable[dict[str, Any]]:
    docs = {d["doc_id"]: d["doc"] for d in read_jsonl(root / "fib" / "fib_docs_dev.jsonl")}
    pairs = keep_half("fib", read_jsonl(root / "fib" / "fib_pairs_dev.jsonl"), half)
    pairs = [p for p in pairs if p["doc_id"] in docs]
    inputs = [
        CheckInput(p["consistent_summary"], source=docs[p["doc_id"]], hyp_lang="en",
                   src_lang="en", task="summary")
        for p in pairs
    ]  # fmt: skip
    yield rate_row("fib", "no_error (consistent summary)", _fired(inputs), error=False)


def evaluate_injected(
    evaldata: Path = EVALDATA, half: Half | None = None
) -> list[dict[str, Any]]:
    """Rows {dataset, phenomenon, n, recall | false_alarm} for every set that is present, on
    `half` of the split sets (the whole set for None; mt_faults is always whole)."""
    rows = list(_mt_faults(MT_FAULTS))
    if (evaldata / "demetr").is_dir():
        rows.extend(_demetr(evaldata, half))
    if (evaldata / "fib").is_dir():
        rows.extend(_fib(evaldata, half))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaldata", type=Path, default=EVALDATA)
    parser.add_argument(
        "--half", choices=(*HALVES, "all"), default="validation",
        help="which half of DEMETR and FIB to measure (default: validation; tune on 'tune')",
    )  # fmt: skip
    args = parser.parse_args(argv)
    half: Half | None = None if args.half == "all" else args.half
    print(f"Half: {args.half} (benchmarks/splits.py; mt_faults.jsonl whole)")
    print_rows(evaluate_injected(args.evaldata, half))


if __name__ == "__main__":
    main()
