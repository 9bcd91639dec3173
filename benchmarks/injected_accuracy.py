"""Accuracy of `injected_content` on labelled data.

    .venv/bin/python benchmarks/injected_accuracy.py [--evaldata DIR]

mt_faults.jsonl: sentence_appended against fault "none", with the reference and with the
(cross-lingual) source only. DEMETR: unrelated translation and meaning-changing addition
(a single word, out of scope) against the checked good MT. FIB: human and model summaries
against their article (the consistent summary: false alarms only).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaldata import read_jsonl  # noqa: E402
from benchmarks.negation_accuracy import EVALDATA, MT_FAULTS  # noqa: E402
from benchmarks.rates import demetr_rows, fired_on, print_rows, rate_row  # noqa: E402
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


def _demetr(root: Path) -> Iterable[dict[str, Any]]:
    perturbations = (
        ("base_id33_shuffle_trans", "unrelated_translation"),
        ("critical_id6_addition", "meaning_changing_addition"),
    )
    return demetr_rows(root, perturbations, _fired)


def _fib(root: Path) -> Iterable[dict[str, Any]]:
    docs = {d["doc_id"]: d["doc"] for d in read_jsonl(root / "fib" / "fib_docs_dev.jsonl")}
    pairs = [p for p in read_jsonl(root / "fib" / "fib_pairs_dev.jsonl") if p["doc_id"] in docs]
    inputs = [
        CheckInput(p["consistent_summary"], source=docs[p["doc_id"]], hyp_lang="en",
                   src_lang="en", task="summary")
        for p in pairs
    ]  # fmt: skip
    yield rate_row("fib", "no_error (consistent summary)", _fired(inputs), error=False)


def evaluate_injected(evaldata: Path = EVALDATA) -> list[dict[str, Any]]:
    """Rows {dataset, phenomenon, n, recall | false_alarm} for every set that is present."""
    rows = list(_mt_faults(MT_FAULTS))
    if (evaldata / "demetr").is_dir():
        rows.extend(_demetr(evaldata))
    if (evaldata / "fib").is_dir():
        rows.extend(_fib(evaldata))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaldata", type=Path, default=EVALDATA)
    args = parser.parse_args()
    print_rows(evaluate_injected(args.evaldata))


if __name__ == "__main__":
    main()
