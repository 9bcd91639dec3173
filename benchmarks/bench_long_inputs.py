"""Costs of long inputs through the command line: one long pair, one long document, many pairs.

Every case runs `python -m evalsuite ...` in a fresh process on generated text (seeded
pseudo-words in sentences, a few names and numbers; the hypothesis is the reference with one
word in ten replaced and some sentences swapped), and prints its wall time less the start-up
of the same command on one tiny record, and its peak RSS (`wait4`'s ru_maxrss). The cases are
those of issue #15 item 18:

- ROUGE (`score --metrics rouge --checks none`) and TER on one pair of N characters a side;
- the reference-free `check` on one document of N words (a record with a hypothesis only);
- `check --task summary` on one summary of N words against one article (`--article-words`):
  the summary copies article sentences (one word in ten replaced, some roles swapped) and
  adds sentences of its own, so it repeats names and clauses as long summaries do;
- `score` (default metrics, `--checks all`) on N short pairs: memory growth per pair;
- a SIGINT sent in the middle of the longest ROUGE: seconds until the process exits, and its
  exit status (130 is the CLI's answer to an interrupt).

    .venv/bin/python benchmarks/bench_long_inputs.py                       # the issue's sizes
    .venv/bin/python benchmarks/bench_long_inputs.py --chars 100000 --words 5000 --pairs 500,1000

The machine's load average is printed before and after: on a shared machine, read ratios
between rows of one run, not absolute seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = 20261202
ONSETS = "b c d f g h k l m n p r s t v w z br cl dr fl gr pl st tr".split()  # noqa: SIM905
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add(
            "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(1, 3)))
        )
    return sorted(words)


def _sentence(rng: random.Random, vocab: Sequence[str], names: Sequence[str]) -> list[str]:
    words = [rng.choice(vocab) for _ in range(rng.randint(8, 24))]
    words[rng.randrange(len(words))] = rng.choice(names)
    if rng.random() < 0.3:
        words[rng.randrange(len(words))] = str(rng.randint(2, 9999))
    words[0] = words[0].capitalize()
    return words


@lru_cache(maxsize=1)
def _lexicon() -> tuple[list[str], list[str]]:
    rng = random.Random(SEED)
    vocab = _vocabulary(rng, 6000)
    return vocab, [w.capitalize() for w in rng.sample(vocab, 300)]


def _generator(seed: int) -> tuple[random.Random, list[str], list[str]]:
    return random.Random(seed), *_lexicon()


def _text(sentences: list[list[str]]) -> str:
    return " ".join(" ".join(s) + "." for s in sentences)


def reference_and_hypothesis(
    *, chars: int = 0, words: int = 0, seed: int = SEED
) -> tuple[str, str]:
    """A reference of at least `chars` characters (or `words` words) and its perturbed copy."""
    rng, vocab, names = _generator(seed)
    ref: list[list[str]] = []
    size = 0
    while (chars and size < chars) or (words and size < words):
        ref.append(_sentence(rng, vocab, names))
        size += sum(len(w) + 1 for w in ref[-1]) + 1 if chars else len(ref[-1])
    hyp = [[rng.choice(vocab) if rng.random() < 0.1 else w for w in s] for s in ref]
    for _ in range(len(hyp) // 20):
        i, j = rng.randrange(len(hyp)), rng.randrange(len(hyp))
        hyp[i], hyp[j] = hyp[j], hyp[i]
    return _text(ref), _text(hyp)


def article_and_summary(
    article_words: int, summary_words: int, seed: int = SEED
) -> tuple[str, str]:
    """An article of `article_words` words and a summary of `summary_words`: three sentences
    in five taken from the article (one word in ten replaced, one in four with two words
    swapped), the others new, in the order drawn."""
    rng, vocab, names = _generator(seed)
    article: list[list[str]] = []
    while sum(len(s) for s in article) < article_words:
        article.append(_sentence(rng, vocab, names))
    summary: list[list[str]] = []
    size = 0
    while size < summary_words:
        if rng.random() < 0.6:
            taken = [rng.choice(vocab) if rng.random() < 0.1 else w for w in rng.choice(article)]
            if rng.random() < 0.25:
                i, j = rng.randrange(len(taken)), rng.randrange(len(taken))
                taken[i], taken[j] = taken[j], taken[i]
            summary.append(taken)
        else:
            summary.append(_sentence(rng, vocab, names))
        size += len(summary[-1])
    return _text(article), _text(summary)


def _write(path: Path, records: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _run(args: list[str], interrupt_after: float | None = None) -> tuple[float, float, int, float]:
    """(seconds, peak RSS MB, exit status, seconds from SIGINT to exit) of one CLI process;
    with `interrupt_after`, a SIGINT is sent that many seconds after the start."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "evalsuite", *args]
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        # A job started in the background of a non-interactive shell inherits SIGINT ignored,
        # and Python keeps it so: give the child the default, as a terminal would.
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err,
                                preexec_fn=_default_sigint)  # fmt: skip
        stopped_at = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            now = time.perf_counter()
            due = interrupt_after is not None and now - started >= interrupt_after
            if due and stopped_at is None:
                proc.send_signal(signal.SIGINT)
                stopped_at = now
            time.sleep(0.02)
        ended = time.perf_counter()
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        err.seek(0)
        message = err.read().decode(errors="replace").strip()
    if code not in (0, 1) and interrupt_after is None:
        raise SystemExit(f"error: {' '.join(args)} exited {code}: {message[-2000:]}")
    reaction = ended - stopped_at if stopped_at is not None else float("nan")
    return ended - started, usage.ru_maxrss / 1024, code, reaction


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _load() -> str:
    return (
        " / ".join(f"{x:.2f}" for x in os.getloadavg()) + f" (1/5/15 min; {os.cpu_count()} cores)"
    )


def _commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, check=True)  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def _sizes(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--chars",
        type=_sizes,
        default=[400_000, 1_600_000],
        help="characters a side of the one long pair (ROUGE, TER, SIGINT)",
    )
    parser.add_argument(
        "--words",
        type=_sizes,
        default=[12_500, 50_000, 100_000],
        help="words of the one document the reference-free check reads",
    )
    parser.add_argument(
        "--summary-words",
        type=_sizes,
        default=[2_000, 8_000, 32_000],
        help="words of the one summary `check --task summary` reads against the article",
    )
    parser.add_argument(
        "--article-words", type=int, default=25_000, help="words of that article"
    )
    parser.add_argument(
        "--pairs",
        type=_sizes,
        default=[10_000, 20_000],
        help="pairs that `score --checks all` reads (memory growth per pair)",
    )
    parser.add_argument(
        "--only",
        default="rouge,ter,check,summary,score,sigint",
        help="comma list of cases to run (default all)",
    )
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    print(f"load before: {_load()}")
    print(f"commit: {_commit()}")
    print(f"{'case':<24} {'input':<20} {'seconds':>9} {'peak RSS MB':>12}  note", flush=True)

    def add(row: tuple[str, str, float, float, str]) -> None:
        case, size, seconds, rss, note = row
        rss_text = "-" if rss != rss else f"{rss:.0f}"
        print(f"{case:<24} {size:<20} {seconds:>9.2f} {rss_text:>12}  {note}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench_long_") as tmp:
        work = Path(tmp)
        tiny = _write(
            work / "tiny.jsonl",
            [{"id": "0", "reference": "A cat sat.", "hypothesis": "A cat sat down."}],
        )
        base = {}
        for name, extra in (("rouge", ["--metrics", "rouge", "--checks", "none"]),
                            ("ter", ["--metrics", "ter", "--checks", "none"])):  # fmt: skip
            base[name] = _run(
                ["score", "--input", str(tiny), "--output", str(work / "t.json"), *extra]
            )[0]
        base["check"] = _run(
            ["check", "--input", str(tiny), "--task", "summary", "--output", str(work / "t.jsonl")]
        )[0]
        base["score"] = _run(
            ["score", "--input", str(tiny), "--output", str(work / "t.json"), "--checks", "all"]
        )[0]
        print(
            "start-up on one tiny record: " + ", ".join(f"{k} {v:.1f} s" for k, v in base.items()),
            flush=True,
        )
        rouge_seconds: dict[int, float] = {}
        for chars in args.chars:
            ref, hyp = reference_and_hypothesis(chars=chars)
            pair = _write(
                work / f"pair{chars}.jsonl", [{"id": "1", "reference": ref, "hypothesis": hyp}]
            )
            for metric in ("rouge", "ter"):
                if metric not in only:
                    continue
                out = str(work / "o.json")
                command = ["score", "--input", str(pair), "--output", out, "--metrics", metric]
                seconds, rss, _, _ = _run([*command, "--checks", "none"])
                net = seconds - base[metric]
                if metric == "rouge":
                    rouge_seconds[chars] = seconds
                add(
                    (
                        metric.upper() if metric == "ter" else "ROUGE",
                        f"{chars:,} chars/side",
                        net,
                        rss,
                        "",
                    )
                )
        if "check" in only:
            for words in args.words:
                _, doc = reference_and_hypothesis(words=words)
                path = _write(work / f"doc{words}.jsonl", [{"id": "1", "hypothesis": doc}])
                seconds, rss, _, _ = _run(["check", "--input", str(path), "--task", "summary",
                                           "--output", str(work / "o.jsonl")])  # fmt: skip
                add(
                    (
                        "check (reference-free)",
                        f"{words:,} words",
                        seconds - base["check"],
                        rss,
                        f"{rss * 1024 / words:.1f} KB/word",
                    )
                )
        if "summary" in only:
            for words in args.summary_words:
                article, summary = article_and_summary(args.article_words, words)
                record = {"id": "1", "source": article, "hypothesis": summary}
                path = _write(work / f"summary{words}.jsonl", [record])
                command = ["check", "--input", str(path), "--task", "summary",
                           "--output", str(work / "o.jsonl")]  # fmt: skip
                seconds, rss, _, _ = _run(command)
                longest = (command, seconds)
                add(
                    (
                        "check --task summary",
                        f"{words:,} w / {args.article_words:,}",
                        seconds - base["check"],
                        rss,
                        f"{rss * 1024 / (words + args.article_words):.1f} KB/word",
                    )
                )
            if "sigint" in only and args.summary_words:
                command, full = longest
                for at in (full * k / 4 for k in (1, 2, 3)):
                    _, _, code, reaction = _run(command, interrupt_after=at)
                    note = f"sent at {at:.1f} s; exit {code}"
                    add(("SIGINT inside check", f"{max(args.summary_words):,} w summary",
                         reaction, float("nan"), note))  # fmt: skip
        if "score" in only:
            peaks: list[tuple[int, float]] = []
            for n in args.pairs:
                records = []
                for i in range(n):
                    ref, hyp = reference_and_hypothesis(words=20, seed=SEED + i)
                    records.append({"id": str(i), "reference": ref, "hypothesis": hyp})
                path = _write(work / f"pairs{n}.jsonl", records)
                out = str(work / "o.json")
                command = ["score", "--input", str(path), "--output", out, "--checks", "all"]
                seconds, rss, _, _ = _run(command)
                growth = ""
                if peaks:
                    before, before_rss = peaks[-1]
                    per_pair = (rss - before_rss) * 1024 / (n - before)
                    growth = f"{per_pair:.2f} KB/pair since {before:,}"
                peaks.append((n, rss))
                add(
                    ("score --checks all", f"{n:,} pairs", seconds - base["score"], rss, growth)
                )
        if "sigint" in only and args.chars:
            chars = max(args.chars)
            pair = work / f"pair{chars}.jsonl"
            if not pair.exists():
                ref, hyp = reference_and_hypothesis(chars=chars)
                _write(pair, [{"id": "1", "reference": ref, "hypothesis": hyp}])
            # Several moments, since the machine's load moves when ROUGE is under way.
            # The full run again, just before: the load may have moved since the ROUGE row.
            full = _run(["score", "--input", str(pair), "--output", str(work / "f.json"),
                         "--metrics", "rouge", "--checks", "none"])[0]  # fmt: skip
            moments = [base["rouge"] + (full - base["rouge"]) * k / 5 for k in (1, 2, 3, 4)]
            out = str(work / "s.json")
            command = ["score", "--input", str(pair), "--output", out, "--metrics", "rouge"]
            for at in moments:
                _, _, code, reaction = _run([*command, "--checks", "none"], interrupt_after=at)
                note = f"sent at {at:.1f} s; exit {code}"
                add(("SIGINT inside ROUGE", f"{chars:,} chars/side", reaction, float("nan"), note))
    print(
        "seconds: wall time less the start-up of the same command on one tiny record "
        "(SIGINT row: from the signal to the exit)"
    )
    print(f"load after: {_load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
