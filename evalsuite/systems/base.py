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
