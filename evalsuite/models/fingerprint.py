"""A model directory's identity: the SHA-256 of every file in it (weights included).

Reading gigabytes of weights on every run would cost seconds, so each file's digest is kept
in a small memo beside the cache, keyed by its path, size and modification time: a file that
changes gets hashed again, one that does not costs a `stat`.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

_CHUNK = 1 << 20
_SKIPPED_SUFFIXES = (".md", ".lock")


def model_files(directory: Path) -> list[Path]:
    """The files that make up a model: everything but hidden files and documentation."""
    found = []
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and not path.name.endswith(_SKIPPED_SUFFIXES):
            found.append(path)
    return found


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def directory_digest(directory: Path, memo_path: Path | None = None) -> str:
    """SHA-256 over the relative names and contents' digests of a model's files."""
    memo = _read_memo(memo_path)
    changed = False
    total = hashlib.sha256()
    for path in model_files(directory):
        stat = path.stat()
        key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
        digest = memo.get(key)
        if digest is None:
            digest = memo[key] = file_digest(path)
            changed = True
        total.update(f"{path.relative_to(directory).as_posix()}\0{digest}\0".encode())
    if changed and memo_path is not None:
        _write_memo(memo_path, memo)
    return total.hexdigest()


def _read_memo(path: Path | None) -> dict[str, str]:
    if path is None or not path.is_file():
        return {}
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a damaged memo only costs a re-hash
    return {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}


def _write_memo(path: Path, memo: dict[str, str]) -> None:
    """Atomically, so concurrent workers never read half a file (the last writer wins)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".hashes-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(memo, handle)
        os.replace(temp, path)
    except OSError:
        pass  # a read-only cache: hash again next time
