"""Synthetic role swaps for measuring `role_reversal` across languages.

No labelled set here has a subject/object swap between a translation and its source in
another language (DEMETR's word-order perturbation swaps two adjacent words, not roles), so
faults are made from correct translations: in a translation's parse, each active verb
with one nominal subject and one nominal direct object (neither a pronoun nor longer than ten
words, no comma, colon, bracket, quote or dash inside; a symmetric verb, "have"/"avoir" and an
object that is a lone common noun, mostly an idiom's, "took place", excluded) gets the two phrases
exchanged, one variant per clause ("Police arrested three men" -> "Three men arrested
police"). The parse is spaCy's dependency parse, read directly, not the check's role reader,
so the generator does not pick only the clauses the check already reads. Only languages
whose word order carries the roles are swapped (English, French; not Russian, where case does).
A misparse can make a swap that changes no roles; such an item counts as a miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from evalsuite.checks.role_compare import SYMMETRIC_PREDICATES
from evalsuite.text.nlp import load_pipeline

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["SWAPPABLE", "Swap", "swap_roles"]

SWAPPABLE = frozenset({"en", "fr"})
_SUBJECT = frozenset({"nsubj"})
_OBJECT = frozenset({"dobj", "obj"})
_PASSIVE = frozenset({"nsubjpass", "nsubj:pass", "auxpass", "aux:pass", "expl:pass"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
# Verbs whose object is no patient ("has difficulty", "a du mal"): swapping it changes no roles.
_LIGHT_VERBS = frozenset({"have", "be", "avoir", "être"})
_MAX_PHRASE = 10  # words: a longer "phrase" is mostly a misparse that spans a clause
_BREAKS = frozenset(',;:()[]"“”«»—–')  # a phrase across these is a misparse or a list


@dataclass(frozen=True)
class Swap:
    """A translation with one clause's subject and object exchanged."""

    text: str
    verb: str
    subject: str
    object: str


def swap_roles(text: str, lang: str) -> list[Swap]:
    """One variant of the text per swappable clause, that clause's roles exchanged."""
    nlp = load_pipeline(lang) if lang in SWAPPABLE else None
    if nlp is None:
        return []
    swaps = []
    for verb in nlp(text):
        pair = _arguments(verb)
        if pair is not None:
            subject, obj = pair
            swaps.append(Swap(_exchanged(text, subject, obj), verb.text, subject.text, obj.text))
    return swaps


def _arguments(verb: Token) -> tuple[Span, Span] | None:
    lemma = verb.lemma_.casefold()
    if verb.pos_ != "VERB" or lemma in SYMMETRIC_PREDICATES or lemma in _LIGHT_VERBS:
        return None
    if any(c.dep_ in _PASSIVE for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT]
    objects = [c for c in verb.children if c.dep_ in _OBJECT]
    if len(subjects) != 1 or len(objects) != 1:
        return None
    if subjects[0].pos_ not in _NOMINAL or objects[0].pos_ not in _NOMINAL:
        return None
    if _bare_noun(objects[0]):
        return None
    subject, obj = (_phrase(t) for t in (subjects[0], objects[0]))
    if subject is None or obj is None or not subject.end <= verb.i < obj.start:
        return None
    return subject, obj


def _phrase(head: Token) -> Span | None:
    """The head's contiguous subtree, without a trailing clause (a comma or a relative)."""
    tokens = sorted(head.subtree, key=lambda t: t.i)
    if tokens[-1].i - tokens[0].i + 1 != len(tokens) or len(tokens) > _MAX_PHRASE:
        return None
    span = head.doc[tokens[0].i : tokens[-1].i + 1]
    if any(t.text in _BREAKS for t in span):
        return None
    return span


def _bare_noun(token: Token) -> bool:
    """A lone common noun, part of an idiom more often than an argument ("took place")."""
    return token.pos_ == "NOUN" and not any(True for _ in token.children)


def _exchanged(text: str, subject: Span, obj: Span) -> str:
    first, second = _recased(obj, at_start=_starts_sentence(subject)), subject.text
    if _starts_sentence(subject) and not _keeps_capital(subject[0]):
        second = second[0].lower() + second[1:]
    a, b = subject.start_char, subject.end_char
    c, d = obj.start_char, obj.end_char
    return text[:a] + first + text[b:c] + second + text[d:]


def _recased(span: Span, at_start: bool) -> str:
    return span.text[0].upper() + span.text[1:] if at_start else span.text


def _starts_sentence(span: Span) -> bool:
    return span[0].is_sent_start is True or span.start == 0


def _keeps_capital(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.text.isupper()
