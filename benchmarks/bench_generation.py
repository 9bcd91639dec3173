"""Throughput of batched, length-sorted generation against a naive one-at-a-time loop.

Usage: .venv/bin/python benchmarks/bench_generation.py [--inputs 96] [--batch-size 32]
Both runs use the same tiny random-weight BART (built on the spot, offline, with the test
fixture's code) on the same device (`auto`: CUDA where present) and count the same output
tokens; the script prints tokens per second for each and their ratio. The goal is >= 3x;
the exit status is 1 below it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evalsuite.systems.hf import HFSeq2Seq  # noqa: E402
from tests.fixtures.tiny_models import CORPUS, build_tiny_seq2seq  # noqa: E402

GOAL = 3.0


def make_inputs(count: int) -> list[str]:
    """Sources of 1 to 6 sentences, so lengths vary as they do in real corpora."""
    return [" ".join(CORPUS[(i + k) % len(CORPUS)] for k in range(1 + i % 6)) for i in range(count)]


def output_tokens(system: HFSeq2Seq, outputs: list[str]) -> int:
    tokenizer = system._tokenizer
    return sum(len(tokenizer(out, add_special_tokens=False)["input_ids"]) for out in outputs)


def timed(label: str, run: object, system: HFSeq2Seq) -> tuple[float, list[str]]:
    started = time.perf_counter()
    outputs = run()  # type: ignore[operator]
    seconds = time.perf_counter() - started
    tokens = output_tokens(system, outputs)
    rate = tokens / seconds
    print(f"{label:<28} {tokens:>6} tokens in {seconds:7.2f} s = {rate:9.1f} tokens/s")
    return rate, outputs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=96)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--max-new-tokens", type=int, default=32)
    parser.add_argument("--device", default="auto")
    args = parser.parse_args()
    sources = make_inputs(args.inputs)
    langs: list[str | None] = ["en"] * len(sources)
    with tempfile.TemporaryDirectory() as tmp:
        model = build_tiny_seq2seq(Path(tmp) / "tiny-bart")
        options = {"max_new_tokens": args.max_new_tokens, "device": args.device}
        batched = HFSeq2Seq(str(model), batch_size=args.batch_size, **options)  # type: ignore[arg-type]
        batched.generate(sources[:2], langs[:2])  # load and warm up outside the timings
        print(
            f"device: {batched._torch_device}  inputs: {len(sources)}  "
            f"max_new_tokens: {args.max_new_tokens}  model: tiny BART (random weights)"
        )
        naive_rate, naive_out = timed(
            "naive (one at a time)",
            lambda: [
                batched.generate([s], [lang])[0] for s, lang in zip(sources, langs, strict=True)
            ],
            batched,
        )
        batched_rate, batched_out = timed(
            f"batched ({args.batch_size}, length-sorted)",
            lambda: batched.generate(sources, langs),
            batched,
        )
    same = sum(a == b for a, b in zip(naive_out, batched_out, strict=True))
    ratio = batched_rate / naive_rate
    print(f"identical outputs: {same}/{len(sources)}")
    print(f"speedup: {ratio:.1f}x (goal >= {GOAL:g}x)")
    return 0 if ratio >= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
