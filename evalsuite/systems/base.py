"""What every system (anything that turns sources into outputs) provides."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable


@runtime_checkable
class System(Protocol):
    """Turns source texts into outputs.

    `name` labels rows in result tables; `signature` holds every setting that changes the
    outputs (it keys the output cache); `versions` names the models and packages used.
    """

    name: str

    @property
    def signature(self) -> str: ...

    @property
    def versions(self) -> dict[str, str]: ...

    def generate(self, sources: Sequence[str], langs: Sequence[str | None]) -> list[str]:
        """One output per source; `langs` gives each source's language code when known."""
        ...


def batch_targets(
    sources: Sequence[str],
    langs: Sequence[str | None],
    tgt_langs: Sequence[str | None] | None = None,
) -> list[str | None]:
    """Validate a `generate` batch and give each source's target language (None if unknown)."""
    if len(sources) != len(langs):
        raise ValueError(f"got {len(sources)} sources but {len(langs)} languages")
    if tgt_langs is None:
        return [None] * len(sources)
    if len(tgt_langs) != len(sources):
        raise ValueError(f"got {len(sources)} sources but {len(tgt_langs)} target languages")
    return list(tgt_langs)
