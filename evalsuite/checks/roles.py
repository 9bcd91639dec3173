"""`role_reversal`: the hypothesis says who did what to whom the other way round.

Overlap metrics score "The protester arrested the police" almost as high as the correct
sentence, so roles are compared directly: both texts are reduced to (agent, predicate,
patient) triples (see `evalsuite.text.roles`), which makes passives, relative clauses and
fronted phrases invisible, and a hypothesis triple is reported when the same predicate holds
with its arguments swapped on the other side and nothing there supports it as written.

It compares a translation with its reference, a summary with its source (and reference), and,
reference-free, a document's headline with its own body. Symmetric predicates ("meet",
"negotiate") are never reported: "Biden met Xi" and "Xi met Biden" say the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from evalsuite.checks.base import Finding, Span
from evalsuite.text.converses import converse_readings
from evalsuite.text.nlp import ParsedSegment, ParsedText, load_pipeline
from evalsuite.text.predicates import Key, index_keys, opposed, probe_keys
from evalsuite.text.roles import Arg, Triple, extract_triples

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["SYMMETRIC_PREDICATES", "headline_split", "role_reversal"]

CHECK = "role_reversal"
Against = Literal["reference", "source", "body"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Predicates whose two participants can trade places without changing the fact.
SYMMETRIC_PREDICATES = _words(
    "meet marry divorce date talk speak chat agree disagree negotiate play fight battle clash "
    "compete face tie draw trade merge partner ally cooperate collaborate wrestle debate "
    "resemble match equal border neighbour neighbor hug embrace kiss correspond converse "
    "rencontrer épouser négocier affronter jouer combattre discuter parler"
)
# A headline: one short first line, then a blank line, then the body.
_HEADLINE = re.compile(r"\A\s*(?P<head>[^\n]+?)[ \t]*\n[ \t]*\n(?=\s*\S)")
_HEADLINE_MAX_WORDS = 30


@dataclass(frozen=True)
class _Conflict:
    """A hypothesis triple and the triple it contradicts; `full` when both roles swapped."""

    hyp: Triple
    ref: Triple
    full: bool


def role_reversal(seg: ParsedSegment) -> list[Finding]:
    """Hypothesis triples whose agent and patient trade places against the other side."""
    if seg.hyp.doc is None:
        return []
    hyp_triples = _triples(seg.hyp)
    findings: list[Finding] = []
    seen: set[tuple[int, str]] = set()
    for against, other in _comparisons(seg):
        if other.doc is None or other.lang != seg.hyp.lang:
            continue
        for finding in _findings(hyp_triples, _triples(other), seg.hyp, other, against):
            # A fault seen against the reference is not reported again against the source.
            start = finding.hyp_span.start if finding.hyp_span else -1
            key = (start, repr(finding.evidence["hyp_triple"]))
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    if seg.ref is None and seg.src is None:
        findings += _headline_findings(seg.hyp, hyp_triples)
    return findings


def _triples(text: ParsedText) -> list[Triple]:
    """A text's triples, and its converse clauses read as their partners' (English only)."""
    assert text.doc is not None
    triples = extract_triples(_headline_reparsed(text.text, text.lang) or text.doc)
    return triples + converse_readings(triples) if text.lang == "en" else triples


_SENTENCE_END = (".", "!", "?", '"', "'", "”", "’", ")")


@lru_cache(maxsize=1024)
def _headline_reparsed(text: str, lang: str) -> Doc | None:
    """A one-line headline in which the small parser found no verb ("Swiatek beats Ostapenko
    in Doha": "beats" read as a plural noun) parsed again as a sentence, with a full stop,
    which often gives the verb back; None when that changes nothing (offsets are unchanged:
    the stop comes after the text)."""
    stripped = text.strip()
    if "\n" in stripped or stripped.endswith(_SENTENCE_END) or text != stripped:
        return None
    if not 2 < len(stripped.split()) <= _HEADLINE_MAX_WORDS:
        return None
    nlp = load_pipeline(lang)
    if nlp is None:
        return None
    first = nlp(text)
    if any(t.pos_ in ("VERB", "AUX") for t in first):
        return None
    again = nlp(f"{text}.")
    return again if any(t.pos_ in ("VERB", "AUX") for t in again) else None


def _comparisons(seg: ParsedSegment) -> list[tuple[Against, ParsedText]]:
    pairs: list[tuple[Against, ParsedText]] = []
    if seg.ref is not None:
        pairs.append(("reference", seg.ref))
    if seg.src is not None:
        pairs.append(("source", seg.src))
    return pairs


def headline_split(text: str) -> tuple[int, int] | None:
    """(end of the headline, start of the body) when the text opens with a short headline
    line followed by a blank line and a body; else None."""
    match = _HEADLINE.match(text)
    if match is None or len(match.group("head").split()) > _HEADLINE_MAX_WORDS:
        return None
    return match.end("head"), match.end()


def _headline_findings(hyp: ParsedText, triples: list[Triple]) -> list[Finding]:
    split = headline_split(hyp.text)
    if split is None:
        return []
    head_end, body_start = split
    doc = hyp.doc
    assert doc is not None
    positions = [[doc[a.token].idx for a in (t.agent, t.patient) if a] for t in triples]
    headline = [
        _headline_reading(t, hyp)
        for t, at in zip(triples, positions, strict=True)
        if t.end <= head_end and all(i < head_end for i in at)
    ]
    body = [
        t
        for t, at in zip(triples, positions, strict=True)
        if t.start >= body_start and all(i >= body_start for i in at)
    ]
    return _findings(headline, body, hyp, hyp, "body")


def _headline_reading(triple: Triple, hyp: ParsedText) -> Triple:
    """Headlines drop "was": "Shipper fined over emissions" means the shipper was fined, so
    a past-tense verb there with a subject and no object is read as a passive."""
    assert hyp.doc is not None
    verb = hyp.doc[triple.pred_token]
    if triple.frame != "active" or triple.patient is not None or triple.agent is None:
        return triple
    if verb.tag_ not in ("VBD", "VBN"):
        return triple
    return replace(triple, agent=None, patient=triple.agent, frame="passive")


def _findings(
    hyp_triples: Sequence[Triple],
    ref_triples: Sequence[Triple],
    hyp: ParsedText,
    other: ParsedText,
    against: Against,
) -> list[Finding]:
    """One finding per hypothesis predicate that only the swapped reading supports, then one
    per pair of clauses of a sentence whose arguments trade places with those of the other
    side's sentence."""
    index = _EventIndex(ref_triples)
    best: dict[int, _Conflict] = {}
    for triple in hyp_triples:
        if _symmetric(triple):
            continue
        candidates = [r for r in index.candidates(triple) if not _symmetric(r)]
        conflict = _conflict(triple, candidates)
        if conflict is None:
            continue
        held = best.get(triple.pred_token)
        if held is None or (conflict.full and not held.full):
            best[triple.pred_token] = conflict
    kept: list[_Conflict] = []
    for _, conflict in sorted(best.items()):
        if not any(_one_clause(conflict.hyp, k.hyp) for k in kept):
            kept.append(conflict)
    findings = [_finding(c, hyp, other, against) for c in kept]
    reported = {c.hyp.pred_token for c in kept}
    for exchange in _exchanges(hyp_triples, index):
        if not reported & {exchange.hyp.pred_token, exchange.hyp_other.pred_token}:
            reported |= {exchange.hyp.pred_token, exchange.hyp_other.pred_token}
            findings.append(_exchange_finding(exchange, hyp, other, against))
    return findings


class _EventIndex:
    """The compared text's triples, found by event: every triple whose predicate WordNet
    names the same event (`evalsuite.text.predicates`), in one dictionary look-up per key
    rather than a scan of every clause. Repeated identical clauses are kept once."""

    def __init__(self, triples: Sequence[Triple]) -> None:
        self.triples = list(dict.fromkeys(triples))
        self._by_key: dict[Key, list[int]] = {}
        for i, triple in enumerate(self.triples):
            for key in index_keys(triple.event, triple.noun):
                self._by_key.setdefault(key, []).append(i)

    def candidates(self, triple: Triple) -> list[Triple]:
        """Triples of the same event; never one whose predicate is an antonym."""
        found: set[int] = set()
        for key in probe_keys(triple.event, triple.noun):
            found.update(self._by_key.get(key, ()))
        picked = (self.triples[i] for i in sorted(found))
        return [t for t in picked if not opposed(triple.event, t.event, triple.noun, t.noun)]


def _symmetric(triple: Triple) -> bool:
    return triple.pred.split()[0] in SYMMETRIC_PREDICATES


def _one_clause(a: Triple, b: Triple) -> bool:
    """Two readings of one clause ("impose tariffs on X" and "tariffs on X") count once."""
    overlap = a.start < b.end and b.start < a.end
    return overlap and _same(a.agent, b.agent) and _same(a.patient, b.patient)


def _conflict(hyp: Triple, candidates: Sequence[Triple]) -> _Conflict | None:
    """The strongest contradiction of `hyp`, unless a triple that agrees with it outweighs it."""
    full = [r for r in candidates if _full_swap(hyp, r)]
    if any(_agrees(hyp, r, fully=True) for r in candidates):
        return None
    if full:
        return _Conflict(hyp, full[0], True)
    if any(_agrees(hyp, r, fully=False) for r in candidates):
        return None
    # One moved argument is weak evidence: only on the very same predicate (not on one WordNet
    # relates: "recovery of the helicopter" / "the helicopter picked up"; "Merz got ready" /
    # "Macron received Merz") and in the core roles, whose attachment the parser gets right
    # far more often than that of a prepositional phrase.
    partial = [r for r in candidates if _same_predicate(hyp, r) and _one_side_swap(hyp, r)]
    return _Conflict(hyp, partial[0], False) if partial else None


def _same_predicate(a: Triple, b: Triple) -> bool:
    return a.event == b.event and a.noun == b.noun and _core(a) and _core(b)


def _core(triple: Triple) -> bool:
    """Object, target of an attack noun or light verb, or the "to" of a dative verb."""
    return triple.role in ("patient", "target") or triple.frame == "dative"


def _same(a: Arg | None, b: Arg | None) -> bool:
    return a is not None and b is not None and a.same(b)


def _slot(triple: Triple) -> str:
    """Patients and targets ("attack Y", "attacks on Y", "fired at Y") compare; recipients,
    sources and beneficiaries are roles of their own."""
    return "patient" if triple.role in ("target", "aim") else triple.role


def _full_swap(hyp: Triple, ref: Triple) -> bool:
    swapped = _same(hyp.agent, ref.patient) and _same(hyp.patient, ref.agent)
    return swapped and _slot(hyp) == _slot(ref)


def _one_side_swap(hyp: Triple, ref: Triple) -> bool:
    """An argument moved between agent and patient while the other side differs or is unknown.

    The compared triple must name both roles: an agentless one ("the tourist called", often
    a misparse) is too weak to contradict anything on one side alone."""
    if ref.agent is None or ref.patient is None:
        return False
    agent_moved = _same(hyp.agent, ref.patient) and not _same(hyp.agent, ref.agent)
    patient_moved = _same(hyp.patient, ref.agent) and not _same(hyp.patient, ref.patient)
    return agent_moved or patient_moved


def _agrees(hyp: Triple, ref: Triple, *, fully: bool) -> bool:
    """No role clash and a shared argument in the same role; `fully`: both roles shared."""
    same_slot = _slot(hyp) == _slot(ref)
    checks = [
        _compatible(hyp.agent, ref.agent),
        _compatible(hyp.patient, ref.patient) if same_slot else None,
    ]
    if False in checks:
        return False
    shared = checks.count(True)
    return shared == 2 if fully else shared >= 1


def _compatible(a: Arg | None, b: Arg | None) -> bool | None:
    """True: the same argument; False: two different ones; None: one side unknown."""
    if a is None or b is None:
        return None
    return a.same(b)


@dataclass(frozen=True)
class _Exchange:
    """Two clauses of one hypothesis sentence whose arguments trade places with those of the
    same two events in one sentence of the other side: `hyp` has what `ref` gives to
    `ref_other`, and `hyp_other` what `ref` has."""

    hyp: Triple
    ref: Triple
    hyp_other: Triple
    ref_other: Triple


Clause = tuple[int, str]
"""A clause as one reading: its predicate token and the event it is read as."""
Slot = tuple[Clause, str]
"""(clause, role): "agent" or a triple's slot."""


def _clause_of(t: Triple) -> Clause:
    return (t.pred_token, t.event)


def _fillers(triples: Sequence[Triple]) -> dict[Slot, list[Arg]]:
    filled: dict[Slot, list[Arg]] = {}
    for t in triples:
        if t.agent is not None:
            filled.setdefault((_clause_of(t), "agent"), []).append(t.agent)
        if t.patient is not None:
            filled.setdefault((_clause_of(t), _slot(t)), []).append(t.patient)
    return filled


def _has(args: Sequence[Arg], arg: Arg) -> bool:
    return any(arg.same(a) for a in args)


def _exchanges(hyp_triples: Sequence[Triple], index: _EventIndex) -> list[_Exchange]:
    """Arguments permuted across the clauses of one sentence: "the club sacked the coach
    after the players criticised him" against "the players sacked the coach after the club
    criticised him". Each moved argument must be unsupported: no clause of that event in the
    other sentence has it in that role."""
    aligned: dict[tuple[int, int], dict[tuple[Clause, Clause], tuple[Triple, Triple]]] = {}
    for h in hyp_triples:
        if _symmetric(h):
            continue
        for r in index.candidates(h):
            if not _symmetric(r):
                pairs = aligned.setdefault((h.sentence, r.sentence), {})
                pairs.setdefault((_clause_of(h), _clause_of(r)), (h, r))
    found: list[_Exchange] = []
    for (h_sent, r_sent), pairs in aligned.items():
        hyp_fill = _fillers([t for t in hyp_triples if t.sentence == h_sent])
        ref_fill = _fillers([t for t in index.triples if t.sentence == r_sent])
        partners: dict[Clause, set[Clause]] = {}
        for h_clause, r_clause in pairs:
            partners.setdefault(h_clause, set()).add(r_clause)
        exchanges = _sentence_exchanges(pairs, partners, hyp_fill, ref_fill)
        hyp_sentence = [t for t in hyp_triples if t.sentence == h_sent]
        ref_sentence = [t for t in index.triples if t.sentence == r_sent]
        found += [_shown_roles(e, hyp_sentence, ref_sentence) for e in exchanges]
    return found


def _shown_roles(
    exchange: _Exchange, hyp_sentence: Sequence[Triple], ref_sentence: Sequence[Triple]
) -> _Exchange:
    """Within one clause ("from China to Vietnam" / "from Vietnam to China"), the triples of
    the two exchanged roles rather than the clause's first triple twice."""
    h, r = exchange.hyp, exchange.ref
    if _clause_of(h) != _clause_of(exchange.hyp_other) or _clause_of(r) != _clause_of(
        exchange.ref_other
    ):
        return exchange
    hyp_roles = [t for t in hyp_sentence if _clause_of(t) == _clause_of(h) and t.role != "patient"]
    ref_roles = [t for t in ref_sentence if _clause_of(t) == _clause_of(r) and t.role != "patient"]
    if len(hyp_roles) < 2 or len(ref_roles) < 2:
        return exchange
    ref_by_role = {t.role: t for t in ref_roles}
    hyp_pair = hyp_roles[:2]
    ref_pair = [ref_by_role.get(t.role, ref_roles[0]) for t in hyp_pair]
    return _Exchange(hyp_pair[0], ref_pair[0], hyp_pair[1], ref_pair[1])


def _sentence_exchanges(
    pairs: dict[tuple[Clause, Clause], tuple[Triple, Triple]],
    partners: dict[Clause, set[Clause]],
    hyp_fill: dict[Slot, list[Arg]],
    ref_fill: dict[Slot, list[Arg]],
) -> list[_Exchange]:
    """Within one clause, two roles other than agent and patient may trade (from China to
    Vietnam / from Vietnam to China); agent and patient swaps there are `_conflict`'s."""

    def unsupported(h_clause: Clause, role: str, arg: Arg) -> bool:
        return not any(_has(ref_fill.get((r, role), []), arg) for r in partners[h_clause])

    found = []
    for (h1, r1), (t1, u1) in pairs.items():
        for (h2, r2), (t2, u2) in pairs.items():
            if (h1 == h2) != (r1 == r2):
                continue
            for role1 in _roles(h1, hyp_fill) & _roles(r1, ref_fill):
                for role2 in _roles(h2, hyp_fill) & _roles(r2, ref_fill):
                    if h1 == h2 and (role1 == role2 or "agent" in (role1, role2)):
                        continue
                    for x in hyp_fill[(h1, role1)]:
                        if not unsupported(h1, role1, x) or not _has(ref_fill[(r2, role2)], x):
                            continue
                        moved = [
                            y for y in hyp_fill[(h2, role2)]
                            if not y.same(x) and _has(ref_fill[(r1, role1)], y)
                            and unsupported(h2, role2, y)
                        ]  # fmt: skip
                        if moved:
                            found.append(_Exchange(t1, u1, t2, u2))
    return found[:1]


def _roles(clause: Clause, filled: dict[Slot, list[Arg]]) -> set[str]:
    return {role for c, role in filled if c == clause}


def _exchange_finding(
    exchange: _Exchange, hyp: ParsedText, other: ParsedText, against: Against
) -> Finding:
    h, r = exchange.hyp, exchange.ref
    h2, r2 = exchange.hyp_other, exchange.ref_other
    message = (
        f"role reversal across clauses: the hypothesis has '{_shown(h)}' and '{_shown(h2)}', "
        f"the {against} has '{_shown(r)}' and '{_shown(r2)}'"
    )
    start, end = min(h.start, h2.start), max(h.end, h2.end)
    ref_start, ref_end = min(r.start, r2.start), max(r.end, r2.end)
    return Finding(
        CHECK,
        "critical",
        message,
        hyp_span=Span(start, end, hyp.text[start:end]),
        ref_span=Span(ref_start, ref_end, other.text[ref_start:ref_end]),
        evidence={
            "against": against,
            "hyp_triple": h.as_list(),
            "ref_triple": r.as_list(),
            "hyp_other_triple": h2.as_list(),
            "ref_other_triple": r2.as_list(),
            "frame": h.frame,
            "ref_frame": r.frame,
            "swap": "across_clauses",
        },
    )


def _shown_quoted(t: Triple) -> str:
    agent, pred, patient = t.as_list()
    return f"{agent or '?'}' {pred} '{patient or '?'}"


def _shown(t: Triple) -> str:
    agent, pred, patient = t.as_list()
    return f"{agent or '?'} {pred} {patient or '?'}"


def _finding(conflict: _Conflict, hyp: ParsedText, other: ParsedText, against: Against) -> Finding:
    h, r = conflict.hyp, conflict.ref
    shown = h.as_list()
    message = (
        f"role reversal: the hypothesis has '{shown[0] or '?'}' {shown[1]} '{shown[2] or '?'}', "
        f"the {against} has '{_shown_quoted(r)}'"
    )
    return Finding(
        CHECK,
        "critical",
        message,
        hyp_span=Span(h.start, h.end, hyp.text[h.start : h.end]),
        ref_span=Span(r.start, r.end, other.text[r.start : r.end]),
        evidence={
            "against": against,
            "hyp_triple": shown,
            "ref_triple": r.as_list(),
            "frame": h.frame,
            "ref_frame": r.frame,
            "swap": "both" if conflict.full else "one_side",
        },
    )
