"""Work that kills its own worker process the first time it runs (a marker file remembers).

Shipped to Ray workers by value (`register_pickle_by_value`), since workers need not be able
to import the tests package.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from evalsuite.data import Example
from evalsuite.engine.segments import PartitionScores, score_partition
from evalsuite.engine.spec import ScoringSpec


def die_once_then_score(
    marker: Path, spec: ScoringSpec, index: int, examples: Sequence[Example],
    hypotheses: Sequence[str],
) -> PartitionScores:
    """Partition 1's first attempt exits the worker process (as a kill -9 or OOM would)."""
    if index == 1 and not marker.exists():
        marker.write_text(str(os.getpid()), encoding="utf-8")
        os._exit(1)
    return score_partition(spec, index, examples, hypotheses)
