"""Run a suite: load each dataset, get each system's outputs (cached), score them."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from evalsuite.cache import OutputCache, default_cache_dir, input_key
from evalsuite.checks.api import Task
from evalsuite.data import Example, load_examples, load_hub
from evalsuite.errors import InputError
from evalsuite.progress import progress_bar
from evalsuite.results import RunRecord
from evalsuite.scoring import score_run
from evalsuite.suite import DatasetConfig, Suite
from evalsuite.systems.base import System
from evalsuite.systems.round_trip import backward_inputs, round_trip_examples
from evalsuite.text.nlp import model_versions

GENERATION_BATCH = 16


@dataclass
class SuiteRun:
    """Everything one suite run produced, ready to be written and rendered."""

    suite: Suite
    runs: list[RunRecord]
    models: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass
class Generated:
    """One system's outputs for a dataset, with per-segment meta (truncation, chunks)."""

    outputs: list[str]
    meta: list[dict[str, Any]]


def _field(example: Example, dotted: str) -> Any:
    """Read 'meta.x' or a top-level field such as 'src_lang'."""
    value: Any = example.to_dict()
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def given_output_groups(
    examples: Sequence[Example], config: DatasetConfig
) -> dict[str, list[Example]]:
    """Split examples with given hypotheses into systems (one per `group_by` value)."""
    groups: dict[str, list[Example]] = defaultdict(list)
    for number, example in enumerate(examples, start=1):
        if not example.hypothesis:
            raise InputError(
                "is required when outputs are given",
                path=config.label,
                line=number,
                field="hypothesis",
            )
        key = _field(example, config.group_by) if config.group_by else "given"
        groups[str(key)].append(example)
    return dict(groups)


def _uses_target(system: System) -> bool:
    return bool(getattr(system, "uses_target_lang", False))


def _keys(system: System, examples: Sequence[Example]) -> list[str]:
    """Cache keys: what the system sees (source, languages) for each example."""
    if _uses_target(system):
        return [
            input_key(ex.source or "", f"{ex.src_lang or ''}>{ex.tgt_lang or ''}")
            for ex in examples
        ]
    return [input_key(ex.source or "", ex.src_lang) for ex in examples]


def _call(system: System, batch: Sequence[Example]) -> tuple[list[str], list[dict[str, Any]]]:
    sources = [ex.source or "" for ex in batch]
    langs = [ex.src_lang for ex in batch]
    if _uses_target(system):
        tgts = [ex.tgt_lang for ex in batch]
        outputs = system.generate(sources, langs, tgts)  # type: ignore[call-arg]
    else:
        outputs = system.generate(sources, langs)
    meta = getattr(system, "segment_meta", None)
    if not isinstance(meta, list) or len(meta) != len(batch):
        meta = [{} for _ in batch]
    return outputs, meta


def generate_with_meta(
    system: System,
    examples: Sequence[Example],
    cache_dir: Path | None,
    *,
    show_progress: bool = True,
) -> Generated:
    """Outputs for every example, generating only those not cached; each batch is cached as
    soon as it is done, so a killed run loses at most the batch in flight.

    Inputs go longest first (similar lengths share a batch) in the system's own batch size,
    so progress advances per model batch.
    """
    keys = _keys(system, examples)
    cache = OutputCache(cache_dir, system.signature) if cache_dir else None
    done = cache.load_records() if cache else {}
    first = {k: i for i, k in reversed(list(enumerate(keys)))}
    todo = [i for k, i in first.items() if k not in done]
    todo.sort(key=lambda i: (-len(examples[i].source or ""), i))
    size = getattr(system, "batch_size", GENERATION_BATCH)
    size = size if isinstance(size, int) and size > 0 else GENERATION_BATCH
    with progress_bar(f"{system.name}: generating", len(todo), enabled=show_progress) as bar:
        for start in range(0, len(todo), size):
            batch = todo[start : start + size]
            outputs, metas = _call(system, [examples[i] for i in batch])
            new = {keys[i]: (out, m) for i, out, m in zip(batch, outputs, metas, strict=True)}
            if cache:
                cache.append(
                    {k: o for k, (o, _) in new.items()}, {k: m for k, (_, m) in new.items()}
                )
            done.update(new)
            bar.advance(len(batch))
    return Generated([done[k][0] for k in keys], [dict(done[k][1]) for k in keys])


def generate_cached(
    system: System,
    examples: Sequence[Example],
    cache_dir: Path | None,
    *,
    show_progress: bool = True,
) -> list[str]:
    """Outputs for every example, generating only those not already cached."""
    return generate_with_meta(system, examples, cache_dir, show_progress=show_progress).outputs


def long_input_notes(meta: Sequence[dict[str, Any]]) -> list[str]:
    """Run notes that say how many segments a model saw only part of, or saw in chunks."""
    notes = []
    limits = Counter(m.get("max_input_tokens") for m in meta if m.get("truncated"))
    for limit, count in sorted(limits.items(), key=lambda item: str(item[0])):
        notes.append(f"{count} segment(s) truncated to {limit} tokens")
    chunked = sum(1 for m in meta if m.get("chunks"))
    if chunked:
        notes.append(f"{chunked} segment(s) too long for the model, processed in chunks")
    return notes


def _attach(run: RunRecord, generated: Generated) -> RunRecord:
    for segment, meta in zip(run.segments, generated.meta, strict=True):
        segment.meta.update(meta)
    run.notes.extend(long_input_notes(generated.meta))
    return run


def load_dataset_examples(config: DatasetConfig) -> list[Example]:
    if config.hub is not None:
        return load_hub(config.hub, config.split, fields=config.fields)
    assert config.path is not None
    return load_examples(
        config.path,
        config.format,
        document_role=config.document_role,
        lang=config.lang,
        fields=config.fields,
    )


def run_dataset(
    config: DatasetConfig,
    *,
    rouge_stemmer: bool,
    cache_dir: Path | None,
    show_progress: bool,
    models: dict[str, str],
) -> list[RunRecord]:
    examples = load_dataset_examples(config)
    task = cast(Task, config.task)
    common: dict[str, Any] = {
        "dataset": config.name,
        "task": task,
        "metrics": config.metrics,
        "checks": config.checks,
        "rouge_stemmer": rouge_stemmer,
    }
    runs = []
    if config.given_outputs:
        for name, group in given_output_groups(examples, config).items():
            hyps = [ex.hypothesis or "" for ex in group]
            runs.append(
                score_run(group, hyps, system=name, system_signature="given-outputs", **common)
            )
        return runs
    for system_config in config.systems:
        system = system_config.build()
        generated = generate_with_meta(system, examples, cache_dir, show_progress=show_progress)
        models.update({f"{system.name}:{k}": v for k, v in system.versions.items()})
        run = score_run(
            examples,
            generated.outputs,
            system=system.name,
            system_signature=system.signature,
            **common,
        )
        runs.append(_attach(run, generated))
    if config.round_trip is not None:
        runs.append(_round_trip(config, examples, cache_dir, show_progress, models, common))
    return runs


def _round_trip(
    config: DatasetConfig,
    examples: list[Example],
    cache_dir: Path | None,
    show_progress: bool,
    models: dict[str, str],
    common: dict[str, Any],
) -> RunRecord:
    """Forward then backward translation, scored against the original source."""
    assert config.round_trip is not None
    forward = config.round_trip.forward.build()
    backward = config.round_trip.backward.build()
    there = generate_with_meta(forward, examples, cache_dir, show_progress=show_progress)
    back = generate_with_meta(
        backward,
        backward_inputs(examples, there.outputs),
        cache_dir,
        show_progress=show_progress,
    )
    for system in (forward, backward):
        models.update({f"{system.name}:{k}": v for k, v in system.versions.items()})
    scored = round_trip_examples(examples, there.outputs)
    run = score_run(
        scored,
        back.outputs,
        system=f"{forward.name} -> {backward.name}",
        system_signature=f"round-trip[{forward.signature}][{backward.signature}]",
        **common,
    )
    run.notes.append("round trip: the back-translation is scored against the original source")
    merged = [
        {**({"forward": a} if a else {}), **({"backward": b} if b else {})}
        for a, b in zip(there.meta, back.meta, strict=True)
    ]
    return _attach(run, Generated(back.outputs, merged))


def run_suite(
    suite: Suite,
    *,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    show_progress: bool = True,
) -> SuiteRun:
    """Run every dataset of a suite; outputs are cached under `cache_dir` unless disabled."""
    started = time.monotonic()
    models: dict[str, str] = {}
    runs: list[RunRecord] = []
    resolved_cache = (cache_dir or default_cache_dir()) if use_cache else None
    for config in suite.datasets:
        runs.extend(
            run_dataset(
                config,
                rouge_stemmer=suite.rouge_stemmer,
                cache_dir=resolved_cache,
                show_progress=show_progress,
                models=models,
            )
        )
    models.update(model_versions())
    return SuiteRun(suite=suite, runs=runs, models=models, seconds=time.monotonic() - started)
