"""`negation_flip` against a source in another language: polarity of aligned sentences.

The sentences of the two sides are aligned (`text.sentence_align`: order, length, numbers,
and the word links of `evalsuite.align`'s bilingual lexicons; one sentence may answer to up
to three). Each side of an aligned pair is read with its own language's
cues (`text.negation_cues.negation_marks`): negative if a cue is in it (negative concord, as in
"nikdo nepřišel", is one negation, since only presence counts), else positive. A pair whose
polarities differ is a flip, except where the difference may be how the other language says
it:

- the positive side has a lexical negative ("refused" for "did not agree", 拒绝, odmítl,
  nebezpečný) and the negative side has none;
- the negative side has one and the positive side none: a litotes ("not impossible", "nicht
  ohne"), or a rhetorical question (难道 ... 吗, ではないか);
- the positive side is in a language whose cues cannot all be read here (Czech without its
  dictionary);
- no content word of the negative clause is linked to the other side: the clause was left out
  or added (`omission` / `addition` say so), its polarity has nothing to flip against.

With lexical negatives on both sides, a cue is a flip when the negative side has more marks
than the other ("did not refuse" for 拒绝), not when the cue stands for one of the other's
lexical negatives ("无法 ... 禁止" for "unable ... prohibits").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from evalsuite.align import Alignment, align
from evalsuite.checks.base import Finding, Span
from evalsuite.text.negation_cues import Mark, negation_marks, polarity_known
from evalsuite.text.nlp import ParsedText
from evalsuite.text.sentence_align import align_sentences
from evalsuite.text.sentences import sentence_spans

__all__ = ["cross_lingual_flips"]

_CLAUSE_STOP = re.compile(r"[,;:，、；：()（）\u2013\u2014]")
_SCOPE_WORDS = 3
_CONCORD_WORDS = 4
# Languages with negative concord (a negative pronoun and the verb's negator are one negation).
_CONCORD_LANGS = frozenset({"cs", "pl", "ru", "uk", "es", "it", "pt", "fr", "hi"})
_CORRELATIVES = frozenset({"nor", "ni", "ani", "né", "nem", "न", "ні", "ни"})
_CONCORD_CHARS = 2


class _Side:
    """One side of an aligned pair: its text span, marks, and language."""

    def __init__(self, text: str, lang: str, spans: list[tuple[int, int, str]]) -> None:
        self.lang = lang
        self.start = spans[0][0]
        self.end = spans[-1][1]
        self.text = text[self.start : self.end]
        self.full = text
        self.marks: list[Mark] = []
        self.sentence_starts = [start for start, _, _ in spans]
        for start, _, sentence in spans:
            self.marks.extend(
                Mark(start + m.start, start + m.end, m.text, m.kind)
                for m in negation_marks(sentence, lang)
            )

    @property
    def cues(self) -> list[Mark]:
        return [m for m in self.marks if m.kind == "cue"]

    @property
    def lexical(self) -> bool:
        return any(m.kind == "lexical" for m in self.marks)

    @property
    def negative(self) -> bool:
        return bool(self.cues)

    def negations(self) -> int:
        """Negated clauses: cues, where cues close together in one clause count once
        (negative concord: "nikdo nepřišel", "no vino nadie", "neither ... nor")."""
        count = 0
        previous: Mark | None = None
        for cue in self.cues:
            if previous is None or not self._one_negation(previous, cue):
                count += 1
            previous = cue
        return count

    def _one_negation(self, first: Mark, second: Mark) -> bool:
        between = self.full[first.end : second.start]
        if any(first.start < s <= second.start for s in self.sentence_starts):
            return False
        if second.text.casefold() in _CORRELATIVES:
            return True  # "neither ... nor", "not ... nor", "ni ... ni", "ani ... ani"
        if _CLAUSE_STOP.search(between):
            return False
        if self.lang in ("zh", "ja"):
            return len(between.replace(" ", "")) <= _CONCORD_CHARS
        if self.lang not in _CONCORD_LANGS:
            return False  # English, German: "no way you don't know" is two negations
        return len(between.split()) <= _CONCORD_WORDS

    def scoped_lexical(self) -> bool:
        """A lexical negative right after a cue, in its clause ("not impossible", "nicht
        ohne", 难道 ... 不): the cue negates a negative, or asks."""
        for cue in self.cues:
            for mark in self.marks:
                if mark.kind != "lexical":
                    continue
                between = self.full[min(cue.end, mark.end) : max(cue.start, mark.start)]
                near = len(between.split()) <= _SCOPE_WORDS and not _CLAUSE_STOP.search(between)
                if near and (mark.start > cue.start or self.lang in ("zh", "ja")):
                    return True
        return False

    def clause(self) -> tuple[int, int]:
        """The clause around the first cue (the whole span for a positive side)."""
        if not self.cues:
            return self.start, self.end
        cue = self.cues[0]
        left = self.start
        for stop in _CLAUSE_STOP.finditer(self.full, self.start, cue.start):
            left = stop.end()
        stop_after = _CLAUSE_STOP.search(self.full, cue.end, self.end)
        right = stop_after.start() if stop_after else self.end
        while left < right and self.full[left].isspace():
            left += 1
        return left, right


def _sentences(text: ParsedText) -> list[tuple[int, int, str]]:
    return [(s, e, t) for s, e, t in sentence_spans(text.text, text.lang) if t.strip()]


def cross_lingual_flips(hyp: ParsedText, src: ParsedText) -> list[Finding]:
    """Findings for aligned sentence pairs whose polarity differs (see the module doc)."""
    hyp_sents, src_sents = _sentences(hyp), _sentences(src)
    words = align(src.text, src.lang, hyp.text, hyp.lang)
    links = _sentence_links(words, src_sents, hyp_sents)
    groups = align_sentences([t for _, _, t in src_sents], [t for _, _, t in hyp_sents], links)
    findings = []
    for src_ids, hyp_ids in groups:
        s = _Side(src.text, src.lang, [src_sents[i] for i in src_ids])
        h = _Side(hyp.text, hyp.lang, [hyp_sents[j] for j in hyp_ids])
        if h.negative and s.negative:
            if _more_negations(h, s):
                findings.append(_finding(h, s, counted=True))
            continue
        if h.negative == s.negative:
            continue
        negative, positive = (h, s) if h.negative else (s, h)
        if not polarity_known(positive.lang):
            continue
        if positive.lexical:
            if len(negative.marks) <= len(positive.marks):
                continue  # "did not agree" for "refused"
        elif negative.scoped_lexical():
            continue  # "not impossible", "not unlike": a litotes
        if not _translated(negative, words, side="hyp" if negative is h else "src"):
            continue  # the negative clause was left out or added: omission/addition, not a flip
        findings.append(_finding(h, s))
    return findings


def _sentence_links(
    words: Alignment,
    src_sents: list[tuple[int, int, str]],
    hyp_sents: list[tuple[int, int, str]],
) -> list[tuple[int, int]]:
    """The alignment's word links as (source sentence, output sentence) index pairs."""
    src_starts = [start for start, _, _ in src_sents]
    hyp_starts = [start for start, _, _ in hyp_sents]
    pairs = []
    for link in words.links:
        i = bisect_right(src_starts, words.src_words[link.src].start) - 1
        j = bisect_right(hyp_starts, words.hyp_words[link.hyp].start) - 1
        if i >= 0 and j >= 0:
            pairs.append((i, j))
    return pairs


def _translated(negative: _Side, words: Alignment, *, side: str) -> bool:
    """Whether the negative side's cue clause is a translation at all: some content word of
    it is linked to the other side (always true without a lexicon for the pair, where links
    are too few to say)."""
    if words.lexicon is None:
        return True
    start, end = negative.clause()
    own = words.hyp_words if side == "hyp" else words.src_words
    flags = words.supported() if side == "hyp" else words.covered()
    inside = [flag for word, flag in zip(own, flags, strict=True) if start <= word.start < end]
    return not inside or any(inside)


def _more_negations(h: _Side, s: _Side) -> bool:
    """Both sides negative: a flip when one side negates more clauses than the other says
    negatively at all (cues and lexical negatives), each side counted by `negations`."""
    hn, sn = h.negations(), s.negations()
    if hn == sn:
        return False
    more, fewer = (h, s) if hn > sn else (s, h)
    if not polarity_known(fewer.lang):
        return False
    return more.negations() > fewer.negations() + sum(m.kind == "lexical" for m in fewer.marks)


def _finding(hyp: _Side, src: _Side, *, counted: bool = False) -> Finding:
    cue = (hyp.cues or src.cues)[0]
    h_start, h_end = hyp.clause()
    s_start, s_end = src.clause()
    hyp_clause, src_clause = hyp.full[h_start:h_end], src.full[s_start:s_end]
    if counted:
        more = "hypothesis" if hyp.negations() > src.negations() else "source"
        message = (
            f"the {more} negates more clauses ({hyp.negations()} in the hypothesis, "
            f"{src.negations()} in the source): a negation was added or dropped"
        )
    elif hyp.negative:
        message = f"the hypothesis negates ('{cue.text}') what the source states positively"
    else:
        message = f"the hypothesis drops the negation ('{cue.text}') of the source"
    evidence = {
        "against": "source",
        "cue": cue.text,
        "cue_side": "hypothesis" if hyp.negative else "source",
        "hyp_clause": hyp_clause,
        "ref_clause": src_clause,
        "hyp_polarity": "negative" if hyp.negative else "positive",
        "ref_polarity": "negative" if src.negative else "positive",
        "hyp_cues": [m.text for m in hyp.cues],
        "src_cues": [m.text for m in src.cues],
        "src_lang": src.lang,
    }
    if counted:
        evidence["hyp_negated_clauses"] = str(hyp.negations())
        evidence["src_negated_clauses"] = str(src.negations())
    return Finding(
        "negation_flip", "major" if counted else "critical", message,
        hyp_span=Span(h_start, h_end, hyp_clause), ref_span=Span(s_start, s_end, src_clause),
        evidence=evidence,
    )  # fmt: skip
