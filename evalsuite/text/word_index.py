"""A folded text's words indexed once, so that looking up many names in one long text costs
about one pass over the text, not one pass per name.

The entity checks look every name of a summary up in its article: a close form of one of the
name's words, a window of words that respells it, a one-word place in another form. Each of
those asks a question of every word (or window) of the article; asked of each distinct word
once, and only of the words that can answer (those that share the first letters or the first
sound that the question needs), the answers are the same and the cost no longer grows with
(names x article words). Positions are kept so that a caller that wants the first hit in
text order still gets that one.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import cached_property, lru_cache

from evalsuite.text.normalize import FoldedText, fold_text, sound_class
from evalsuite.text.place_aliases import places_of

__all__ = ["PREFIX", "Window", "WordIndex", "hits_within", "joined_initials", "word_index"]

PREFIX = 4
"""Letters two words share whenever `normalize.same_stem` or `close_forms` relates them (both
need a common stem of four letters or more)."""

Word = tuple[str, int, int]
"""A folded word with its folded [start, end)."""
Window = tuple[str, int, frozenset[str]]
"""A distinct window of words: its words joined by spaces, the index of its first qualifying
occurrence, and the sound classes of its first and last words."""


def joined_initials(words: list[Word]) -> list[Word]:
    """Folded words with runs of single letters joined ("u s" -> "us", for "U.S.")."""
    joined: list[Word] = []
    run: list[Word] = []
    for item in [*words, ("", 0, 0)]:
        if len(item[0]) == 1 and item[0].isalpha():
            run.append(item)
            continue
        if len(run) >= 2:
            joined.append(("".join(w for w, _, _ in run), run[0][1], run[-1][2]))
        else:
            joined.extend(run)
        run = []
        if item[0]:
            joined.append(item)
    return joined


class WordIndex:
    """The words of one folded text, by word, by first letters and by window."""

    def __init__(self, folded: FoldedText) -> None:
        self.folded = folded
        self.words = folded.tokens()
        self._windows: dict[tuple[int, bool], dict[str, list[Window]]] = {}

    # --- single words, in the text's own order ---------------------------------------------

    @cached_property
    def first_at(self) -> dict[str, int]:
        """Each distinct word and the index of its first occurrence, in text order."""
        first: dict[str, int] = {}
        for i, (word, _, _) in enumerate(self.words):
            first.setdefault(word, i)
        return first

    @cached_property
    def _at(self) -> dict[str, list[int]]:
        at: dict[str, list[int]] = {}
        for i, (word, _, _) in enumerate(self.words):
            at.setdefault(word, []).append(i)
        return at

    def positions(self, word: str) -> list[int]:
        """Indexes of every occurrence of `word`, in text order."""
        return self._at.get(word, [])

    @cached_property
    def _by_prefix(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for word in self.first_at:
            if len(word) >= PREFIX:
                grouped.setdefault(word[:PREFIX], []).append(word)
        return grouped

    def with_prefix(self, word: str) -> list[str]:
        """Distinct words of four letters or more that open like `word`, in text order."""
        return self._by_prefix.get(word[:PREFIX], []) if len(word) >= PREFIX else []

    @cached_property
    def _by_initial(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for word in self.first_at:
            grouped.setdefault(word[0], []).append(word)
        return grouped

    def with_initial(self, letter: str) -> list[str]:
        """Distinct words that open with `letter`, in text order."""
        return self._by_initial.get(letter, [])

    # --- words with runs of initials joined ("u s" -> "us") --------------------------------

    @cached_property
    def joined(self) -> list[Word]:
        return joined_initials(self.words)

    @cached_property
    def _joined_at(self) -> dict[str, list[int]]:
        at: dict[str, list[int]] = {}
        for i, (word, _, _) in enumerate(self.joined):
            at.setdefault(word, []).append(i)
        return at

    @cached_property
    def _joined_by_prefix(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for word in self._joined_at:
            if len(word) >= PREFIX:
                grouped.setdefault(word[:PREFIX], []).append(word)
        return grouped

    @cached_property
    def _joined_places(self) -> list[str]:
        return [word for word in self._joined_at if places_of(word)]

    def joined_candidates(self, tokens: list[str]) -> list[str]:
        """Distinct joined words that may be a form of one of `tokens` (`entities._form_of`):
        one of them, one sharing its first four letters, or a name of a place."""
        found: dict[str, None] = {}
        for token in tokens:
            if token in self._joined_at:
                found[token] = None
            if len(token) >= PREFIX:
                found.update(dict.fromkeys(self._joined_by_prefix.get(token[:PREFIX], [])))
        for word in self._joined_places:
            found[word] = None
        return list(found)

    def joined_positions(self, words: list[str]) -> list[int]:
        """Indexes in `joined` of every occurrence of `words`, in text order."""
        return sorted(i for word in words for i in self._joined_at.get(word, ()))

    # --- windows of several words ----------------------------------------------------------

    def windows_opening(
        self, size: int, cased: bool, capitalised: Callable[[int], bool], classes: set[str]
    ) -> list[Window]:
        """Distinct windows of `size` words whose first or last word opens with one of the
        sound `classes`, each at its first occurrence whose first word is `capitalised` (by
        folded offset) when `cased`, in text order."""
        groups = self._window_groups(size, cased, capitalised)
        picked = {w[1]: w for c in classes for w in groups.get(c, ())}
        return [picked[i] for i in sorted(picked)]

    def _window_groups(
        self, size: int, cased: bool, capitalised: Callable[[int], bool]
    ) -> dict[str, list[Window]]:
        key = (size, cased)
        known = self._windows.get(key)
        if known is not None:
            return known
        first: dict[str, Window] = {}
        words = self.words
        for i in range(len(words) - size + 1):
            window = words[i : i + size]
            joined = " ".join(w for w, _, _ in window)
            if joined in first or (cased and not capitalised(window[0][1])):
                continue
            edges = frozenset({sound_class(window[0][0]), sound_class(window[-1][0])})
            first[joined] = (joined, i, edges)
        groups: dict[str, list[Window]] = {}
        for entry in first.values():
            for cls in entry[2]:
                groups.setdefault(cls, []).append(entry)
        self._windows[key] = groups
        return groups


def hits_within(hits: list[int], first: int, width: int) -> list[int]:
    """The sorted `hits` in [first, first + width)."""
    return hits[bisect.bisect_left(hits, first) : bisect.bisect_left(hits, first + width)]


@lru_cache(maxsize=64)
def word_index(text: str) -> WordIndex:
    """The index of a text, built once per text (the names of every hypothesis of one
    article are looked up in the same one)."""
    return WordIndex(fold_text(text))
