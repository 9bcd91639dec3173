"""Throughput of all checks together: one process, every core, and one pair at a time.

Usage: .venv/bin/python benchmarks/checks_speed.py [--evaldata DIR] [--pairs N] [--half tune]

All runs see the same DEMETR pairs (perturbed MT and the good MT, with reference and source),
after one warm-up call that loads every language's model, each from cold caches (no memoised
folds, number readings or parses). The run on every core must give exactly the findings of the
one-process run, in the same order; the script stops otherwise. Beside each wall-clock rate it
prints the CPU seconds the run used (this process and its workers): on a shared machine the
wall clock measures the other jobs too, the CPU time far less. A last row checks one long
document reference-free: --doc-words words of news sentences in which one name recurs
--doc-mentions times.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaldata import DEFAULT_EVALDATA, demetr_cases, read_jsonl  # noqa: E402
from benchmarks.splits import HALVES  # noqa: E402
from evalsuite.checks.api import CheckInput  # noqa: E402
from evalsuite.checks.runner import CHECKS, run_checks  # noqa: E402
from evalsuite.text import nlp  # noqa: E402

GOAL = 250.0  # pairs per second with every check, on every core
DOC_GOAL = 20.0  # seconds for the long document


MEMO_MIN_SIZE = 512  # an lru_cache this large memoises per text or per word, not a loaded resource


def text_memos() -> list[Any]:
    """Every lru_cache of evalsuite's loaded modules that memoises texts or words.

    Caches of at most a few hundred entries (or unbounded ones) hold loaded pipelines, lexicons
    and tables, which every run shares after the warm-up; the larger ones fill with the texts of
    a run (folds, number readings, alignments, content words, stems), so a run that found them
    full would be timed on work another run did.
    """
    memos: dict[int, Any] = {}
    for name, module in list(sys.modules.items()):
        if name != "evalsuite" and not name.startswith("evalsuite."):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if callable(info) and (info().maxsize or 0) >= MEMO_MIN_SIZE:
                memos[id(value)] = value
    return list(memos.values())


def clear_caches() -> None:
    """Forget memoised folds, number readings, alignments and parses, so no run reuses another."""
    for memo in text_memos():
        memo.cache_clear()
    nlp.clear_parse_cache()


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and of its finished workers."""
    own, workers = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                         resource.RUSAGE_CHILDREN))  # fmt: skip
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _timed(
    inputs: list[CheckInput], workers: int
) -> tuple[list[list[dict[str, object]]], float, float]:
    """Findings, wall seconds and CPU seconds of one run from cold caches."""
    clear_caches()
    cpu = cpu_seconds()
    started = time.perf_counter()
    findings = run_checks(inputs, workers=workers)
    seconds = time.perf_counter() - started
    return [[f.to_dict() for f in found] for found in findings], seconds, cpu_seconds() - cpu


def long_document(evaldata: Path, words: int, mentions: int) -> str:
    """News sentences (FIB articles) to `words` words, with one name in `mentions` of them."""
    sentences = [
        s.strip() + "."
        for row in read_jsonl(evaldata / "fib" / "fib_docs_dev.jsonl")
        for s in row["doc"].split(" . ")
        if len(s.split()) >= 6
    ]
    rng = random.Random(4)
    out: list[str] = []
    count = 0
    while count < words:
        sentence = rng.choice(sentences)
        if len(out) < mentions:
            sentence = f"Volodymyr Zelensky said {sentence[0].lower()}{sentence[1:]}"
        out.append(sentence)
        count += len(sentence.split())
    rng.shuffle(out)
    return " ".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument("--pairs", type=int, default=600)
    parser.add_argument("--half", choices=[*HALVES, "all"], default="tune")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--doc-words", type=int, default=50_000)
    parser.add_argument("--doc-mentions", type=int, default=4_000)
    args = parser.parse_args()
    if not (args.evaldata / "demetr").is_dir():
        print(f"error: no DEMETR data under {args.evaldata}; pass --evaldata DIR", file=sys.stderr)
        return 2
    half = None if args.half == "all" else args.half
    cases = demetr_cases(args.evaldata, half=half)
    inputs: list[CheckInput] = list(dict.fromkeys(c.inp for c in cases))[: args.pairs]
    run_checks(list({i.src_lang: i for i in inputs}.values()), workers=1)  # load every model
    one, one_s, one_cpu = _timed(inputs, 1)
    many, many_s, many_cpu = _timed(inputs, args.workers)
    if many != one:
        differ = sum(a != b for a, b in zip(one, many, strict=True))
        print(f"error: {args.workers} workers changed the findings of {differ} pairs")
        return 1
    clear_caches()
    cpu = cpu_seconds()
    started = time.perf_counter()
    for inp in inputs:
        run_checks([inp], workers=1)
    single_s = time.perf_counter() - started
    single_cpu = cpu_seconds() - cpu
    n = len(inputs)
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{n} DEMETR pairs ({args.half} half), all {len(CHECKS)} checks "
          f"({', '.join(sorted(CHECKS))})")  # fmt: skip
    print(f"  load average (1/5/15 min) after the runs: {load}")
    print(f"  1 process:        {n / one_s:7.1f} pairs/s   ({one_cpu:5.1f} s CPU, "
          f"{n / one_cpu:5.1f} pairs per CPU second)")  # fmt: skip
    print(f"  {args.workers} processes:      {n / many_s:7.1f} pairs/s   ({many_cpu:5.1f} s CPU; "
          f"x{one_s / many_s:.2f}; findings identical: {n}/{n} pairs)")  # fmt: skip
    print(f"  one at a time:    {n / single_s:7.1f} pairs/s   ({single_cpu:5.1f} s CPU)")
    met = "met" if n / many_s >= GOAL else "NOT met"
    print(f"  goal >= {GOAL:.0f} pairs/s on {args.workers} processes: {met}")
    if args.doc_words:
        doc = long_document(args.evaldata, args.doc_words, args.doc_mentions)
        clear_caches()
        cpu = cpu_seconds()
        started = time.perf_counter()
        found = run_checks([CheckInput(hypothesis=doc, hyp_lang="en", task="translation")])
        doc_s = time.perf_counter() - started
        doc_cpu = cpu_seconds() - cpu
        print(f"{len(doc.split()):,}-word document, one name {args.doc_mentions:,} times, "
              f"reference-free: {doc_s:.1f} s ({doc_cpu:.1f} s CPU; "
              f"{sum(map(len, found))} findings); goal < "
              f"{DOC_GOAL:.0f} s: {'met' if doc_s < DOC_GOAL else 'NOT met'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
