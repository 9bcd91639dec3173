"""CPU (or GPU, `--device cuda`) throughput of the model metrics: BERTScore, COMET (reference-
based, CometKiwi-style QE, xCOMET with spans) and NLI faithfulness.

Usage: .venv/bin/python benchmarks/bench_learned.py [--pairs 200] [--size base|tiny]
No real weights can be downloaded here, so the models are random but real-sized: `base` has
the shapes of BERT-base / XLM-R-base (12 layers, hidden 768, 12 heads; the published COMET-22
and CometKiwi-22 use XLM-R/InfoXLM *large*, 24 layers x 1024, about 3x the compute), with the
test fixtures' small vocabulary (the embedding table's size does not change the compute).
Pairs are the built-in mt-faults set (source, reference, candidate), cycled to `--pairs`.
Each metric is timed cold (empty output cache; model load included, reported apart) and warm
(every output cached). BERTScore is also timed through the `bert-score` package on the same
model in the same run, for a ratio.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evalsuite.data import Example  # noqa: E402
from evalsuite.engine.run import score_run  # noqa: E402

RESOURCE = Path(__file__).resolve().parent.parent / "evalsuite" / "resources" / "mt_faults.jsonl"
SIZES = {"base": {"layers": 12, "hidden": 768, "heads": 12, "positions": 514},
         "tiny": {"layers": 2, "hidden": 32, "heads": 2, "positions": 132}}  # fmt: skip


def pairs(count: int) -> list[Example]:
    rows = [json.loads(line) for line in RESOURCE.read_text().splitlines() if line.strip()]
    flat = [(r["source"], r["reference"], r["hypothesis"], r.get("src_lang")) for r in rows]
    return [
        Example(id=str(i), source=src, reference=(ref,), hypothesis=hyp, src_lang=lang,
                tgt_lang="en")  # fmt: skip
        for i, (src, ref, hyp, lang) in enumerate(flat[k % len(flat)] for k in range(count))
    ]


def build_models(root: Path, size: dict[str, int]) -> dict[str, str]:
    from transformers import BertConfig, BertForSequenceClassification, BertModel

    from tests.fixtures.tiny_comet import build_all
    from tests.fixtures.tiny_encoders import NLI_LABELS, bert_tokenizer, save, seeded_weights

    tokenizer = bert_tokenizer()
    common = dict(vocab_size=len(tokenizer), hidden_size=size["hidden"],
                  num_hidden_layers=size["layers"], num_attention_heads=size["heads"],
                  intermediate_size=4 * size["hidden"], max_position_embeddings=512,
                  pad_token_id=tokenizer.pad_token_id)  # fmt: skip
    bert = BertModel(BertConfig(**common))
    seeded_weights(bert, 1, scale=0.02)
    nli = BertForSequenceClassification(BertConfig(
        **common, num_labels=3, id2label=dict(enumerate(NLI_LABELS)),
        label2id={label: i for i, label in enumerate(NLI_LABELS)},
    ))  # fmt: skip
    seeded_weights(nli, 3, scale=0.02)
    tokenizer.model_max_length = 512
    comet = build_all(root / "comet", **size)
    return {
        "bertscore": str(save(root / "bert", bert, tokenizer)),
        "nli": str(save(root / "nli", nli, tokenizer)),
        "comet": str(comet["comet-da"]), "cometkiwi": str(comet["cometkiwi"]),
        "xcomet": str(comet["xcomet"]),
    }  # fmt: skip


def timed(examples: list[Example], metric: str) -> float:
    start = time.perf_counter()
    score_run(examples, [e.hypothesis or "" for e in examples], dataset="bench",
              task="translation", system="s", system_signature="given", metrics=[metric],
              checks=[], bootstrap=0)  # fmt: skip
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--size", choices=sorted(SIZES), default="base")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    examples = pairs(args.pairs)
    with tempfile.TemporaryDirectory() as tmp:
        import os

        os.environ["EVALSUITE_CACHE"] = str(Path(tmp) / "cache")
        models = build_models(Path(tmp), SIZES[args.size])
        common = f"device={args.device};batch_size={args.batch_size}"
        layer = min(9, SIZES[args.size]["layers"])  # bert-base's layer in bert-score's table
        specs = {
            f"bertscore (layer {layer})":
                f"bertscore:model={models['bertscore']};layer={layer};{common}",
            "comet (regression, src+mt+ref)": f"comet:model={models['comet']};{common}",
            "comet-qe (CometKiwi-style, src+mt)": f"comet-qe:model={models['cometkiwi']};{common}",
            "comet (xCOMET, 3 joined inputs + spans)": f"comet:model={models['xcomet']};{common}",
            "nli (SummaC-ZS, source chunks)": f"nli:model={models['nli']};{common}",
        }
        print(f"{args.pairs} pairs (mt-faults, cycled), {args.size} size "
              f"({SIZES[args.size]['layers']} layers x {SIZES[args.size]['hidden']}), "
              f"device {args.device}, batch {args.batch_size}")  # fmt: skip
        print("| metric | first run s (incl. load) | pairs/s | cached re-run s |")
        print("|---|---|---|---|")
        for label, spec in specs.items():
            cold = timed(examples, spec)
            warm = timed(examples, spec)
            print(f"| {label} | {cold:.1f} | {args.pairs / cold:.1f} | {warm:.2f} |")
        import bert_score

        start = time.perf_counter()
        bert_score.score(
            [e.hypothesis or "" for e in examples], [e.reference[0] for e in examples],
            model_type=models["bertscore"], num_layers=layer, use_fast_tokenizer=True,
            nthreads=0, batch_size=args.batch_size,
            device=None if args.device == "auto" else args.device,
        )
        package = time.perf_counter() - start
        print(f"| bert-score 0.3.13 package, same model (incl. load) | {package:.1f} | "
              f"{args.pairs / package:.1f} | - |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
