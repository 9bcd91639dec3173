"""Accuracy of `negation_flip` on labelled data: recall on flipped outputs, false alarms on
their unflipped counterparts.

    .venv/bin/python benchmarks/negation_accuracy.py [--evaldata DIR]

DEMETR: the negation perturbation (and, for information, the antonym one) against the
reference, with the checked good MT as the no-error control. FIB: FactCC negation swaps of
summaries against their article, the consistent summary as control. The project's own
mt_faults.jsonl: negation_flipped against fault "none".
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaldata import DEFAULT_EVALDATA, read_jsonl  # noqa: E402
from benchmarks.rates import demetr_rows, fired_on, print_rows, rate_row  # noqa: E402
from evalsuite.checks.api import CheckInput  # noqa: E402

__all__ = ["evaluate_negation"]

ROOT = Path(__file__).resolve().parents[1]
EVALDATA = DEFAULT_EVALDATA
MT_FAULTS = ROOT / "evalsuite" / "resources" / "mt_faults.jsonl"
CHECK = "negation_flip"


_fired = partial(fired_on, check=CHECK)


def _demetr(root: Path) -> Iterable[dict[str, Any]]:
    return demetr_rows(
        root, (("critical_id8_negation", "negation"), ("critical_id7_antonym", "antonym")), _fired
    )


def _fib(root: Path) -> Iterable[dict[str, Any]]:
    docs = {d["doc_id"]: d["doc"] for d in read_jsonl(root / "fib" / "fib_docs_dev.jsonl")}
    pairs = [
        p for p in read_jsonl(root / "fib" / "fib_pairs_dev.jsonl")
        if p.get("perturbation") == "negation" and p["doc_id"] in docs
    ]  # fmt: skip

    def inp(pair: dict[str, Any], summary: str) -> CheckInput:
        return CheckInput(summary, source=docs[pair["doc_id"]], hyp_lang="en", src_lang="en",
                          task="summary")  # fmt: skip

    yield rate_row(
        "fib/factcc",
        "negation",
        _fired([inp(p, p["inconsistent_summary"]) for p in pairs]),
        error=True,
    )
    yield rate_row(
        "fib/factcc",
        "no_error (consistent summary)",
        _fired([inp(p, p["consistent_summary"]) for p in pairs]),
        error=False,
    )


def _mt_faults(path: Path) -> Iterable[dict[str, Any]]:
    rows = read_jsonl(path)

    def inputs(fault: str, *, with_reference: bool) -> list[CheckInput]:
        return [
            CheckInput(r["hypothesis"], r["reference"] if with_reference else None, r["source"],
                       hyp_lang=r["tgt_lang"], src_lang=r["src_lang"])
            for r in rows if r["meta"].get("fault") == fault
        ]  # fmt: skip

    for with_reference, name in ((True, "mt_faults"), (False, "mt_faults (source only)")):
        yield rate_row(
            name,
            "negation_flipped",
            _fired(inputs("negation_flipped", with_reference=with_reference)),
            error=True,
        )
        yield rate_row(
            name,
            "no_error (fault none)",
            _fired(inputs("none", with_reference=with_reference)),
            error=False,
        )


def evaluate_negation(evaldata: Path = EVALDATA) -> list[dict[str, Any]]:
    """Rows {dataset, phenomenon, n, recall | false_alarm} for every set that is present."""
    rows: list[dict[str, Any]] = []
    if (evaldata / "demetr").is_dir():
        rows.extend(_demetr(evaldata))
    if (evaldata / "fib").is_dir():
        rows.extend(_fib(evaldata))
    rows.extend(_mt_faults(MT_FAULTS))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaldata", type=Path, default=EVALDATA)
    args = parser.parse_args()
    print_rows(evaluate_negation(args.evaldata), phenomenon_width=32)


if __name__ == "__main__":
    main()
