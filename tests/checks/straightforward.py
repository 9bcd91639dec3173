"""The straightforward versions of the steps that long inputs made indexed (issue #15, item 18):
every name compared with every mention, every word and window of the text asked, every clause
paired with every clause. `test_long_input_paths.py` swaps them in and asserts that the
findings do not change."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from evalsuite.checks import entities as E
from evalsuite.checks import roles as R
from evalsuite.checks.role_aligned import _comparable, _read_as_converse, _states
from evalsuite.checks.role_compare import Conflict, EventIndex, full_swap, symmetric
from evalsuite.text.nlp import Entity
from evalsuite.text.normalize import jaro_winkler, match_names, name_tokens, same_stem, sound_class
from evalsuite.text.predicates import contrasted, same_event
from evalsuite.text.roles import Triple
from evalsuite.text.sentence_alignment import ALIGNED, SentenceAlignment, overlap
from evalsuite.text.word_index import WordIndex, joined_initials


def clusters(entities: Iterable[Entity]) -> list[list[Entity]]:
    found: list[list[Entity]] = []
    for ent in entities:
        for cluster in found:
            if E._same(ent, cluster[0]):
                cluster.append(ent)
                break
        else:
            found.append([ent])
    return found


def entity_matches(ent: Entity, others: Iterable[Entity]) -> dict[str, E._Match]:
    by_kind: dict[str, E._Match] = {}
    for other in others:
        match = match_names(ent.text, other.text) or E._shared_words(ent.text, other.text)
        if match is None:
            continue
        kind, score = match
        if kind == "partial" and E._only_class_words(ent.text, other.text):
            continue
        if kind == "variant" and "NORP" in (ent.label, other.label):
            kind, score = "partial", 1.0
        known = by_kind.get(kind)
        if known is None or score > known.similarity:
            by_kind[kind] = E._Match(kind, score, other.text, other.start, other.end)  # type: ignore[arg-type]
    return by_kind


def find_related_word(ent: Entity, index: WordIndex) -> E._Match | None:
    folded = index.folded
    tokens = name_tokens(ent.text)
    if len(tokens) != 1 or not (ent.kind == "place" or ent.label in ("NORP", "MISC")):
        return None
    words = folded.tokens()
    for i, (word, start, end) in enumerate(words):
        if same_stem(tokens[0], word):
            return E._match_words(folded, start, end, "partial", 1.0)
        following = words[i + 1][0] if i + 1 < len(words) else ""
        if E._region_of(tokens[0], word) and following in E._REGION_WORDS:
            return E._match_words(folded, start, words[i + 1][2], "partial", 1.0)
    return None


def find_most_words(ent: Entity, index: WordIndex) -> E._Match | None:
    folded = index.folded
    tokens = [t for t in name_tokens(ent.text) if t not in E._FUNCTION_WORDS]
    distinctive = [t for t in tokens if t not in E._GENERIC_NAME_WORDS]
    if len(tokens) < 2 or not distinctive:
        return None
    words = joined_initials(folded.tokens())
    matched = [E._form_of(word, tokens) for word, _, _ in words]
    hits = [i for i, token in enumerate(matched) if token is not None]
    for first in hits:
        window = [i for i in hits if first <= i < first + len(tokens) + 4]
        found = {matched[i] for i in window}
        most = len(tokens) >= 3 and len(found) >= max(2, -(-2 * len(tokens) // 3))
        most = most and not found <= E._CLASS_WORDS
        if E._has_surname_key(ent) and tokens[-1] not in found:
            continue
        if most or set(distinctive) <= found:
            return E._match_words(folded, words[first][1], words[window[-1]][2], "partial", 1.0)
    return None


def find_respelled(ent: Entity, index: WordIndex, *, capitals: bool) -> E._Match | None:
    folded = index.folded
    tokens = name_tokens(ent.text)
    words = folded.tokens()
    sizes = {len(tokens)} | ({1} if ent.kind == "person" else set())
    initials = {sound_class(t) for t in tokens}
    cased = capitals and E._writes_capitals(folded.original)
    best: E._Match | None = None
    for size in sizes:
        for i in range(len(words) - size + 1):
            window = words[i : i + size]
            edges = {sound_class(window[0][0]), sound_class(window[-1][0])}
            if not edges & initials:
                continue
            if cased and not E._capitalised_at(folded, window[0][1]):
                continue
            match = match_names(ent.text, " ".join(w for w, _, _ in window))
            if match is None or match[0] != "variant":
                continue
            start, end = folded.span(window[0][1], window[-1][2])
            if best is None or match[1] > best.similarity:
                best = E._Match("variant", match[1], folded.original[start:end], start, end)
    return best


def shared_token(ent: Entity, index: WordIndex) -> E._Match | None:
    folded = index.folded
    for token in name_tokens(ent.text):
        if len(token) < E._MIN_SUPPORT_TOKEN:
            continue
        span = folded.find(token, stem=2)
        if span is not None:
            return E._Match("exact", 1.0, folded.original[span[0] : span[1]], *span)
        for word, start, end in folded.tokens():
            if word[0] == token[0] and jaro_winkler(word, token) >= 0.85:
                begin, stop = folded.span(start, end)
                return E._Match("exact", 1.0, folded.original[begin:stop], begin, stop)
    return None


def exchanges(
    hyp_triples: Sequence[Triple], index: EventIndex, alignment: SentenceAlignment
) -> list[R._Exchange]:
    aligned: dict[tuple[int, int], dict] = {}
    for h in hyp_triples:
        if symmetric(h):
            continue
        for r in index.candidates(h):
            if not symmetric(r):
                pairs = aligned.setdefault((h.sentence, r.sentence), {})
                pairs.setdefault((R._clause_of(h), R._clause_of(r)), (h, r))
    found: list[R._Exchange] = []
    for (h_sent, r_sent), pairs in aligned.items():
        hyp_fill = R._fillers([t for t in hyp_triples if t.sentence == h_sent])
        ref_fill = R._fillers([t for t in index.triples if t.sentence == r_sent])
        partners: dict = {}
        for h_clause, r_clause in pairs:
            partners.setdefault(h_clause, set()).add(r_clause)
        found_here = R._sentence_exchanges(pairs, partners, hyp_fill, ref_fill)
        if not found_here and alignment.aligned(h_sent, r_sent):
            found_here = R._anchored_exchanges(pairs, partners, hyp_fill, ref_fill)
        hyp_sentence = [t for t in hyp_triples if t.sentence == h_sent]
        ref_sentence = [t for t in index.triples if t.sentence == r_sent]
        found += [R._shown_roles(e, hyp_sentence, ref_sentence) for e in found_here]
    return found


def aligned_swaps(
    hyp_triples: Sequence[Triple], ref_triples: Sequence[Triple], alignment: SentenceAlignment
) -> list[Conflict]:
    hyp_converse = {t.pred_token for t in hyp_triples if t.reading is not None}
    ref_converse = {t.pred_token for t in ref_triples if t.reading is not None}
    found: list[Conflict] = []
    for h in hyp_triples:
        if not _comparable(h) or _read_as_converse(h, hyp_converse):
            continue
        for r in ref_triples:
            if not _comparable(r) or _read_as_converse(r, ref_converse) or not full_swap(h, r):
                continue
            if same_event(h.event, r.event) or contrasted(h.event, r.event):
                continue
            if not alignment.aligned(h.sentence, r.sentence):
                continue
            if _states(ref_triples, h) or _states(hyp_triples, r):
                continue
            found.append(Conflict(h, r, full=True, aligned=True))
            break
    return found


def sentence_match(self: SentenceAlignment) -> dict[int, frozenset[int]]:
    other = {s: self._keys(self._other, s) for s in self._other_sentences}
    best: dict[int, frozenset[int]] = {}
    for start in self._hyp_sentences:
        keys = self._keys(self._hyp, start)
        scores = {s: overlap(keys, k) for s, k in other.items()}
        top = max(scores.values(), default=0.0)
        if top >= ALIGNED:
            best[start] = frozenset(s for s, v in scores.items() if v == top)
    return best


class EveryItem:
    """`negation._ByKey` that scores every item, as `max` over all of them did."""

    def __init__(self, items: list) -> None:  # type: ignore[type-arg]
        self.items = items

    def best(self, keys: frozenset[str]) -> object:
        return max(self.items, key=lambda item: overlap(keys, item.keys), default=None)
