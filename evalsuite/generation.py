"""Getting a system's outputs for examples: cached, batched, longest inputs first.

Every backend generates through `generate_with_meta`, in-process or inside a worker that holds
the loaded model, so a batch and its cache records are the same wherever it ran.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evalsuite.cache import OutputCache, input_key
from evalsuite.data import Example
from evalsuite.progress import progress_bar
from evalsuite.systems.base import System

GENERATION_BATCH = 16


@dataclass
class Generated:
    """One system's outputs for a dataset, with per-segment meta (truncation, chunks)."""

    outputs: list[str]
    meta: list[dict[str, Any]]

    @classmethod
    def joined(cls, parts: Iterable[Generated]) -> Generated:
        """The partitions' outputs and meta, in order, as one."""
        outputs: list[str] = []
        meta: list[dict[str, Any]] = []
        for part in parts:
            outputs.extend(part.outputs)
            meta.extend(part.meta)
        return cls(outputs, meta)


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
