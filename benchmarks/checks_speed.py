"""Throughput of all checks together: one batched run vs one pair at a time.

Usage: .venv/bin/python benchmarks/checks_speed.py [--evaldata DIR] [--pairs N]

Batched, `run_checks` parses every text of the list once with `nlp.pipe`; one at a time, each
pair pays the per-call overhead. Both runs see the same DEMETR pairs (perturbed MT and the good
MT, with reference and source) after one warm-up call that loads the models.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaldata import DEFAULT_EVALDATA, demetr_cases  # noqa: E402
from evalsuite.checks.api import CheckInput  # noqa: E402
from evalsuite.checks.runner import CHECKS, run_checks  # noqa: E402
from evalsuite.text import nlp, normalize, numbers  # noqa: E402

GOAL = 100.0  # pairs per second, batched


def clear_caches() -> None:
    """Forget memoised folds and number readings, so neither run profits from the other."""
    caches = (normalize.fold_text, normalize._content_tokens, normalize.match_names)
    for cached in (*caches, numbers.extract_numbers, nlp.dominant_script, nlp.fallback_entities):
        cached.cache_clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument("--pairs", type=int, default=600)
    args = parser.parse_args()
    if not (args.evaldata / "demetr").is_dir():
        print(f"error: no DEMETR data under {args.evaldata}; pass --evaldata DIR", file=sys.stderr)
        return 2
    inputs: list[CheckInput] = list(dict.fromkeys(c.inp for c in demetr_cases(args.evaldata)))
    inputs = inputs[: args.pairs]
    run_checks(list({i.src_lang: i for i in inputs}.values()))  # load every language's model
    clear_caches()
    started = time.perf_counter()
    run_checks(inputs)
    batched = len(inputs) / (time.perf_counter() - started)
    clear_caches()
    started = time.perf_counter()
    for inp in inputs:
        run_checks([inp])
    single = len(inputs) / (time.perf_counter() - started)
    print(f"{len(inputs)} DEMETR pairs, all {len(CHECKS)} checks ({', '.join(sorted(CHECKS))})")
    print(f"  batched:          {batched:7.1f} pairs/s")
    print(f"  one at a time:    {single:7.1f} pairs/s")
    print(f"  ratio:            {batched / single:7.2f}x")
    print(f"  goal >= {GOAL:.0f} pairs/s batched: {'met' if batched >= GOAL else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
