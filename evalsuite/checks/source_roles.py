"""`role_reversal` against a source in another language: who does what to whom, across a
translation.

Both sides are parsed (English and French by spaCy, Russian by natasha through
`evalsuite.text.russian_syntax`) and read into (agent, predicate, patient) triples by
`evalsuite.text.roles`, which makes passives, relative clauses and word order invisible. The
two sides are then tied by the word alignment (`evalsuite.align`: the bilingual lexicon, names,
cognates and transliterations): a predicate pairs with the source predicate it translates, and
each argument phrase (its head, name parts, appositions and modifiers) with the source argument
it shares the most aligned words with. A hypothesis triple is reported when its agent aligns
with the source triple's patient and its patient with the source's agent, and no source triple
of an aligned predicate has them as the output has them. Symmetric predicates are never
reported, nor converse readings (a free rendering with another verb is not compared at all).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from evalsuite.align import Alignment, Word, align
from evalsuite.checks.base import Finding, Span
from evalsuite.text.nlp import ParsedText
from evalsuite.text.roles import Arg, Triple, extract_triples

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["PARSED_LANGS", "cross_lingual_role_findings"]

PARSED_LANGS = frozenset({"en", "fr", "ru"})
CHECK = "role_reversal"
# Dependents that belong to an argument's phrase: name parts, appositions ("le président
# Emmanuel Macron"), modifiers ("le chancelier allemand") and genitive owners ("канцлера
# Германии"), which disambiguate two arguments of the same kind.
_PHRASE_DEPS = frozenset({
    "compound", "flat", "flat:name", "fixed", "appos", "amod", "nmod", "nmod:poss", "poss",
})  # fmt: skip
_PHRASE_DEPTH = 3
_GENITIVE_CASES = frozenset({"de", "d'", "d’", "du", "des"})  # a bare Russian genitive has none
# Stems of Russian symmetric verbs (meet, agree, play, talk, discuss, negotiate): natasha gives
# no lemmas here (see text/russian_syntax.py), so inflected forms are matched by stem.
_SYMMETRIC_RU_STEMS = ("встрет", "встреча", "договор", "сыгра", "игра", "поговор", "побесед",
                       "обсуд", "переговор", "поссор", "помир")  # fmt: skip


def cross_lingual_role_findings(hyp: ParsedText, src: ParsedText) -> list[Finding]:
    """Role reversals of the output against a source in another language (both parsed)."""
    from evalsuite.checks.roles import SYMMETRIC_PREDICATES

    hyp_doc, src_doc = _doc(hyp), _doc(src)
    if hyp_doc is None or src_doc is None:
        return []
    hyp_doc, src_doc = _verbs_read(hyp_doc, hyp.lang), _verbs_read(src_doc, src.lang)
    alignment = align(src.text, src.lang, hyp.text, hyp.lang)
    if not alignment.links:
        return []
    symmetric = SYMMETRIC_PREDICATES
    hyp_all, src_all = _triples(hyp_doc, hyp.lang), _triples(src_doc, src.lang)
    hyp_triples = [t for t in hyp_all if _comparable(t, symmetric)]
    src_triples = [t for t in src_all if _comparable(t, symmetric)]
    h_direct, s_direct = _with_object(hyp_all), _with_object(src_all)
    sides = _Sides(alignment, src_doc, hyp_doc, src_triples, hyp_triples)
    findings: list[Finding] = []
    reported: set[int] = set()
    for h in hyp_triples:
        if h.pred_token in reported:
            continue
        paired = [(s, linked) for s in src_triples if _slot(s, s_direct) == _slot(h, h_direct)
                  for linked in [sides.predicates(h, s)] if linked is not None]  # fmt: skip
        if any(sides.as_written(h, s) for s, _ in paired):
            continue
        swapped = next((s for s, linked in paired if sides.swapped(h, s, linked)), None)
        if swapped is not None:
            reported.add(h.pred_token)
            findings.append(_finding(h, swapped, hyp, src, sides))
    return findings


def _doc(text: ParsedText) -> Doc | None:
    if text.lang not in PARSED_LANGS:
        return None
    if text.doc is not None:
        return text.doc
    if text.lang == "ru":
        from evalsuite.text.russian_syntax import russian_doc

        return russian_doc(text.text)
    return None


def _verbs_read(doc: Doc, lang: str) -> Doc:
    """The small French and Russian taggers sometimes call a verb that governs a subject and
    a direct object something else ("pratiquaient" as an adverb); only a predicate takes both,
    so such a word is read as a verb (on a copy: the parse is shared with other checks)."""
    if lang == "en":
        return doc
    misread = [t.i for t in doc if t.pos_ not in ("VERB", "AUX") and _governs_clause(t)]
    if not misread:
        return doc
    copy = doc.copy()
    copy.user_data.clear()  # the role reader's triples of the original parse
    for i in misread:
        copy[i].pos_ = "VERB"
    return copy


def _governs_clause(token: Token) -> bool:
    deps = {c.dep_ for c in token.children}
    return "nsubj" in deps and "obj" in deps


def _triples(doc: Doc, lang: str) -> list[Triple]:
    """The role reader's triples, plus what a small parser's second object gives (French
    "a reçu jeudi le chancelier": both "jeudi" and "chancelier" are read as objects), and the
    instrumental agent of a Russian passive ("задержан полицией"), which has no preposition."""
    triples = extract_triples(doc)
    extra: list[Triple] = []
    for t in triples:
        verb = doc[t.pred_token]
        if t.role != "patient" or t.noun or t.patient is None:
            continue
        for obj in verb.children:
            if obj.dep_ in ("obj", "dobj") and obj.i != t.patient.token and _nominal(obj):
                extra.append(replace(t, patient=_arg(obj)))
        if lang == "ru" and t.frame == "passive" and t.agent is None:
            agent = _instrumental(verb)
            if agent is not None:
                extra.append(replace(t, agent=_arg(agent)))
    if lang == "ru":
        extra += _russian_obliques(doc, triples)
    return list(dict.fromkeys(triples + extra))


def _russian_obliques(doc: Doc, triples: Sequence[Triple]) -> list[Triple]:
    """A Russian verb with a subject, no direct object and one nominal oblique ("железо
    приводило к износу", "партия рассчитается с долгами"): the oblique is the participant
    that English often makes the object ("caused wear", "paid off its debts"), compared as
    a target (the role reader names no Russian preposition's role)."""
    with_object = {t.pred_token for t in triples if t.patient is not None}
    extra = []
    for t in triples:
        if t.agent is None or t.pred_token in with_object or t.noun or t.frame == "passive":
            continue
        verb = doc[t.pred_token]
        obliques = [c for c in verb.children if c.dep_ == "obl" and _nominal(c)]
        if len(obliques) == 1 and "Ins" not in obliques[0].morph.get("Case", []):
            extra.append(replace(t, patient=_arg(obliques[0]), role="target"))
    return extra


def _nominal(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("DATE", "TIME")


def _instrumental(verb: Token) -> Token | None:
    for child in verb.children:
        instrumental = "Ins" in child.morph.get("Case", [])
        bare = not any(c.dep_ == "case" for c in child.children)
        if child.dep_ in ("obl", "obl:agent") and _nominal(child) and instrumental and bare:
            return child
    return None


def _arg(token: Token) -> Arg:
    name = token.pos_ == "PROPN" or bool(token.ent_type_)
    lemma = (token.text if name else token.lemma_ or token.text).casefold()
    return Arg(lemma, frozenset({lemma}), token.text, token.i, name)


def _comparable(t: Triple, symmetric: frozenset[str]) -> bool:
    """Both roles named, read as written (no converse reading), not a symmetric predicate."""
    if t.agent is None or t.patient is None or t.reading is not None:
        return False
    first = t.pred.split()[0]
    return first not in symmetric and not first.startswith(_SYMMETRIC_RU_STEMS)


def _with_object(triples: Sequence[Triple]) -> frozenset[int]:
    """Predicates that take a direct object."""
    return frozenset(t.pred_token for t in triples if t.role == "patient" and t.patient)


def _slot(t: Triple, direct: frozenset[int]) -> str:
    """The role compared across languages. A verb with no direct object whose other
    participant is an oblique ("ressembler à", "привести к") tells what another language
    says with a direct object ("resemble", "cause"), so that oblique is compared as one."""
    if t.role in ("target", "aim"):
        return "patient"
    if t.role == "recipient" and t.pred_token not in direct:
        return "patient"
    return t.role


@dataclass(frozen=True)
class _Words:
    """One side's content words, found by character offset."""

    words: Sequence[Word]

    def at(self, offset: int) -> int | None:
        i = bisect_right(self.starts, offset) - 1
        return i if i >= 0 and self.words[i].start <= offset < self.words[i].end else None

    @property
    def starts(self) -> list[int]:
        return [w.start for w in self.words]


class _Sides:
    """The alignment, read on the two parses."""

    def __init__(
        self, alignment: Alignment, src_doc: Doc, hyp_doc: Doc,
        src_triples: Sequence[Triple], hyp_triples: Sequence[Triple],
    ) -> None:
        self.alignment = alignment
        self.src_doc, self.hyp_doc = src_doc, hyp_doc
        self.src_words, self.hyp_words = _Words(alignment.src_words), _Words(alignment.hyp_words)
        self.links = {(link.src, link.hyp) for link in alignment.links}
        src_preds = {self._src_word(t.pred_token) for t in src_triples} - {None}
        hyp_preds = {self._hyp_word(t.pred_token) for t in hyp_triples} - {None}
        # Predicates that translate some predicate of the other side: such a pair is decided
        # by its link, never by position.
        self.src_linked = {i for i, j in self.links if i in src_preds and j in hyp_preds}
        self.hyp_linked = {j for i, j in self.links if i in src_preds and j in hyp_preds}
        self.sentences = self._aligned_sentences()

    def _sentence_of(self, doc: Doc, word: Word) -> int:
        span = doc.char_span(word.start, word.end, alignment_mode="expand")
        return span.sent.start if span is not None else -1

    def _aligned_sentences(self) -> set[tuple[int, int]]:
        """(hyp sentence, source sentence) pairs: each output sentence with the source
        sentence it shares the most aligned words with."""
        a = self.alignment
        counts: dict[int, dict[int, int]] = {}
        for i, j in self.links:
            h = self._sentence_of(self.hyp_doc, a.hyp_words[j])
            s = self._sentence_of(self.src_doc, a.src_words[i])
            counts.setdefault(h, {}).setdefault(s, 0)
            counts[h][s] += 1
        pairs: set[tuple[int, int]] = set()
        for h, by_src in counts.items():
            top = max(by_src.values())
            pairs.update((h, s) for s, n in by_src.items() if n == top)
        return pairs

    def _src_word(self, token: int) -> int | None:
        return self.src_words.at(self.src_doc[token].idx)

    def _hyp_word(self, token: int) -> int | None:
        return self.hyp_words.at(self.hyp_doc[token].idx)

    def predicates(self, h: Triple, s: Triple) -> bool | None:
        """Whether the output's predicate translates the source's: True when the alignment
        links them; False (a weaker pairing) when the lexicon knows neither as a translation of
        a predicate on the other side and their sentences align (the lexicons are thin on
        verbs: "interpellé"/"arrested"); None when they are not paired."""
        i, j = self._src_word(s.pred_token), self._hyp_word(h.pred_token)
        if i is not None and j is not None and (i, j) in self.links:
            return True
        if i in self.src_linked or j in self.hyp_linked:
            return None
        return False if (h.sentence, s.sentence) in self.sentences else None

    def score(self, h_arg: Arg, s_arg: Arg) -> int:
        """Aligned word pairs between two argument phrases (0 when the heads share none)."""
        hyp = _phrase_words(self.hyp_doc, h_arg.token, self._hyp_word)
        src = _phrase_words(self.src_doc, s_arg.token, self._src_word)
        pairs = {(i, j) for i in src for j in hyp if (i, j) in self.links}
        return len(pairs)

    def crossing(self, h: Triple, s: Triple) -> tuple[int, int]:
        """For the output's agent and patient: how many more aligned words each shares with
        the source triple's other role than with its own (above 0: crossed)."""
        assert h.agent and h.patient and s.agent and s.patient
        agent = self.score(h.agent, s.patient) - self.score(h.agent, s.agent)
        patient = self.score(h.patient, s.agent) - self.score(h.patient, s.patient)
        return agent, patient

    def as_written(self, h: Triple, s: Triple) -> bool:
        """The source triple has the output's roles as the output has them."""
        agent, patient = self.crossing(h, s)
        return agent <= 0 and patient <= 0 and min(agent, patient) < 0

    def swapped(self, h: Triple, s: Triple, linked: bool) -> bool:
        """Both roles crossed; with aligned predicates, one crossed while the other aligns
        with neither role better (a word the lexicon lacks: "passeurs"/"smugglers")."""
        agent, patient = self.crossing(h, s)
        if linked:
            return min(agent, patient) >= 0 and max(agent, patient) > 0
        return agent > 0 and patient > 0

    def aligned_words(self, h_arg: Arg, s_arg: Arg) -> list[list[str]]:
        hyp = _phrase_words(self.hyp_doc, h_arg.token, self._hyp_word)
        src = _phrase_words(self.src_doc, s_arg.token, self._src_word)
        a = self.alignment
        return [[a.src_words[i].text, a.hyp_words[j].text]
                for i, j in sorted(self.links) if i in src and j in hyp]  # fmt: skip


def _phrase_words(doc: Doc, head: int, word_of: object) -> frozenset[int]:
    """Content-word indices of an argument's phrase (see _PHRASE_DEPS)."""
    found = {head}
    frontier = [doc[head]]
    for _ in range(_PHRASE_DEPTH):
        frontier = [c for t in frontier for c in t.children if _in_phrase(c)]
        found.update(c.i for c in frontier)
    words = (word_of(i) for i in found)  # type: ignore[operator]
    return frozenset(w for w in words if w is not None)


def _in_phrase(token: Token) -> bool:
    """Part of its head's argument phrase; English "of" phrases too ("the Bank of Greece",
    where UD parses of French and Russian say nmod). A noun modifier with another
    preposition ("deux milliards à la Banque de Grèce", a misattached oblique) is not."""
    if token.dep_ == "nmod":
        cases = [c.lower_ for c in token.children if c.dep_ == "case"]
        return all(c in _GENITIVE_CASES for c in cases)
    if token.dep_ in _PHRASE_DEPS:
        return True
    if token.dep_ == "prep":
        return token.lower_ == "of"
    return token.dep_ == "pobj" and token.head.lower_ == "of"


def _finding(h: Triple, s: Triple, hyp: ParsedText, src: ParsedText, sides: _Sides) -> Finding:
    assert h.agent and h.patient and s.agent and s.patient
    shown, source = h.as_list(), s.as_list()
    message = (
        f"role reversal: the output has '{shown[0]}' {shown[1]} '{shown[2]}', the source "
        f"({src.lang}) has '{source[0]}' {source[1]} '{source[2]}'"
    )
    return Finding(
        CHECK, "critical", message,
        hyp_span=Span(h.start, h.end, hyp.text[h.start : h.end]),
        ref_span=Span(s.start, s.end, src.text[s.start : s.end]),
        evidence={
            "against": "source", "hyp_triple": shown, "ref_triple": source,
            "frame": h.frame, "ref_frame": s.frame, "swap": "both", "method": "cross_lingual",
            "aligned": {"output agent ~ source patient": sides.aligned_words(h.agent, s.patient),
                        "output patient ~ source agent": sides.aligned_words(h.patient, s.agent),
                        "predicate": [source[1], shown[1]]},
        },
    )  # fmt: skip
