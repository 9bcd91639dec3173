"""Accuracy of `role_reversal`: recall on swapped roles, false alarms on meaning-preserving
rewordings.

    .venv/bin/python benchmarks/roles_accuracy.py [--evaldata DIR] [--half tune|validation|all]
                                                  [--show-misses] [--no-evaldata]

Sets, each reported apart:

- `role_pairs_news` (evalsuite/resources/role_pairs_news.jsonl): news-style pairs written for
  this measure, one row per phenomenon (synonymous and converse predicates, obliques, roles
  across clauses, symmetric frames, passives, nominalisations, headlines), with a fixed
  tuning / validation half by item (the file's `half` field). `--half` picks the half. The
  second batch (`batch` 2, written before the check was tuned on it) is also shown alone.
- HANS (regenerated, dev), premise as reference, hypothesis as output: subject/object swaps and
  role-changing passives are faults, passives, relative clauses and phrases that keep the roles
  are controls (relative-clause and preposition non-entailments are reported for information).
- No-error controls: DEMETR good MT against its reference, FIB consistent summaries against
  their article, and WMT23 zh-en: every pair of two system translations of one Chinese
  segment that MQM raters marked with no accuracy error, one against the other (two correct
  English tellings of one sentence, worded independently, converses and other verbs
  included). PAWS-X German has no parser here: its rows show that the check does not run.
  HANS, DEMETR, FIB, WMT23 and PAWS-X are cut to `--half` with `benchmarks/evaldata.py: keep_half`.
- Development rows, used to build the check, for information only: the project's
  `role_pairs.jsonl` and `mt_faults.jsonl` (role_swapped vs clean paraphrases), the seed article's
  headline against its body, and the seed headline against a natural reference headline.

The sets under ../shared/evaldata are required; without them the script says which are missing
and exits 2 (`--no-evaldata` prints the project's own rows alone, marking the others absent).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from functools import partial
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaldata import DEFAULT_EVALDATA, keep_half, read_jsonl  # noqa: E402
from benchmarks.rates import fired_on, rate_row  # noqa: E402
from benchmarks.splits import HALVES, Half  # noqa: E402
from evalsuite.checks.api import CheckInput  # noqa: E402

__all__ = ["EVALDATA_SETS", "SEED_HEADLINE_PAIRS", "evaluate_roles", "missing_sets"]

ROOT = Path(__file__).resolve().parents[1]
EVALDATA = DEFAULT_EVALDATA
RESOURCES = ROOT / "evalsuite" / "resources"
CHECK = "role_reversal"
EVALDATA_SETS = {
    "hans": Path("hans_role_subset_regenerated") / "hans_role_subcases_dev.jsonl",
    "demetr": Path("demetr") / "demetr_base_dev.jsonl",
    "fib": Path("fib") / "fib_pairs_dev.jsonl",
    "pawsx_de": Path("pawsx_de") / "pawsx_de_dev.jsonl",
    "wmt23": Path("wmt23_mqm_news") / "mqm_generalMT2023_segments_subset_dev.jsonl",
}
"""The shared dev files this benchmark reads, by set name."""
_HANS_FAULTS = ("ln_subject/object_swap", "ln_passive")
_HANS_INFO = ("ln_relative_clause", "ln_preposition")
_HANS_CONTROLS = (
    "le_passive", "le_relative_clause", "le_around_relative_clause",
    "le_around_prepositional_phrase",
)  # fmt: skip
SEED_HEADLINE = "Pressure on Biden to allow Russia to attack Ukraine with US weapons"
SEED_HEADLINE_PAIRS = (
    ("reversed (the seed headline)", SEED_HEADLINE, True),
    ("synonym paraphrase", "Pressure on Biden to allow Ukraine to attack Russia with US weapons",
     False),
    ("passive paraphrase", "Biden under pressure to let Russia be attacked by Ukraine with US "
     "weapons", False),
)  # fmt: skip
"""The issue's headline pair: each hypothesis against the natural reference headline below."""
SEED_REFERENCE = "Biden under pressure to let Ukraine hit Russia with US weapons"


_fired = partial(fired_on, check=CHECK)


def missing_sets(evaldata: Path) -> list[str]:
    """The shared dev files this benchmark needs that are not under `evaldata`."""
    paths = [evaldata / path for path in EVALDATA_SETS.values()]
    return [str(path) for path in paths if not path.is_file()]


def _absent(dataset: str, evaldata: Path) -> dict[str, Any]:
    """A row that says a set was not measured, with no rate (never a silent zero)."""
    return {"dataset": dataset, "phenomenon": f"absent: {evaldata / EVALDATA_SETS[dataset]}",
            "n": 0}  # fmt: skip


def _news_pairs(path: Path, half: Half | None, misses: list[str]) -> Iterable[dict[str, Any]]:
    rows = [r for r in read_jsonl(path) if half is None or r["half"] == half]
    fired = _fired([CheckInput(r["hypothesis"], r["reference"], hyp_lang="en") for r in rows])
    name = f"news {half or 'all'}"
    misses += [
        f"{name} {r['id']} ({r['label']}): {r['reference']} | {r['hypothesis']}"
        for r, f in zip(rows, fired, strict=True) if f != (r["label"] == "swap")
    ]  # fmt: skip
    for label, error in (("swap", True), ("preserve", False)):
        picked = [f for r, f in zip(rows, fired, strict=True) if r["label"] == label]
        yield rate_row(name, f"{label} (all phenomena)", picked, error=error)
    for label, error in (("swap", True), ("preserve", False)):
        picked = [
            f for r, f in zip(rows, fired, strict=True)
            if r["label"] == label and r.get("batch") == 2
        ]  # fmt: skip
        if picked:
            yield rate_row(name, f"{label} (second batch only)", picked, error=error)
    for phenomenon in dict.fromkeys(r["phenomenon"] for r in rows):
        for label, error in (("swap", True), ("preserve", False)):
            picked = [
                f for r, f in zip(rows, fired, strict=True)
                if r["phenomenon"] == phenomenon and r["label"] == label
            ]  # fmt: skip
            if picked:
                yield rate_row(name, f"{phenomenon} {label}", picked, error=error)


def _hans(root: Path, half: Half | None, misses: list[str]) -> Iterable[dict[str, Any]]:
    rows = keep_half("hans", read_jsonl(root / EVALDATA_SETS["hans"]), half)
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
        yield rate_row("role_pairs (dev)", f"{label} (all frames)", picked, error=error)
    for frame in dict.fromkeys(r["frame"] for r in rows):
        for label, error in (("swap", True), ("preserve", False)):
            picked = [
                f for r, f in zip(rows, fired, strict=True)
                if r["frame"] == frame and r["label"] == label
            ]  # fmt: skip
            if picked:
                yield rate_row("role_pairs (dev)", f"{frame} {label}", picked, error=error)


def _mt_faults(path: Path) -> Iterable[dict[str, Any]]:
    rows = read_jsonl(path)
    for fault, name, error in (("role_swapped", "role_swapped", True), ("none", "no_error", False)):
        inputs = [
            CheckInput(r["hypothesis"], r["reference"], r["source"], r["tgt_lang"], r["src_lang"])
            for r in rows if r["meta"].get("fault") == fault
        ]  # fmt: skip
        yield rate_row("mt_faults (dev)", name, _fired(inputs), error=error)


def _demetr(root: Path, half: Half | None) -> dict[str, Any]:
    """Good MT against its reference: a no-error control."""
    base = keep_half("demetr", read_jsonl(root / EVALDATA_SETS["demetr"]), half)
    inputs = [CheckInput(b["mt"], b["reference"], hyp_lang="en") for b in base]
    return rate_row("demetr", "no_error (good mt)", _fired(inputs), error=False)


def _fib(root: Path, half: Half | None) -> dict[str, Any]:
    """Consistent summaries against their article: long sources give many chances to misfire."""
    docs = {d["doc_id"]: d["doc"] for d in read_jsonl(root / "fib" / "fib_docs_dev.jsonl")}
    pairs = keep_half("fib", read_jsonl(root / EVALDATA_SETS["fib"]), half)
    inputs = [
        CheckInput(p["consistent_summary"], None, docs[p["doc_id"]], "en", "en", "summary")
        for p in pairs if p["doc_id"] in docs
    ]  # fmt: skip
    return rate_row("fib", "no_error (consistent summary)", _fired(inputs), error=False)


def _wmt23_pairs(root: Path, half: Half | None) -> dict[str, Any]:
    """Two error-free translations of one segment, each pair once: a paraphrase control."""
    rows = keep_half("wmt23", read_jsonl(root / EVALDATA_SETS["wmt23"]), half)
    clean: dict[int, set[str]] = {}
    for r in rows:
        if r["lp"] == "zh-en" and not r["accuracy_error_categories"]:
            clean.setdefault(r["global_seg_id"], set()).add(r["target"])
    inputs = [
        CheckInput(a, b, hyp_lang="en")
        for outputs in clean.values()
        for a, b in combinations(sorted(outputs), 2)
    ]
    return rate_row("wmt23 zh-en", "two error-free translations", _fired(inputs), error=False)


def _pawsx(root: Path, half: Half | None) -> Iterable[dict[str, Any]]:
    """German: no parser is installed, so the check cannot fire (shown, not hidden)."""
    rows = keep_half("pawsx_de", read_jsonl(root / EVALDATA_SETS["pawsx_de"]), half)
    for label, name, error in ((0, "label 0 (not paraphrase)", True), (1, "label 1", False)):
        inputs = [
            CheckInput(r["sentence2"], r["sentence1"], hyp_lang="de")
            for r in rows if r["label"] == label
        ]  # fmt: skip
        yield rate_row("pawsx_de", f"{name}, unsupported", _fired(inputs), error=error)


def _seed(path: Path) -> Iterable[dict[str, Any]]:
    fired = _fired([CheckInput(path.read_text(encoding="utf-8"), hyp_lang="en")])
    yield rate_row("seed (dev)", "headline vs body (reference-free)", fired, error=True)
    inputs = [CheckInput(hyp, SEED_REFERENCE, hyp_lang="en") for _, hyp, _ in SEED_HEADLINE_PAIRS]
    for (name, _, error), flag in zip(SEED_HEADLINE_PAIRS, _fired(inputs), strict=True):
        yield rate_row("seed (dev)", f"headline vs reference: {name}", [flag], error=error)


def evaluate_roles(
    evaldata: Path = EVALDATA, misses: list[str] | None = None, half: Half | None = "validation"
) -> list[dict[str, Any]]:
    """Rows {dataset, phenomenon, n, recall | false_alarm}; a shared set that is not under
    `evaldata` gives one row with n=0 and no rate, whose phenomenon says `absent: PATH`."""
    missed: list[str] = [] if misses is None else misses
    rows: list[dict[str, Any]] = list(
        _news_pairs(RESOURCES / "role_pairs_news.jsonl", half, missed)
    )
    present = {name for name, path in EVALDATA_SETS.items() if (evaldata / path).is_file()}
    rows.extend(_hans(evaldata, half, missed) if "hans" in present else [_absent("hans", evaldata)])
    for name, measure in (("demetr", _demetr), ("fib", _fib), ("wmt23", _wmt23_pairs)):
        rows.append(measure(evaldata, half) if name in present else _absent(name, evaldata))
    if "pawsx_de" in present:
        rows.extend(_pawsx(evaldata, half))
    else:
        rows.append(_absent("pawsx_de", evaldata))
    rows.extend(_role_pairs(RESOURCES / "role_pairs.jsonl", missed))
    rows.extend(_mt_faults(RESOURCES / "mt_faults.jsonl"))
    rows.extend(_seed(RESOURCES / "seed_article.txt"))
    return rows


def print_rows(rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        score = next((k for k in ("recall", "false_alarm") if k in row), None)
        shown = f"{score}={row[score]:.3f}" if score else "not measured"
        print(f"{row['dataset']:<18} {row['phenomenon']:<46} n={row['n']:<5} {shown}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--evaldata", type=Path, default=EVALDATA)
    parser.add_argument(
        "--half", choices=(*HALVES, "all"), default="validation",
        help="which half of every split set to measure (default: validation; tune on 'tune')",
    )  # fmt: skip
    parser.add_argument("--show-misses", action="store_true", help="print every wrong item")
    parser.add_argument(
        "--no-evaldata", action="store_true",
        help="run without ../shared/evaldata: the project's own rows only, the others absent",
    )  # fmt: skip
    args = parser.parse_args(argv)
    missing = missing_sets(args.evaldata)
    if missing and not args.no_evaldata:
        listed = "\n  ".join(missing)
        print("error: the shared dev sets are missing (pass --evaldata DIR, or --no-evaldata "
              f"for the project's own rows only):\n  {listed}", file=sys.stderr)  # fmt: skip
        return 2
    half: Half | None = None if args.half == "all" else args.half
    misses: list[str] = []
    print_rows(evaluate_roles(args.evaldata, misses, half))
    print(f"\nHalf: {args.half} (role_pairs_news: the file's `half` field; the shared sets: "
          "benchmarks/splits.py). '(dev)' rows were used to build the check.")  # fmt: skip
    if args.show_misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
