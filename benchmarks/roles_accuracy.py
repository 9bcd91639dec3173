"""Accuracy of `role_reversal`: recall on swapped roles, false alarms on meaning-preserving
reorderings.

    .venv/bin/python benchmarks/roles_accuracy.py [--evaldata DIR] [--show-misses]

HANS (regenerated, dev): premise as reference, hypothesis as output; subject/object swaps and
role-changing passives are faults, passives, relative clauses and phrases that keep the roles
are controls (relative-clause and preposition non-entailments are reported for information).
The project's role_pairs.jsonl (news style, per frame) and mt_faults.jsonl (role_swapped vs
clean paraphrases), the seed article's headline against its body, and no-error controls
(DEMETR good MT, FIB consistent summaries). PAWS-X German has no parser here: its rows show
that the check does not run there.
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
from benchmarks.rates import fired_on, print_rows, rate_row  # noqa: E402
from evalsuite.checks.api import CheckInput  # noqa: E402

__all__ = ["evaluate_roles"]

ROOT = Path(__file__).resolve().parents[1]
EVALDATA = ROOT.parent / "shared" / "evaldata"
RESOURCES = ROOT / "evalsuite" / "resources"
CHECK = "role_reversal"
_HANS_FAULTS = ("ln_subject/object_swap", "ln_passive")
_HANS_INFO = ("ln_relative_clause", "ln_preposition")
_HANS_CONTROLS = (
    "le_passive", "le_relative_clause", "le_around_relative_clause",
    "le_around_prepositional_phrase",
)  # fmt: skip


_fired = partial(fired_on, check=CHECK)


def _hans(root: Path, misses: list[str]) -> Iterable[dict[str, Any]]:
    rows = read_jsonl(root / "hans_role_subset_regenerated" / "hans_role_subcases_dev.jsonl")
    fired = _fired([CheckInput(r["hypothesis"], r["premise"], hyp_lang="en") for r in rows])
    for subcase in _HANS_FAULTS + _HANS_INFO + _HANS_CONTROLS:
        chosen = [i for i, r in enumerate(rows) if r["subcase"] == subcase]
        error = subcase.startswith("ln_")
        misses += [
            f"hans {subcase}: {rows[i]['premise']} | {rows[i]['hypothesis']}"
            for i in chosen if fired[i] != error
        ]  # fmt: skip
        yield rate_row("hans", subcase, [fired[i] for i in chosen], error=error)


def _role_pairs(path: Path, misses: list[str]) -> Iterable[dict[str, Any]]:
    rows = read_jsonl(path)
    fired = _fired([CheckInput(r["hypothesis"], r["reference"], hyp_lang="en") for r in rows])
    misses += [
        f"role_pairs {r['id']}: {r['reference']} | {r['hypothesis']}"
        for r, f in zip(rows, fired, strict=True) if f != (r["label"] == "swap")
    ]  # fmt: skip
    for label, error in (("swap", True), ("preserve", False)):
        picked = [f for r, f in zip(rows, fired, strict=True) if r["label"] == label]
        yield rate_row("role_pairs", f"{label} (all frames)", picked, error=error)
    for frame in dict.fromkeys(r["frame"] for r in rows):
        for label, error in (("swap", True), ("preserve", False)):
            picked = [
                f for r, f in zip(rows, fired, strict=True)
                if r["frame"] == frame and r["label"] == label
            ]  # fmt: skip
            if picked:
                yield rate_row("role_pairs", f"{frame} {label}", picked, error=error)


def _mt_faults(path: Path) -> Iterable[dict[str, Any]]:
    rows = read_jsonl(path)
    for fault, name, error in (("role_swapped", "role_swapped", True), ("none", "no_error", False)):
        inputs = [
            CheckInput(r["hypothesis"], r["reference"], r["source"], r["tgt_lang"], r["src_lang"])
            for r in rows if r["meta"].get("fault") == fault
        ]  # fmt: skip
        yield rate_row("mt_faults", name, _fired(inputs), error=error)


def _controls(root: Path) -> Iterable[dict[str, Any]]:
    """No-error texts: good MT against its reference, consistent summaries against the
    article (long sources give many chances to misfire)."""
    if (root / "demetr").is_dir():
        base = read_jsonl(root / "demetr" / "demetr_base_dev.jsonl")
        inputs = [CheckInput(b["mt"], b["reference"], hyp_lang="en") for b in base]
        yield rate_row("demetr", "no_error (good mt)", _fired(inputs), error=False)
    if (root / "fib").is_dir():
        docs = {d["doc_id"]: d["doc"] for d in read_jsonl(root / "fib" / "fib_docs_dev.jsonl")}
        pairs = [p for p in read_jsonl(root / "fib" / "fib_pairs_dev.jsonl") if p["doc_id"] in docs]
        inputs = [
            CheckInput(p["consistent_summary"], None, docs[p["doc_id"]], "en", "en", "summary")
            for p in pairs
        ]
        yield rate_row("fib", "no_error (consistent summary)", _fired(inputs), error=False)


def _pawsx(root: Path) -> Iterable[dict[str, Any]]:
    """German: no parser is installed, so the check cannot fire (shown, not hidden)."""
    rows = read_jsonl(root / "pawsx_de" / "pawsx_de_dev.jsonl")
    for label, name, error in ((0, "label 0 (not paraphrase)", True), (1, "label 1", False)):
        inputs = [
            CheckInput(r["sentence2"], r["sentence1"], hyp_lang="de")
            for r in rows if r["label"] == label
        ]  # fmt: skip
        yield rate_row("pawsx_de", f"{name}, unsupported", _fired(inputs), error=error)


def _seed(path: Path) -> dict[str, Any]:
    fired = _fired([CheckInput(path.read_text(encoding="utf-8"), hyp_lang="en")])
    return rate_row("seed article", "headline vs body (reference-free)", fired, error=True)


def evaluate_roles(
    evaldata: Path = EVALDATA, misses: list[str] | None = None
) -> list[dict[str, Any]]:
    """Rows {dataset, phenomenon, n, recall | false_alarm} for every set that is present."""
    missed: list[str] = [] if misses is None else misses
    rows: list[dict[str, Any]] = []
    if (evaldata / "hans_role_subset_regenerated").is_dir():
        rows.extend(_hans(evaldata, missed))
    rows.extend(_role_pairs(RESOURCES / "role_pairs.jsonl", missed))
    rows.extend(_controls(evaldata))
    if (evaldata / "pawsx_de").is_dir():
        rows.extend(_pawsx(evaldata))
    rows.extend(_mt_faults(RESOURCES / "mt_faults.jsonl"))
    rows.append(_seed(RESOURCES / "seed_article.txt"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--evaldata", type=Path, default=EVALDATA)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    misses: list[str] = []
    print_rows(evaluate_roles(args.evaldata, misses), dataset_width=14, phenomenon_width=40)
    if args.show_misses:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
