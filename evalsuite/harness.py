"""Run a suite: load each dataset, get each system's outputs (cached), score them.

The harness decides what to run; a backend (`evalsuite.backends`) decides where: in this
process, or on a Ray cluster. Both cut datasets into the same partitions and score them through
the same two phases, so results do not depend on the backend.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from evalsuite.backends import Backend, open_backend
from evalsuite.backends.local import LocalBackend
from evalsuite.cache import default_cache_dir
from evalsuite.checks.api import Task
from evalsuite.data import Example, load_examples, load_hub
from evalsuite.engine.spec import scoring_spec
from evalsuite.errors import InputError
from evalsuite.generation import (
    GENERATION_BATCH,
    Generated,
    generate_cached,
    generate_with_meta,
)
from evalsuite.results import RunRecord
from evalsuite.suite import DatasetConfig, Suite
from evalsuite.systems.base import System
from evalsuite.systems.config import SystemConfig
from evalsuite.systems.round_trip import backward_inputs, round_trip_examples
from evalsuite.text.nlp import model_versions

__all__ = [
    "GENERATION_BATCH",
    "Generated",
    "SuiteRun",
    "generate_cached",
    "generate_with_meta",
    "given_output_groups",
    "load_dataset_examples",
    "long_input_notes",
    "run_dataset",
    "run_suite",
]


@dataclass
class SuiteRun:
    """Everything one suite run produced, ready to be written and rendered."""

    suite: Suite
    runs: list[RunRecord]
    models: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    backend: str = "local"


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
        if example.hypothesis is None:
            raise InputError(
                "is required when outputs are given (an empty output is \"\")",
                path=config.label,
                line=number,
                field="hypothesis",
            )
        key = _field(example, config.group_by) if config.group_by else "given"
        if key is None or key == "":
            raise InputError(
                f"has no value for '{config.group_by}', which the suite's group_by names "
                "(every record needs one)",
                path=config.label,
                line=number,
                field=config.group_by,
            )
        groups[str(key)].append(example)
    return dict(groups)


SHOWN_IDS = 5


def empty_output_notes(ids: Sequence[str], hypotheses: Sequence[str]) -> list[str]:
    """A note when outputs are empty: a legitimate (bad) output, scored as it is (0 overlap,
    every reference entity missing), and never silent."""
    empty = [i for i, text in zip(ids, hypotheses, strict=True) if not text.strip()]
    return empty_output_note(len(ids), len(empty), empty)


def empty_output_note(n_outputs: int, n_empty: int, first_empty: Sequence[str]) -> list[str]:
    """The note of `empty_output_notes` from counts and the first empty outputs' ids (a
    streamed input keeps no more than those)."""
    if not n_empty:
        return []
    shown = ", ".join(first_empty[:SHOWN_IDS]) + (", ..." if n_empty > SHOWN_IDS else "")
    return [f"{n_empty} of {n_outputs} output(s) empty, scored as empty (ids: {shown})"]


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


def _with_meta(examples: Sequence[Example], meta: Sequence[dict[str, Any]]) -> list[Example]:
    """Examples whose meta also holds what generation recorded (truncation, chunks)."""
    return [
        dataclasses.replace(ex, meta={**ex.meta, **extra}) if extra else ex
        for ex, extra in zip(examples, meta, strict=True)
    ]


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


@dataclass
class _DatasetRun:
    """What every run of one dataset shares: where it runs and how it is scored."""

    config: DatasetConfig
    backend: Backend
    rouge_stemmer: bool
    cache_dir: Path | None
    show_progress: bool
    models: dict[str, str]

    def generate(
        self, config: SystemConfig, examples: Sequence[Example]
    ) -> tuple[System, Generated]:
        system = config.build()  # cheap: models load on first use, in whoever generates
        generated = self.backend.generate(
            config, examples, self.cache_dir, show_progress=self.show_progress
        )
        self.models.update({f"{system.name}:{k}": v for k, v in system.versions.items()})
        return system, generated

    def score(
        self, examples: Sequence[Example], hypotheses: Sequence[str], system: str, signature: str
    ) -> RunRecord:
        spec = scoring_spec(
            examples,
            dataset=self.config.name,
            task=cast(Task, self.config.task),
            system=system,
            system_signature=signature,
            metrics=self.config.metrics,
            checks=self.config.checks,
            rouge_stemmer=self.rouge_stemmer,
            xling_model=self.config.xling_model,
            findings_cache=str(self.cache_dir) if self.cache_dir is not None else None,
        )
        return self.backend.score(spec, examples, hypotheses)


def run_dataset(
    config: DatasetConfig,
    *,
    rouge_stemmer: bool,
    cache_dir: Path | None,
    show_progress: bool,
    models: dict[str, str],
    backend: Backend | None = None,
) -> list[RunRecord]:
    """Every run (system, or group of given outputs) of one dataset; in-process by default."""
    examples = load_dataset_examples(config)
    active = backend or LocalBackend()
    job = _DatasetRun(config, active, rouge_stemmer, cache_dir, show_progress, models)
    runs = []
    if config.given_outputs:
        for name, group in given_output_groups(examples, config).items():
            hyps = [ex.hypothesis or "" for ex in group]
            run = job.score(group, hyps, name, "given-outputs")
            run.notes.extend(empty_output_notes([ex.id for ex in group], hyps))
            runs.append(run)
        return runs
    for system_config in config.systems:
        system, generated = job.generate(system_config, examples)
        run = job.score(
            _with_meta(examples, generated.meta), generated.outputs, system.name,
            system.signature,
        )
        run.notes.extend(long_input_notes(generated.meta))
        run.notes.extend(empty_output_notes([ex.id for ex in examples], generated.outputs))
        runs.append(run)
    if config.round_trip is not None:
        runs.append(_round_trip(job, examples))
    return runs


def _round_trip(job: _DatasetRun, examples: list[Example]) -> RunRecord:
    """Forward then backward translation, scored against the original source."""
    round_trip = job.config.round_trip
    assert round_trip is not None
    forward, there = job.generate(round_trip.forward, examples)
    backward, back = job.generate(
        round_trip.backward, backward_inputs(examples, there.outputs)
    )
    merged = [
        {**({"forward": a} if a else {}), **({"backward": b} if b else {})}
        for a, b in zip(there.meta, back.meta, strict=True)
    ]
    scored = _with_meta(round_trip_examples(examples, there.outputs), merged)
    run = job.score(
        scored,
        back.outputs,
        f"{forward.name} -> {backward.name}",
        f"round-trip[{forward.signature}][{backward.signature}]",
    )
    run.notes.append("round trip: the back-translation is scored against the original source")
    run.notes.extend(long_input_notes(merged))
    return run


def _nlp_models(runs: Sequence[RunRecord]) -> dict[str, str]:
    """NLP models loaded here or by the workers that scored `runs`, sorted by name: the order
    in which workers happened to load them must not show in the results."""
    loaded = model_versions()
    for run in runs:
        loaded.update(getattr(run, "models", {}))
    return dict(sorted(loaded.items()))


def run_suite(
    suite: Suite,
    *,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    show_progress: bool = True,
    backend: str | None = None,
    address: str | None = None,
) -> SuiteRun:
    """Run every dataset of a suite; outputs are cached under `cache_dir` unless disabled.

    `backend` ("local" or "ray") and `address` (a Ray cluster) override the suite's own
    `backend` and `ray_address`; neither changes a number in the results.
    """
    started = time.monotonic()
    models: dict[str, str] = {}
    runs: list[RunRecord] = []
    resolved_cache = (cache_dir or default_cache_dir()) if use_cache else None
    name = backend or suite.backend
    with open_backend(name, address=address or suite.ray_address) as active:
        for config in suite.datasets:
            runs.extend(
                run_dataset(
                    config,
                    rouge_stemmer=suite.rouge_stemmer,
                    cache_dir=resolved_cache,
                    show_progress=show_progress,
                    models=models,
                    backend=active,
                )
            )
    models.update(_nlp_models(runs))
    return SuiteRun(
        suite=suite, runs=runs, models=models, seconds=time.monotonic() - started, backend=name
    )
