"""Hindi ROUGE against XL-Sum's multilingual scorer, in one run, on real Hindi sentences.

XL-Sum (Hasan et al., 2021) publishes a multilingual fork of rouge-score; its Hindi stemmer is
Ramanathan and Rao's, which `evalsuite.text.hindi_stemmer` implements. This script scores the
same pairs with both and counts the pairs whose ROUGE-1, ROUGE-2 and ROUGE-L triples are
exactly equal, with and without stemming. The pairs come from the Hindi source sentences of the
DEMETR dev set (../shared/evaldata/demetr), tuning half only: every sentence against every other
(they share postpositions and endings, and differ in the rest), and each against itself with
every third word dropped.

XL-Sum's scorer is not a dependency of evalsuite (it imports pyonmttok, TurkishStemmer, nltk):
give a folder that holds it and those packages, for example

    python -m pip download multilingual-rouge==0.0.1 --no-deps -d /tmp/xlsum
    python -m zipfile -e /tmp/xlsum/multilingual_rouge-0.0.1-py3-none-any.whl /tmp/xlsum
    python -m pip install --target /tmp/xlsum --no-deps pyonmttok TurkishStemmer
    .venv/bin/python benchmarks/rouge_xlsum_parity.py --xlsum /tmp/xlsum [--half tune]

(the multilingual-rouge 0.0.1 package on the registry is a fork of XL-Sum's scorer; nltk and
six must be importable too.)
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
import warnings
from pathlib import Path
from typing import Any

from benchmarks.evaldata import DEFAULT_EVALDATA, keep_half, read_jsonl
from evalsuite.metrics.rouge import rouge_scores

TYPES = ("rouge1", "rouge2", "rougeL")


def hindi_sentences(evaldata: Path, half: str | None) -> list[str]:
    rows = read_jsonl(evaldata / "demetr" / "demetr_base_dev.jsonl")
    rows = keep_half("demetr", rows, half)  # type: ignore[arg-type]
    return [unicodedata.normalize("NFC", r["source"]) for r in rows if r["src_lang"] == "hindi"]


def pairs(sentences: list[str]) -> list[tuple[str, str]]:
    """(reference, prediction) pairs."""
    out = [(a, b) for i, a in enumerate(sentences) for b in sentences[i + 1 :]]
    for sentence in sentences:
        words = sentence.split()
        out.append((sentence, " ".join(w for k, w in enumerate(words) if k % 3 != 2)))
    return out


def xlsum_scores(folder: Path, refs_preds: list[tuple[str, str]], stem: bool) -> list[Any]:
    sys.path[:0] = [str(folder)]
    warnings.simplefilter("ignore")
    from multilingual_rouge import rouge_scorer  # the oracle, from --xlsum

    scorer = rouge_scorer.RougeScorer(list(TYPES), use_stemmer=stem, lang="hindi")
    return [scorer.score(ref, pred) for ref, pred in refs_preds]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--xlsum", type=Path, help="folder holding XL-Sum's multilingual_rouge")
    parser.add_argument("--half", choices=("tune", "validation", "all"), default="tune")
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    args = parser.parse_args()
    if args.xlsum is None or not (args.xlsum / "multilingual_rouge").is_dir():
        print("needs --xlsum FOLDER with XL-Sum's multilingual_rouge (see this script's "
              "docstring for how to get it)", file=sys.stderr)
        return 2
    if not (args.evaldata / "demetr").is_dir():
        print(f"needs the DEMETR dev set at {args.evaldata}/demetr (../shared/evaldata)",
              file=sys.stderr)
        return 2
    half = None if args.half == "all" else args.half
    refs_preds = pairs(hindi_sentences(args.evaldata, half))
    print(f"Hindi DEMETR sources ({args.half} half): {len(refs_preds)} pairs; "
          "ROUGE-1/2/L triples equal to XL-Sum's (==)")
    print("| stemming | pairs | equal | rouge1 F (XL-Sum) | rouge1 F (evalsuite) |")
    print("|---|---|---|---|---|")
    for stem in (False, True):
        theirs = xlsum_scores(args.xlsum, refs_preds, stem)
        ours = rouge_scores([p for _, p in refs_preds], [r for r, _ in refs_preds], TYPES,
                            use_stemmer=stem, lang="hi")
        equal = sum(
            all(tuple(t[k]) == tuple(o[k]) for k in TYPES)
            for t, o in zip(theirs, ours, strict=True)
        )
        mean_t = sum(t["rouge1"].fmeasure for t in theirs) / len(theirs)
        mean_o = sum(o["rouge1"].fmeasure for o in ours) / len(ours)
        print(f"| {'on' if stem else 'off'} | {len(refs_preds)} | {equal} | {mean_t:.4f} | "
              f"{mean_o:.4f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
