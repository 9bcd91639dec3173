"""A run's segments kept on disk instead of in memory, read back only when asked for.

The driver of a large run must not hold every segment's output, findings and evidence: it
writes each partition's segments.jsonl lines to a spool file as the partition completes and
keeps this sequence, which reads them back one at a time for results files and reports.
The spool file is deleted when the sequence is garbage-collected (or at interpreter exit).
On Linux it has no name at all: it is unlinked as soon as it is created and read back through
`/proc/self/fd`, so a run that is killed (SIGTERM, even `kill -9`) leaves nothing in TMPDIR.
"""

from __future__ import annotations

import json
import os
import tempfile
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, overload

from evalsuite.results import SegmentRecord, parse_segment

_PROC_FD = Path("/proc/self/fd")


class SegmentSpool:
    """An append-only temporary JSONL file of segment lines; `close()` makes it readable."""

    def __init__(self) -> None:
        fd, name = tempfile.mkstemp(prefix="evalsuite-segments-", suffix=".jsonl")
        self._keep: int | None = None
        if _PROC_FD.is_dir():
            os.unlink(name)  # anonymous: the kernel frees it when the last descriptor closes
            self._keep = os.dup(fd)
            self.path = _PROC_FD / str(self._keep)
        else:
            self.path = Path(name)
        self._handle = os.fdopen(fd, "w", encoding="utf-8")
        self._finalizer = weakref.finalize(self, _remove, self._handle, self.path, self._keep)
        self.count = 0

    def write(self, lines: str, n_segments: int) -> None:
        self._handle.write(lines)
        self.count += n_segments

    def close(self) -> SpooledSegments:
        """Hand the file over to a reader, which now owns (and eventually deletes) it."""
        self._handle.close()
        self._finalizer.detach()
        return SpooledSegments(self.path, self.count, self._keep)


def _remove(handle: Any, path: Path, keep: int | None) -> None:
    handle.close()
    _unlink(path, keep)


def _unlink(path: Path, keep: int | None = None) -> None:
    if keep is None:
        path.unlink(missing_ok=True)
    else:
        os.close(keep)


class SpooledSegments(Sequence[SegmentRecord]):
    """Segments read back from a spool file; iteration streams, indexing scans."""

    def __init__(self, path: Path, count: int, keep: int | None = None) -> None:
        self.path = path
        self._count = count
        weakref.finalize(self, _unlink, path, keep)  # the file lives as long as this object

    def __len__(self) -> int:
        return self._count

    def lines(self) -> Iterator[dict[str, Any]]:
        """The stored segments.jsonl lines, decoded, in order."""
        with self.path.open(encoding="utf-8") as handle:
            for text in handle:
                yield json.loads(text)

    def __iter__(self) -> Iterator[SegmentRecord]:
        return (
            parse_segment(line, str(self.path), number)
            for number, line in enumerate(self.lines(), start=1)
        )

    @overload
    def __getitem__(self, index: int) -> SegmentRecord: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[SegmentRecord]: ...
    def __getitem__(self, index: int | slice) -> SegmentRecord | Sequence[SegmentRecord]:
        if isinstance(index, slice):
            return list(self)[index]
        position = index + self._count if index < 0 else index
        if not 0 <= position < self._count:
            raise IndexError(index)
        for number, segment in enumerate(self):
            if number == position:
                return segment
        raise IndexError(index)
