"""Converse predicates: "Greece borrowed money from Germany" is "Germany lent Greece money".

A converse names one event from the other participant's side, so its roles come permuted: the
borrower is the subject of "borrow" and the recipient of "lend". Each frame below reads a
clause of the converse verb as a clause of its partner, with its roles renamed, so that the
two compare directly: a converse paraphrase then agrees with its reference, and a converse
with the roles left as they were ("Germany borrowed money from Greece") is a reversal.

A frame applies only when its cue role is present: "lose" is a converse of "beat" only with
"to" ("Alcaraz lost to Sinner"); "Alcaraz lost the final" says nothing about who beat whom.
A verb takes a frame when one of its WordNet senses is the frame verb's converse sense or a
kind of it, so "purchase from" reads like "buy from"; the sense is WordNet's (its sense number,
most frequent first: "succeed" is a converse of "precede" in sense 2, "be the successor of",
not in sense 1, "attain success"). The most general frame is WordNet's own: every kind of "get,
acquire" (sense 1 of "acquire", the root of WordNet's verbs of getting) with a "from" phrase is
a transfer read as "give" from that phrase to the subject, so "obtain from", "secure from",
"win from", "lease from" and "rent from" compare with "give", "grant", "lend", "lease to" on
the other side without a list of verbs. A sense that itself names the reading does not count
("lease" has a sense "let, grant use of", a kind of "give": its "to" phrase is read as it
stands, its "from" phrase through its other sense, "take, engage under a contract").

Provenance: the pairs are the textbook converses of lexical semantics (J. Lyons, *Semantics*,
1977, section 9.1; D. A. Cruse, *Lexical Semantics*, 1986, chapter 10: buy/sell, lend/borrow,
give/receive, precede/follow, teach/learn, employ/work for, import/export, own/belong to);
WordNet 3.0 marks lend/borrow, buy/sell, precede/follow, precede/succeed and import/export as
antonyms. Two pairs are converses by WordNet's own glosses, each sense defined through the other
participant: host ("be the host of or for") / visit ("stay with as a guest"), and join ("become a
member of a group or organization") / admit ("admit into a group or community") or sign ("engage
by written agreement"; "be engaged by a written agreement": "signed for the club"). Frames name
roles, never test items.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import cast

from evalsuite.text.memo_sizes import LEMMA_MEMO
from evalsuite.text.predicates import is_verb, predicate_sense, synset_relations
from evalsuite.text.roles import Arg, Role, Triple

__all__ = ["CONVERSE_FRAMES", "ConverseFrame", "converse_readings"]

AGENT = "agent"


@dataclass(frozen=True)
class ConverseFrame:
    """`verb` in WordNet sense `sense` with role `cue` present reads as `reading`, each role
    renamed by `roles` (roles not named are dropped: "the final" of "lost the final to" has no
    place in "beat")."""

    verb: str
    sense: int
    cue: str
    reading: str
    roles: tuple[tuple[str, str], ...]


def _frame(
    verb: str, cue: str, reading: str, roles: dict[str, str], sense: int = 1
) -> ConverseFrame:
    return ConverseFrame(verb, sense, cue, reading, tuple(roles.items()))


# Transfers: the subject receives, the "from" phrase gives.
_RECEIVER = {"agent": "recipient", "source": "agent", "patient": "patient"}
_TRANSFER = _frame("acquire", "source", "give", _RECEIVER)
"""The general frame, used only where no specific one applies ("borrow from" reads as "lend")."""
CONVERSE_FRAMES: tuple[ConverseFrame, ...] = (
    _TRANSFER,
    _frame("borrow", "source", "lend", _RECEIVER),
    _frame("buy", "source", "sell", _RECEIVER),
    _frame("receive", "source", "give", _RECEIVER),
    _frame("import", "source", "export", _RECEIVER),
    _frame("learn", "source", "teach", _RECEIVER),
    # Order and succession: "B followed A" is "A preceded B".
    _frame("follow", "patient", "precede", {"agent": "patient", "patient": "agent"}),
    _frame("succeed", "patient", "precede", {"agent": "patient", "patient": "agent"}, sense=2),
    # "B works for A" is "A employs B"; "B belongs to A" is "A owns B".
    _frame("work", "beneficiary", "employ", {"agent": "patient", "beneficiary": "agent"}),
    _frame("belong", "recipient", "own", {"agent": "patient", "recipient": "agent"}),
    # "B lost to A" is "A beat B".
    _frame("lose", "recipient", "beat", {"agent": "patient", "recipient": "agent"}),
    # Guest and host: "B visited A" (sense 7, "stay with as a guest") is "A hosted B".
    _frame("visit", "patient", "host", {"agent": "patient", "patient": "agent"}, sense=7),
    # Member and group: "B joined A" (sense 1, "become a member of a group or organization")
    # is "A admitted B" and, of a club or firm, "A signed B" (sign sense 4, "engage by written
    # agreement"); "B signed for A" (sign sense 3, "be engaged by a written agreement") too.
    _frame("join", "patient", "admit", {"agent": "patient", "patient": "agent"}),
    _frame("join", "patient", "sign", {"agent": "patient", "patient": "agent"}),
    _frame("sign", "beneficiary", "sign", {"agent": "patient", "beneficiary": "agent"}, sense=3),
)


_KIND_DEPTH = 2
"""A verb takes a specific frame when one of its senses is the converse sense or a kind of it
at most this many steps down ("trail" "get behind" is a kind of "lag", a kind of "follow")."""


def _kinds_above(sense: int, depth: int) -> frozenset[int]:
    """The informative hypernyms of a synset up to `depth` steps up."""
    found: set[int] = set()
    frontier = {sense}
    for _ in range(depth):
        frontier = {h for s in frontier for h in synset_relations(s).hypernyms} - found
        found |= frontier
    return frozenset(found)


@lru_cache(maxsize=LEMMA_MEMO)
def _frames_for(pred: str) -> tuple[ConverseFrame, ...]:
    """The frames a predicate takes: its own verb's, or those whose converse sense one of its
    senses names or narrows, that sense not naming the reading itself ("give" never reads as
    a converse of "give")."""
    found = []
    lemma = pred if is_verb(pred) or " " not in pred else pred.split()[0]
    for frame in CONVERSE_FRAMES:
        if pred == frame.verb:
            found.append(frame)
            continue
        senses = predicate_sense(frame.verb).senses
        if len(senses) < frame.sense or pred == frame.reading:
            continue
        converse = senses[frame.sense - 1]
        reading = set(predicate_sense(frame.reading).senses)
        depth = 1 if frame is _TRANSFER else _KIND_DEPTH
        for rank, sense in enumerate(predicate_sense(lemma).senses):
            above = _kinds_above(sense, depth if rank == 0 else 1)
            if (sense == converse or converse in above) and not reading & {sense, *above}:
                found.append(frame)
                break
    specific = [f for f in found if f is not _TRANSFER]
    return tuple(specific or found)


def converse_readings(triples: list[Triple]) -> list[Triple]:
    """The triples that converse frames add: each clause of a converse verb whose cue role is
    filled, read as a clause of its partner."""
    by_clause: dict[tuple[int, str], list[Triple]] = {}
    for triple in triples:
        if not triple.noun and triple.reading is None:
            # "fell behind Toyota" has two readings of one verb: "fall" and "fall behind".
            by_clause.setdefault((triple.pred_token, triple.pred), []).append(triple)
    added: list[Triple] = []
    for clause in by_clause.values():
        for frame in _frames_for(clause[0].pred):
            added += _read_as(frame, clause)
    return added


def _read_as(frame: ConverseFrame, clause: list[Triple]) -> list[Triple]:
    cued = [t for t in clause if t.role == frame.cue and t.patient is not None]
    if not cued:
        return []
    renamed = dict(frame.roles)
    agent = clause[0].agent
    # Who fills each role of the reading: the clause's agent and each argument, renamed.
    fillers: dict[str, list[Arg | None]] = {}
    if agent is not None and AGENT in renamed:
        fillers.setdefault(renamed[AGENT], []).append(agent)
    for triple in clause:
        if triple.patient is not None and triple.role in renamed:
            fillers.setdefault(renamed[triple.role], []).append(triple.patient)
    new_agents: list[Arg | None] = fillers.pop(AGENT, [None])
    template = cued[0]
    readings = []
    for new_agent in dict.fromkeys(new_agents):
        for role, args in fillers.items():
            for arg in dict.fromkeys(args):
                readings.append(
                    replace(template, agent=new_agent, patient=arg, role=cast(Role, role),
                            reading=frame.reading)
                )  # fmt: skip
    return readings
