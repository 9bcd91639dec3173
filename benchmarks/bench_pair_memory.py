"""What a `score --checks all` run keeps per pair: the bounded caches that fill as pairs go by.

Runs `evalsuite score --checks all` in this process on N generated pairs (the pairs of
`bench_long_inputs.py`), and when the last partition is in, before the corpus scores, lists
every `functools.lru_cache` holding more than `--min-entries` entries: its entries, its bound,
the entries it gains per pair, and after how many pairs it is full (from then on it costs no
more memory). With `--bytes` (tracemalloc on for the whole run, so slower) it also prints the
memory each cache holds, found by emptying it: bytes an entry, and what it holds when full.
The driver's own per-pair state is the statistics matrices (8 bytes a column), also printed.
Peak RSS is printed at the end. The checks run in this one process (forked
workers would each fill their own caches and drop them after the partition).

    .venv/bin/python benchmarks/bench_pair_memory.py --pairs 2000
    .venv/bin/python benchmarks/bench_pair_memory.py --pairs 1500 --bytes
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import io
import json
import os
import resource
import sys
import tempfile
import tracemalloc
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_long_inputs import SEED, reference_and_hypothesis  # noqa: E402

import evalsuite.engine.corpus as corpus  # noqa: E402
from evalsuite.cli import main as cli_main  # noqa: E402
from evalsuite.data import load_jsonl  # noqa: E402


def _caches(min_entries: int) -> list[tuple[int, int, str]]:
    rows = []
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper):
            info = obj.cache_info()
            if info.currsize >= min_entries:
                name = f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', '?')}"
                rows.append((info.currsize, info.maxsize or 0, name))
    return sorted(rows, reverse=True)


def _held_bytes(min_entries: int) -> list[str]:
    """Each large cache's memory, measured by emptying it (the run is over, the corpus scores
    need none of them), then the parse cache's."""
    from evalsuite.text import nlp

    lines = [f"{'MB held':>8} {'B/entry':>8} {'MB full':>8}  cache"]
    for obj in gc.get_objects():
        if not isinstance(obj, functools._lru_cache_wrapper):
            continue
        info = obj.cache_info()
        if info.currsize < min_entries:
            continue
        before = tracemalloc.get_traced_memory()[0]
        obj.cache_clear()
        gc.collect()
        held = before - tracemalloc.get_traced_memory()[0]
        full = held / info.currsize * info.maxsize / 2**20 if info.maxsize else float("nan")
        name = f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', '?')}"
        lines.append(f"{held / 2**20:>8.2f} {held / info.currsize:>8,.0f} {full:>8.1f}  {name}")
    before = tracemalloc.get_traced_memory()[0]
    parsed = len(nlp._PARSED)
    nlp.clear_parse_cache()
    gc.collect()
    held = before - tracemalloc.get_traced_memory()[0]
    lines.append(f"{held / 2**20:>8.2f} {held / max(parsed, 1):>8,.0f} {'-':>8}  parse cache "
                 f"({parsed:,} texts, bounded by {nlp.PARSE_CACHE_CHARS:,} characters)")
    return lines


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--min-entries", type=int, default=500)
    parser.add_argument("--types", type=int, default=12, help="object types to list")
    parser.add_argument("--bytes", action="store_true", help="memory each cache holds (slower)")
    parser.add_argument(
        "--workers", default="1",
        help="check processes ($EVALSUITE_CHECK_WORKERS; default 1: every cache in this one)",
    )
    args = parser.parse_args(argv)
    os.environ["EVALSUITE_CHECK_WORKERS"] = args.workers
    n = args.pairs
    original = corpus.RunAggregator.finish
    lines: list[str] = []

    def finish(self: Any) -> Any:
        lines.append(f"{'entries':>8} {'bound':>8} {'per pair':>9} {'full after':>11}  cache")
        for size, bound, name in _caches(args.min_entries):
            rate = size / n
            full = "full" if bound and size >= bound else f"{bound / rate:,.0f} pairs"
            if not bound:
                full = "unbounded"
            lines.append(f"{size:>8,} {bound:>8,} {rate:>9.2f} {full:>11}  {name}")
        counts: dict[str, int] = {}
        for obj in gc.get_objects():
            counts[type(obj).__name__] = counts.get(type(obj).__name__, 0) + 1
        top = sorted(counts.items(), key=lambda item: -item[1])[: args.types]
        lines.append(
            f"driver at the end: RSS {_rss_mb():.0f} MB, {sys.getallocatedblocks():,} Python "
            f"blocks; gc-tracked objects: " + ", ".join(f"{k} {v:,}" for k, v in top)
        )
        if args.bytes:
            lines.extend(_held_bytes(args.min_entries))
        columns = sum(m.shape[1] for store in self.stats.values() for m in store.values())
        lines.append(f"statistics matrices: {columns} columns x 8 bytes = {columns * 8} B a pair")
        return original(self)

    corpus.RunAggregator.finish = finish  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory(prefix="bench_pair_memory_") as tmp:
        path = Path(tmp) / "pairs.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for i in range(n):
                ref, hyp = reference_and_hypothesis(words=20, seed=SEED + i)
                record = {"id": str(i), "reference": ref, "hypothesis": hyp}
                handle.write(json.dumps(record) + "\n")
        print(f"score --checks all on {n:,} pairs, in this process", flush=True)
        tracemalloc.start()
        examples = load_jsonl(path, require=("hypothesis",))
        held = tracemalloc.get_traced_memory()[0]
        del examples
        if not args.bytes:
            tracemalloc.stop()
        lines.append(f"input records, were they read whole: {held / n:,.0f} B a pair "
                     "(`score` streams them)")
        try:
            with contextlib.redirect_stdout(io.StringIO()):  # the results table
                cli_main(["score", "--input", str(path), "--output", str(Path(tmp) / "o.json"),
                          "--checks", "all"])  # fmt: skip
        except SystemExit as stop:
            if stop.code not in (0, 1, None):
                raise
    print("\n".join(lines))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
