"""Swapped arguments under two different predicates, in sentences that tell the same thing.

WordNet does not relate every pair of synonyms a reporter or a translator uses (hire /
recruit, detain / arrest, oust / topple), so a reversal told with another verb would go
unseen if predicates had to be related. Yet a swap is only ever considered when the same two
arguments trade agent and patient: in two sentences that tell the same thing (aligned by
content words, `evalsuite.text.sentence_alignment`), a clause "B verb2 A" against "A verb1 B"
is the same event told the other way round unless the two predicates are a converse pair,
which is a small, closed class that is known: WordNet antonyms, also through the kinds of event
each is a kind of (lead / trail, a kind of follow; buy / sell; precede / follow), and the
converse frames (`evalsuite.text.converses`: a clause with a converse reading is never compared
here). Symmetric predicates, nouns, and roles other than the direct patient are left out, and
the pair stays silent when either text also states the other orientation with any predicate
("the bank hired him, and he advised the bank"). Across sentences that are not aligned (a
summary sentence against the rest of a long article), predicates must still name one event.
"""

from __future__ import annotations

from collections.abc import Sequence

from evalsuite.checks.role_compare import (
    ArgKey,
    Conflict,
    arg_keys,
    full_swap,
    same,
    slot,
    symmetric,
)
from evalsuite.text.predicates import contrasted, same_event
from evalsuite.text.roles import Triple
from evalsuite.text.sentence_alignment import SentenceAlignment

__all__ = ["aligned_swaps"]

_VERBAL_FRAMES = frozenset({"active", "passive", "relative", "dative"})
_COMPARED_ROLES = frozenset({"patient", "target", "aim", "source", "recipient"})
"""The direct patient, and the oblique roles of where from, where to and at whom ("hired the
engineer from Rivian" / "Rivian recruited the engineer from Tesla"); each is compared only
with the same role (`slot`) on the other side."""


def aligned_swaps(
    hyp_triples: Sequence[Triple], ref_triples: Sequence[Triple], alignment: SentenceAlignment
) -> list[Conflict]:
    """One conflict per hypothesis clause whose agent and patient (or oblique role) are the
    patient and agent of a clause with a different, unrelated, non-converse predicate in an
    aligned sentence. A clause with a converse reading keeps its oblique roles as written:
    "hired the engineer from Rivian" and "recruited the engineer from Tesla" compare
    source with source, whatever "hire from" also reads as."""
    hyp_converse = {t.pred_token for t in hyp_triples if t.reading is not None}
    ref_converse = {t.pred_token for t in ref_triples if t.reading is not None}
    # A full swap needs the clause's patient to be the output's agent (`same`: a shared
    # `arg_keys` key): only those clauses are read, not every clause of the compared text.
    compared = [r for r in ref_triples if _comparable(r) and not _read_as_converse(r, ref_converse)]
    by_patient: dict[ArgKey, list[int]] = {}
    for i, r in enumerate(compared):
        for key in arg_keys(r.patient) if r.patient is not None else ():
            by_patient.setdefault(key, []).append(i)
    found: list[Conflict] = []
    for h in hyp_triples:
        if not _comparable(h) or _read_as_converse(h, hyp_converse):
            continue
        assert h.agent is not None  # `_comparable`
        near = sorted({i for key in arg_keys(h.agent) for i in by_patient.get(key, ())})
        for r in (compared[i] for i in near):
            if not full_swap(h, r):
                continue
            if same_event(h.event, r.event) or contrasted(h.event, r.event):
                continue  # one event: compared already; opposites and converses: no reversal
            if not alignment.aligned(h.sentence, r.sentence):
                continue
            if _states(ref_triples, h) or _states(hyp_triples, r):
                continue
            found.append(Conflict(h, r, full=True, aligned=True))
            break
    return found


def _read_as_converse(t: Triple, converse_clauses: set[int]) -> bool:
    """A patient of a clause that a converse frame reads another way round ("B followed A")."""
    return t.pred_token in converse_clauses and slot(t) == "patient"


def _comparable(t: Triple) -> bool:
    """A verb's own clause naming both its agent and its patient or an oblique role (not a
    preposition's object read as a particle's: "the contract went to Thales" names no
    patient)."""
    return (
        not t.noun and _as_told(t) and not t.phrasal and t.role in _COMPARED_ROLES
        and t.frame in _VERBAL_FRAMES
        and t.agent is not None and t.patient is not None and not symmetric(t)
    )  # fmt: skip


def _states(triples: Sequence[Triple], t: Triple) -> bool:
    """Whether some clause, whatever its predicate, has `t`'s agent acting on its patient
    (in the same role)."""
    return any(
        _as_told(x) and slot(x) == slot(t) and same(x.agent, t.agent)
        and same(x.patient, t.patient)
        for x in triples
    )  # fmt: skip


def _as_told(t: Triple) -> bool:
    """A clause as written, or a converse reading of who gives to whom: "the bank borrowed
    the loan from Kenya" read as "Kenya lent it to the bank" compares its recipient with
    "the bank granted the loan to Kenya" (a reading's patient is the thing given)."""
    return t.reading is None or t.role == "recipient"
