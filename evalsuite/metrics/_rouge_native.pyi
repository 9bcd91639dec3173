"""Types of the C ROUGE core (`_rouge_native.c`); see `evalsuite.metrics.rouge`."""

from collections.abc import Sequence
from typing import Any

def score_english(
    predictions: Sequence[str],
    references: Sequence[Sequence[str]],
    types: tuple[int, ...],
    names: tuple[str, ...],
    use_stemmer: bool,
    triple: type[tuple[float, float, float]],
    threads: int = 1,
) -> list[dict[str, Any]]: ...
def score_tokenized(
    prediction: Sequence[Sequence[str]],
    references: Sequence[Sequence[Sequence[str]]],
    types: tuple[int, ...],
    names: tuple[str, ...],
    triple: type[tuple[float, float, float]],
) -> dict[str, Any]: ...
def porter_stem(word: str) -> str: ...
def lcs_length(a: Sequence[str], b: Sequence[str]) -> int: ...
def clear_caches() -> None: ...
def _set_limits(block_words: int, rows_limit: int, masks_limit: int) -> tuple[int, int, int]: ...
