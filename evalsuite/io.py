"""Atomic file writes: a results file is either complete or absent, never half-written."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def _file_mode() -> int:
    """The mode a plain `open(path, "w")` would give: temporary files start private (0600),
    and results are shared (CI artifacts, other users), so they get the umask's usual mode."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write to a temporary file in the same directory, then rename over the target."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _file_mode())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def dumps_json(document: Any) -> str:
    """Stable JSON text: sorted keys would reorder scores, so keep insertion order, indent 2."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def atomic_write_json(path: str | Path, document: Any) -> None:
    atomic_write_text(path, dumps_json(document))


def atomic_write_jsonl(path: str | Path, records: Iterable[Any]) -> None:
    atomic_write_text(
        path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    )
