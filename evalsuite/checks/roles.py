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
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from evalsuite.checks.base import Finding, Span
from evalsuite.checks.role_aligned import aligned_swaps
from evalsuite.checks.role_compare import (
    SYMMETRIC_PREDICATES,
    ArgKey,
    Conflict,
    EventIndex,
    arg_keys,
    conflict,
    one_clause,
    slot,
    symmetric,
)
from evalsuite.text.converses import converse_readings
from evalsuite.text.nlp import ParsedSegment, ParsedText
from evalsuite.text.roles import Arg, Triple, extract_triples
from evalsuite.text.sentence_alignment import SentenceAlignment

__all__ = ["SYMMETRIC_PREDICATES", "headline_split", "role_reversal"]

CHECK = "role_reversal"
Against = Literal["reference", "source", "body"]


# A headline: one short first line, then a blank line, then the body.
_HEADLINE = re.compile(r"\A\s*(?P<head>[^\n]+?)[ \t]*\n[ \t]*\n(?=\s*\S)")
_HEADLINE_MAX_WORDS = 30


def role_reversal(seg: ParsedSegment) -> list[Finding]:
    """Hypothesis triples whose agent and patient trade places against the other side."""
    crossed = _against_source_in_another_language(seg)
    if seg.hyp.doc is None:
        return crossed
    hyp_triples = _triples(seg.hyp)
    findings: list[Finding] = []
    seen: set[tuple[int, str]] = set()
    for against, other in _comparisons(seg):
        if other.doc is None or other.lang != seg.hyp.lang:
            continue
        for finding in _findings(hyp_triples, _index(other), seg.hyp, other, against):
            # A fault seen against the reference is not reported again against the source.
            start = finding.hyp_span.start if finding.hyp_span else -1
            key = (start, repr(finding.evidence["hyp_triple"]))
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    if seg.ref is None and seg.src is None:
        findings += _headline_findings(seg.hyp, hyp_triples)
    for finding in crossed:
        start = finding.hyp_span.start if finding.hyp_span else -1
        if (start, repr(finding.evidence["hyp_triple"])) not in seen:
            findings.append(finding)
    return findings


def _against_source_in_another_language(seg: ParsedSegment) -> list[Finding]:
    """checks/source_roles.py: roles compared through the word alignment, when there is no
    reference (with one, the comparison in one language decides)."""
    if seg.src is None or seg.ref is not None or seg.src.lang == seg.hyp.lang:
        return []
    from evalsuite.checks.source_roles import cross_lingual_role_findings

    return cross_lingual_role_findings(seg.hyp, seg.src)


_TRIPLES_KEY = "evalsuite.checks.roles.triples"
_INDEX_KEY = "evalsuite.checks.roles.index"


def _triples(text: ParsedText) -> list[Triple]:
    """A text's triples, and its converse clauses read as their partners' (English only);
    remembered on the parse, like `extract_triples`: a reference meets every system."""
    assert text.doc is not None
    key = f"{_TRIPLES_KEY}.{text.lang}"
    known = text.doc.user_data.get(key)
    if known is None:
        triples = extract_triples(text.doc)
        known = tuple(triples + converse_readings(triples) if text.lang == "en" else triples)
        text.doc.user_data[key] = known
    return list(known)


def _index(text: ParsedText) -> EventIndex:
    """The compared text's triples by event, built once per parse (its look-ups with it)."""
    assert text.doc is not None
    key = f"{_INDEX_KEY}.{text.lang}"
    index = text.doc.user_data.get(key)
    if not isinstance(index, EventIndex):
        index = EventIndex(_triples(text))
        text.doc.user_data[key] = index
    return index


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
    return _findings(headline, EventIndex(body), hyp, hyp, "body")


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
    index: EventIndex,
    hyp: ParsedText,
    other: ParsedText,
    against: Against,
) -> list[Finding]:
    """One finding per hypothesis predicate that only the swapped reading supports (one
    moved argument only between aligned sentences), then one per aligned clause whose
    different predicate has its arguments the other way round (`role_aligned`), then one per
    pair of clauses of a sentence whose arguments trade places with those of the other side's
    sentence."""
    assert hyp.doc is not None and other.doc is not None
    alignment = SentenceAlignment(
        hyp.doc, other.doc, hyp.lang, (t.sentence for t in hyp_triples),
        (t.sentence for t in index.triples),
    )  # fmt: skip
    best: dict[int, Conflict] = {}
    for triple in hyp_triples:
        if symmetric(triple):
            continue
        candidates = [r for r in index.near(triple) if not symmetric(r)]
        found = conflict(triple, candidates)
        if found is None:
            continue
        if not found.full and not alignment.aligned(triple.sentence, found.ref.sentence):
            continue  # one moved argument is too weak against a sentence about other things
        held = best.get(triple.pred_token)
        if held is None or (found.full and not held.full):
            best[triple.pred_token] = found
    kept: list[Conflict] = []
    for _, found in sorted(best.items()):
        if not any(one_clause(found.hyp, k.hyp) for k in kept):
            kept.append(found)
    claimed = {c.hyp.pred_token for c in kept}
    kept += [c for c in aligned_swaps(hyp_triples, index.triples, alignment)
             if c.hyp.pred_token not in claimed]
    findings = [_finding(c, hyp, other, against) for c in kept]
    reported = {c.hyp.pred_token for c in kept}
    for exchange in _exchanges(hyp_triples, index, alignment):
        if not reported & {exchange.hyp.pred_token, exchange.hyp_other.pred_token}:
            reported |= {exchange.hyp.pred_token, exchange.hyp_other.pred_token}
            findings.append(_exchange_finding(exchange, hyp, other, against))
    return findings


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
            filled.setdefault((_clause_of(t), slot(t)), []).append(t.patient)
    return filled


def _has(args: Sequence[Arg], arg: Arg) -> bool:
    return any(arg.same(a) for a in args)


def _exchanges(
    hyp_triples: Sequence[Triple], index: EventIndex, alignment: SentenceAlignment
) -> list[_Exchange]:
    """Arguments permuted across the clauses of one sentence: "the club sacked the coach
    after the players criticised him" against "the players sacked the coach after the club
    criticised him". Each moved argument must be unsupported: no clause of that event in the
    other sentence has it in that role (of the clauses of one event there, the one that shares
    an argument with it, where the sentences tell the same thing: "the army shelled the town
    while rebels shelled the airport")."""
    # A moved argument is the same (`Arg.same`) as one of the other sentence's, so only
    # sentences whose arguments share a key (`arg_keys`: a head, a country) are paired: each
    # output sentence meets the few that share one, not every sentence of a frequent predicate.
    hyp_sentences, ref_sentences = _by_sentence(hyp_triples), _by_sentence(index.triples)
    ref_by_head: dict[ArgKey, set[int]] = {}
    for sentence, triples in ref_sentences.items():
        for head in _heads(triples):
            ref_by_head.setdefault(head, set()).add(sentence)
    near: dict[int, set[int]] = {}
    aligned: dict[tuple[int, int], dict[tuple[Clause, Clause], tuple[Triple, Triple]]] = {}
    for h in hyp_triples:
        if symmetric(h):
            continue
        if h.sentence not in near:
            heads = _heads(hyp_sentences[h.sentence])
            near[h.sentence] = set().union(*(ref_by_head.get(x, set()) for x in heads))
        for r in index.in_sentences(h, near[h.sentence]):
            if not symmetric(r):
                pairs = aligned.setdefault((h.sentence, r.sentence), {})
                pairs.setdefault((_clause_of(h), _clause_of(r)), (h, r))
    found: list[_Exchange] = []
    hyp_fills: dict[int, dict[Slot, list[Arg]]] = {}
    ref_fills: dict[int, dict[Slot, list[Arg]]] = {}
    for (h_sent, r_sent), pairs in aligned.items():
        hyp_sentence, ref_sentence = hyp_sentences[h_sent], ref_sentences[r_sent]
        if h_sent not in hyp_fills:
            hyp_fills[h_sent] = _fillers(hyp_sentence)
        if r_sent not in ref_fills:
            ref_fills[r_sent] = _fillers(ref_sentence)
        partners: dict[Clause, set[Clause]] = {}
        for h_clause, r_clause in pairs:
            partners.setdefault(h_clause, set()).add(r_clause)
        hyp_fill, ref_fill = hyp_fills[h_sent], ref_fills[r_sent]
        exchanges = _sentence_exchanges(pairs, partners, hyp_fill, ref_fill)
        if not exchanges and alignment.aligned(h_sent, r_sent):
            exchanges = _anchored_exchanges(pairs, partners, hyp_fill, ref_fill)
        found += [_shown_roles(e, hyp_sentence, ref_sentence) for e in exchanges]
    return found


def _anchored_exchanges(
    pairs: dict[tuple[Clause, Clause], tuple[Triple, Triple]],
    partners: dict[Clause, set[Clause]],
    hyp_fill: dict[Slot, list[Arg]],
    ref_fill: dict[Slot, list[Arg]],
) -> list[_Exchange]:
    """Where the other sentence has several clauses of one event ("the army shelled the town
    while rebels shelled the airport"), each hypothesis clause is compared with the one that
    has its argument in one role (its patient, say), so that the other role's argument,
    found in the other clause, counts as moved."""
    for anchor in sorted({role for _, role in hyp_fill}):
        narrowed = {h: _anchored(h, rs, anchor, hyp_fill, ref_fill) for h, rs in partners.items()}
        if narrowed == partners:
            continue
        kept = {k: v for k, v in pairs.items() if k[1] in narrowed[k[0]]}
        exchanges = _sentence_exchanges(kept, narrowed, hyp_fill, ref_fill)
        if exchanges:
            return exchanges
    return []


def _anchored(
    h_clause: Clause,
    r_clauses: set[Clause],
    anchor: str,
    hyp_fill: dict[Slot, list[Arg]],
    ref_fill: dict[Slot, list[Arg]],
) -> set[Clause]:
    """Of several clauses of one event in the other sentence, those that have the hypothesis
    clause's argument in role `anchor` (all of them when none has, or only one is there)."""
    if len(r_clauses) < 2:
        return r_clauses
    args = hyp_fill.get((h_clause, anchor), [])
    shared = {r for r in r_clauses if any(_has(ref_fill.get((r, anchor), []), a) for a in args)}
    return shared or r_clauses


def _by_sentence(triples: Sequence[Triple]) -> dict[int, list[Triple]]:
    """Triples grouped by sentence, each group in the given order."""
    grouped: dict[int, list[Triple]] = {}
    for t in triples:
        grouped.setdefault(t.sentence, []).append(t)
    return grouped


def _heads(triples: Sequence[Triple]) -> set[ArgKey]:
    """The `arg_keys` of the agents and patients of some triples."""
    return {k for t in triples for a in (t.agent, t.patient) if a is not None for k in arg_keys(a)}


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

    hyp_roles, ref_roles = _roles(hyp_fill), _roles(ref_fill)
    for (h1, r1), (t1, u1) in pairs.items():
        for (h2, r2), (t2, u2) in pairs.items():
            if (h1 == h2) != (r1 == r2):
                continue
            for role1 in hyp_roles[h1] & ref_roles[r1]:
                for role2 in hyp_roles[h2] & ref_roles[r2]:
                    if h1 == h2 and (role1 == role2 or "agent" in (role1, role2)):
                        continue
                    for x in hyp_fill[(h1, role1)]:
                        if not unsupported(h1, role1, x) or not _has(ref_fill[(r2, role2)], x):
                            continue
                        if any(
                            not y.same(x) and _has(ref_fill[(r1, role1)], y)
                            and unsupported(h2, role2, y)
                            for y in hyp_fill[(h2, role2)]
                        ):  # fmt: skip
                            return [_Exchange(t1, u1, t2, u2)]  # the first exchange only
    return []


def _roles(filled: dict[Slot, list[Arg]]) -> defaultdict[Clause, set[str]]:
    """The roles filled in each clause (none for a clause without any)."""
    roles: defaultdict[Clause, set[str]] = defaultdict(set)
    for clause, role in filled:
        roles[clause].add(role)
    return roles


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


def _finding(conflict: Conflict, hyp: ParsedText, other: ParsedText, against: Against) -> Finding:
    """A reversal under one event is critical; under two predicates that no resource relates
    (in sentences that tell the same thing) it is major: the pair could be a converse that
    neither WordNet nor the converse frames know (host / visit)."""
    h, r = conflict.hyp, conflict.ref
    shown = h.as_list()
    message = (
        f"role reversal: the hypothesis has '{shown[0] or '?'}' {shown[1]} '{shown[2] or '?'}', "
        f"the {against} has '{_shown_quoted(r)}'"
    )
    if conflict.aligned:
        message += (
            f" in the sentence that tells the same thing ('{h.event}' and '{r.event}' are not "
            "known to name one event, nor to be converses)"
        )
    return Finding(
        CHECK,
        "major" if conflict.aligned else "critical",
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
            "predicates": _predicates(conflict),
        },
    )


def _predicates(conflict: Conflict) -> str:
    """How the two predicates relate: the same, related by WordNet or a converse frame
    ("related"), or different and compared because the sentences align ("unrelated")."""
    if conflict.aligned:
        return "unrelated"
    return "same" if conflict.hyp.event == conflict.ref.event else "related"
