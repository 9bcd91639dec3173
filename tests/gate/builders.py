"""Real results to gate: the project's mt_faults translations, scored with `evalsuite score`.

The baseline system is the clean paraphrase of each of the 32 source sentences. The regressed
system is the same, except that a quarter of its segments (8) take the entity and number
substitutions that the corpus itself documents for that item ("Warsaw -> Prague",
"2.5 billion -> 25 billion"), so entities and numbers are swapped as a faulty MT would.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from evalsuite.cli import main
from tests.results.edit_sets import reseal

METRICS = "bleu,chrf,ter,rouge"
_SUBSTITUTION = re.compile(r"(.+?) -> (.+)")


def mt_fault_records() -> list[dict[str, Any]]:
    text = resources.files("evalsuite.resources").joinpath("mt_faults.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def clean_system() -> list[dict[str, Any]]:
    """One record per item: source, reference, and the clean paraphrase as the output."""
    return [
        {key: r[key] for key in ("id", "source", "reference", "hypothesis", "src_lang",
                                 "tgt_lang")}
        for r in mt_fault_records()
        if r["meta"]["fault"] == "none"
    ]


def _substitutions() -> dict[str, list[tuple[str, str]]]:
    """Per item, the documented entity and number replacements."""
    out: dict[str, list[tuple[str, str]]] = {}
    for record in mt_fault_records():
        if record["meta"]["fault"] in ("entity_replaced", "number_changed"):
            match = _SUBSTITUTION.fullmatch(record["meta"]["fault_detail"])
            if match:
                out.setdefault(record["meta"]["item"], []).append(match.groups())
    return out


def regressed_system(fraction: float = 0.25) -> tuple[list[dict[str, Any]], list[str]]:
    """The clean system with entities/numbers swapped in `fraction` of its segments, and the
    ids of the segments that changed."""
    records = clean_system()
    budget = round(len(records) * fraction)
    substitutions = _substitutions()
    changed: list[str] = []
    for record in records:
        if len(changed) == budget:
            break
        item = record["id"].split("-")[0]
        hypothesis = record["hypothesis"]
        for old, new in substitutions.get(item, []):
            hypothesis = hypothesis.replace(old, new)
        if hypothesis != record["hypothesis"]:
            record["hypothesis"] = hypothesis
            changed.append(record["id"])
    assert len(changed) == budget, f"only {len(changed)} segments could be perturbed"
    return records, changed


def negated_system(fraction: float = 0.25) -> tuple[list[dict[str, Any]], list[str]]:
    """The clean system with `fraction` of its segments replaced by the corpus's own
    negation-flipped translation of the same item, and the ids of those segments."""
    flipped = {
        r["meta"]["item"]: r["hypothesis"]
        for r in mt_fault_records()
        if r["meta"]["fault"] == "negation_flipped"
    }
    records = clean_system()
    budget = round(len(records) * fraction)
    changed: list[str] = []
    for record in records:
        item = record["id"].split("-")[0]
        if len(changed) < budget and item in flipped:
            record["hypothesis"] = flipped[item]
            changed.append(record["id"])
    assert len(changed) == budget, f"only {len(changed)} segments could be negated"
    return records, changed


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def score(
    directory: Path, name: str, records: list[dict[str, Any]], *extra: str,
    metrics: str = METRICS, checks: str = "all", bootstrap: int = 100,
) -> Path:
    """`evalsuite score` the records as system 'mt' on dataset 'mt-faults'; the results path.

    Each name gets a folder, so every document has the same dataset name and the runs pair.
    """
    folder = directory / name
    folder.mkdir(parents=True, exist_ok=True)
    data = write_jsonl(folder / "mt-faults.jsonl", records)
    output = folder / "results.json"
    code = main([
        "score", "--input", str(data), "--system", "mt", "--metrics", metrics,
        "--checks", checks, "--bootstrap", str(bootstrap), "--output", str(output), *extra,
    ])
    assert code == 0
    return output


def with_extra_run(
    source: Path, target: Path, dataset: str, *, lang: str | None = None
) -> Path:
    """A copy of a results document with a second run: the same segments under `dataset`
    (their language set to `lang` when given). Returns the copy's results.json."""
    target.mkdir(parents=True, exist_ok=True)
    document = json.loads(source.read_text(encoding="utf-8"))
    document["runs"].append(dict(document["runs"][0], dataset=dataset))
    lines = source.with_name(document["segments_file"]).read_text("utf-8").splitlines()
    copied = []
    for line in lines:
        record = dict(json.loads(line), dataset=dataset)
        if lang is not None:
            record["lang"] = lang
        copied.append(json.dumps(record))
    (target / document["segments_file"]).write_text("\n".join(lines + copied) + "\n", "utf-8")
    (target / "results.json").write_text(json.dumps(document), "utf-8")
    return reseal(target / "results.json")
