"""ROUGE speed and parity: rouge-score, rouge-score-rs and evalsuite side by side, in one run.

Sets, built deterministically from the FIB dev articles and summaries (../shared/evaldata/fib):
- summary pairs: 3-4 sentence extracts of an article, one sentence per line; the prediction is
  a stretch of the article, the reference 3-4 later sentences with light edits;
- article/summary pairs: each FIB summary (the prediction) against its whole article (the
  reference), one sentence per line: long references, many lines for ROUGE-Lsum;
- a long pair: articles concatenated to `--long-tokens` tokens a side (the prediction drops and
  reorders words), once on one line each and once with one sentence per line. rouge-score's
  O(n*m) Python table cannot take it, so it scores the first `--oracle-tokens` tokens only;
- growth: evalsuite alone on longer and longer pairs, each in a child process for its peak RSS.

Every pair timed must score exactly (==) the same in all three tools, for every type, with the
Porter stemmer on; the script stops otherwise. Times are the best of `--repeats` runs, the tools
alternated (the machine is shared), every run starting with cold stem caches. "1 thread": one
pair at a time (rouge-score-rs: the faster of `score` per pair and `score_batch` with
RAYON_NUM_THREADS=1, in a child process); "N threads": `score_batch` on every core
(rouge-score-rs) and `rouge_scores(threads=N)` (evalsuite).

    .venv/bin/python benchmarks/bench_rouge.py [--pairs 1500] [--docs 500] [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from evalsuite.metrics.rouge import DEFAULT_ROUGE_TYPES, clear_caches, rouge_core, rouge_scores

TYPES = list(DEFAULT_ROUGE_TYPES)
LONG_TYPES = ["rougeL", "rougeLsum"]
REPO = Path(__file__).resolve().parents[1]
Pairs = list[tuple[str, str]]  # (prediction, reference)


def _find_fib(evaldata: Path | None) -> Path:
    """../shared/evaldata/fib beside the checkout (or above it), or --evaldata."""
    candidates = [evaldata] if evaldata else [p / "shared" / "evaldata" for p in REPO.parents]
    for root in candidates:
        if root is not None and (root / "fib" / "fib_docs_dev.jsonl").is_file():
            return root / "fib"
    raise SystemExit(
        "bench_rouge: FIB dev data not found (looked for shared/evaldata/fib beside the "
        "checkout); pass --evaldata PATH/TO/evaldata"
    )


def _sentences(doc: str) -> list[str]:
    return [s.strip() + " ." for s in doc.split(" . ") if len(s.split()) >= 4]


def _edit(rng: random.Random, sentence: str) -> str:
    words = sentence.split()
    kept = [w for w in words if rng.random() > 0.12]
    if len(kept) > 6 and rng.random() < 0.3:
        cut = rng.randrange(1, len(kept))
        kept = kept[cut:] + kept[:cut]
    return " ".join(kept)


def load_docs(fib: Path) -> dict[str, str]:
    with open(fib / "fib_docs_dev.jsonl", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return {row["doc_id"]: row["doc"] for row in rows}


def summary_pairs(docs: Sequence[str], n_pairs: int) -> Pairs:
    """(prediction, reference) pairs of 3-4 sentences each, one per line."""
    rng = random.Random(0)
    pairs: Pairs = []
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


def article_pairs(fib: Path, docs: dict[str, str], n_pairs: int) -> Pairs:
    """(summary, its article) pairs, a sentence per line, in the file's order."""
    pairs: Pairs = []
    with open(fib / "fib_pairs_dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            summary = "\n".join(s.strip() + " ." for s in row["consistent_summary"].split(" . "))
            article = "\n".join(_sentences(docs[row["doc_id"]]))
            pairs.append((summary, article))
            if len(pairs) == n_pairs:
                break
    return pairs


def long_pair(docs: Sequence[str], n_tokens: int, joiner: str) -> tuple[str, str]:
    """A reference of about n_tokens tokens and an edited prediction, lines joined by joiner."""
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
    return joiner.join(pred_sents), joiner.join(ref_sents)


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


# --- Timing ------------------------------------------------------------------------------------


def _best(fns: dict[str, Callable[[], Any]], repeats: int) -> dict[str, tuple[Any, float]]:
    """Each function's result and best time of `repeats`, alternating them; cold caches."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    results: dict[str, Any] = {}
    for _ in range(repeats):
        for name, fn in fns.items():
            clear_caches()
            start = time.perf_counter()
            results[name] = fn()
            times[name].append(time.perf_counter() - start)
    return {name: (results[name], min(times[name])) for name in fns}


def _rs_scorer(types: list[str]) -> Any:
    try:
        from rouge_score_rs import RougeScorer as RsScorer
    except ImportError:
        raise SystemExit(
            "bench_rouge needs the peer it is compared with: pip install 'rouge-score-rs==0.2.1' "
            "(in the dev extra)"
        ) from None
    return RsScorer(types, use_stemmer=True)


def _rs_batch_one_thread(set_name: str, args: argparse.Namespace) -> float:
    """rouge-score-rs's score_batch with one Rayon thread: a child process (the thread count
    is fixed when Rayon starts)."""
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    cmd = [sys.executable, __file__, "--child-rs-batch", set_name, *_common_args(args)]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    return float(json.loads(out)["seconds"])


def _common_args(args: argparse.Namespace) -> list[str]:
    out = ["--pairs", str(args.pairs), "--docs", str(args.docs), "--repeats", str(args.repeats),
           "--long-tokens", str(args.long_tokens)]  # fmt: skip
    if args.evaldata:
        out += ["--evaldata", str(args.evaldata)]
    return out


def _sets(args: argparse.Namespace) -> dict[str, tuple[Pairs, list[str]]]:
    fib = _find_fib(args.evaldata)
    docs = load_docs(fib)
    texts = list(docs.values())
    sets = {
        "summary": (summary_pairs(texts, args.pairs), TYPES),
        "article": (article_pairs(fib, docs, args.docs), TYPES),
    }
    for label, joiner in (("line", " "), ("lines", "\n")):
        sets[label] = ([long_pair(texts, args.long_tokens, joiner)], LONG_TYPES)
    return sets


def _child_rs_batch(args: argparse.Namespace) -> None:
    pairs, types = _sets(args)[args.child_rs_batch]
    scorer = _rs_scorer(types)
    preds, refs = [p for p, _ in pairs], [r for _, r in pairs]
    timed = _best({"rs": lambda: scorer.score_batch(refs, preds)}, args.repeats)
    print(json.dumps({"seconds": timed["rs"][1]}))


def _child_growth(args: argparse.Namespace) -> None:
    """One evalsuite run on one long pair: its time, and the process's peak RSS (inputs
    included)."""
    n_tokens, joiner = int(args.child_growth[0]), " " if args.child_growth[1] == "line" else "\n"
    docs = list(load_docs(_find_fib(args.evaldata)).values())
    pred, ref = long_pair(docs, n_tokens, joiner)
    rouge_scores(["warm up"], ["warm up"], LONG_TYPES, True, threads=1)
    start = time.perf_counter()
    rouge_scores([pred], [ref], LONG_TYPES, True, threads=1)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mib": _peak_rss_mib(),
                      "chars": len(pred) + len(ref)}))  # fmt: skip


def _peak_rss_mib() -> float:
    """This process's peak RSS. Not ru_maxrss: Linux carries that over from the parent through
    fork and exec; VmHWM belongs to this address space alone."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- The run -----------------------------------------------------------------------------------


def _compare(
    label: str, pairs: Pairs, types: list[str], args: argparse.Namespace, set_name: str
) -> list[str]:
    """Rows for one set: 1 thread and every core, all three tools, parity on every pair."""
    preds, refs = [p for p, _ in pairs], [r for _, r in pairs]
    from rouge_score.rouge_scorer import RougeScorer  # not in growth children: _growth_rows

    oracle = RougeScorer(types, use_stemmer=True)
    rs = _rs_scorer(types)
    cores = len(os.sched_getaffinity(0))
    theirs = _best({"rouge-score": lambda: [oracle.score(r, p) for p, r in pairs]}, 1)
    timed = _best(
        {
            "rs": lambda: [rs.score(r, p) for p, r in pairs],
            "ours": lambda: rouge_scores(preds, refs, types, True, threads=1),
            "rs batch": lambda: rs.score_batch(refs, preds),
            "ours threads": lambda: rouge_scores(preds, refs, types, True, threads=cores),
        },
        args.repeats,
    )
    expected = theirs["rouge-score"][0]
    for name, (got, _) in timed.items():
        same = sum(a == b for a, b in zip(got, expected, strict=True))
        if same != len(pairs):
            differ = len(pairs) - same
            raise SystemExit(f"{label}: {name} differs from rouge-score on {differ} pairs")
    rs_one = min(timed["rs"][1], _rs_batch_one_thread(set_name, args))
    rs_all, ours_one, ours_all = timed["rs batch"][1], timed["ours"][1], timed["ours threads"][1]
    slow = theirs["rouge-score"][1]
    return [
        _row(f"{label}, 1 thread", slow, rs_one, ours_one, f"{len(pairs)}/{len(pairs)}"),
        _row(f"{label}, {cores} threads", None, rs_all, ours_all, f"{len(pairs)}/{len(pairs)}"),
    ]


def _row(label: str, slow: float | None, rs: float, ours: float, parity: str) -> str:
    slow_text = f"{slow:>10.3f} s" if slow is not None else f"{'':>12}"
    versus = f"{slow / ours:>8.0f}x" if slow is not None else f"{'':>9}"
    return (f"{label:<40}{slow_text}{rs:>10.3f} s{ours:>10.3f} s{rs / ours:>8.1f}x{versus}"
            f"{parity:>12}")  # fmt: skip


def _long_rows(sets: dict[str, tuple[Pairs, list[str]]], args: argparse.Namespace) -> list[str]:
    """The long pair: evalsuite == rouge-score-rs on it whole, == rouge-score on a prefix."""
    rows = []
    from rouge_score.rouge_scorer import RougeScorer  # not in growth children: _growth_rows

    oracle = RougeScorer(LONG_TYPES, use_stemmer=True)
    rs = _rs_scorer(LONG_TYPES)
    layouts = (("line", " ", "one line each"), ("lines", "\n", "a sentence per line"))
    for name, joiner, label in layouts:
        ((pred, ref),) = sets[name][0]
        timed = _best(
            {
                "rs": lambda p=pred, r=ref: rs.score(r, p),
                "ours": lambda p=pred, r=ref: rouge_scores([p], [r], LONG_TYPES, True, "en", 1)[0],
            },
            1,
        )
        short_pred = _truncate(pred, args.oracle_tokens, joiner)
        short_ref = _truncate(ref, args.oracle_tokens, joiner)
        short = oracle.score(short_ref, short_pred)
        exact = timed["rs"][0] == timed["ours"][0] and short == rs.score(short_ref, short_pred) == (
            rouge_scores([short_pred], [short_ref], LONG_TYPES, True, threads=1)[0]
        )
        if not exact:
            raise SystemExit(f"long pair, {label}: the tools differ")
        sizes = f"{len(ref.split()):,}/{len(pred.split()):,}-token pair, {label}"
        rows.append(_row(sizes, None, timed["rs"][1], timed["ours"][1], "exact"))
    return rows


def _growth_rows(args: argparse.Namespace) -> list[str]:
    """Each length in a child that imports evalsuite's ROUGE only: rouge-score pulls in NLTK,
    which imports SciPy, pandas and scikit-learn (about 170 MiB of peak RSS here), and would
    be counted as evalsuite's memory."""
    rows = []
    for n_tokens in args.growth:
        cells = []
        for layout in ("line", "lines"):
            cmd = [sys.executable, __file__, "--child-growth", str(n_tokens), layout,
                   *_common_args(args)]  # fmt: skip
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            got = json.loads(out)
            cells.append(f"{got['seconds']:>9.2f} s{got['peak_mib']:>8.0f} MiB")
        rows.append(f"{n_tokens:>12,}{got['chars'] / 2 / 1e6:>10.2f} M" + "".join(cells))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1500, help="summary pairs")
    parser.add_argument("--docs", type=int, default=500, help="article/summary pairs")
    parser.add_argument("--long-tokens", type=int, default=10_000)
    parser.add_argument("--oracle-tokens", type=int, default=2_000)
    parser.add_argument("--growth", type=lambda s: [int(x) for x in s.split(",") if x],
                        default=[50_000, 100_000, 200_000, 400_000])  # fmt: skip
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--evaldata", type=Path, default=None)
    parser.add_argument("--child-rs-batch", help=argparse.SUPPRESS)
    parser.add_argument("--child-growth", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_rs_batch:
        return _child_rs_batch(args)
    if args.child_growth:
        return _child_growth(args)
    if rouge_core() != "native":
        print("note: evalsuite's C core is not built; timing the pure-Python core", flush=True)
    sets = _sets(args)
    summary = sets["summary"][0]
    words = sum(len(p.split()) + len(r.split()) for p, r in summary) / 2 / len(summary)
    rows = _compare(f"{args.pairs} summary pairs (~{words:.0f} words)",
                    *sets["summary"], args, "summary")  # fmt: skip
    article = sets["article"][0]
    summary_words = sum(len(p.split()) for p, _ in article) / len(article)
    article_words = sum(len(r.split()) for _, r in article) / len(article)
    rows += _compare(f"{args.docs} summary/article (~{summary_words:.0f}/{article_words:.0f} w)",
                     *sets["article"], args, "article")  # fmt: skip
    rows += _long_rows(sets, args)
    import rouge_score_rs  # _rs_scorer has checked it is there

    print(f"ROUGE {', '.join(TYPES)} (long pairs: L, Lsum), Porter stemmer on; best of "
          f"{args.repeats}; rouge-score 0.1.2, rouge-score-rs {rouge_score_rs.__version__}, "
          f"evalsuite ({rouge_core()} core)")  # fmt: skip
    print(f"{'set':<40}{'rouge-score':>12}{'rs':>12}{'evalsuite':>12}{'vs rs':>8}"
          f"{'vs r-s':>9}{'parity':>12}")  # fmt: skip
    for row in rows:
        print(row)
    if args.growth:
        print("\nevalsuite alone on longer pairs (L, Lsum, one thread; peak RSS of the whole "
              "process, its inputs included)")  # fmt: skip
        print(f"{'words/side':>12}{'chars/side':>12}{'one line each':>21}"
              f"{'a sentence per line':>21}")  # fmt: skip
        for row in _growth_rows(args):
            print(row, flush=True)
    return None


if __name__ == "__main__":
    main()
