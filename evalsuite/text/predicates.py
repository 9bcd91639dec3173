"""Which predicates name the same event: WordNet synsets of verbs and event nouns.

A reference says "Pakistan struck India", its hypothesis "India attacked Pakistan": the roles are
only comparable once "strike" and "attack" are known to name one event. Two predicates are the
same event when WordNet 3.0 puts a sense of each in one synset (allow / let, accuse / charge), or
a sense of one is a direct hypernym of a sense of the other (strike "make an assault" is a kind
of attack; beat is a kind of defeat), or the two senses are broadly related (`related` of the
`s` rows): two kinds of one specific event (thrash / rout under "defeat soundly"), a specific
grandparent (condemn -> denounce -> criticise), WordNet's verb groups, "see also" and
entailments, or derived event nouns one of which is a kind of the other.
Hypernyms too general to say anything (change, be, move, act, make: over 60 direct troponyms)
were left out of the table, and kinds of a root verb are no kin ("kiss" and "hit" are kinds
of "touch", the root of its hierarchy, and stay apart). Antonyms
are never one event (praise / criticise, hire / fire, buy / sell), whatever else links them.
Event nouns ("invasion", "capture", "criticism") read as the verbs WordNet relates them to.

Relatedness may be broad because a reversal is only reported when the same two arguments
trade roles: the costly mistake is equating a predicate with its converse (lend / borrow,
precede / follow), which antonymy and `evalsuite.text.converses` keep apart.

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

from evalsuite.text.memo_sizes import LEMMA_MEMO

__all__ = [
    "american_spelling",
    "contrasted",
    "derived_verb",
    "gives_to",
    "is_event_noun",
    "PredicateSense",
    "SynsetRelations",
    "index_keys",
    "is_verb",
    "object_control",
    "opposed",
    "predicate_sense",
    "probe_keys",
    "same_event",
    "synset_relations",
]

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


@dataclass(frozen=True)
class SynsetRelations:
    """One verb synset's relations: direct informative hypernyms, broad relatives, antonyms,
    and the WordNet sentence frames among 15, 16, 24 (to somebody, from somebody, somebody
    to INFINITIVE)."""

    hypernyms: frozenset[int]
    related: frozenset[int]
    antonyms: frozenset[int]
    frames: frozenset[int]


_NO_RELATIONS = SynsetRelations(frozenset(), frozenset(), frozenset(), frozenset())


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


@lru_cache(maxsize=LEMMA_MEMO)
def predicate_sense(lemma: str, noun: bool = False) -> PredicateSense:
    """The synsets of a verb lemma ("shoot down" with its particle), or of an event noun."""
    rows = _rows()
    kind = "n" if noun else "v"
    row = rows.get((kind, lemma)) or rows.get((kind, american_spelling(lemma)))
    if row is None and not noun and " " in lemma:
        row = rows.get((kind, lemma.split()[0]))  # "hit back" -> hit
    if row is None and noun:
        verb = derived_verb(lemma)
        return predicate_sense(verb) if verb is not None else _NONE
    if row is None:
        return _NONE
    synsets, _, hypernyms = row.partition("\t")
    return PredicateSense(_ids(synsets), frozenset(_ids(hypernyms)))


# Suffixes that make event nouns of verbs, and what the verb ends in instead ("annexation" ->
# annex, "seizure" -> seize, "detention" -> detain, "harassment" -> harass).
_NOMINAL_SUFFIXES = (
    ("ation", ("", "e", "ate")), ("ition", ("", "e")), ("ention", ("ain",)), ("sion", ("de", "d")),
    ("tion", ("", "e")), ("ion", ("", "e")), ("ment", ("",)), ("ure", ("e",)),
)  # fmt: skip


@lru_cache(maxsize=4096)
def derived_verb(noun: str) -> str | None:
    """The verb a noun that WordNet's table leaves out is made of by a regular suffix
    ("annexation" -> annex, "seizure" -> seize), when WordNet lists that verb: what the noun
    of a nominal predicate ("Russia's annexation of Crimea") is compared as."""
    for suffix, endings in _NOMINAL_SUFFIXES:
        if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            stem = noun[: -len(suffix)]
            found = next((stem + e for e in endings if ("v", stem + e) in _rows()), None)
            if found is not None:
                return found
    return None


_BRITISH_ENDINGS = (("isation", "ization"), ("ise", "ize"), ("yse", "yze"), ("our", "or"))


def american_spelling(lemma: str) -> str:
    """The spelling WordNet lists a British form under ("penalise" -> penalize, "analyse" ->
    analyze, "organisation" -> organization, "honour" -> honor); the lemma itself otherwise."""
    for british, american in _BRITISH_ENDINGS:
        if lemma.endswith(british) and len(lemma) > len(british) + 2:
            return lemma[: -len(british)] + american
    return lemma


def is_event_noun(lemma: str) -> bool:
    """Whether WordNet's table lists the noun as an event noun (a derived verb is not enough:
    "government" is made of "govern" and names no event)."""
    return ("n", lemma) in _rows() or ("n", american_spelling(lemma)) in _rows()


def is_verb(lemma: str) -> bool:
    """Whether WordNet lists the lemma itself as a verb ("call in", not only "call")."""
    return ("v", lemma) in _rows() or ("v", american_spelling(lemma)) in _rows()


@lru_cache(maxsize=4096)
def object_control(lemma: str) -> bool:
    """Whether a sense of the verb, or of the verbs an event noun of that spelling names, has
    WordNet's frame 24, "Somebody ----s somebody to INFINITIVE" (pressure, urge, call on):
    the one it acts on does what the infinitive says."""
    senses = predicate_sense(lemma).senses if is_verb(lemma) else ()
    senses += predicate_sense(lemma, noun=True).senses
    return any(24 in synset_relations(s).frames for s in senses)


@lru_cache(maxsize=4096)
def gives_to(lemma: str) -> bool:
    """Whether a sense of the verb has WordNet's frame 15, "Somebody ----s something to
    somebody" (give, send, pay, supply, teach): a verb of transfer to a recipient."""
    return any(15 in synset_relations(s).frames for s in predicate_sense(lemma).senses)


@lru_cache(maxsize=LEMMA_MEMO)
def synset_relations(synset: int) -> SynsetRelations:
    """The `s` row of a verb synset (no relations for an unknown one)."""
    row = _rows().get(("s", f"{synset:08d}"))
    if row is None:
        return _NO_RELATIONS
    fields = [frozenset(_ids(f)) for f in (row.split("\t") + ["", "", "", ""])[:4]]
    return SynsetRelations(*fields)


@lru_cache(maxsize=LEMMA_MEMO)
def index_keys(lemma: str, noun: bool = False) -> frozenset[Key]:
    """Keys a predicate of the compared text is stored under."""
    sense = predicate_sense(lemma, noun)
    keys: set[Key] = {("w", lemma)}
    keys.update(("s", s) for s in sense.senses)
    keys.update(("h", h) for h in sense.hypernyms)
    return frozenset(keys)


@lru_cache(maxsize=LEMMA_MEMO)
def probe_keys(lemma: str, noun: bool = False) -> frozenset[Key]:
    """Keys that find every stored predicate naming the same event: a shared synset, this
    predicate's sense as the other's hypernym, its hypernym as the other's sense, or a broad
    relative of its sense as the other's sense."""
    sense = predicate_sense(lemma, noun)
    keys: set[Key] = {("w", lemma)}
    keys.update(("s", s) for s in sense.senses)
    keys.update(("h", s) for s in sense.senses)
    keys.update(("s", h) for h in sense.hypernyms)
    keys.update(("s", r) for s in sense.senses for r in synset_relations(s).related)
    return frozenset(keys)


@lru_cache(maxsize=LEMMA_MEMO)
def _antonyms(lemma: str, noun: bool) -> frozenset[int]:
    return frozenset(a for s in predicate_sense(lemma, noun).senses
                     for a in synset_relations(s).antonyms)  # fmt: skip


def opposed(a: str, b: str, a_noun: bool = False, b_noun: bool = False) -> bool:
    """Whether a sense of one is WordNet's antonym of a sense of the other (praise /
    criticise, hire / fire, lend / borrow): never one event."""
    if a == b and a_noun == b_noun:
        return False
    return not _antonyms(a, a_noun).isdisjoint(predicate_sense(b, b_noun).senses) or not (
        _antonyms(b, b_noun).isdisjoint(predicate_sense(a, a_noun).senses)
    )


def same_event(a: str, b: str, a_noun: bool = False, b_noun: bool = False) -> bool:
    """Whether two predicates name one event (the relation `probe_keys` finds), antonyms
    excepted."""
    if opposed(a, b, a_noun, b_noun):
        return False
    return not probe_keys(a, a_noun).isdisjoint(index_keys(b, b_noun))


_ANCESTOR_DEPTH = 3


@lru_cache(maxsize=LEMMA_MEMO)
def _ancestors(lemma: str, noun: bool) -> frozenset[int]:
    """A predicate's senses and their informative hypernyms up to _ANCESTOR_DEPTH steps."""
    found = set(predicate_sense(lemma, noun).senses)
    frontier = set(found)
    for _ in range(_ANCESTOR_DEPTH):
        frontier = {h for s in frontier for h in synset_relations(s).hypernyms} - found
        found |= frontier
    return frozenset(found)


def contrasted(a: str, b: str, a_noun: bool = False, b_noun: bool = False) -> bool:
    """Whether one predicate, or a kind of event it is a kind of, is WordNet's antonym of the
    other or of a kind of event the other is a kind of ("trail" is a kind of "follow", the
    antonym of "lead"): opposites and converses, never one event told the other way."""
    if a == b and a_noun == b_noun:
        return False
    above_a, above_b = _ancestors(a, a_noun), _ancestors(b, b_noun)
    ants_a = {x for s in above_a for x in synset_relations(s).antonyms}
    ants_b = {x for s in above_b for x in synset_relations(s).antonyms}
    return not ants_a.isdisjoint(above_b) or not ants_b.isdisjoint(above_a)
