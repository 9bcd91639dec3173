"""The batch interface the harness and CLI use to run checks (implemented in checks/runner.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Task = Literal["translation", "summary"]


@dataclass(frozen=True)
class CheckInput:
    """One segment to check.

    With neither `reference` nor `source`, only reference-free checks run, on the hypothesis
    as a whole document.
    """

    hypothesis: str
    reference: str | None = None
    source: str | None = None
    hyp_lang: str | None = None
    src_lang: str | None = None
    task: Task = "translation"
