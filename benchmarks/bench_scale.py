"""Scoring throughput and driver memory: the local backend against Ray on this machine's cores.

Scores N translation pairs built from the DEMETR dev set in ../shared/evaldata (its good MT and
its perturbed MT, against the human references and the sources, cycled with fresh ids up to N)
with every metric (BLEU, chrF, TER, ROUGE, with 1,000-resample intervals) and, unless
`--checks none`, every check. Each
(backend, size) runs in a fresh process, so its peak RSS (`ru_maxrss`) is that of one run's
driver. Pairs are generated partition by partition and never held as a corpus; the driver keeps
the segment lines on disk and only per-segment statistics in memory.

    .venv/bin/python benchmarks/bench_scale.py                  # 1,000 and 4,000 pairs
    .venv/bin/python benchmarks/bench_scale.py --pairs 100000   # 25,000 and 100,000 pairs
    .venv/bin/python benchmarks/bench_scale.py --pairs 100000 --checks none   # metrics only

`--checks none` scores the metrics only: the memory of the scoring engine (the driver's per-
segment statistics, the segments spool) without the NLP pipelines the checks load, and within
an hour at 100,000 pairs on two shared cores, where every check would take several.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from itertools import cycle
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.evaldata import DEFAULT_EVALDATA, DEMETR_LANGS, read_jsonl  # noqa: E402
from evalsuite.data import Example  # noqa: E402
from evalsuite.engine.partitions import PARTITION_SIZE  # noqa: E402
from evalsuite.engine.profile import corpus_profile  # noqa: E402
from evalsuite.engine.segments import Partition  # noqa: E402
from evalsuite.engine.spec import ScoringSpec  # noqa: E402

METRICS = ("bleu", "chrf", "ter", "rouge")


def demetr_rows(root: Path) -> list[tuple[str, str, str, str]]:
    """(source, source language, reference, hypothesis): every good MT, then every perturbed."""
    base = read_jsonl(root / "demetr" / "demetr_base_dev.jsonl")
    by_id = {row["item_id"]: row for row in base}
    rows = [(b["source"], DEMETR_LANGS[b["src_lang"]], b["reference"], b["mt"]) for b in base]
    for pair in read_jsonl(root / "demetr" / "demetr_pairs_dev.jsonl"):
        item = by_id[pair["item_id"]]
        lang = DEMETR_LANGS[item["src_lang"]]
        rows.append((item["source"], lang, item["reference"], pair["mt_perturbed"]))
    return rows


def examples(rows: list[tuple[str, str, str, str]], n: int) -> Iterator[tuple[Example, str]]:
    """n pairs, cycling through the rows; built one at a time."""
    for number, (source, src_lang, reference, hypothesis) in zip(range(n), cycle(rows)):
        example = Example(
            id=f"p{number}", source=source, reference=(reference,), src_lang=src_lang,
            tgt_lang="en",
        )
        yield example, hypothesis


def partitions(
    rows: list[tuple[str, str, str, str]], n: int, size: int
) -> Iterator[Partition]:
    """Partitions of `size` pairs, each built only when the backend asks for it."""
    batch: list[tuple[Example, str]] = []
    for pair in examples(rows, n):
        batch.append(pair)
        if len(batch) == size:
            yield [e for e, _ in batch], [h for _, h in batch]
            batch = []
    if batch:
        yield [e for e, _ in batch], [h for _, h in batch]


def one_run(
    backend_name: str, n: int, root: Path, size: int, checks: str = "all"
) -> dict[str, Any]:
    """Score n pairs on one backend in this process; what the parent prints."""
    rows = demetr_rows(root)
    started = time.perf_counter()
    if backend_name == "ray":
        from evalsuite.backends.ray_backend import RayBackend

        backend: Any = RayBackend()
        workers = int(backend.session.resources().get("CPU", 1))
    else:
        from evalsuite.backends.local import LocalBackend

        backend, workers = LocalBackend(), 1
    startup = time.perf_counter() - started
    spec = ScoringSpec(
        dataset="demetr", task="translation", system="mt", system_signature="given-outputs",
        metrics=METRICS, checks=None if checks == "all" else (), rouge_stemmer=False,
        profile=corpus_profile((e for e, _ in examples(rows, n)), "translation"),
    )
    started = time.perf_counter()
    run = backend.score_stream(spec, partitions(rows, n, size))
    seconds = time.perf_counter() - started
    backend.close()
    assert len(run.segments) == n
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {
        "backend": backend_name, "pairs": n, "workers": workers, "startup": startup,
        "seconds": seconds, "peak_rss_mb": peak_kb / 1024,
        "bleu": next(s.value for s in run.scores if s.name == "bleu"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=4000, help="largest size (default 4000)")
    parser.add_argument("--small", type=int, help="smaller size for flatness (default pairs/4)")
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument(
        "--partition", type=int, default=PARTITION_SIZE,
        help=f"pairs per partition (default {PARTITION_SIZE}); the cut never changes a number",
    )
    parser.add_argument(
        "--checks", choices=("all", "none"), default="all",
        help="every check (default) or none: metrics only",
    )
    parser.add_argument("--one", nargs=2, metavar=("BACKEND", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    needed = [args.evaldata / "demetr" / name
              for name in ("demetr_base_dev.jsonl", "demetr_pairs_dev.jsonl")]
    missing = [str(path) for path in needed if not path.is_file()]
    if missing:
        print(f"bench_scale needs the DEMETR dev set (../shared/evaldata/demetr, or --evaldata "
              f"DIR holding demetr/); missing: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.one:
        one = one_run(args.one[0], int(args.one[1]), args.evaldata, args.partition, args.checks)
        print(json.dumps(one))
        return 0
    sizes = [args.small or max(1, args.pairs // 4), args.pairs]
    results = []
    for n in sizes:
        for backend in ("local", "ray"):
            command = [sys.executable, __file__, "--one", backend, str(n),
                       "--evaldata", str(args.evaldata), "--partition", str(args.partition),
                       "--checks", args.checks]
            done = subprocess.run(command, capture_output=True, text=True, check=True,
                                  env={**os.environ, "OMP_NUM_THREADS": "1"})
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"  done: {backend} {n} pairs: {results[-1]}", file=sys.stderr, flush=True)
    checked = "all checks" if args.checks == "all" else "no checks"
    print(f"scoring DEMETR pairs: {', '.join(METRICS)} (1,000-resample intervals), {checked}; "
          f"{os.cpu_count()} cores, partitions of {args.partition}")
    print("| backend | pairs | workers | startup s | scoring s | pairs/s | speedup | "
          "driver peak RSS MB | BLEU |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        local = next(x for x in results if x["pairs"] == r["pairs"] and x["backend"] == "local")
        speedup = local["seconds"] / r["seconds"]
        print(f"| {r['backend']} | {r['pairs']:,} | {r['workers']} | {r['startup']:.1f} | "
              f"{r['seconds']:.1f} | {r['pairs'] / r['seconds']:.1f} | {speedup:.2f}x | "
              f"{r['peak_rss_mb']:.0f} | {r['bleu']:.4f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
