"""`role_reversal` against a source in another language (no reference): recall on swapped
roles, false alarms on faithful translations.

    .venv/bin/python benchmarks/xling_roles_accuracy.py [--half tune|validation|all]
                                                        [--evaldata DIR] [--show]

Sets, each reported apart, every input as `evalsuite check --task translation` gets it with
the reference withheld:

- `role_pairs_xling` (evalsuite/resources/role_pairs_xling.jsonl): fr->en, ru->en and en->fr
  pairs written for this measure (plain, passive, reordered, freely worded, relative-clause,
  converse, symmetric and idiomatic renderings, each item with a swapped and/or a preserved
  translation), halves fixed by item before any tuning (the file's `half` field);
- DEMETR dev, French and Russian sources: the checked good MT (false alarms), and every
  perturbed MT (DEMETR has no role swap: any finding there is a false alarm too), cut to
  `--half` with `benchmarks/evaldata.py: keep_half`;
- synthetic swaps from DEMETR dev (French and Russian items, cut to `--half`): no labelled
  set has a role swap between a translation and its source, so `benchmarks/role_swaps.py`
  exchanges the subject and object of one clause at a time in a correct English rendering
  (DEMETR's good MT and its human reference, against the French or Russian source: fr->en,
  ru->en) and in DEMETR's French source read as the translation of its English reference
  (en->fr); recall on the swapped renderings, false alarms on the same renderings unswapped
  and on every human reference of the half;
- development rows (not held out): the project's mt_faults.jsonl role_swapped rows with a source
  in French, Russian or English against their clean paraphrases.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaldata import DEFAULT_EVALDATA, DEMETR_LANGS, keep_half, read_jsonl  # noqa: E402
from benchmarks.rates import rate_row  # noqa: E402
from benchmarks.role_swaps import swap_roles  # noqa: E402
from benchmarks.splits import HALVES, Half  # noqa: E402
from evalsuite.checks.api import CheckInput  # noqa: E402
from evalsuite.checks.runner import run_checks  # noqa: E402

__all__ = ["evaluate_xling_roles"]

RESOURCES = Path(__file__).resolve().parents[1] / "evalsuite" / "resources"
CHECK = "role_reversal"
PAIRS = RESOURCES / "role_pairs_xling.jsonl"
DEMETR_SOURCES = ("fr", "ru")
PARSED = ("en", "fr", "ru")
SWAPPED_TARGETS = ("fr",)  # word order carries the roles (not Russian: case does)


def _fired(inputs: list[CheckInput], shown: list[str] | None = None) -> list[bool]:
    found = run_checks(inputs, [CHECK])
    if shown is not None:
        shown += [f"{i.src_lang}->{i.hyp_lang}: {f[0].message}" for i, f in zip(inputs, found,
                  strict=True) if f]  # fmt: skip
    return [bool(f) for f in found]


def _pairs(half: Half | None, shown: list[str] | None) -> list[dict[str, Any]]:
    rows = [r for r in read_jsonl(PAIRS) if half is None or r["half"] == half]
    out = []
    for lp in sorted({(r["src_lang"], r["tgt_lang"]) for r in rows}):
        for label, error in (("swap", True), ("preserve", False)):
            chosen = [r for r in rows
                      if (r["src_lang"], r["tgt_lang"]) == lp and r["label"] == label]
            inputs = [CheckInput(r["hypothesis"], None, r["source"], r["tgt_lang"], r["src_lang"])
                      for r in chosen]  # fmt: skip
            name = f"{lp[0]}->{lp[1]} {'swapped roles' if error else 'faithful renderings'}"
            out.append(rate_row("role_pairs_xling", name, _fired(inputs, shown), error=error))
    return out


def _demetr(root: Path, half: Half | None, shown: list[str] | None) -> list[dict[str, Any]]:
    base = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_base_dev.jsonl"), half)
    pairs = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_pairs_dev.jsonl"), half)
    by_id = {row["item_id"]: row for row in base}
    out = []
    for lang in DEMETR_SOURCES:
        items = [r for r in base if DEMETR_LANGS.get(r["src_lang"]) == lang]
        good = [CheckInput(r["mt"], None, r["source"], "en", lang) for r in items]
        out.append(rate_row("demetr", f"{lang}->en good MT", _fired(good, shown), error=False))
        perturbed = [
            CheckInput(p["mt_perturbed"], None, by_id[p["item_id"]]["source"], "en", lang)
            for p in pairs if p["item_id"] in by_id and DEMETR_LANGS.get(p["src_lang"]) == lang
        ]  # fmt: skip
        out.append(rate_row("demetr", f"{lang}->en perturbed MT (no role swap)",
                            _fired(perturbed, shown), error=False))  # fmt: skip
    return out


def _synthetic(root: Path, half: Half | None, shown: list[str] | None) -> list[dict[str, Any]]:
    base = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_base_dev.jsonl"), half)
    out = []
    for lang in DEMETR_SOURCES:
        items = [r for r in base if DEMETR_LANGS.get(r["src_lang"]) == lang]
        # (source, its language, a correct rendering, its language) per direction
        renderings = [
            (r["source"], lang, r[side], "en") for r in items for side in ("mt", "reference")
        ]
        out += _swap_rows(f"{lang}->en", renderings, shown)
        out.append(rate_row(f"demetr {lang}->en", "human reference as translation",
                            _fired([CheckInput(r["reference"], None, r["source"], "en", lang)
                                    for r in items], shown), error=False))  # fmt: skip
        if lang in SWAPPED_TARGETS:
            reverse = [(r["reference"], "en", r["source"], lang) for r in items]
            out += _swap_rows(f"en->{lang}", reverse, shown)
    return out


def _swap_rows(
    direction: str, renderings: list[tuple[str, str, str, str]], shown: list[str] | None
) -> list[dict[str, Any]]:
    """Recall on every synthetic swap of the renderings, false alarms on the renderings that
    have one, unswapped."""
    swapped, kept = [], []
    for source, src_lang, text, lang in renderings:
        swaps = swap_roles(text, lang)
        swapped += [CheckInput(s.text, None, source, lang, src_lang) for s in swaps]
        if swaps:
            kept.append(CheckInput(text, None, source, lang, src_lang))
    name = f"synthetic {direction}"
    return [rate_row(name, "subject and object swapped", _fired(swapped, shown), error=True),
            rate_row(name, "the same renderings unswapped", _fired(kept, shown), error=False)]


def _mt_faults(shown: list[str] | None) -> list[dict[str, Any]]:
    rows = read_jsonl(RESOURCES / "mt_faults.jsonl")
    swapped = {r["meta"]["item"] for r in rows if r["meta"].get("fault") == "role_swapped"}
    chosen = [r for r in rows if r["meta"]["item"] in swapped and r["src_lang"] in PARSED
              and r["tgt_lang"] in PARSED]  # fmt: skip
    out = []
    for fault, error in (("role_swapped", True), ("none", False)):
        group = [r for r in chosen if r["meta"].get("fault") == fault]
        inputs = [CheckInput(r["hypothesis"], None, r["source"], r["tgt_lang"], r["src_lang"])
                  for r in group]  # fmt: skip
        name = "role_swapped" if error else "clean paraphrases"
        out.append(rate_row("mt_faults (development)", name, _fired(inputs, shown), error=error))
    return out


def evaluate_xling_roles(
    evaldata: Path = DEFAULT_EVALDATA, half: Half | None = "validation",
    shown: list[str] | None = None,
) -> list[dict[str, Any]]:
    """Rows {dataset, phenomenon, n, recall | false_alarm}; DEMETR rows only when it is there."""
    rows = _pairs(half, shown)
    if (evaldata / "demetr" / "demetr_base_dev.jsonl").is_file():
        rows += _demetr(evaldata, half, shown) + _synthetic(evaldata, half, shown)
    return rows + _mt_faults(shown)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument("--half", choices=(*HALVES, "all"), default="validation")
    parser.add_argument("--show", action="store_true", help="print every finding's message")
    args = parser.parse_args(argv)
    half: Half | None = None if args.half == "all" else args.half
    shown: list[str] | None = [] if args.show else None
    for row in evaluate_xling_roles(args.evaldata, half, shown):
        score = "recall" if "recall" in row else "false_alarm"
        print(f"{row['dataset']:<24} {row['phenomenon']:<40} n={row['n']:<5} "
              f"{score}={row[score]:.3f}")  # fmt: skip
    for line in shown or []:
        print(line)
    print(f"half: {args.half}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
