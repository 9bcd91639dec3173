"""How two (agent, predicate, patient) triples compare: same event, same roles, swapped roles.

`role_reversal` (evalsuite.checks.roles) asks of each hypothesis triple whether the compared
text holds the same event with its arguments the other way round and nothing there supports
it as written; these are the pieces of that question, shared by the comparison of one event
named by related predicates (`conflict`) and of two aligned clauses whose predicates differ
(`evalsuite.checks.role_aligned`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from evalsuite.text.predicates import Key, index_keys, opposed, probe_keys
from evalsuite.text.roles import Arg, Triple

__all__ = [
    "SYMMETRIC_PREDICATES", "ArgKey", "Conflict", "EventIndex", "agrees", "arg_keys", "conflict",
    "full_swap",
    "one_clause", "same", "slot", "symmetric",
]  # fmt: skip


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Predicates whose two participants can trade places without changing the fact.
SYMMETRIC_PREDICATES = _words(
    "meet marry divorce date talk speak chat agree disagree negotiate play fight battle clash "
    "compete face tie draw trade merge partner ally cooperate collaborate wrestle debate "
    "resemble match equal border neighbour neighbor hug embrace kiss correspond converse "
    "rencontrer épouser négocier affronter jouer combattre discuter parler"
)
@dataclass(frozen=True)
class Conflict:
    """A hypothesis triple and the triple it contradicts; `full` when both roles swapped;
    `aligned` when the two predicates differ and the clauses are compared because their
    sentences tell the same thing (evalsuite.checks.role_aligned)."""

    hyp: Triple
    ref: Triple
    full: bool
    aligned: bool = False


class EventIndex:
    """The compared text's triples, found by event: every triple whose predicate WordNet
    names the same event (`evalsuite.text.predicates`), in one dictionary look-up per key
    rather than a scan of every clause. Repeated identical clauses are kept once."""

    def __init__(self, triples: Sequence[Triple]) -> None:
        self.triples = list(dict.fromkeys(triples))
        self._by_key: dict[Key, list[int]] = {}
        for i, triple in enumerate(self.triples):
            for key in index_keys(triple.event, triple.noun):
                self._by_key.setdefault(key, []).append(i)
        # Candidates depend on the probe's event and noun only; an index kept with a parse
        # (checks/roles.py) answers the same clause of every system's output once.
        self._found: dict[tuple[str, bool], tuple[Triple, ...]] = {}
        self._by_key_of_args: dict[tuple[str, bool], dict[ArgKey, list[int]]] = {}
        self._by_sentence: dict[tuple[str, bool], dict[int, list[int]]] = {}

    def candidates(self, triple: Triple) -> list[Triple]:
        """Triples of the same event; never one whose predicate is an antonym."""
        probe = (triple.event, triple.noun)
        known = self._found.get(probe)
        if known is None:
            found: set[int] = set()
            for key in probe_keys(triple.event, triple.noun):
                found.update(self._by_key.get(key, ()))
            picked = (self.triples[i] for i in sorted(found))
            known = tuple(
                t for t in picked if not opposed(triple.event, t.event, triple.noun, t.noun)
            )
            self._found[probe] = known
        return list(known)

    def _known(self, triple: Triple) -> tuple[Triple, ...]:
        probe = (triple.event, triple.noun)
        if probe not in self._found:
            self.candidates(triple)
        return self._found[probe]

    def near(self, triple: Triple) -> list[Triple]:
        """`candidates` whose agent or patient shares an `arg_keys` key with the triple's
        agent or patient, in the same order: the only ones that can swap with it or agree
        with it (`conflict` compares arguments with `Arg.same`), found without reading every
        clause of a frequent event ("say") for each of the output's."""
        probe = (triple.event, triple.noun)
        known = self._known(triple)
        by_key = self._by_key_of_args.get(probe)
        if by_key is None:
            by_key = {}
            for i, t in enumerate(known):
                for key in set().union(*(arg_keys(a) for a in (t.agent, t.patient) if a)):
                    by_key.setdefault(key, []).append(i)
            self._by_key_of_args[probe] = by_key
        keys = set().union(*(arg_keys(a) for a in (triple.agent, triple.patient) if a))
        picked = sorted({i for key in keys for i in by_key.get(key, ())})
        return [known[i] for i in picked]

    def in_sentences(self, triple: Triple, sentences: Collection[int]) -> list[Triple]:
        """`candidates` that lie in one of `sentences`, in the same order."""
        probe = (triple.event, triple.noun)
        known = self._known(triple)
        by_sentence = self._by_sentence.get(probe)
        if by_sentence is None:
            by_sentence = {}
            for i, t in enumerate(known):
                by_sentence.setdefault(t.sentence, []).append(i)
            self._by_sentence[probe] = by_sentence
        few, many = (sentences, by_sentence) if len(sentences) < len(by_sentence) else (
            by_sentence, sentences)  # fmt: skip
        picked = sorted(i for s in few if s in many for i in by_sentence[s])
        return [known[i] for i in picked]


ArgKey = tuple[str, str]
"""A key two arguments share whenever `Arg.same` holds: the head, or a country named."""


def arg_keys(arg: Arg) -> set[ArgKey]:
    """Keys two arguments share whenever `Arg.same` holds (keep the two in step; tested on
    every pair of arguments of the test texts): equal heads, a country in common, or a
    capitalised word as written that is the other's head ("Bulls" / "the Bulls")."""
    keys = {("head", arg.head), *(("place", place) for place in arg.places)}
    if arg.written:
        keys.add(("head", arg.written))
    return keys


def symmetric(triple: Triple) -> bool:
    return triple.pred.split()[0] in SYMMETRIC_PREDICATES


def one_clause(a: Triple, b: Triple) -> bool:
    """Two readings of one clause ("impose tariffs on X" and "tariffs on X") count once."""
    overlap = a.start < b.end and b.start < a.end
    return overlap and same(a.agent, b.agent) and same(a.patient, b.patient)


def conflict(hyp: Triple, candidates: Sequence[Triple]) -> Conflict | None:
    """The strongest contradiction of `hyp`, unless a triple that agrees with it outweighs it."""
    full = [r for r in candidates if full_swap(hyp, r)]
    if any(agrees(hyp, r, fully=True) for r in candidates):
        return None
    if full:
        return Conflict(hyp, full[0], True)
    if any(agrees(hyp, r, fully=False) for r in candidates):
        return None
    # One moved argument is weak evidence: only on the very same predicate (not on one WordNet
    # relates: "recovery of the helicopter" / "the helicopter picked up"; "Merz got ready" /
    # "Macron received Merz") and in the core roles, whose attachment the parser gets right
    # far more often than that of a prepositional phrase.
    partial = [r for r in candidates if same_predicate(hyp, r) and one_side_swap(hyp, r)]
    return Conflict(hyp, partial[0], False) if partial else None


def same_predicate(a: Triple, b: Triple) -> bool:
    return a.event == b.event and a.noun == b.noun and core(a) and core(b)


def core(triple: Triple) -> bool:
    """Object, target of an attack noun or light verb, or the "to" of a dative verb."""
    return triple.role in ("patient", "target") or triple.frame == "dative"


def same(a: Arg | None, b: Arg | None) -> bool:
    return a is not None and b is not None and a.same(b)


def slot(triple: Triple) -> str:
    """Patients and targets ("attack Y", "attacks on Y", "fired at Y") compare; recipients,
    sources and beneficiaries are roles of their own."""
    return "patient" if triple.role in ("target", "aim") else triple.role


def full_swap(hyp: Triple, ref: Triple) -> bool:
    swapped = same(hyp.agent, ref.patient) and same(hyp.patient, ref.agent)
    return swapped and slot(hyp) == slot(ref)


def one_side_swap(hyp: Triple, ref: Triple) -> bool:
    """An argument moved between agent and patient while the other side differs or is unknown.

    The compared triple must name both roles: an agentless one ("the tourist called", often
    a misparse) is too weak to contradict anything on one side alone. An output clause with
    no agent must be a passive ("Russia was attacked"): an active one without a subject (a
    gerund, a title: "Looking for Companions") says nothing of who acts."""
    if ref.agent is None or ref.patient is None:
        return False
    if hyp.agent is None and hyp.frame != "passive":
        return False
    agent_moved = same(hyp.agent, ref.patient) and not same(hyp.agent, ref.agent)
    patient_moved = same(hyp.patient, ref.agent) and not same(hyp.patient, ref.patient)
    return agent_moved or patient_moved


def agrees(hyp: Triple, ref: Triple, *, fully: bool) -> bool:
    """No role clash and a shared argument in the same role; `fully`: both roles shared."""
    same_slot = slot(hyp) == slot(ref)
    checks = [
        compatible(hyp.agent, ref.agent),
        compatible(hyp.patient, ref.patient) if same_slot else None,
    ]
    if False in checks:
        return False
    shared = checks.count(True)
    return shared == 2 if fully else shared >= 1


def compatible(a: Arg | None, b: Arg | None) -> bool | None:
    """True: the same argument; False: two different ones; None: one side unknown."""
    if a is None or b is None:
        return None
    return a.same(b)
