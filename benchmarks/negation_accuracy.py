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
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from evalsuite.checks.api import CheckInput
from evalsuite.checks.runner import run_checks

__all__ = ["evaluate_negation"]

ROOT = Path(__file__).resolve().parents[1]
EVALDATA = ROOT.parent / "shared" / "evaldata"
MT_FAULTS = ROOT / "evalsuite" / "resources" / "mt_faults.jsonl"
CHECK = "negation_flip"
_DEMETR_LANGS = {
    "chinese_simple": "zh", "czech": "cs", "french": "fr", "german": "de", "hindi": "hi",
    "italian": "it", "japanese": "ja", "polish": "pl", "russian": "ru", "spanish": "es",
}  # fmt: skip


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _fired(inputs: list[CheckInput]) -> list[bool]:
    return [bool(found) for found in run_checks(inputs, [CHECK])]


def _row(dataset: str, phenomenon: str, fired: list[bool], *, error: bool) -> dict[str, Any]:
    rate = sum(fired) / len(fired) if fired else 0.0
    key = "recall" if error else "false_alarm"
    return {"dataset": dataset, "phenomenon": phenomenon, "n": len(fired), key: round(rate, 3)}


def _demetr(root: Path) -> Iterable[dict[str, Any]]:
    base = {r["item_id"]: r for r in _jsonl(root / "demetr" / "demetr_base_dev.jsonl")}
    pairs = _jsonl(root / "demetr" / "demetr_pairs_dev.jsonl")

    def inp(item: dict[str, Any], hyp: str) -> CheckInput:
        lang = _DEMETR_LANGS.get(item["src_lang"], item["src_lang"])
        return CheckInput(hyp, item["reference"], item["source"], hyp_lang="en", src_lang=lang)

    yield _row("demetr", "no_error (good mt)",
               _fired([inp(b, b["mt"]) for b in base.values()]), error=False)  # fmt: skip
    for pert, name in (("critical_id8_negation", "negation"), ("critical_id7_antonym", "antonym")):
        chosen = [p for p in pairs if p["perturbation"] == pert]
        fired = _fired([inp(base[p["item_id"]], p["mt_perturbed"]) for p in chosen])
        yield _row("demetr", name, fired, error=True)


def _fib(root: Path) -> Iterable[dict[str, Any]]:
    docs = {d["doc_id"]: d["doc"] for d in _jsonl(root / "fib" / "fib_docs_dev.jsonl")}
    pairs = [
        p for p in _jsonl(root / "fib" / "fib_pairs_dev.jsonl")
        if p.get("perturbation") == "negation" and p["doc_id"] in docs
    ]  # fmt: skip

    def inp(pair: dict[str, Any], summary: str) -> CheckInput:
        return CheckInput(summary, source=docs[pair["doc_id"]], hyp_lang="en", src_lang="en",
                          task="summary")  # fmt: skip

    yield _row(
        "fib/factcc",
        "negation",
        _fired([inp(p, p["inconsistent_summary"]) for p in pairs]),
        error=True,
    )
    yield _row(
        "fib/factcc",
        "no_error (consistent summary)",
        _fired([inp(p, p["consistent_summary"]) for p in pairs]),
        error=False,
    )


def _mt_faults(path: Path) -> Iterable[dict[str, Any]]:
    rows = _jsonl(path)

    def inputs(fault: str, *, with_reference: bool) -> list[CheckInput]:
        return [
            CheckInput(r["hypothesis"], r["reference"] if with_reference else None, r["source"],
                       hyp_lang=r["tgt_lang"], src_lang=r["src_lang"])
            for r in rows if r["meta"].get("fault") == fault
        ]  # fmt: skip

    for with_reference, name in ((True, "mt_faults"), (False, "mt_faults (source only)")):
        yield _row(
            name,
            "negation_flipped",
            _fired(inputs("negation_flipped", with_reference=with_reference)),
            error=True,
        )
        yield _row(
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
    for row in evaluate_negation(args.evaldata):
        score = "recall" if "recall" in row else "false_alarm"
        print(f"{row['dataset']:<26} {row['phenomenon']:<32} n={row['n']:<5} "
              f"{score}={row[score]:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
