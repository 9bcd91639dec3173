"""ROUGE speed and parity: rouge-score 0.1.2 and evalsuite side by side, in one run.

Two sets, built deterministically from the FIB dev documents (../shared/evaldata/fib):
- summary pairs: 3-4 sentence extracts of a news article, one sentence per line; the prediction
  is the article's lead, the reference 3-4 later sentences with light edits;
- a long pair: ~35,000 tokens each side (articles concatenated; the prediction drops and
  reorders words), once on one line each and once with one sentence per line (ROUGE-Lsum then
  compares every reference sentence with every predicted one, so its cost grows with the product
  of the sentence counts, in rouge-score as here).

Every pair must score exactly (==) what rouge-score gives, for all four types, with the stemmer
on; the script stops otherwise. rouge-score's O(n*m) Python LCS table cannot take the long pair
(35,000^2 cells), so parity there is checked on its first 2,000 tokens, and only evalsuite runs
the full length. Peak memory is tracemalloc's, per tool, on the same work.

    .venv/bin/python benchmarks/bench_rouge.py [--pairs 1000] [--long-tokens 35000]
"""

from __future__ import annotations

import argparse
import json
import random
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from rouge_score.rouge_scorer import RougeScorer

from evalsuite.metrics.rouge import DEFAULT_ROUGE_TYPES, rouge_scores
from evalsuite.text import tokenize

TYPES = list(DEFAULT_ROUGE_TYPES)
FIB = Path(__file__).resolve().parents[2] / "shared" / "evaldata" / "fib"


def _sentences(doc: str) -> list[str]:
    return [s.strip() + " ." for s in doc.split(" . ") if len(s.split()) >= 4]


def _edit(rng: random.Random, sentence: str) -> str:
    words = sentence.split()
    kept = [w for w in words if rng.random() > 0.12]
    if len(kept) > 6 and rng.random() < 0.3:
        cut = rng.randrange(1, len(kept))
        kept = kept[cut:] + kept[:cut]
    return " ".join(kept)


def load_docs() -> list[str]:
    with open(FIB / "fib_docs_dev.jsonl", encoding="utf-8") as handle:
        return [json.loads(line)["doc"] for line in handle]


def summary_pairs(docs: list[str], n_pairs: int) -> list[tuple[str, str]]:
    """(prediction, reference) pairs of 3-4 sentences each, one per line."""
    rng = random.Random(0)
    pairs: list[tuple[str, str]] = []
    while len(pairs) < n_pairs:
        for doc in docs:
            sents = _sentences(doc)
            if len(sents) < 9:
                continue
            k = rng.choice((3, 4))
            start = rng.randrange(0, len(sents) - 2 * k)
            pred = sents[start : start + k]
            ref = [_edit(rng, s) for s in sents[start + rng.randrange(0, k) :][:k]]
            pairs.append(("\n".join(pred), "\n".join(ref)))
            if len(pairs) == n_pairs:
                break
    return pairs


def long_pair(docs: list[str], n_tokens: int) -> tuple[str, str]:
    rng = random.Random(1)
    ref_sents: list[str] = []
    count = 0
    while count < n_tokens:
        for doc in docs:
            for sent in _sentences(doc):
                ref_sents.append(sent)
                count += len(sent.split())
                if count >= n_tokens:
                    break
            if count >= n_tokens:
                break
    pred_sents = [_edit(rng, s) for s in ref_sents]
    for _ in range(len(pred_sents) // 10):  # move some sentences
        i, j = rng.randrange(len(pred_sents)), rng.randrange(len(pred_sents))
        pred_sents[i], pred_sents[j] = pred_sents[j], pred_sents[i]
    return "\n".join(pred_sents), "\n".join(ref_sents)


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    tokenize.clear_stem_caches()  # every evalsuite run starts with a cold stem cache
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def _peak_mib(fn: Callable[[], Any]) -> float:
    tokenize.clear_stem_caches()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def _measure_pair(
    first: Callable[[], Any], second: Callable[[], Any], repeats: int
) -> tuple[tuple[Any, float, float], tuple[Any, float, float]]:
    """Alternate the two, best time of `repeats` each (the machine is shared), then memory."""
    times: tuple[list[float], list[float]] = ([], [])
    results: list[Any] = [None, None]
    for _ in range(repeats):
        for k, fn in enumerate((first, second)):
            results[k], seconds = _timed(fn)
            times[k].append(seconds)
    return (
        (results[0], min(times[0]), _peak_mib(first)),
        (results[1], min(times[1]), _peak_mib(second)),
    )


def _truncate(text: str, n_tokens: int, joiner: str) -> str:
    if joiner == " ":
        return " ".join(text.split(" ")[:n_tokens])
    lines, count = [], 0
    for line in text.split("\n"):
        lines.append(line)
        count += len(line.split())
        if count >= n_tokens:
            break
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--long-tokens", type=int, default=35_000)
    parser.add_argument("--lines-tokens", type=int, default=35_000)
    parser.add_argument("--oracle-tokens", type=int, default=2_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    docs = load_docs()
    pairs = summary_pairs(docs, args.pairs)
    preds, refs = [p for p, _ in pairs], [r for _, r in pairs]
    scorer = RougeScorer(TYPES, use_stemmer=True)

    (theirs, theirs_s, theirs_mb), (ours, ours_s, ours_mb) = _measure_pair(
        lambda: [scorer.score(r, p) for p, r in zip(preds, refs, strict=True)],
        lambda: rouge_scores(preds, refs, TYPES, use_stemmer=True),
        args.repeats,
    )
    same = sum(a == b for a, b in zip(ours, theirs, strict=True))

    long_types = ["rougeL", "rougeLsum"]
    long_scorer = RougeScorer(long_types, use_stemmer=True)
    long_rows = []
    for label, n_tokens, joiner in (
        ("one line each", args.long_tokens, " "),
        ("a sentence per line", args.lines_tokens, "\n"),
    ):
        long_pred, long_ref = (t.replace("\n", joiner) for t in long_pair(docs, n_tokens))
        short_pred = _truncate(long_pred, args.oracle_tokens, joiner)
        short_ref = _truncate(long_ref, args.oracle_tokens, joiner)
        (o_short, o_s, o_mb), (e_short, e_s, e_mb) = _measure_pair(
            partial(long_scorer.score, short_ref, short_pred),
            partial(rouge_scores, [short_pred], [short_ref], long_types, True),
            1,
        )
        (_, long_s, long_mb), _ = _measure_pair(
            partial(rouge_scores, [long_pred], [long_ref], long_types, True),
            lambda: None,
            args.repeats,
        )
        half_pred = _truncate(long_pred, n_tokens // 2, joiner)
        half_ref = _truncate(long_ref, n_tokens // 2, joiner)
        half_mb = _peak_mib(partial(rouge_scores, [half_pred], [half_ref], long_types, True))
        sizes = f"{len(long_ref.split())}/{len(long_pred.split())}"
        exact = [o_short] == e_short
        long_rows.append(
            (label, exact, o_s, o_mb, e_s, e_mb, sizes, long_s, long_mb, half_mb)
        )

    words = sum(len(p.split()) + len(r.split()) for p, r in pairs) / 2 / len(pairs)
    print(f"ROUGE {', '.join(TYPES)}, Porter stemmer on; rouge-score 0.1.2 vs evalsuite")
    print(f"{'set':<34}{'rouge-score':>14}{'evalsuite':>14}{'ratio':>8}{'parity':>14}")
    print(f"{f'{len(pairs)} summary pairs (~{words:.0f} words)':<34}"
          f"{len(pairs) / theirs_s:>10.0f} p/s{len(pairs) / ours_s:>10.0f} p/s"
          f"{theirs_s / ours_s:>7.1f}x{f'{same}/{len(pairs)}':>14}")
    print(f"{'  peak memory':<34}{theirs_mb:>10.1f} MiB{ours_mb:>10.1f} MiB")
    for label, exact, o_s, o_mb, e_s, e_mb, sizes, long_s, long_mb, half_mb in long_rows:
        print(f"L+Lsum, {label}")
        print(f"{f'  {args.oracle_tokens}-token pair':<34}{o_s:>12.3f} s{e_s:>12.3f} s"
              f"{o_s / e_s:>7.0f}x{'exact' if exact else 'MISMATCH':>14}")
        print(f"{'    peak memory':<34}{o_mb:>10.1f} MiB{e_mb:>10.1f} MiB")
        print(f"{f'  {sizes}-token pair':<34}{'(too slow)':>14}{long_s:>12.3f} s")
        print(f"{'    peak memory':<34}{'':>14}{long_mb:>10.1f} MiB"
              f"   (half the length: {half_mb:.1f} MiB, x{long_mb / half_mb:.2f})")
    if same != len(pairs) or not all(row[1] for row in long_rows):
        raise SystemExit("parity with rouge-score failed")


if __name__ == "__main__":
    main()
