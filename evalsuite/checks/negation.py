"""`negation_flip`: a clause of the hypothesis says the opposite of its counterpart.

Polarity is read per clause: with a spaCy parse a clause is a verb heading the sentence or a
coordinated, complement, adverbial or relative clause (an infinitive stays with the verb that
governs it: "will not strive to reduce" is one negative clause); without a parser a clause is
a stretch between commas, semicolons and the like. A clause is negative when it holds a cue
(see `text.negation_cues`); "never" and "not ... ever", "no longer" and "not ... anymore" are
all simply negative. Sentences are aligned by content words, and a sentence pair is only
looked at when its counts of negative clauses differ, which keeps clause-alignment noise from
raising alarms. Lexical negatives ("refused" for "did not agree") are out of scope: where the
two sides differ in them, the check stays silent rather than guess. Against a source in
another language (or in Chinese or Japanese), `checks.negation_crosslingual` compares aligned
sentences, each read with its own language's cues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from evalsuite.checks.base import Finding, Span
from evalsuite.checks.negation_crosslingual import cross_lingual_flips
from evalsuite.text.content_words import content_keys, overlap, token_keys, word_keys
from evalsuite.text.negation_cues import (
    CUES,
    NEGATION_LANGS,
    cue_positions,
    lexical_negatives,
    split_words,
    word_spans,
)
from evalsuite.text.nlp import ParsedSegment, ParsedText
from evalsuite.text.predicates import same_event
from evalsuite.text.sentences import sentence_spans

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["negation_flip"]

_CLAUSE_DEPS = frozenset(
    {"ROOT", "conj", "ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "acl:relcl"}
)
_CLAUSE_POS = frozenset({"VERB", "AUX"})
class _HasKeys(Protocol):
    @property
    def keys(self) -> frozenset[str]: ...


_Keyed = TypeVar("_Keyed", bound=_HasKeys)
_MIN_SENTENCE_OVERLAP = 0.25
_MIN_CLAUSE_OVERLAP = 0.2
_MIN_STRICT_OVERLAP = 0.3
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s(?:but|mais|aber|pero|ma|mas|но|а|але)\s")
_NEGATING_PREFIX = re.compile(r"^(?:un|in|im|il|ir|dis|non|mis|in)(?=\w{4})")


@dataclass(frozen=True)
class _Clause:
    """A clause: its span, content keys, and the negation cues that fall in it."""

    start: int
    end: int
    text: str
    keys: frozenset[str]
    cues: tuple[Span, ...]
    words: frozenset[str] = frozenset()
    head: int = -1
    """The token heading the clause (-1 without a parse), the head of the clause that governs
    it, and its dependency: what tells a complement clause from a coordinated one."""
    governor: int = -1
    dep: str = ""

    @property
    def negative(self) -> bool:
        return bool(self.cues)


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str
    keys: frozenset[str]
    words: frozenset[str]
    clauses: tuple[_Clause, ...]

    @property
    def negatives(self) -> int:
        return sum(c.negative for c in self.clauses)


def negation_flip(seg: ParsedSegment) -> list[Finding]:
    """Clauses whose polarity differs from the aligned clause of the reference (or source)."""
    other, against = _counterpart(seg)
    if other is None or seg.hyp.lang not in NEGATION_LANGS or other.lang not in NEGATION_LANGS:
        return []
    if other.lang == seg.hyp.lang and other.lang in CUES:
        # A summary leaves out most of what it is compared with: only a close paraphrase of a
        # clause counts.
        strict = seg.task == "summary"
        return _same_language(seg.hyp, other, against, strict=strict)
    return cross_lingual_flips(seg.hyp, other)


def _counterpart(seg: ParsedSegment) -> tuple[ParsedText | None, str]:
    """A summary answers to its article; a translation to its reference, else its source."""
    order = [(seg.src, "source"), (seg.ref, "reference")]
    if seg.task != "summary":
        order.reverse()
    for text, name in order:
        if text is not None:
            return text, name
    return None, ""


# --- one language ----------------------------------------------------------------------------


def _same_language(
    hyp: ParsedText, other: ParsedText, against: str, *, strict: bool = False
) -> list[Finding]:
    hyp_sents, other_sents = _sentences(hyp), _sentences(other)
    if not other_sents:
        return []
    other_clauses = _ByKey([c for s in other_sents for c in s.clauses])
    hyp_clauses = _ByKey([c for s in hyp_sents for c in s.clauses])
    other_by_key = _ByKey(other_sents)
    findings = []
    for sent in hyp_sents:
        best = other_by_key.best(sent.keys)
        if best is None or overlap(sent.keys, best.keys) < _MIN_SENTENCE_OVERLAP:
            continue
        if sent.negatives == best.negatives:
            pairs = _exchanged_polarities(sent, best) if sent.negatives else []
        elif sent.negatives > best.negatives:
            pairs = [(c, _aligned(c, best, other_clauses)) for c in sent.clauses if c.negative]
        else:
            pairs = [(_aligned(c, sent, hyp_clauses), c) for c in best.clauses if c.negative]
        if _prefixed(sent.words, best.words) or _prefixed(best.words, sent.words):
            continue  # "non-diabetic" for "no longer diabetic": polarity cannot be judged
        for hyp_clause, ref_clause in pairs:
            if strict and overlap(hyp_clause.keys, ref_clause.keys) < _MIN_STRICT_OVERLAP:
                continue
            if _lexical_paraphrase(hyp_clause, ref_clause, sent.words, best.words, hyp.lang):
                continue
            if hyp_clause.negative != ref_clause.negative:
                findings.append(_finding(hyp_clause, ref_clause, against))
    return findings


_MIN_EXCHANGE_OVERLAP = 0.5
_MIN_EXCHANGE_KEYS = 2
_COORDINATED_DEPS = frozenset({"conj", "parataxis", "ROOT"})


def _exchanged_polarities(sent: _Sentence, best: _Sentence) -> list[tuple[_Clause, _Clause]]:
    """With as many negative clauses on each side, a negation can still have flipped: "friction
    is low and you cannot drive" against "friction is not low, so you can drive". A pair is
    two clauses that are each other's closest (half their content words shared or more) with
    opposite polarities, unless the negation only moved between a clause and one that it
    governs or that governs it ("I don't think he is right" / "I think he is not right":
    negative raising; "you cannot drive as on asphalt", where the parser cut the comparison
    off as a clause of its own). Coordinated clauses are each their own claim. Parsed text
    only: without a parse there is no telling the two apart."""
    pairs = []
    for clause in sent.clauses:
        if clause.head < 0 or len(clause.keys) < _MIN_EXCHANGE_KEYS:
            continue
        other = max(best.clauses, key=lambda c: overlap(clause.keys, c.keys))
        if clause.negative == other.negative or len(other.keys) < _MIN_EXCHANGE_KEYS:
            continue
        if overlap(clause.keys, other.keys) < _MIN_EXCHANGE_OVERLAP:
            continue
        if max(sent.clauses, key=lambda c: overlap(other.keys, c.keys)) is not clause:
            continue
        positive, side = (other, best) if clause.negative else (clause, sent)
        if not _negated_dependent(positive, side):
            pairs.append((clause, other))
    return pairs


def _negated_dependent(clause: _Clause, sentence: _Sentence) -> bool:
    """Whether a negative clause of the sentence depends on `clause`, or `clause` on a negative
    one, other than by coordination."""
    return any(
        other.negative
        and (
            (other.governor == clause.head and other.dep not in _COORDINATED_DEPS)
            or (clause.governor == other.head and clause.dep not in _COORDINATED_DEPS)
        )
        for other in sentence.clauses
    )


class _ByKey(Generic[_Keyed]):
    """Sentences or clauses by content key, to find the one that overlaps a probe best without
    scoring every one: those that share no key overlap 0, below every threshold here, so
    only those that share one are scored; the first best wins, as `max` over all would have
    it. Probes with the same keys (a long text repeats itself) are answered once."""

    def __init__(self, items: list[_Keyed]) -> None:
        self.items = items
        self._at: dict[str, list[int]] = {}
        for i, item in enumerate(items):
            for key in item.keys:
                self._at.setdefault(key, []).append(i)
        self._best: dict[frozenset[str], _Keyed | None] = {}

    def best(self, keys: frozenset[str]) -> _Keyed | None:
        """The first item of the highest overlap with `keys`, or None if none shares a key."""
        if keys not in self._best:
            sharing = sorted({i for key in keys for i in self._at.get(key, ())})
            top = max(sharing, key=lambda i: overlap(keys, self.items[i].keys), default=None)
            self._best[keys] = None if top is None else self.items[top]
        return self._best[keys]


def _aligned(clause: _Clause, sentence: _Sentence, everywhere: _ByKey[_Clause]) -> _Clause:
    """The counterpart of `clause`: the best-overlapping clause anywhere on the other side if
    that one has the same polarity (the negation moved, it did not flip), else the best one in
    the aligned sentence, else that whole sentence."""
    best_anywhere = everywhere.best(clause.keys)
    if (
        best_anywhere is not None
        and best_anywhere.negative == clause.negative
        and overlap(clause.keys, best_anywhere.keys) >= _MIN_CLAUSE_OVERLAP
    ):
        return best_anywhere
    best = max(sentence.clauses, key=lambda c: overlap(clause.keys, c.keys))
    if overlap(clause.keys, best.keys) >= _MIN_CLAUSE_OVERLAP:
        return best
    cues = tuple(cue for c in sentence.clauses for cue in c.cues)
    return _Clause(sentence.start, sentence.end, sentence.text, sentence.keys, cues, sentence.words)


def _lexical_paraphrase(
    hyp: _Clause, ref: _Clause, hyp_words: frozenset[str], ref_words: frozenset[str], lang: str
) -> bool:
    """Whether two clauses differ in a word that negates by meaning ("refused", "unable") or a
    negating prefix ("unclear" for "not clear"): polarity cannot be judged. A lexical negative
    that the other sentence also holds ("won against" on both sides, in clauses the parser cut
    differently) is no paraphrase of the cue; nor is one that the other side says with a
    synonym (WordNet: "declined" / "did not refuse", "stopped" / "did not block"), where the
    cue alone tells the polarities apart."""
    hyp_only = lexical_negatives(sorted(hyp.words), lang) - lexical_negatives(
        sorted(ref_words), lang
    )
    ref_only = lexical_negatives(sorted(ref.words), lang) - lexical_negatives(
        sorted(hyp_words), lang
    )
    if hyp_only or ref_only:
        hyp_all = lexical_negatives(sorted(hyp_words), lang)
        ref_all = lexical_negatives(sorted(ref_words), lang)
        if not (_synonyms(hyp_only, ref_all, lang) and _synonyms(ref_only, hyp_all, lang)):
            return True
    return _prefixed(hyp.words, ref.words) or _prefixed(ref.words, hyp.words)


def _synonyms(words: frozenset[str], others: frozenset[str], lang: str) -> bool:
    """Whether every lexical negative of `words` names one event with one of `others`
    (WordNet's verbs, English only)."""
    if lang != "en":
        return not words
    return all(any(same_event(w, o) for o in others if o != w) for w in words)


def _prefixed(words: frozenset[str], others: frozenset[str]) -> bool:
    for word in words - others:
        bare = _NEGATING_PREFIX.sub("", word)
        if bare != word and (bare in others or any(o.startswith(bare) for o in others)):
            return True
    return False


def _whole(sentence: _Sentence) -> _Clause:
    cues = tuple(cue for c in sentence.clauses for cue in c.cues)
    return _Clause(sentence.start, sentence.end, sentence.text, sentence.keys, cues, sentence.words)


# --- clauses ---------------------------------------------------------------------------------


_SENTENCES_KEY = "evalsuite.negation.sentences"


def _sentences(text: ParsedText) -> list[_Sentence]:
    """The text's sentences and clauses, read from a parse once: a reference is compared with
    every system's output, and parses are shared (remembered on the Doc, like its triples)."""
    if text.doc is None:
        return _plain_sentences(text.text, text.lang)
    key = f"{_SENTENCES_KEY}.{text.lang}"
    known = text.doc.user_data.get(key)
    if known is None:
        known = tuple(
            _parsed_sentence(sent, text.lang) for sent in text.doc.sents if sent.text.strip()
        )
        text.doc.user_data[key] = known
    return list(known)


def _parsed_sentence(sent: SpacySpan, lang: str) -> _Sentence:
    words = [_contraction(t.lower_.replace("’", "'")) for t in sent]
    cue_tokens = {sent[i].i for i in cue_positions(words, lang)}
    groups: dict[int, list[Token]] = {}
    for tok in sent:
        groups.setdefault(_clause_head(tok).i, []).append(tok)
    clauses = []
    sent_text, offset = sent.text, sent.start_char  # Doc.text would rebuild the whole document
    for head_i, tokens in groups.items():
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        cues = tuple(Span(t.idx, t.idx + len(t.text), t.text) for t in tokens if t.i in cue_tokens)
        keys = frozenset(token_keys(tokens, lang))
        own = _own_words(tokens, sent, lang)
        text = sent_text[start - offset : end - offset]
        head = tokens[0].doc[head_i]
        governor = _clause_head(head.head).i if head.head.i != head.i else -1
        clauses.append(_Clause(start, end, text, keys, cues, own, head_i, governor, head.dep_))
    lemmas = _own_words(list(sent), sent, lang) | frozenset(words)
    return _Sentence(
        sent.start_char, sent.end_char, sent.text, content_keys(sent, lang), lemmas,
        tuple(sorted(clauses, key=lambda c: c.start)),
    )  # fmt: skip


_HYPHEN_AFFIXES = frozenset({"non", "un", "dis"})
_POSITIVE_QUANTIFIERS = frozenset({"few", "little"})
"""A downtoner after "a" ("a few days", "a little longer") says some, not hardly any."""


def _own_words(tokens: list[Token], sent: SpacySpan, lang: str) -> frozenset[str]:
    """The lemmas and words of a clause, a hyphenated negating affix also joined to its word
    ("non-diabetic" is "nondiabetic" too, as another text may spell it), "a few" left out."""
    own: set[str] = set()
    for tok in tokens:
        i = tok.i - sent.start
        if (
            lang == "en" and tok.lower_ in _POSITIVE_QUANTIFIERS and i > 0
            and sent[i - 1].lower_ == "a"
        ):  # fmt: skip
            continue
        own.update((tok.lemma_.lower(), tok.lower_))
        if tok.lower_ in _HYPHEN_AFFIXES and i + 2 < len(sent) and sent[i + 1].text == "-":
            own.add(tok.lower_ + sent[i + 2].lower_)
    return frozenset(own)


def _contraction(word: str) -> str:
    """A contraction the tokenizer left whole ("AREN'T") is read as its negation."""
    return "n't" if word.endswith("n't") else word


def _clause_head(tok: Token) -> Token:
    """The verb heading the clause a token belongs to (the sentence root at the latest)."""
    current = tok
    while current.head.i != current.i:
        if current.dep_ in _CLAUSE_DEPS and current.pos_ in _CLAUSE_POS:
            return current
        current = current.head
    return current


def _plain_sentences(text: str, lang: str) -> list[_Sentence]:
    sentences = []
    for start, cursor, sent in sentence_spans(text, lang):
        clauses = _plain_clauses(sent, start, lang)
        words = frozenset(split_words(sent))
        sentences.append(
            _Sentence(start, cursor, sent, frozenset(word_keys(sent, lang)), words, clauses)
        )
    return sentences


def _plain_clauses(sent: str, offset: int, lang: str) -> tuple[_Clause, ...]:
    clauses = []
    bounds = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sent)] + [len(sent)]
    for begin, end in zip(bounds, bounds[1:], strict=False):
        piece = sent[begin:end]
        if not piece.strip():
            continue
        spans = word_spans(piece)
        positions = cue_positions([w for w, _, _ in spans], lang)
        at = offset + begin
        cues = tuple(
            Span(at + spans[i][1], at + spans[i][2], piece[spans[i][1] : spans[i][2]])
            for i in positions
        )
        keys = frozenset(word_keys(piece, lang))
        clauses.append(_Clause(at, offset + end, piece, keys, cues, frozenset(split_words(piece))))
    return tuple(clauses)


# --- findings --------------------------------------------------------------------------------


def _polarity(clause: _Clause) -> str:
    return "negative" if clause.negative else "positive"


def _finding(hyp: _Clause, ref: _Clause, against: str) -> Finding:
    cue = (hyp.cues or ref.cues)[0].text
    if hyp.negative:
        message = f"the hypothesis negates ('{cue}') a clause the {against} states positively"
    else:
        message = f"the hypothesis drops the negation ('{cue}') of the {against}"
    evidence = {
        "against": against,
        "cue": cue,
        "hyp_clause": hyp.text,
        "ref_clause": ref.text,
        "hyp_polarity": _polarity(hyp),
        "ref_polarity": _polarity(ref),
    }
    return Finding(
        "negation_flip", "critical", message,
        hyp_span=Span(hyp.start, hyp.end, hyp.text), ref_span=Span(ref.start, ref.end, ref.text),
        evidence=evidence,
    )  # fmt: skip
