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
    .venv/bin/python benchmarks/bench_pair_memory.py --vocab 10000,20000

With `--vocab N1,N2,...` it runs no checks: it parses the pairs with the English pipeline, as
the checks' parse does, and prints what spaCy keeps for the life of the process after each
count: the strings and lexemes of the pipeline's vocabulary, the entries of its lemmatizer's
cache, and (tracemalloc on from the first count) the bytes held since, once the Docs are gone.
The checks parse a few sentences again in a plainer wording (text/reparse.py), which adds
next to no new words: a full `run_checks` over the same pairs gave the same string count and
two more lexemes at 1,000 and 2,000 pairs.
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
from collections.abc import Iterator, Sequence
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


def _spacy_state(nlp_: Any) -> tuple[int, int, int]:
    """(strings, lexemes, lemmatizer cache entries) that `nlp_` keeps while the process lives."""
    lemmatizer = nlp_.get_pipe("lemmatizer") if "lemmatizer" in nlp_.pipe_names else None
    return len(nlp_.vocab.strings), len(nlp_.vocab), len(getattr(lemmatizer, "cache", ()))


def vocab_growth(counts: Sequence[int]) -> Iterator[str]:
    """What spaCy keeps per pair parsed: rows at each count of `counts` (ascending), each
    given as soon as it is measured (a long run shows its progress)."""
    from evalsuite.text.nlp import PIPE_BATCH_SIZE, load_pipeline

    pipeline = load_pipeline("en")
    if pipeline is None:
        yield "no English spaCy pipeline installed"
        return
    yield f"{'pairs':>8} {'strings':>9} {'lexemes':>9} {'lemma memo':>10}  growth"
    done, previous, traced = 0, None, 0
    for count in counts:
        texts = (text for i in range(done, count)
                 for text in reference_and_hypothesis(words=20, seed=SEED + i))  # fmt: skip
        for _ in pipeline.pipe(texts, batch_size=PIPE_BATCH_SIZE):
            pass
        gc.collect()
        state = _spacy_state(pipeline)
        growth = ""
        if previous is not None:
            since = count - previous[0]
            strings, lexemes, lemmas = (
                (now - before) / since for now, before in zip(state, previous[1], strict=True)
            )
            held = (tracemalloc.get_traced_memory()[0] - traced) / (count - counts[0])
            growth = (
                f"{strings:.3f} strings, {lexemes:.3f} lexemes, {lemmas:.3f} lemma entries a "
                f"pair since {previous[0]:,}; {held:,.0f} B a pair held since {counts[0]:,}"
            )
        else:
            tracemalloc.start()
            traced = tracemalloc.get_traced_memory()[0]
        yield f"{count:>8,} {state[0]:>9,} {state[1]:>9,} {state[2]:>10,}  {growth}"
        done, previous = count, (count, state)
    tracemalloc.stop()


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
    parser.add_argument(
        "--vocab", metavar="N1,N2,...",
        help="only parse, and print spaCy's vocabulary growth per pair between these counts",
    )
    args = parser.parse_args(argv)
    if args.vocab:
        counts = sorted({int(n) for n in args.vocab.split(",")})
        for line in vocab_growth(counts):
            print(line, flush=True)
        return 0
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
