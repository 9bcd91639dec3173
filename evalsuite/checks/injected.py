"""`injected_content`: output sentences that nothing supports.

Two kinds. Site boilerplate needs nothing to compare with: comment forms, share, follow,
newsletter and cookie prompts, and "See also"/"Lire aussi"/"Читайте также" lines whose story
shares no name and few words with the rest of the document. With a reference or a source in
the hypothesis's language, a sentence is unsupported when few of its content words (stems,
numbers) occur there. Across languages words are compared through the word alignment
(`evalsuite.align`: lexicon, numbers, transliteration): a sentence with several numbers and
names of which the source has none, and whose content words the source barely supports (a
translation split into several sentences keeps its aligned words: "Cai Qi, member of the
Standing Committee ..." from one long Chinese sentence naming 蔡奇).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evalsuite.align import align
from evalsuite.checks.base import Finding, Span
from evalsuite.text.content_words import recall, word_keys
from evalsuite.text.nlp import ParsedSegment, ParsedText
from evalsuite.text.normalize import fold_text, name_key
from evalsuite.text.sentences import sentence_spans

__all__ = ["injected_content"]

# Prompts a site wraps around an article, by language (casefolded regular expressions).
_BOILERPLATE = (
    # en
    r"\bleave a (?:reply|comment)\b", r"\byour email address will not be published\b",
    r"\brequired fields are marked\b", r"\bshare this (?:article|story|post|page)\b",
    r"\bfollow us on\b", r"\b(?:subscribe|sign up) (?:to|for) (?:our|the) newsletter\b",
    r"\bclick here\b", r"\bwe use cookies\b", r"\baccept (?:all )?cookies\b",
    r"\ball rights reserved\b",
    # fr
    r"\blaisser un commentaire\b", r"\bvotre adresse (?:e-?mail|de messagerie) ne sera pas",
    r"\bchamps obligatoires sont (?:indiqués|marqués)\b", r"\bpartage[rz] cet article\b",
    r"\bsuivez-nous sur\b", r"\babonnez-vous à (?:notre|la) newsletter\b", r"\bcliquez ici\b",
    r"\bnous utilisons des cookies\b", r"\btous droits réservés\b",
    # es
    r"\bdeja (?:un|una) (?:comentario|respuesta)\b",
    r"\btu (?:dirección de )?correo electrónico no será publicad", r"\bsíguenos en\b",
    r"\bcomparte (?:este|esta) (?:artículo|noticia)\b", r"\bsuscríbete a\b",
    r"\bhaz clic aquí\b", r"\butilizamos cookies\b",
    # de
    r"\b(?:hinterlasse|schreibe) einen kommentar\b",
    r"\be-mail-adresse wird nicht veröffentlicht\b", r"\berforderliche felder sind\b",
    r"\bfolgen sie uns auf\b", r"\bnewsletter abonnieren\b", r"\bhier klicken\b",
    r"\bwir verwenden cookies\b", r"\bartikel teilen\b",
    # ru
    r"\bоставьте комментарий\b", r"\bоставить комментарий\b",
    r"\bадрес email не будет опубликован\b", r"\bобязательные поля помечены\b",
    r"\bподпишитесь на\b", r"\bподписывайтесь на\b", r"\bмы используем (?:cookie|куки)",
)  # fmt: skip
_BOILERPLATE_RE = [re.compile(p) for p in _BOILERPLATE]
# Labels that introduce a link to another story.
_LINK_LABEL = re.compile(
    r"^\W*(?:see also|read more|read also|also read|related(?: stories| articles)?|more on this"
    r"|voir aussi|lire aussi|à lire aussi|ver también|lee también|leer más|te puede interesar"
    r"|lesen sie auch|siehe auch|mehr zum thema|читайте также|смотрите также|см\. также"
    r"|leggi anche|vedi anche|leia também|veja também)\b\W*",
    re.IGNORECASE,
)
_MAX_BOILERPLATE_WORDS = 30
_MIN_KEYS = 4
_MAX_SUPPORT = 0.25
_MAX_LINK_SUPPORT = 0.5
_MIN_ANCHORS = 2
_MIN_ALIGNED = 2
"""Across languages, a sentence with this many aligned content words (and a quarter of them)
translates something of the source."""
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str


def injected_content(seg: ParsedSegment) -> list[Finding]:
    """Boilerplate anywhere; sentences unsupported by the reference or source when given."""
    hyp = seg.hyp
    sentences = _sentences(hyp.text, hyp.lang)
    support = _same_language_keys(seg)
    findings: list[Finding] = []
    for i, sent in enumerate(sentences):
        keys = frozenset(word_keys(sent.text, hyp.lang))
        if support is not None and keys and recall(keys, support) >= _MAX_LINK_SUPPORT:
            continue  # the reference or source has it too
        finding = _boilerplate(sent, sentences[:i] + sentences[i + 1 :], hyp.lang)
        if finding is None and support is not None:
            finding = _unsupported(sent, keys, support, seg)
        elif finding is None and seg.src is not None and len(sentences) > 1:
            finding = _unanchored(sent, hyp, seg.src)
        if finding is not None:
            findings.append(finding)
    return findings


def _sentences(text: str, lang: str) -> list[_Sentence]:
    return [_Sentence(start, end, sent) for start, end, sent in sentence_spans(text, lang)]


def _same_language_keys(seg: ParsedSegment) -> frozenset[str] | None:
    """Content keys of the reference and the source that share the hypothesis's language. A
    summary may say what its reference summary does not: without its article, no support."""
    texts = [t for t in (seg.ref, seg.src) if t is not None and t.lang == seg.hyp.lang]
    if not texts or seg.task == "summary" and (seg.src is None or seg.src.lang != seg.hyp.lang):
        return None
    return frozenset(k for t in texts for k in word_keys(t.text, t.lang))


# --- boilerplate ------------------------------------------------------------------------------


def _boilerplate(sent: _Sentence, others: list[_Sentence], lang: str) -> Finding | None:
    folded = sent.text.casefold()
    if len(folded.split()) > _MAX_BOILERPLATE_WORDS:
        return None
    for pattern in _BOILERPLATE_RE:
        if pattern.search(folded):
            return _finding(sent, "site boilerplate", {"pattern": pattern.pattern})
    label = _LINK_LABEL.match(sent.text)
    if label is None:
        return None
    story = sent.text[label.end() :]
    rest = " ".join(o.text for o in others)
    score = recall(frozenset(word_keys(story, lang)), frozenset(word_keys(rest, lang)))
    if score >= _MAX_LINK_SUPPORT or _shares_name(story, rest):
        return None
    evidence = {"pattern": label.group().strip(), "overlap": round(score, 3)}
    return _finding(sent, "a link to an unrelated story", evidence)


def _shares_name(story: str, rest: str) -> bool:
    """Whether a capitalised word of the linked story (a name) occurs in the document."""
    folded = fold_text(rest)
    common = set(rest.casefold().split())
    names = [w for w in re.findall(r"\b[^\W\d_][\w-]*", story) if w[0].isupper()]
    return any(
        len(word) >= 3
        and word.casefold() not in common
        and folded.find(name_key(word), allow_suffix=2) is not None
        for word in names
    )


# --- support from the reference or source ----------------------------------------------------


def _unsupported(
    sent: _Sentence, keys: frozenset[str], support: frozenset[str], seg: ParsedSegment
) -> Finding | None:
    if len(keys) < _MIN_KEYS:
        return None
    score = recall(keys, support)
    if score >= _MAX_SUPPORT:
        return None
    against = "reference" if seg.ref is not None and seg.ref.lang == seg.hyp.lang else "source"
    return _finding(sent, f"nothing in the {against} supports it",
                    {"against": against, "support": round(score, 3)})  # fmt: skip


def _unanchored(sent: _Sentence, hyp: ParsedText, src: ParsedText) -> Finding | None:
    """Across languages: several numbers and names in the sentence, none in the source."""
    names = [e.text for e in hyp.entities if sent.start <= e.start < sent.end]
    numbers = [re.sub(r"\D", "", n) for n in _NUMBER.findall(sent.text)]
    if len(names) + len(numbers) < _MIN_ANCHORS:
        return None
    folded = fold_text(src.text)
    src_numbers = {re.sub(r"\D", "", n) for n in _NUMBER.findall(src.text)}
    if any(n in src_numbers for n in numbers):
        return None
    if any(folded.find(name_key(name), allow_suffix=3, stem=2) for name in names):
        return None
    supported, words = _aligned_words(sent, hyp, src)
    if supported >= _MIN_ALIGNED and supported >= _MAX_SUPPORT * words:
        return None
    share = round(supported / words, 3) if words else 0.0
    evidence = {"against": "source", "anchors": names + numbers, "support": share}
    return _finding(sent, "none of its names or numbers is in the source", evidence)


def _aligned_words(sent: _Sentence, hyp: ParsedText, src: ParsedText) -> tuple[int, int]:
    """How many of the sentence's content words the source supports, and how many it has."""
    alignment = align(src.text, src.lang, hyp.text, hyp.lang)
    flags = alignment.supported()
    inside = [i for i, w in enumerate(alignment.hyp_words) if sent.start <= w.start < sent.end]
    return sum(flags[i] for i in inside), len(inside)


def _finding(sent: _Sentence, why: str, evidence: dict[str, object]) -> Finding:
    message = f"injected content ({why}): '{sent.text[:80]}'"
    return Finding(
        "injected_content", "major", message,
        hyp_span=Span(sent.start, sent.end, sent.text), evidence={"line": sent.text, **evidence},
    )  # fmt: skip
