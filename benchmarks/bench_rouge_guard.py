"""Where ROUGE-L/Lsum's block guard pays: one long pair, exact LCS against aligned blocks.

Each row scores one generated pair (seeded pseudo-words; the hypothesis is the reference with
one word in ten replaced) in a fresh process, once with the exact LCS (`rouge:exact=true`) and
once forced into 10,000-token blocks (`rouge_guard.EXACT_CELLS` set to 0), on one line and a
sentence per line, and prints wall seconds and peak RSS (the child's own, as `bench_rouge.py`
reads it). `rouge_guard.EXACT_CELLS` is chosen
from these rows: the default keeps the exact LCS while it is no slower than the blocks.

    .venv/bin/python benchmarks/bench_rouge_guard.py [--words 50000,200000,400000,800000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.bench_long_inputs import _sizes  # noqa: E402

CHILD = r"""
import json, random, sys, time
from benchmarks.bench_rouge import _peak_rss_mib
from evalsuite.metrics import rouge_guard
from evalsuite.metrics.rouge import _score_pairs
from evalsuite.text.tokenize import get_tokenizer
n, mode, lines = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "lines"
rng = random.Random(0)
vocab = [f"w{i}" for i in range(5000)]
ref_words = [rng.choice(vocab) for _ in range(n)]
pred_words = [w if rng.random() > 0.1 else rng.choice(vocab) for w in ref_words]
def join(words):
    if not lines:
        return " ".join(words)
    return "\n".join(" ".join(words[i:i + 20]) for i in range(0, len(words), 20))
ref, pred = join(ref_words), join(pred_words)
rouge_guard.EXACT_CELLS = 0
exact_words = 0 if mode == "exact" else rouge_guard.EXACT_WORDS
start = time.perf_counter()
out = _score_pairs([pred], [[ref]], [get_tokenizer("en", True)], ("rouge1", "rouge2", "rougeL",
                   "rougeLsum"), 1, exact_words)
seconds = time.perf_counter() - start
triples = out.scores[0]
print(json.dumps({"seconds": seconds, "rss": _peak_rss_mib(),
                  "L": triples["rougeL"].fmeasure, "Lsum": triples["rougeLsum"].fmeasure,
                  "blocked": bool(out.blocked)}))
"""


def run(words: int, mode: str, layout: str) -> dict[str, float]:
    """One fresh process: the scoring's seconds, its peak RSS (KiB) and the two F-measures."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(words), mode, layout],
        capture_output=True, text=True, check=True, env=env, cwd=REPO,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=_sizes, default=[50_000, 200_000, 400_000, 800_000],
                        help="comma-separated words per side")
    args = parser.parse_args(argv)
    sizes: list[int] = args.words
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load before: {load} (1/5/15 min; {os.cpu_count()} cores)")
    print(f"{'words/side':>10}  {'layout':<18} {'exact s':>8} {'MiB':>5} {'blocks s':>9} {'MiB':>5}"
          f"  {'L exact-blocks':>14} {'Lsum exact-blocks':>17}")
    for words in sizes:
        for layout in ("one", "lines"):
            exact, blocks = run(words, "exact", layout), run(words, "blocks", layout)
            name = "one line each" if layout == "one" else "a sentence per line"
            print(f"{words:>10,}  {name:<18} {exact['seconds']:>8.2f} {exact['rss']:>5.0f}"
                  f" {blocks['seconds']:>9.2f} {blocks['rss']:>5.0f}"
                  f"  {exact['L'] - blocks['L']:>14.4f} {exact['Lsum'] - blocks['Lsum']:>17.4f}")
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load after: {load}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
