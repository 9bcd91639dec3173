"""Decades written with or without their century: "the 1990s", "the 90s", "los años 90",
"die 90er Jahre", "90-е годы", "lata 90.", "les années 1990".

A translation may drop or add the century of a decade, so "90" read as a decade is the same
decade as "1990" read as one (any century: the short form does not say which). What marks a
number as a decade in each language is `resources/decade_words.tsv`: a word for "years" before
it ("años", "lata") or after it and its ordinal dot ("90. léta"), or a suffix on it ("90er",
"1990s", "90-е").
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

__all__ = ["decade_cues", "is_decade", "same_decade"]


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, tuple[str, ...]]]:
    text = resources.files("evalsuite").joinpath("resources/decade_words.tsv").read_text("utf-8")
    table: dict[str, dict[str, list[str]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, where, form = line.split("\t")
        table.setdefault(lang, {}).setdefault(where, []).append(form)
    return {
        lang: {where: tuple(sorted(forms, key=len, reverse=True)) for where, forms in by.items()}
        for lang, by in table.items()
    }


def decade_cues(lang: str) -> dict[str, tuple[str, ...]]:
    """The decade words of `lang` by where they stand ("before", "after", "suffix")."""
    return _table().get(lang, {})


@lru_cache(maxsize=64)
def _patterns(lang: str) -> tuple[re.Pattern[str] | None, ...]:
    cues = decade_cues(lang)

    def alternatives(where: str) -> str:
        return "|".join(re.escape(f) for f in cues.get(where, ()))

    before, after, suffix = alternatives("before"), alternatives("after"), alternatives("suffix")
    return (
        re.compile(rf"(?<!\w)(?:{before})\s+['’]?$", re.IGNORECASE) if before else None,
        re.compile(rf"\.?\s+(?:{after})(?!\w)", re.IGNORECASE) if after else None,
        re.compile(rf"(?:{suffix})(?!\w)", re.IGNORECASE) if suffix else None,
    )


def is_decade(text: str, start: int, end: int, value: float, lang: str) -> bool:
    """Whether the number `text[start:end]` (two or four digits ending in 0) names a decade."""
    digits = text[start:end]
    if not (len(digits) in (2, 4) and digits.isdigit() and value % 10 == 0):
        return False
    before, after, suffix = _patterns(lang)
    if suffix and suffix.match(text, end):
        return True
    if after and after.match(text, end):
        return True
    return bool(before and before.search(text, max(0, start - 24), start))


def same_decade(a_value: float, a_digits: str, b_value: float, b_digits: str) -> bool:
    """Whether a decade without its century ("90") is the decade with one ("1990")."""
    (short, short_value), (long, long_value) = sorted(
        ((a_digits, a_value), (b_digits, b_value)), key=lambda d: len(d[0])
    )
    return len(short) == 2 and len(long) == 4 and long_value % 100 == short_value
