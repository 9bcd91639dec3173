"""Which predicates name the same event: WordNet synsets of verbs and event nouns.

A reference says "Pakistan struck India", its hypothesis "India attacked Pakistan": the roles are
only comparable once "strike" and "attack" are known to name one event. Two predicates are the
same event when WordNet 3.0 puts a sense of each in one synset (allow / let, accuse / charge), or
a sense of one is a direct hypernym of a sense of the other (strike "make an assault" is a kind
of attack; beat is a kind of defeat). Hypernyms too general to say anything (change, be, move,
act, make: over 60 direct troponyms) were left out of the table, and sisters (two kinds of one
event) are not equated, so "kiss" and "hit" stay apart. Event nouns ("invasion", "capture",
"criticism") read as the verbs WordNet relates them to.

The table is derived from WordNet by scripts/build_wordnet_predicates.py and ships in
evalsuite/resources/wordnet_predicates.tsv (WordNet licence in WORDNET_LICENSE beside it). It is
read once, on the first lookup, never at import. Synsets are WordNet 3.0 offsets, the ids that
the Open Multilingual Wordnet maps other languages' lemmas to, so a lexicon for another
language plugs in by giving its lemmas the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["PredicateSense", "index_keys", "predicate_sense", "probe_keys", "same_event"]

TABLE = "wordnet_predicates.tsv"
Key = tuple[str, int | str]
"""("s", synset), ("h", hypernym) or ("w", lemma): what a predicate is indexed and found by."""


@dataclass(frozen=True)
class PredicateSense:
    """A predicate's WordNet synsets (most frequent sense first) and their direct
    (informative) hypernyms."""

    senses: tuple[int, ...]
    hypernyms: frozenset[int]

    @property
    def synsets(self) -> frozenset[int]:
        return frozenset(self.senses)

    def names_or_narrows(self, synset: int) -> bool:
        """Whether one of its senses is `synset` or a direct kind of it."""
        return synset in self.senses or synset in self.hypernyms


_NONE = PredicateSense((), frozenset())


@lru_cache(maxsize=1)
def _rows() -> dict[tuple[str, str], str]:
    """(kind, lemma) -> its unparsed row, read once from the shipped table; rows are parsed
    when first looked up, which keeps the first check call fast."""
    text = resources.files("evalsuite").joinpath("resources", TABLE).read_text(encoding="utf-8")
    rows: dict[tuple[str, str], str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            kind, lemma, rest = line.split("\t", 2)
            rows[(kind, lemma)] = rest
    return rows


def _ids(field: str) -> tuple[int, ...]:
    return tuple(int(s) for s in field.split(",") if s)


@lru_cache(maxsize=65536)
def predicate_sense(lemma: str, noun: bool = False) -> PredicateSense:
    """The synsets of a verb lemma ("shoot down" with its particle), or of an event noun."""
    rows = _rows()
    kind = "n" if noun else "v"
    row = rows.get((kind, lemma))
    if row is None and not noun and " " in lemma:
        row = rows.get((kind, lemma.split()[0]))  # "hit back" -> hit
    if row is None:
        return _NONE
    synsets, _, hypernyms = row.partition("\t")
    return PredicateSense(_ids(synsets), frozenset(_ids(hypernyms)))


@lru_cache(maxsize=65536)
def index_keys(lemma: str, noun: bool = False) -> frozenset[Key]:
    """Keys a predicate of the compared text is stored under."""
    sense = predicate_sense(lemma, noun)
    keys: set[Key] = {("w", lemma)}
    keys.update(("s", s) for s in sense.senses)
    keys.update(("h", h) for h in sense.hypernyms)
    return frozenset(keys)


@lru_cache(maxsize=65536)
def probe_keys(lemma: str, noun: bool = False) -> frozenset[Key]:
    """Keys that find every stored predicate naming the same event: a shared synset, this
    predicate's sense as the other's hypernym, or its hypernym as the other's sense."""
    sense = predicate_sense(lemma, noun)
    keys: set[Key] = {("w", lemma)}
    keys.update(("s", s) for s in sense.senses)
    keys.update(("h", s) for s in sense.senses)
    keys.update(("s", h) for h in sense.hypernyms)
    return frozenset(keys)


def same_event(a: str, b: str, a_noun: bool = False, b_noun: bool = False) -> bool:
    """Whether two predicates name one event (the relation `probe_keys` finds)."""
    return not probe_keys(a, a_noun).isdisjoint(index_keys(b, b_noun))
