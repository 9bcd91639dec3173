"""Shared by the per-check accuracy scripts: which inputs a check fires on, and rate rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from benchmarks.evaldata import demetr_input, keep_half, read_jsonl
from benchmarks.splits import Half
from evalsuite.checks.api import CheckInput
from evalsuite.checks.runner import run_checks


def fired_on(inputs: list[CheckInput], check: str) -> list[bool]:
    """One flag per input: did `check` report anything (all inputs in one batch)."""
    return [bool(found) for found in run_checks(inputs, [check])]


def rate_row(dataset: str, phenomenon: str, flags: list[bool], *, error: bool) -> dict[str, Any]:
    """Recall on faulty outputs (`error`), else the false-alarm rate on correct ones."""
    rate = sum(flags) / len(flags) if flags else 0.0
    key = "recall" if error else "false_alarm"
    return {"dataset": dataset, "phenomenon": phenomenon, "n": len(flags), key: round(rate, 3)}


def print_rows(
    rows: Iterable[dict[str, Any]], *, dataset_width: int = 26, phenomenon_width: int = 36
) -> None:
    for row in rows:
        score = "recall" if "recall" in row else "false_alarm"
        print(f"{row['dataset']:<{dataset_width}} {row['phenomenon']:<{phenomenon_width}} "
              f"n={row['n']:<5} {score}={row[score]:.3f}")  # fmt: skip


def demetr_rows(
    root: Path,
    perturbations: Iterable[tuple[str, str]],
    fired: Callable[[list[CheckInput]], list[bool]],
    half: Half | None = None,
) -> Iterator[dict[str, Any]]:
    """False alarms on DEMETR's good MT of every dev item of `half` (every item for None),
    then recall per (perturbation id, phenomenon name) on the perturbed MT."""
    base_rows = read_jsonl(root / "demetr" / "demetr_base_dev.jsonl")
    base = {r["item_id"]: r for r in keep_half("demetr", base_rows, half)}
    pairs = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_pairs_dev.jsonl"), half)
    good = fired([demetr_input(item, item["mt"]) for item in base.values()])
    yield rate_row("demetr", "no_error (good mt)", good, error=False)
    for perturbation, name in perturbations:
        chosen = [p for p in pairs if p["perturbation"] == perturbation]
        flags = fired([demetr_input(base[p["item_id"]], p["mt_perturbed"]) for p in chosen])
        yield rate_row("demetr", name, flags, error=True)
