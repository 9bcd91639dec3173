"""On-disk cache of check findings, so that a re-run over unchanged outputs checks nothing.

With the system outputs cached, parsing and checking the same texts again is most of a re-run
(and loading spaCy for it). Each input's findings are stored under a key made of the input
itself (texts, languages, task), the checks chosen, and a fingerprint of everything a check
reads: the evalsuite package's files (code and resources, by content), the name and version
of every installed distribution (spaCy and its models, the tokenizers and dictionary
packages), the files of the lexicon and Hunspell folders (name, size, time), and Python's
version. Any change to those misses the cache, and the findings are computed afresh.

One SQLite file per fingerprint and choice of checks (the standard library's; lookups by key
keep memory flat however many inputs are stored, and several processes may write at once).
Each row also keeps the NLP models that were loaded when it was computed, which the results
file lists whether or not this run loaded them. A row that cannot be read is computed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from contextlib import closing
from functools import cache
from pathlib import Path
from typing import Any

from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import SEVERITIES, Finding, Span

__all__ = ["FindingsCache", "environment_fingerprint"]

_PACKAGE = Path(__file__).resolve().parent.parent
_CODE_SUFFIXES = frozenset({".py", ".so", ".pyd", ".c", ".pyi"})


@cache
def environment_fingerprint() -> str:
    """Hash of everything, beside its input, that a check's findings depend on."""
    from evalsuite.align.lexicon import lexicon_dir
    from evalsuite.text.hunspell_lexicon import dictionary_places

    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        if path.suffix in _CODE_SUFFIXES or "resources" in path.relative_to(_PACKAGE).parts:
            digest.update(f"\0{path.relative_to(_PACKAGE)}\0".encode())
            digest.update(path.read_bytes())
    for name in _distributions():
        digest.update(f"\0{name}".encode())
    for folder in (lexicon_dir(), *dictionary_places()):
        digest.update(f"\0{folder}".encode())
        for name, size, mtime in _listing(folder):
            digest.update(f"\0{name}\0{size}\0{mtime}".encode())
    return digest.hexdigest()


def _distributions() -> list[str]:
    """Every installed distribution as its metadata folder's name ('spacy-3.8.18.dist-info'):
    a directory listing, much faster than reading each distribution's metadata."""
    names: set[str] = set()
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as found:
                names.update(
                    e.name for e in found if e.name.endswith((".dist-info", ".egg-info"))
                )
        except OSError:
            continue
    return sorted(names)


def _listing(folder: Path) -> list[tuple[str, int, int]]:
    try:
        with os.scandir(folder) as found:
            stats = [(e.name, e.stat()) for e in found if e.is_file()]
    except OSError:
        return []
    return sorted((name, st.st_size, st.st_mtime_ns) for name, st in stats)


def input_key(inp: CheckInput) -> str:
    """Hash of one input: its texts, languages and task."""
    fields = (inp.hypothesis, inp.reference, inp.source, inp.hyp_lang, inp.src_lang, inp.task)
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


class FindingsCache:
    """Cached findings of one choice of checks in this environment, under `root`."""

    def __init__(self, root: Path, checks: Sequence[str] | None) -> None:
        chosen = "all" if checks is None else ",".join(checks)
        signature = f"{environment_fingerprint()}:{chosen}"
        digest = hashlib.sha256(signature.encode()).hexdigest()[:24]
        self.path = root / "findings" / f"{digest}.sqlite"

    def run(
        self,
        inputs: Sequence[CheckInput],
        compute: Callable[[Sequence[CheckInput]], list[list[Finding]]],
        models: Callable[[], dict[str, str]],
    ) -> tuple[list[list[Finding]], dict[str, str]]:
        """Findings of every input (the cached ones read, the others computed and stored), and
        the NLP models that produced them."""
        keys = [input_key(inp) for inp in inputs]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=_LOCK_SECONDS)) as db:
            db.execute(_SCHEMA)
            known = self._read(db, set(keys))
            missing = [i for i, key in enumerate(keys) if key not in known]
            if missing:
                computed = compute([inputs[i] for i in missing])
                loaded = models()
                pairs = zip(missing, computed, strict=True)
                fresh = {keys[i]: (found, loaded) for i, found in pairs}
                with db:  # one transaction; a key another process stored meanwhile stays theirs
                    db.executemany(
                        "INSERT OR IGNORE INTO findings VALUES (?, ?, ?)",
                        [
                            (key, json.dumps([f.to_dict() for f in found], ensure_ascii=False),
                             json.dumps(used, ensure_ascii=False))
                            for key, (found, used) in fresh.items()
                        ],
                    )  # fmt: skip
                known.update(fresh)
        used: dict[str, str] = {}
        for key in keys:
            used.update(known[key][1])
        return [known[key][0] for key in keys], used

    @staticmethod
    def _read(
        db: sqlite3.Connection, keys: set[str]
    ) -> dict[str, tuple[list[Finding], dict[str, str]]]:
        records: dict[str, tuple[list[Finding], dict[str, str]]] = {}
        wanted = sorted(keys)
        for start in range(0, len(wanted), _KEYS_PER_QUERY):
            batch = wanted[start : start + _KEYS_PER_QUERY]
            rows = db.execute(
                "SELECT key, findings, models FROM findings WHERE key IN "
                f"({','.join('?' * len(batch))})",
                batch,
            )
            for key, findings, models in rows:
                try:
                    found = [_finding(raw) for raw in json.loads(findings)]
                    loaded = {str(k): str(v) for k, v in json.loads(models).items()}
                except (ValueError, KeyError, TypeError, AttributeError):
                    continue  # a row this version cannot read: computed again
                records[key] = (found, loaded)
        return records


_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS findings (key TEXT PRIMARY KEY, findings TEXT, models TEXT)"
)
_LOCK_SECONDS = 60.0  # workers of one run may write at once; each waits for the other
_KEYS_PER_QUERY = 500  # under SQLite's limit on parameters


def _finding(raw: dict[str, Any]) -> Finding:
    if raw["severity"] not in SEVERITIES or not isinstance(raw["evidence"], dict):
        raise ValueError("not a finding")
    return Finding(
        check=str(raw["check"]),
        severity=raw["severity"],
        message=str(raw["message"]),
        hyp_span=_span(raw["hyp_span"]),
        ref_span=_span(raw["ref_span"]),
        evidence=raw["evidence"],
    )


def _span(raw: dict[str, Any] | None) -> Span | None:
    if raw is None:
        return None
    return Span(int(raw["start"]), int(raw["end"]), str(raw["text"]))
