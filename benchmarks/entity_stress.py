"""How the translation entity checks fare on names DEMETR's perturbations did not pick.

Usage: .venv/bin/python benchmarks/entity_stress.py [--half tune|validation|all] [--fold a|b]
                                                    [--limit N] [--show]

DEMETR removes or replaces one named entity per item, so its tune half has about a hundred
faults of each kind, and rules fitted to them can read near perfect there and fall short on
items they never saw. This script makes many more faults from the same good MT, blind to the
checks: every name the good MT shares verbatim with the reference is, in turn, deleted
(`removed`) or swapped for a name of another item's reference (`replaced`), and a name of
two capitalised words or more loses its first (`part removed`: "Blinken" for "Antony
Blinken"; a loss when the source names it in full, which the checks can see only in a source
they can compare, so non-Latin sources cap this row). A name here is a
surface fact, not a reading of NER: a run of capitalised words (joined by "of", "the", "and")
that the reference has as written and the good MT has once, less weekdays and months (dates
are number_mismatch's) and less a sentence start's capital unless the reference has that word
capitalised mid-sentence. The controls are the good MT
itself. Recall counts `entity_missing` / `entity_unsupported`, exactly as checks_accuracy.py
does for DEMETR; false alarms are DEMETR's good MT.

`--fold a|b` keeps one of two folds of the half by document (a second hash of `item_id`), to
compare a rule's effect on the fold it was developed on with the other.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaldata import (  # noqa: E402
    DEFAULT_EVALDATA,
    ENTITY_CHECKS,
    SAMPLE_SEED,
    demetr_input,
    keep_half,
    read_jsonl,
)
from benchmarks.splits import HALVES, Half  # noqa: E402
from evalsuite.checks.api import CheckInput  # noqa: E402
from evalsuite.checks.runner import run_checks  # noqa: E402

_CAPITALISED_RUN = re.compile(
    r"(?<![\w'’-])[A-Z][\w'’.-]*[\w](?:\s+(?:(?:of|the)\s+)*[A-Z][\w'’.-]*[\w])*"
)
_CALENDAR = frozenset(re.findall(r"\w+", """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
"""))  # dates are number_mismatch's, not names
_POSSESSIVE = re.compile(r"['’]s$")


def name_spans(mt: str, reference: str) -> list[tuple[int, int]]:
    """Spans of the good MT's names that the reference has as written (see the docstring)."""
    spans = []
    for match in _CAPITALISED_RUN.finditer(mt):
        words = [(w.start() + match.start(), w.end() + match.start())
                 for w in re.finditer(r"\S+", match.group())]  # fmt: skip
        while words and (
            mt[words[0][0] : words[0][1]].lower() in _CALENDAR | {"of", "the"}
            or (_opens(mt, words[0][0]) and not _mid_sentence(mt[slice(*words[0])], reference))
        ):
            words.pop(0)  # a sentence start's capital, a weekday: no name
        while words and mt[slice(*words[-1])].lower() in _CALENDAR | {"of", "the"}:
            words.pop()
        if not words:
            continue
        start = words[0][0]
        text = _POSSESSIVE.sub("", mt[start : words[-1][1]]).rstrip(".")
        end = start + len(text)
        pattern = rf"(?<![\w-]){re.escape(text)}(?![\w-])"
        if len(text) < 2 or len(re.findall(pattern, mt)) != 1 or not re.search(pattern, reference):
            continue
        spans.append((start, end))
    return spans


def _opens(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:"


def _mid_sentence(word: str, reference: str) -> bool:
    """Whether the reference has the word capitalised away from a sentence start."""
    pattern = rf"(?<![\w-]){re.escape(word)}(?![\w-])"
    return any(not _opens(reference, m.start()) for m in re.finditer(pattern, reference))


def _removed(mt: str, start: int, end: int) -> str:
    """The MT without the name (and a "the" before it), spaces tidied."""
    before = re.sub(r"(?:\b[Tt]he\s+)$", "", mt[:start])
    text = before + mt[end:]
    text = re.sub(r"\s{2,}", " ", text)
    return re.sub(r"\s+([,.;:!?])", r"\1", text).strip()


def _first_word(name: str) -> int | None:
    """The end of a name's first word, when two capitalised words or more follow it
    ("Antony" of "Antony Blinken", "Francs" of "Francs Bourgeois"), else None."""
    words = name.split(" ")
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return len(words[0])


def _fold(item_id: Any) -> str:
    digest = hashlib.sha256(f"entity-stress-fold\x00{item_id}".encode()).digest()
    return "a" if digest[0] % 2 == 0 else "b"


def cases(
    root: Path, half: Half | None, fold: str | None, limit: int | None
) -> Iterator[tuple[str, CheckInput, bool]]:
    """(set, input, faulty) for the synthetic removals and replacements and the controls."""
    base = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_base_dev.jsonl"), half)
    if fold is not None:
        base = [item for item in base if _fold(item["item_id"]) == fold]
    rng = random.Random(SAMPLE_SEED)
    pool = [(item["item_id"], item["mt"][s:e])
            for item in base for s, e in name_spans(item["mt"], item["reference"])]  # fmt: skip
    removed, replaced, part = [], [], []
    for item in base:
        for start, end in name_spans(item["mt"], item["reference"]):
            name = item["mt"][start:end]
            removed.append(demetr_input(item, _removed(item["mt"], start, end)))
            first = _first_word(name)
            if first is not None:
                part.append(demetr_input(item, _removed(item["mt"], start, start + first)))
            others = [n for i, n in pool if i != item["item_id"] and n.lower() != name.lower()]
            if others:
                new = item["mt"][:start] + rng.choice(others) + item["mt"][end:]
                replaced.append(demetr_input(item, new))
    for name, inputs in (("removed", removed), ("replaced", replaced), ("part removed", part)):
        if limit is not None and len(inputs) > limit:
            inputs = random.Random(SAMPLE_SEED).sample(inputs, limit)
        for inp in inputs:
            yield name, inp, True
    for item in base:
        yield "good MT", demetr_input(item, item["mt"]), False


def evaluate(
    root: Path, half: Half | None, fold: str | None = None, limit: int | None = None,
    show: bool = False,
) -> list[dict[str, Any]]:  # fmt: skip
    """One row per set: n and recall (faults) or false-alarm rate (controls)."""
    rows = list(cases(root, half, fold, limit))
    inputs = list(dict.fromkeys(inp for _, inp, _ in rows))
    findings = dict(zip(inputs, run_checks(inputs), strict=True))
    out: dict[str, list[bool]] = {}
    for name, inp, faulty in rows:
        fired = any(f.check in ENTITY_CHECKS for f in findings[inp])
        out.setdefault(name, []).append(fired)
        if show and fired != faulty:
            print(f"{'MISS' if faulty else 'FALSE ALARM'} {name}\n  REF: {inp.reference}\n"
                  f"  HYP: {inp.hypothesis}")  # fmt: skip
            for f in findings[inp]:
                if f.check.startswith("entity"):
                    print(f"    {f.check} {f.severity}: {f.message}")
    return [{"set": name, "n": len(flags), "rate": sum(flags) / len(flags)}
            for name, flags in out.items()]  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument("--half", choices=(*HALVES, "all"), default="tune")
    parser.add_argument("--fold", choices=("a", "b"), default=None)
    parser.add_argument("--limit", type=int, default=None, help="at most N faults per set")
    parser.add_argument("--show", action="store_true", help="print misses and false alarms")
    args = parser.parse_args(argv)
    if not (args.evaldata / "demetr").is_dir():
        print(f"error: no DEMETR data under {args.evaldata}; pass --evaldata DIR", file=sys.stderr)
        return 2
    half: Half | None = None if args.half == "all" else args.half
    rows = evaluate(args.evaldata, half, args.fold, args.limit, args.show)
    print(f"Synthetic entity faults from DEMETR's good MT, {args.half} half"
          f"{f', fold {args.fold}' if args.fold else ''}:")  # fmt: skip
    for row in rows:
        kind = "false_alarm" if row["set"] == "good MT" else "recall"
        print(f"  {row['set']:<12} n={row['n']:<5} {kind}={row['rate']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
