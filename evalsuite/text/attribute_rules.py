"""spaCy's attribute ruler matched through a table look-up instead of its general matcher.

A pipeline's `attribute_ruler` maps fine-grained tags to parts of speech and morphology and
patches exceptions ("'s" after a noun, "n't"), with a few hundred patterns of one or two tokens,
each a conjunction of equalities (TAG is "NN", LOWER is "n't"), set tests (DEP not "") or
regular expressions searched in a value (as spaCy's REGEX searches). spaCy
runs them through its general `Matcher`, which tests every pattern's state machine at every
token: about a tenth of the parse of a sentence with `en_core_web_sm`. Here the patterns are
indexed by the value one of their tests requires, so each token meets only the few patterns that
can hold there; the matches found are exactly the matcher's, handed to the ruler's own
`set_annotations` in the ruler's order, so every token ends with the same attributes. A ruler
with any other kind of pattern (operators, fuzzy tests, extensions, other attributes) keeps
spaCy's matcher.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["index_attribute_ruler"]

_STRING_ATTRS = ("ORTH", "TEXT", "LOWER", "TAG", "POS", "DEP")
_FLAG_ATTRS = ("IS_SPACE",)
_COLUMNS = ("ORTH", "LOWER", "TAG", "POS", "DEP", "IS_SPACE")
"""The token attributes read, as `Doc.to_array` gives them (TEXT is ORTH for the matcher)."""
_INDEX_ORDER = ("TAG", "LOWER", "ORTH", "POS", "IS_SPACE")
"""Which test a pattern is filed under: the first it has of these (equalities only)."""

# A test: (attribute, "==" | "in" | "not in" | "regex", value, set of values or pattern).
_Test = tuple[str, str, Any]


@dataclass(frozen=True)
class _Pattern:
    rule: int  # the ruler's rule number: its attrs, index and match key
    tokens: tuple[tuple[_Test, ...], ...]


def index_attribute_ruler(nlp: Language) -> bool:
    """Make the pipeline's attribute ruler match through the index (True), or leave it as it
    is (False: no ruler, or a pattern the index cannot read)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler: Any = nlp.get_pipe("attribute_ruler")
    patterns = _readable_patterns(ruler)
    if patterns is None:
        return False
    keys = [ruler.vocab.strings.add(str(rule)) for rule in range(len(ruler.attrs))]
    ruler.match = _IndexedMatch(patterns, keys, ruler.vocab.strings)
    return True


def _readable_patterns(ruler: Any) -> list[_Pattern] | None:
    found: list[_Pattern] = []
    for rule in range(len(ruler.attrs)):
        entry = ruler.matcher.get(str(rule))
        if entry is None:
            return None
        callback, token_patterns = entry
        if callback is not None:
            return None
        for pattern in token_patterns:
            tokens = [_tests(spec) for spec in pattern]
            if not tokens or any(t is None for t in tokens):
                return None
            found.append(_Pattern(rule, tuple(t for t in tokens if t is not None)))
    return found


def _tests(spec: Mapping[str, Any]) -> tuple[_Test, ...] | None:
    """One token's pattern as tests, or None for a test the index does not read."""
    tests: list[_Test] = []
    for attr, value in spec.items():
        attr = "ORTH" if attr == "TEXT" else attr
        if attr in _STRING_ATTRS:
            if isinstance(value, str):
                tests.append((attr, "==", value))
                continue
            if isinstance(value, Mapping) and len(value) == 1:
                (op, values), = value.items()
                if op == "REGEX" and isinstance(values, str):
                    tests.append((attr, "regex", re.compile(values)))
                    continue
                if op in ("IN", "NOT_IN") and isinstance(values, list | tuple) and all(
                    isinstance(v, str) for v in values
                ):
                    tests.append((attr, "in" if op == "IN" else "not in", frozenset(values)))
                    continue
            return None
        if attr in _FLAG_ATTRS and isinstance(value, bool):
            tests.append((attr, "==", value))
            continue
        return None
    return tuple(tests)


class _IndexedMatch:
    """The ruler's `match`: (rule, key, start, end) of every match, sorted as spaCy sorts.

    Values are compared as the matcher compares them: as the ids of the string store (a
    string's id is what `StringStore.add` gives, as for the matcher's patterns)."""

    def __init__(self, patterns: Sequence[_Pattern], keys: Sequence[int], strings: Any) -> None:
        self.keys = list(keys)
        self.strings = strings
        column = {attr: i for i, attr in enumerate(_COLUMNS)}

        def as_id(attr: str, value: Any) -> Any:
            if attr in _FLAG_ATTRS:
                return int(value)
            return int(strings.add(value))

        def compiled(tests: tuple[_Test, ...]) -> tuple[tuple[int, str, Any], ...]:
            out = []
            for attr, op, value in tests:
                if op == "==":
                    value = as_id(attr, value)
                elif op in ("in", "not in"):
                    value = frozenset(as_id(attr, v) for v in value)
                out.append((column[attr], op, value))
            return tuple(out)

        self.by_value: list[tuple[int, dict[int, list[tuple[int, tuple[Any, ...]]]]]] = []
        self.anywhere: list[tuple[int, tuple[Any, ...]]] = []
        filed: dict[str, dict[int, list[tuple[int, tuple[Any, ...]]]]] = {}
        for pattern in patterns:
            entry = (pattern.rule, tuple(compiled(tests) for tests in pattern.tokens))
            first = {attr: value for attr, op, value in pattern.tokens[0] if op == "=="}
            attr = next((a for a in _INDEX_ORDER if a in first), None)
            if attr is None:
                self.anywhere.append(entry)
            else:
                table = filed.setdefault(attr, {})
                table.setdefault(as_id(attr, first[attr]), []).append(entry)
        self.by_value = [(column[attr], filed[attr]) for attr in _INDEX_ORDER if attr in filed]
        self.attr_ids: list[int | str] = list(_attr_ids())

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        rows = [tuple(row) for row in doc.to_array(self.attr_ids).tolist()] if len(doc) else []
        found: set[tuple[int, int, int, int]] = set()
        n = len(rows)
        for start, here in enumerate(rows):
            candidates = list(self.anywhere)
            for col, table in self.by_value:
                hit = table.get(here[col])
                if hit is not None:
                    candidates += hit
            for rule, tokens in candidates:
                end = start + len(tokens)
                if end <= n and all(
                    self._holds(tests, rows[start + k]) for k, tests in enumerate(tokens)
                ):
                    found.add((rule, self.keys[rule], start, end))
        return sorted(found)

    def _holds(self, tests: tuple[tuple[int, str, Any], ...], row: tuple[int, ...]) -> bool:
        for col, op, value in tests:
            got = row[col]
            if op == "==":
                if got != value:
                    return False
            elif op == "regex":
                if not value.search(self.strings[got]):
                    return False
            elif (got in value) != (op == "in"):
                return False
        return True


def _attr_ids() -> list[int]:
    from spacy import attrs

    return [getattr(attrs, name) for name in _COLUMNS]
