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
from typing import Literal

from evalsuite.checks.base import Finding, Span
from evalsuite.text.nlp import ParsedSegment, ParsedText
from evalsuite.text.roles import Arg, Triple, extract_triples

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
    hyp_triples = extract_triples(seg.hyp.doc)
    findings: list[Finding] = []
    seen: set[tuple[int, str]] = set()
    for against, other in _comparisons(seg):
        if other.doc is None or other.lang != seg.hyp.lang:
            continue
        for finding in _findings(hyp_triples, extract_triples(other.doc), seg.hyp, other, against):
            # A fault seen against the reference is not reported again against the source.
            start = finding.hyp_span.start if finding.hyp_span else -1
            key = (start, repr(finding.evidence["hyp_triple"]))
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    if seg.ref is None and seg.src is None:
        findings += _headline_findings(seg.hyp, hyp_triples)
    return findings


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
    """One finding per hypothesis predicate that only the swapped reading supports."""
    by_pred: dict[str, list[Triple]] = {}
    for triple in ref_triples:
        by_pred.setdefault(triple.pred, []).append(triple)
    best: dict[int, _Conflict] = {}
    for triple in hyp_triples:
        if triple.pred.split()[0] in SYMMETRIC_PREDICATES:
            continue
        conflict = _conflict(triple, by_pred.get(triple.pred, []))
        if conflict is None:
            continue
        held = best.get(triple.pred_token)
        if held is None or (conflict.full and not held.full):
            best[triple.pred_token] = conflict
    kept: list[_Conflict] = []
    for _, conflict in sorted(best.items()):
        if not any(_same_event(conflict.hyp, k.hyp) for k in kept):
            kept.append(conflict)
    return [_finding(c, hyp, other, against) for c in kept]


def _same_event(a: Triple, b: Triple) -> bool:
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
    partial = [r for r in candidates if _one_side_swap(hyp, r)]
    return _Conflict(hyp, partial[0], False) if partial else None


def _same(a: Arg | None, b: Arg | None) -> bool:
    return a is not None and b is not None and a.same(b)


def _slot(triple: Triple) -> str:
    """Patients and targets ("attack Y", "attacks on Y") compare; recipients stand apart."""
    return "recipient" if triple.role == "recipient" else "patient"


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


def _finding(conflict: _Conflict, hyp: ParsedText, other: ParsedText, against: Against) -> Finding:
    h, r = conflict.hyp, conflict.ref
    shown = h.as_list()
    message = (
        f"role reversal: the hypothesis has '{shown[0] or '?'}' {h.pred} '{shown[2] or '?'}', "
        f"the {against} has '{r.as_list()[0] or '?'}' {r.pred} '{r.as_list()[2] or '?'}'"
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
