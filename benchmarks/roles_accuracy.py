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
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from evalsuite.checks.api import CheckInput
from evalsuite.checks.runner import run_checks

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


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _fired(inputs: list[CheckInput]) -> list[bool]:
    return [bool(found) for found in run_checks(inputs, [CHECK])]


def _row(dataset: str, phenomenon: str, fired: list[bool], *, error: bool) -> dict[str, Any]:
    rate = sum(fired) / len(fired) if fired else 0.0
    key = "recall" if error else "false_alarm"
    return {"dataset": dataset, "phenomenon": phenomenon, "n": len(fired), key: round(rate, 3)}


def _hans(root: Path, misses: list[str]) -> Iterable[dict[str, Any]]:
    rows = _jsonl(root / "hans_role_subset_regenerated" / "hans_role_subcases_dev.jsonl")
    fired = _fired([CheckInput(r["hypothesis"], r["premise"], hyp_lang="en") for r in rows])
    for subcase in _HANS_FAULTS + _HANS_INFO + _HANS_CONTROLS:
        chosen = [i for i, r in enumerate(rows) if r["subcase"] == subcase]
        error = subcase.startswith("ln_")
        misses += [
            f"hans {subcase}: {rows[i]['premise']} | {rows[i]['hypothesis']}"
            for i in chosen if fired[i] != error
        ]  # fmt: skip
        yield _row("hans", subcase, [fired[i] for i in chosen], error=error)


def _role_pairs(path: Path, misses: list[str]) -> Iterable[dict[str, Any]]:
    rows = _jsonl(path)
    fired = _fired([CheckInput(r["hypothesis"], r["reference"], hyp_lang="en") for r in rows])
    misses += [
        f"role_pairs {r['id']}: {r['reference']} | {r['hypothesis']}"
        for r, f in zip(rows, fired, strict=True) if f != (r["label"] == "swap")
    ]  # fmt: skip
    for label, error in (("swap", True), ("preserve", False)):
        picked = [f for r, f in zip(rows, fired, strict=True) if r["label"] == label]
        yield _row("role_pairs", f"{label} (all frames)", picked, error=error)
    for frame in dict.fromkeys(r["frame"] for r in rows):
        for label, error in (("swap", True), ("preserve", False)):
            picked = [
                f for r, f in zip(rows, fired, strict=True)
                if r["frame"] == frame and r["label"] == label
            ]  # fmt: skip
            if picked:
                yield _row("role_pairs", f"{frame} {label}", picked, error=error)


def _mt_faults(path: Path) -> Iterable[dict[str, Any]]:
    rows = _jsonl(path)
    for fault, name, error in (("role_swapped", "role_swapped", True), ("none", "no_error", False)):
        inputs = [
            CheckInput(r["hypothesis"], r["reference"], r["source"], r["tgt_lang"], r["src_lang"])
            for r in rows if r["meta"].get("fault") == fault
        ]  # fmt: skip
        yield _row("mt_faults", name, _fired(inputs), error=error)


def _controls(root: Path) -> Iterable[dict[str, Any]]:
    """No-error texts: good MT against its reference, consistent summaries against the
    article (long sources give many chances to misfire)."""
    if (root / "demetr").is_dir():
        base = _jsonl(root / "demetr" / "demetr_base_dev.jsonl")
        inputs = [CheckInput(b["mt"], b["reference"], hyp_lang="en") for b in base]
        yield _row("demetr", "no_error (good mt)", _fired(inputs), error=False)
    if (root / "fib").is_dir():
        docs = {d["doc_id"]: d["doc"] for d in _jsonl(root / "fib" / "fib_docs_dev.jsonl")}
        pairs = [p for p in _jsonl(root / "fib" / "fib_pairs_dev.jsonl") if p["doc_id"] in docs]
        inputs = [
            CheckInput(p["consistent_summary"], None, docs[p["doc_id"]], "en", "en", "summary")
            for p in pairs
        ]
        yield _row("fib", "no_error (consistent summary)", _fired(inputs), error=False)


def _pawsx(root: Path) -> Iterable[dict[str, Any]]:
    """German: no parser is installed, so the check cannot fire (shown, not hidden)."""
    rows = _jsonl(root / "pawsx_de" / "pawsx_de_dev.jsonl")
    for label, name, error in ((0, "label 0 (not paraphrase)", True), (1, "label 1", False)):
        inputs = [
            CheckInput(r["sentence2"], r["sentence1"], hyp_lang="de")
            for r in rows if r["label"] == label
        ]  # fmt: skip
        yield _row("pawsx_de", f"{name}, unsupported", _fired(inputs), error=error)


def _seed(path: Path) -> dict[str, Any]:
    fired = _fired([CheckInput(path.read_text(encoding="utf-8"), hyp_lang="en")])
    return _row("seed article", "headline vs body (reference-free)", fired, error=True)


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
    for row in evaluate_roles(args.evaldata, misses):
        score = "recall" if "recall" in row else "false_alarm"
        print(f"{row['dataset']:<14} {row['phenomenon']:<40} n={row['n']:<5} "
              f"{score}={row[score]:.3f}")  # fmt: skip
    if args.show_misses:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
