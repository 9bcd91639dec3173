"""On-disk cache of system outputs, keyed by the system's signature and each input's hash.

Each system signature gets one append-only JSONL file. Outputs are appended and flushed batch
by batch, so a run killed mid-way keeps every finished batch; a torn last line (kill -9 during
a write) is ignored on the next read, and its input is simply generated again.

Several processes may append to the same file at once (Ray workers generating partitions of one
dataset). Each batch is therefore one `write()` on a descriptor opened with O_APPEND: the kernel
places every such write at the end of the file as a whole, so lines of two writers never
interleave (on local filesystems; NFS does not promise this). A record may still appear twice
(a retried partition whose first attempt finished a batch others did not see yet); records are
keyed by input, and reading keeps the first record of each key, so every reader agrees on one
output per input.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any


def default_cache_dir() -> Path:
    """$EVALSUITE_CACHE, else $XDG_CACHE_HOME/evalsuite, else ~/.cache/evalsuite."""
    if os.environ.get("EVALSUITE_CACHE"):
        return Path(os.environ["EVALSUITE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "evalsuite"


def input_key(source: str, lang: str | None) -> str:
    """Hash of what the system sees for one input."""
    return hashlib.sha256(f"{lang or ''}\x00{source}".encode()).hexdigest()


class OutputCache:
    """Cached outputs of one system (one signature)."""

    def __init__(self, root: Path, signature: str) -> None:
        self.signature = signature
        digest = hashlib.sha256(signature.encode()).hexdigest()[:24]
        self.path = root / "outputs" / f"{digest}.jsonl"

    def load(self) -> dict[str, str]:
        """Every complete cached record, key -> output."""
        return {key: output for key, (output, _) in self.load_records().items()}

    def load_records(self) -> dict[str, tuple[str, dict[str, Any]]]:
        """Every complete cached record, key -> (output, meta such as truncation)."""
        if not self.path.is_file():
            return {}
        outputs: dict[str, tuple[str, dict[str, Any]]] = {}
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue  # torn write from an interrupted run
                if isinstance(record, dict) and record.get("signature") == self.signature:
                    if str(record["key"]) in outputs:
                        continue  # a duplicate from a retried worker: the first one stands
                    meta = record.get("meta")
                    outputs[str(record["key"])] = (
                        str(record["output"]),
                        meta if isinstance(meta, dict) else {},
                    )
        return outputs

    def append(
        self,
        outputs: Mapping[str, str] | Iterable[tuple[str, str]],
        metas: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        """Append finished outputs (and their non-empty meta) durably: flush + fsync."""
        items = outputs.items() if isinstance(outputs, Mapping) else outputs
        lines = []
        for key, output in items:
            record: dict[str, Any] = {"signature": self.signature, "key": key, "output": output}
            if metas and metas.get(key):
                record["meta"] = dict(metas[key])
            lines.append(json.dumps(record, ensure_ascii=False) + "\n")
        if not lines:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            # A torn line from a killed writer must not swallow the first new record. Two
            # writers may both see it and both add a newline: a blank line, skipped on read.
            lead = "" if self._ends_with_newline() else "\n"
            payload = (lead + "".join(lines)).encode("utf-8")
            written = os.write(fd, payload)
            while written < len(payload):  # only on a full disk or a signal: finish the batch
                written += os.write(fd, payload[written:])
            os.fsync(fd)
        finally:
            os.close(fd)

    def _ends_with_newline(self) -> bool:
        """True for an empty file, or one whose last byte ends a line."""
        with self.path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            if handle.tell() == 0:
                return True
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) == b"\n"
