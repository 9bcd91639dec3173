"""Per-input outputs of a model metric, cached on disk by the model's identity and settings
and each input's hash: a re-run on unchanged inputs never runs the model again, and a run on
a corpus that grew runs it only on the new inputs.

Stored in the same append-only files as system outputs (`evalsuite.cache.OutputCache`), so
concurrent workers may share one cache directory.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from evalsuite.cache import OutputCache, default_cache_dir

Item = tuple[str | None, ...]  # the texts one output depends on (hypothesis, reference, ...)


def item_key(item: Item) -> str:
    """Hash of one input: its texts in order, None told apart from an empty string."""
    parts = ["\x01" if text is None else "\x02" + text for text in item]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


class ModelOutputs:
    """Outputs of one model under one set of settings (`signature`), keyed by input."""

    def __init__(self, signature: str, cache_dir: Path | None, enabled: bool) -> None:
        self.enabled = enabled
        root = cache_dir if cache_dir is not None else default_cache_dir()
        self.store = OutputCache(root / "metrics", f"model-metric|{signature}")

    def compute(
        self, items: Sequence[Item], run: Callable[[list[Item]], list[Any]]
    ) -> list[Any]:
        """Each item's output, from the cache where it is there; `run` gets the rest (each
        distinct input once) and must return one JSON-serialisable output per item."""
        keys = [item_key(item) for item in items]
        known: dict[str, Any] = {}
        if self.enabled:
            known = {key: json.loads(text) for key, text in self.store.load().items()}
        missing: dict[str, Item] = {}
        for key, item in zip(keys, items, strict=True):
            if key not in known:
                missing.setdefault(key, item)
        if missing:
            fresh = run(list(missing.values()))
            if len(fresh) != len(missing):
                raise RuntimeError(f"{len(fresh)} outputs for {len(missing)} inputs")
            new = dict(zip(missing, fresh, strict=True))
            if self.enabled:
                self.store.append({k: json.dumps(v) for k, v in new.items()})
            known.update(new)
        return [known[key] for key in keys]
