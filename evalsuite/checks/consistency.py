"""`inconsistent_entity`: one document spells one name two ways ("Zelensky"/"Zelenskiy").

Names of people, places and organisations (spaCy's, or the rule-based ones without a model)
are linked when `normalize.match_names` calls them respellings of each other: a surname alone
respelling the full name's surname counts ("Mr Zelenskiy", "Volodymyr Zelensky"), while
two first names on one surname do not (relatives, namesakes), nor does a nationality and its
country ("Russian"/"Russia": NORP is left out, and derived forms are never respellings).
"""

from __future__ import annotations

import re

from evalsuite.checks.base import Finding, Span
from evalsuite.text.nlp import Entity, ParsedSegment, ParsedText
from evalsuite.text.normalize import match_names, name_key, name_tokens, variant_keys

__all__ = ["inconsistent_entity"]

_NAME_KINDS = frozenset({"person", "org", "place"})
_UNTYPED = frozenset({"MISC", "ACRONYM"})
_DERIVED_ENDINGS = frozenset(
    ["n", "an", "ian", "ans", "ians", "ns", "s", "es", "ese", "ish", "i", "ic", "er", "ers", "y"]
)
_WORD = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]{2,}")


def inconsistent_entity(seg: ParsedSegment) -> list[Finding]:
    """One finding per group of mentions that spell one entity more than one way."""
    by_form: dict[str, list[Entity]] = {}
    owners: dict[str, list[Entity | None]] = {}
    seen: set[tuple[str, int, int]] = set()  # a set, not a scan: a name may recur 4,000 times
    for ent, owner in _mentions(seg.hyp):
        key = name_key(ent.text)
        if key and (key, ent.start, ent.end) not in seen:
            seen.add((key, ent.start, ent.end))
            by_form.setdefault(key, []).append(ent)
            owners.setdefault(key, []).append(owner)
    forms = list(by_form)
    parent = {f: f for f in forms}

    def root(form: str) -> str:
        while parent[form] != form:
            form = parent[form]
        return form

    for i, j in _candidate_pairs([by_form[f][0].text for f in forms]):
        a, b = forms[i], forms[j]
        respelled = _respelled(by_form[a][0].text, by_form[b][0].text)
        if respelled and not _namesakes(owners[a], owners[b]):
            parent[root(b)] = root(a)
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(root(form), []).append(form)
    return [_finding(g, by_form) for g in groups.values() if len(g) > 1]


def _mentions(text: ParsedText) -> list[tuple[Entity, Entity | None]]:
    """Names, and the last capitalised word of a name on its own (NER often tags only one of
    "Volodymyr Zelensky" and "Mr Zelenskiy"); with a parse, proper nouns NER missed too.
    Each comes with the person's full name it belongs to, if any. Nationalities (NORP) are
    left out: "Russian" is no spelling of "Russia"."""
    norp = [(e.start, e.end) for e in text.entities if e.label == "NORP"]
    names = [e for e in text.entities if e.kind in _NAME_KINDS or e.label in _UNTYPED]
    found: list[tuple[Entity, Entity | None]] = []
    for ent in names:
        full = ent if ent.kind == "person" and len(name_tokens(ent.text)) > 1 else None
        found.append((ent, full))
        words = [w for w in _WORD.finditer(ent.text) if w.group()[0].isupper()]
        if len(words) > 1:  # the surname or head word alone
            last = words[-1]
            start = ent.start + last.start()
            found.append((Entity(last.group(), ent.label, start, start + len(last.group())), full))
    if text.doc is not None:
        covered = {i for e in text.entities for i in range(e.start, e.end)}
        for tok in text.doc:
            capitalised = len(tok.text) >= 3 and tok.text[0].isupper()
            if tok.pos_ == "PROPN" and capitalised and tok.idx not in covered:
                found.append((Entity(tok.text, "MISC", tok.idx, tok.idx + len(tok.text)), None))
    in_norp = {i for s, e in norp for i in range(s, e)}
    return [(m, o) for m, o in found if m.start not in in_norp]


def _candidate_pairs(names: list[str]) -> list[tuple[int, int]]:
    """The pairs (i < j, in order) of `names` that share a `variant_keys` key: the only ones
    `match_names` can call respellings, so the others are never compared (a long document
    has thousands of name forms; all pairs of them cost minutes)."""
    buckets: dict[tuple[str, object], list[int]] = {}
    for i, name in enumerate(names):
        for key in variant_keys(name):
            buckets.setdefault(key, []).append(i)
    pairs = {
        (members[x], other)
        for members in buckets.values()
        for x in range(len(members))
        for other in members[x + 1 :]
    }
    return sorted(pairs)


def _namesakes(a: list[Entity | None], b: list[Entity | None]) -> bool:
    """Whether every mention on both sides belongs to a full name, and no full name of one
    side matches one of the other: "Frank Jonas" and "Donna Jones" are two people."""
    if None in a or None in b:
        return False
    names_a = {x.text for x in a if x}  # one name recurs thousands of times: each once
    names_b = {y.text for y in b if y}
    return not any(match_names(x, y) for x in names_a for y in names_b)


def _respelled(a: str, b: str) -> bool:
    if re.findall(r"\d+", a) != re.findall(r"\d+", b):
        return False  # "MI5"/"MI6", "B1191"/"B1192": numbered things differ
    match = match_names(a, b)
    if match is None or match[0] != "variant":
        return False
    words_a, words_b = name_key(a).split(), name_key(b).split()
    return not any(_derived(x, y) for x in words_a for y in words_b)


def _derived(a: str, b: str) -> bool:
    """One word is the other with a derivational or plural ending ("russia"/"russian",
    "ukraine"/"ukrainians"), which is another word, not another spelling."""
    short, long = sorted((a, b), key=len)
    if short == long or len(short) < 3:
        return False
    for cut in (0, 1):
        stem = short[: len(short) - cut]
        if long.startswith(stem) and long[len(stem) :] in _DERIVED_ENDINGS:
            return True
    return False


def _same_spelling(a: str, b: str) -> bool:
    match = match_names(a, b)
    return match is not None and match[0] != "variant"


def _finding(group: list[str], by_form: dict[str, list[Entity]]) -> Finding:
    # Shortest forms first, so that a respelled surname is reported as such.
    ordered = sorted(group, key=lambda f: (len(f.split()), -len(by_form[f]), by_form[f][0].start))
    spellings = {
        form: [Span(e.start, e.end, e.text).to_dict() for e in by_form[form]] for form in ordered
    }
    texts = [by_form[f][0].text for f in ordered]
    distinct: list[str] = []  # a surname alone is no other spelling of the full name
    for text in texts:
        if not any(_same_spelling(kept, text) for kept in distinct):
            distinct.append(text)
    firsts = {by_form[f][0].text: by_form[f] for f in ordered}
    odd = min((firsts[t] for t in distinct), key=lambda m: (len(m), -m[0].start))[0]
    message = "one name spelled " + " / ".join(f"'{t}'" for t in distinct)
    evidence = {"forms": texts, "spellings": distinct, "spans": spellings, "label": odd.label}
    return Finding(
        "inconsistent_entity", "minor", message,
        hyp_span=Span(odd.start, odd.end, odd.text), evidence=evidence,
    )  # fmt: skip
