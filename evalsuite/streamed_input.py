"""The records of `evalsuite score`'s JSONL input, read in passes and never held whole.

A run of 100,000 pairs must not keep 100,000 records in memory (about 900 bytes each, more
than the statistics the driver keeps per pair). `survey` reads the file once to validate every
record, so that a bad one stops the run with its file, line and field before anything is
scored or written, and to count what the run's choices and notes need; `records` and
`partitions` read it again, one record at a time, for the scoring spec and for the scoring.
Reading JSON costs milliseconds a thousand records, nothing beside the scoring.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from evalsuite.data import Example, iter_examples, with_lang
from evalsuite.engine.partitions import PARTITION_SIZE
from evalsuite.engine.segments import Partition
from evalsuite.errors import InputError
from evalsuite.harness import SHOWN_IDS

REQUIRED = ("hypothesis",)


@dataclass
class InputSurvey:
    """What one validating pass over the input found: counts, and the few ids notes name."""

    records: int = 0
    without_reference: int = 0
    first_without_line: int | None = None  # the line of the first record without a reference
    empty_outputs: int = 0
    first_empty_ids: list[str] = field(default_factory=list)


def survey(path: str | Path) -> InputSurvey:
    """Validate every record of `path` (InputError on the first bad one) and count them."""
    found = InputSurvey()
    for line, example in iter_examples(path, require=REQUIRED):
        found.records += 1
        if not example.reference:
            found.without_reference += 1
            if found.first_without_line is None:
                found.first_without_line = line
        if not (example.hypothesis or "").strip():
            found.empty_outputs += 1
            if len(found.first_empty_ids) < SHOWN_IDS:
                found.first_empty_ids.append(example.id)
    if not found.records:
        raise InputError("file has no records", path=str(path))
    return found


def records(path: str | Path, lang: str | None, task: str) -> Iterator[Example]:
    """The records of `path`, read one at a time, languages filled in from `lang`."""
    for _, example in iter_examples(path, require=REQUIRED):
        yield with_lang(example, lang, task)


def partitions(
    path: str | Path, lang: str | None, task: str, expected: int, size: int = PARTITION_SIZE
) -> Iterator[Partition]:
    """The records of `path` in partitions of `size` (the cut `partition_bounds` makes), each
    read only when the scorer asks for it; InputError if the file no longer holds the
    `expected` records the survey counted."""
    batch: list[Example] = []
    count = 0
    for example in records(path, lang, task):
        count += 1
        if count > expected:
            break
        batch.append(example)
        if len(batch) == size:
            yield batch, [ex.hypothesis or "" for ex in batch]
            batch = []
    if batch:
        yield batch, [ex.hypothesis or "" for ex in batch]
    if count != expected:
        raise InputError(
            f"changed while it was read: it no longer has the {expected} records it had",
            path=str(path),
        )
