"""Sentences the small English parser misreads, parsed again in a plainer wording.

Headlines drop articles and auxiliaries and put past events in the present ("Trump slams
Biden", "EU fines Google", "Chelsea sack Pochettino"), and `en_core_web_sm` often reads the
verb as a plural noun; in a full sentence it sometimes reads a past-tense verb as an adjective
("The referee assaulted fans", "China's coast guard aimed water cannon at the vessel"). A
sentence in which no verb has a nominal subject (or in which a capitalised name is read as the
verb) is therefore parsed again, alone, with one edit that makes a candidate verb unambiguous
without changing who does what: a full stop after a verbless headline, "will" before a
headline's present-tense verb ("Trump will slam Biden"), "has" before a past form ("The referee
has assaulted fans"), a comma before the "and" of two clauses of one verb that the parser read
as one ("Italy beat Spain, and France beat Germany"). The first edit whose parse gives the
candidate a nominal subject (for the comma: gives a verb back its object) is kept.
Candidates are words WordNet lists as verbs (`evalsuite.text.predicates.is_verb`); the edit never
names a word of any text. Offsets of the re-parse map back to the original text (`Reparse`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from evalsuite.text.predicates import is_verb, object_control

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Reparse", "sentence_reparses"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_SENTENCE_END = frozenset(".!?")
_MAX_CANDIDATES = 3
"""Edits tried per sentence (each is one parse of that sentence alone)."""
_MAX_REPARSES = 12
"""Sentences re-parsed per document: a long article's verbless captions cost no more."""
_MAX_WORDS = 40


@dataclass(frozen=True)
class Reparse:
    """One sentence of a parse (`start` and `end` tokens, starting at character `char` of the
    original text) parsed again alone as `doc`, in which the tokens from `at` (sentence-relative)
    were edited: `old_tokens` tokens spanning `old_chars` characters became `new_tokens`
    spanning `new_chars`, starting at character `at_char` of the sentence."""

    doc: Doc
    start: int
    end: int
    char: int
    at: int
    old_tokens: int
    new_tokens: int
    at_char: int
    old_chars: int
    new_chars: int

    def token(self, i: int) -> int:
        """The original token of token `i` of `doc` (an added word maps to the edited one)."""
        if i < self.at:
            return self.start + i
        if i >= self.at + self.new_tokens:
            return self.start + i - self.new_tokens + self.old_tokens
        return self.start + self.at + min(i - self.at, self.old_tokens - 1)

    def offset(self, c: int) -> int:
        """The original character offset of offset `c` of `doc` (inside the edit: its start,
        or its end for an offset at the end of the edit)."""
        if c <= self.at_char:
            return self.char + c
        if c >= self.at_char + self.new_chars:
            return self.char + c - self.new_chars + self.old_chars
        return self.char + self.at_char


def sentence_reparses(doc: Doc) -> list[Reparse]:
    """The sentences of an English parse that a plainer wording parses better, each parsed
    again (none for other languages or when no pipeline is installed)."""
    if doc.lang_ != "en":
        return []
    found: list[Reparse] = []
    for sent in doc.sents:
        if len(found) >= _MAX_REPARSES:
            break
        if len(sent) > _MAX_WORDS or not _misread(sent):
            continue
        readings = []
        for edit in _edits(sent, headline=_is_headline(sent, doc))[:_MAX_CANDIDATES]:
            reparse = _reparsed(sent, *edit)
            if reparse is not None:
                readings.append(reparse)
                if _has_clause(reparse.doc):
                    break
        # A reading in which a verb has a subject wins over a full stop that only made a
        # verb of a word ("Swiatek beats Ostapenko in Doha.": "Swiatek" still a compound).
        clauses = [r for r in readings if _has_clause(r.doc)]
        if clauses or readings:
            found.append((clauses or readings)[0])
    return found


def _has_clause(doc: Doc) -> bool:
    return any(_has_subject(t) for t in doc)


def _misread(sent: Span) -> bool:
    """No finite verb with a nominal subject ("Court orders Meta to pay fine": only "pay",
    an infinitive), a capitalised word inside the sentence read as a verb ("Biden slams
    Trump": "Trump" as the verb), a bare infinitive read as a noun (`_bare_infinitive`), or a
    second clause read as the first one's object (`_clause_read_as_object`)."""
    if _bare_infinitive(sent) is not None or _clause_read_as_object(sent) is not None:
        return True
    has_clause = False
    for token in sent:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if token.i > sent.start and token.text[:1].isupper():
            return True
        infinitive = any(c.lower_ == "to" and c.dep_ in ("aux", "mark") for c in token.children)
        if _has_subject(token) and not infinitive:
            has_clause = True  # "Meta to pay" is a clause only in a headline's future
    return not has_clause


def _bare_infinitive(sent: Span) -> Token | None:
    """"The EU let the bank fund Italy": after a verb of WordNet's object-control frame
    ("Somebody ----s somebody to INFINITIVE": let, make, have), the parser reads "bank fund"
    as one noun; the head of such an object that WordNet lists as a verb, with a noun before
    it, is the infinitive, and "to" before it makes that plain."""
    doc = sent.doc
    for token in sent:
        if token.pos_ != "VERB" or not object_control(token.lemma_.casefold()):
            continue
        for word in doc[token.i + 2 : min(token.right_edge.i, sent.end - 1)]:
            actor, after = doc[word.i - 1], doc[word.i + 1]
            noun = word.pos_ == "NOUN" and word.tag_ in ("NN", "VB", "VBP")
            if not noun or not word.text.islower() or not is_verb(word.lower_):
                continue
            if actor.pos_ in ("NOUN", "PROPN") and after.pos_ in ("PROPN", "DET", "NOUN"):
                return word
    return None


_CLAUSE_JOINERS = frozenset({"and", "but"})


def _clause_read_as_object(sent: Span) -> Token | None:
    """"Italy beat Spain and France beat Germany": with no comma before "and", the parser
    reads "Spain and France" as the subject of a second "beat" that is the first one's
    clausal complement (leaving the first without an object), or as the first one's object
    (leaving the second without a subject). When both verbs are one verb (a verb of saying
    takes a clause: "said Spain and France beat Germany" is read right), the word before
    "and", to which a comma makes two clauses plain."""
    doc = sent.doc
    for joiner in sent:
        if joiner.dep_ != "cc" or joiner.lower_ not in _CLAUSE_JOINERS or joiner.i == sent.start:
            continue
        first, before = joiner.head, doc[joiner.i - 1]
        if before.is_punct:
            continue
        if first.dep_ == "nsubj" and first.head.dep_ == "ccomp":
            second_verb, verb = first.head, first.head.head
            if any(c.dep_ in ("dobj", "obj") for c in verb.children):
                continue
        elif first.dep_ in ("dobj", "obj"):
            verb = first.head
            second_verb = next(
                (c for c in verb.children if c.dep_ == "conj" and c.i > joiner.i), verb
            )  # fmt: skip
            if _has_subject(second_verb):
                continue
        else:
            continue
        one_verb = verb.pos_ == "VERB" and verb.lemma_ == second_verb.lemma_
        if one_verb and verb.i < first.i < joiner.i < second_verb.i:
            return before
    return None


def _transitive_clause(token: Token) -> bool:
    return _has_subject(token) and any(c.dep_ in ("dobj", "obj") for c in token.children)


def _has_subject(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ in _SUBJECTS and c.pos_ in _NOMINAL for c in token.children
    )


def _is_headline(sent: Span, doc: Doc) -> bool:
    """A line of its own without a final stop."""
    last = sent[-1] if not sent[-1].is_space else sent[-2] if len(sent) > 1 else sent[-1]
    if last.text in _SENTENCE_END:
        return False
    after = doc[sent.end].text if sent.end < len(doc) else "\n"
    return sent.start == 0 or "\n" in after or "\n" in doc[sent.start - 1].text


Edit = tuple[int, str]
"""(sentence-relative token index, the text that replaces that token)."""


def _edits(sent: Span, *, headline: bool) -> list[Edit]:
    """Edits worth a parse, most likely first: a full stop after a verbless headline, then
    an auxiliary before each candidate verb in order."""
    edits: list[Edit] = []
    words = [t for t in sent if not t.is_space]
    object_clause = _clause_read_as_object(sent)
    if object_clause is not None:
        edits.append((object_clause.i - sent.start, f"{object_clause.text},"))
    infinitive = _bare_infinitive(sent)
    if infinitive is not None:
        edits.append((infinitive.i - sent.start, f"to {infinitive.text}"))
    if headline and words and not any(t.pos_ in ("VERB", "AUX") for t in words):
        last = words[-1]
        edits.append((last.i - sent.start, f"{last.text}."))
    # A full sentence in which no verb has a subject is misread like a headline ("Brazil
    # exports coffee to the United States.": "exports" read as a noun; "Denmark imports pork
    # from Poland.": "pork" read as the verb).
    clauseless = not any(_has_subject(t) for t in words)
    for token in words[1:]:
        edit = _auxiliary_edit(token, headline=headline or clauseless)
        if edit is not None:
            edits.append((token.i - sent.start, edit))
    if headline:  # last: "Sunak to meet Modi after India snubs Britain" needs "will snub"
        edits += [(t.i - sent.start, "will") for t in words[1:-1] if _future_to(t)]
    return edits


def _future_to(token: Token) -> bool:
    """A headline's future: "Trump to host Saudi Arabia" is "Trump will host": a "to" after
    the name that opens the headline (every word before it capitalised: not "Pressure on
    Tokyo to allow") and before a word WordNet lists as a verb."""
    doc = token.doc
    opening = [t for t in doc[token.sent.start : token.i] if not t.is_space]
    named = bool(opening) and all(t.is_alpha and t.text[:1].isupper() for t in opening)
    after = doc[token.i + 1]
    return token.lower_ == "to" and named and after.text.islower() and is_verb(after.lower_)


def _auxiliary_edit(token: Token, *, headline: bool) -> str | None:
    """'will slam' for a headline's 'slams', 'will sack' for 'sack' after a name, 'has
    assaulted' for 'assaulted': None for a word that cannot be such a verb here."""
    text = token.text
    if not text.isalpha() or not text.islower() or token.is_stop:
        return None
    if token.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECTS for c in token.children):
        return None
    if any(c.dep_ == "agent" or c.lower_ == "by" for c in token.children):
        return None  # a participle with a by-agent is a passive, read as such already
    if headline and token.tag_ in ("NNS", "VBZ") and text.endswith("s"):
        base = _base_form(token)
        return f"will {base}" if base else None
    if token.tag_ in ("JJ", "VBN", "VBD") and text.endswith("ed") and _base_form(token):
        return f"has {text}"
    previous = token.doc[token.i - 1]
    named = previous.text[:1].isupper() and previous.pos_ in ("PROPN", "NOUN", "ADJ")
    if headline and token.tag_ in ("NN", "VB", "VBP") and named:
        return f"will {text}" if is_verb(text) else None
    return None


def _base_form(token: Token) -> str | None:
    """The verb a present or past form belongs to, when WordNet lists it as a verb."""
    text = token.text
    candidates = [token.lemma_.casefold()]
    if text.endswith("s"):
        candidates += [text[:-1], text[:-2], text[:-3] + "y" if text.endswith("ies") else ""]
    if text.endswith("ed"):
        candidates += [text[:-1], text[:-2], text[:-3] if text[-3:-2] == text[-4:-3] else ""]
    return next((c for c in candidates if c and is_verb(c)), None)


def _reparsed(sent: Span, at: int, replacement: str) -> Reparse | None:
    """The sentence parsed with token `at` replaced, when the edited verb gets a nominal
    subject and the tokens outside the edit are unchanged."""
    token = sent[at]
    text, cut = sent.text, token.idx - sent.start_char  # Doc.text would rebuild the whole doc
    before, after = text[:cut], text[cut + len(token.text) :]
    edited = _parse(f"{before}{replacement}{after}")
    if edited is None:
        return None
    new_tokens = len(edited) - len(sent) + 1
    if new_tokens < 1:
        return None
    unchanged = [t.text for t in sent if t.i != token.i]
    kept = [t.text for t in edited[:at]] + [t.text for t in edited[at + new_tokens :]]
    if kept != unchanged:
        return None
    if replacement.endswith("."):
        if not any(t.pos_ in ("VERB", "AUX") for t in edited):
            return None  # a full stop that gives the headline no verb changes nothing
    elif replacement.endswith(","):
        if sum(map(_transitive_clause, edited)) <= sum(map(_transitive_clause, sent)):
            return None  # a comma that gives no verb back its object changes nothing
    elif not any(_has_subject(v) for v in edited[at : at + new_tokens + 1]):
        return None  # the edited verb, or the one after a "will" that replaced "to"
    return Reparse(
        edited, sent.start, sent.end, sent.start_char, at, 1, new_tokens,
        token.idx - sent.start_char, len(token.text), len(replacement),
    )  # fmt: skip


@lru_cache(maxsize=2048)
def _parse(text: str) -> Doc | None:
    from evalsuite.text.nlp import load_pipeline

    nlp = load_pipeline("en")
    return nlp(text) if nlp is not None else None
