"""Source-only translation QA on the project's own written pairs, beyond DEMETR's phenomena.

Usage: .venv/bin/python benchmarks/source_only_stress.py [--lang de,fr] [--show]

DEMETR's tuning half has 6-18 good translations per source language, and rules fitted to them
generalise poorly. `benchmarks/data/source_only_pairs.jsonl` holds pairs written for this
benchmark (a source sentence in de, es, fr, pl, ru, cs or it and a faithful English
translation of it), each tagged with what it tries: free renderings, reordering, idioms,
exonyms ("München" / "Munich"), institutions rendered differently ("Sejm" / "lower house"),
number formats ("1.000", "20 000", "7,3"), dates, German noun capitals, Russian and Polish case
endings of names. Each pair's `swaps` make its faults: one name of the output replaced by a
name the source lacks, or one number by another. Every check runs, as `evalsuite check --task
translation` runs them with a source and no reference; a case counts when any critical or major
finding fires (false alarm on the faithful output, recall on a fault), as the last DEMETR
column of source_only_accuracy.py does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evalsuite.checks.api import CheckInput  # noqa: E402
from evalsuite.checks.base import Finding  # noqa: E402
from evalsuite.checks.runner import run_checks  # noqa: E402

PAIRS = Path(__file__).resolve().parent / "data" / "source_only_pairs.jsonl"
SERIOUS = ("critical", "major")


def read_pairs(path: Path = PAIRS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _input(output: str, source: str, lang: str) -> CheckInput:
    return CheckInput(output, None, source, "en", lang)


def cases(pairs: list[dict[str, Any]]) -> list[tuple[str, str, CheckInput, str]]:
    """(language, kind, input, what) for each faithful output and each swap of it."""
    out = []
    for pair in pairs:
        lang, source = pair["lang"], pair["source"]
        out.append((lang, "faithful", _input(pair["output"], source, lang), pair["what"]))
        for old, new, kind in pair["swaps"]:
            if old not in pair["output"]:
                raise ValueError(f"{PAIRS}: swap {old!r} not in output {pair['output']!r}")
            faulty = pair["output"].replace(old, new, 1)
            out.append((lang, kind, _input(faulty, source, lang), f"{old} -> {new}"))
    return out


def serious(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in SERIOUS]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", help="comma-separated source languages (default: all)")
    parser.add_argument("--show", action="store_true", help="print each false alarm and miss")
    args = parser.parse_args(argv)
    pairs = read_pairs()
    if args.lang:
        pairs = [p for p in pairs if p["lang"] in args.lang.split(",")]
    todo = cases(pairs)
    found = run_checks([inp for _, _, inp, _ in todo])
    table: dict[tuple[str, str], list[bool]] = {}
    for (lang, kind, inp, what), findings in zip(todo, found, strict=True):
        hits = serious(findings)
        table.setdefault((lang, kind), []).append(bool(hits))
        wrong = bool(hits) == (kind == "faithful")
        if args.show and wrong:
            label = "FALSE ALARM" if hits else "MISS"
            print(f"{label} {lang} {kind} ({what}): {inp.hypothesis}")
            for f in hits:
                print(f"    {f.severity} {f.check}: {f.message}")
    for lang in sorted({lang for lang, _ in table}):
        cells = []
        for kind, rate in (("faithful", "false_alarm"), ("name", "recall"), ("number", "recall")):
            flags = table.get((lang, kind), [])
            value = f"{sum(flags) / len(flags):.3f}" if flags else "-"
            cells.append(f"{kind} n={len(flags):<3} {rate}={value}")
        print(f"{lang:<3} " + "   ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
