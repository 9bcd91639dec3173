"""A given-outputs suite of many translation pairs, built from the package's own resources.

The 116 `mt_faults` records are repeated with fresh ids; every third copy pairs a record with
another record's hypothesis, so scores and findings vary from segment to segment.
"""

from __future__ import annotations

import inspect
import json
from importlib import resources
from pathlib import Path
from typing import Any

CHEAP_CHECKS = ("number_mismatch", "injected_content")  # no spaCy parse: fast enough for CI


def text_metrics() -> list[str]:
    """Every registered metric that builds from its defaults, read from the registry so that a
    new metric is partitioned and run on Ray by these tests without a line of its own. Model
    metrics need a model (their own tests partition them); `entity` runs spaCy, too slow for
    thousands of pairs (tests/backends/test_phases.py partitions it on a few)."""
    from evalsuite.metrics.registry import METRICS

    return [
        name for name, cls in METRICS.items()
        if name != "entity" and all(
            p.default is not inspect.Parameter.empty
            for p in inspect.signature(cls).parameters.values()
        )
    ]  # fmt: skip


def _mt_faults() -> list[dict[str, Any]]:
    text = (resources.files("evalsuite") / "resources" / "mt_faults.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def pair_records(count: int) -> list[dict[str, Any]]:
    """`count` translation pairs with unique ids and a `meta.fault` label to group by."""
    base = _mt_faults()
    records = []
    for number in range(count):
        copy, index = divmod(number, len(base))
        record = dict(base[index])
        if copy % 3 == 1:
            record["hypothesis"] = base[(index + copy) % len(base)]["hypothesis"]
        record["id"] = f"{record['id']}-{copy}"
        records.append(record)
    return records


def write_pairs_suite(directory: Path, count: int, *, backend: str | None = None) -> Path:
    """A suite file scoring `count` pairs (metrics and the cheap checks) in `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    data = directory / "pairs.jsonl"
    with data.open("w", encoding="utf-8") as handle:
        for record in pair_records(count):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    backend_line = f'backend = "{backend}"\n' if backend else ""
    suite = directory / "pairs.toml"
    checks = ", ".join(f'"{c}"' for c in CHEAP_CHECKS)
    metrics = ", ".join(f'"{m}"' for m in text_metrics())
    suite.write_text(
        f"""name = "pairs-{count}"
{backend_line}
[[datasets]]
name = "pairs"
path = "pairs.jsonl"
task = "translation"
outputs = "given"
group_by = "meta.fault"
metrics = [{metrics}]
checks = [{checks}]
""",
        encoding="utf-8",
    )
    return suite
