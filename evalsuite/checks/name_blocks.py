"""Which names of a long text can match a name at all, found by shared keys (blocking).

`entities` compares a summary's names with the article's entities (`match_names`, or most
distinctive words shared: `_shared_words`) and groups a text's mentions by entity. Compared
all against all, that is (distinct names x distinct names): tens of seconds on a long summary
of a long article. Every way two names match implies a key they share, so each name is
compared only with those that share one, in their own order (first match, first best):

- `normalize.variant_keys` (the joined key, place table, abbreviations, word, skeleton and
  one-edit keys; kept in step with `match_names` by tests/text/test_variant_keys.py), which
  also covers "exact" (same joined key, another name of one place) and "partial" (a word
  shared: ("word", ...));
- an acronym's letters and a name's initials ("acronym", ...), for `_is_acronym_of`;
- for `_shared_words`, each distinctive word, its first four letters (`close_forms` and
  `same_stem` need a shared stem that long) and its places ("form", ...).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from evalsuite.text.memo_sizes import WORD_MEMO
from evalsuite.text.nlp import Entity
from evalsuite.text.normalize import _ACRONYM_SKIP, name_tokens, variant_keys
from evalsuite.text.place_aliases import places_of

__all__ = ["NameBlocks", "entity_blocks", "match_keys"]

Key = tuple[str, object]


@lru_cache(maxsize=WORD_MEMO)
def match_keys(name: str, distinctive: tuple[str, ...]) -> frozenset[Key]:
    """Keys that `name` shares with every name it can match (`distinctive`: its words that
    `_shared_words` compares)."""
    tokens = name_tokens(name)
    keys: set[Key] = set(variant_keys(name))
    joined = "".join(tokens)
    if (len(tokens) == 1 or all(len(t) == 1 for t in tokens)) and 2 <= len(joined) <= 6:
        keys.add(("acronym", joined))
    if len(tokens) >= 2:
        keys.add(("acronym", "".join(t[0] for t in tokens if t not in _ACRONYM_SKIP)))
    for word in distinctive:
        keys.add(("form", word))
        if len(word) >= 4:
            keys.add(("form", word[:4]))
        keys.update(("form-place", place) for place in places_of(word))
    return frozenset(keys)


class NameBlocks:
    """Names (entities, or first mentions of clusters) by key, in the order added."""

    def __init__(self, keys_of: Callable[[str], frozenset[Key]]) -> None:
        self._keys_of = keys_of
        self._at: dict[Key, list[int]] = {}
        self.size = 0

    def add(self, name: str) -> None:
        for key in self._keys_of(name):
            self._at.setdefault(key, []).append(self.size)
        self.size += 1

    def near(self, name: str) -> list[int]:
        """Positions of the added names that share a key with `name`, in order."""
        return sorted({i for key in self._keys_of(name) for i in self._at.get(key, ())})


@lru_cache(maxsize=64)
def entity_blocks(
    entities: tuple[Entity, ...], keys_of: Callable[[str], frozenset[Key]]
) -> NameBlocks:
    """The blocks of a text's distinct entities, built once per text."""
    blocks = NameBlocks(keys_of)
    for ent in entities:
        blocks.add(ent.text)
    return blocks
