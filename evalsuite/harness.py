"""Run a suite: load each dataset, get each system's outputs (cached), score them."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from evalsuite.cache import OutputCache, default_cache_dir, input_key
from evalsuite.checks.api import Task
from evalsuite.data import Example, load_examples
from evalsuite.errors import InputError
from evalsuite.progress import progress_bar
from evalsuite.results import RunRecord
from evalsuite.scoring import score_run
from evalsuite.suite import DatasetConfig, Suite
from evalsuite.systems.base import System
from evalsuite.systems.registry import system_from_spec
from evalsuite.text.nlp import model_versions

GENERATION_BATCH = 16


@dataclass
class SuiteRun:
    """Everything one suite run produced, ready to be written and rendered."""

    suite: Suite
    runs: list[RunRecord]
    models: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


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
                "is required when outputs are given", path=str(config.path), line=number,
                field="hypothesis",
            )
        key = _field(example, config.group_by) if config.group_by else "given"
        groups[str(key)].append(example)
    return dict(groups)


def generate_cached(
    system: System,
    examples: Sequence[Example],
    cache_dir: Path | None,
    *,
    show_progress: bool = True,
) -> list[str]:
    """Outputs for every example, generating only those not already cached."""
    sources = [ex.source or "" for ex in examples]
    langs = [ex.src_lang for ex in examples]
    keys = [input_key(src, lang) for src, lang in zip(sources, langs, strict=True)]
    cache = OutputCache(cache_dir, system.signature) if cache_dir else None
    done = cache.load() if cache else {}
    todo = sorted({k: i for i, k in enumerate(keys) if k not in done}.values())
    with progress_bar(f"{system.name}: generating", len(todo), enabled=show_progress) as bar:
        for start in range(0, len(todo), GENERATION_BATCH):
            batch = todo[start : start + GENERATION_BATCH]
            outputs = system.generate([sources[i] for i in batch], [langs[i] for i in batch])
            new = {keys[i]: out for i, out in zip(batch, outputs, strict=True)}
            if cache:
                cache.append(new)
            done.update(new)
            bar.advance(len(batch))
    return [done[k] for k in keys]


def run_dataset(
    config: DatasetConfig,
    *,
    rouge_stemmer: bool,
    cache_dir: Path | None,
    show_progress: bool,
    models: dict[str, str],
) -> list[RunRecord]:
    examples = load_examples(
        config.path, config.format, document_role=config.document_role, lang=config.lang
    )
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
    for spec in config.systems:
        system = system_from_spec(spec)
        hyps = generate_cached(system, examples, cache_dir, show_progress=show_progress)
        models.update({f"{system.name}:{k}": v for k, v in system.versions.items()})
        runs.append(
            score_run(
                examples, hyps, system=system.name, system_signature=system.signature, **common
            )
        )
    return runs


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
