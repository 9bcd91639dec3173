"""Russian dependency parses from natasha, as spaCy Docs the role reader can read.

No Russian spaCy pipeline installs here; natasha (MIT) ships slovnet's news morphology, syntax
and NER models inside its package, so it runs offline. Its Universal Dependencies labels are
what `evalsuite.text.roles` reads for French too. The Doc keeps the text's exact characters
(runs of whitespace become space tokens), so offsets are the text's. Lemmas are the lower-cased
forms: natasha lemmatises through pymorphy2, which does not run on Python 3.11+.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["natasha_available", "russian_doc"]


@lru_cache(maxsize=1)
def _models() -> tuple[Any, ...] | None:
    try:
        from natasha import (
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )
    except ImportError:
        return None
    embedding = NewsEmbedding()
    return (Segmenter(), NewsMorphTagger(embedding), NewsSyntaxParser(embedding),
            NewsNERTagger(embedding))  # fmt: skip


def natasha_available() -> bool:
    return _models() is not None


@lru_cache(maxsize=2048)
def russian_doc(text: str) -> Doc | None:
    """The parse of a Russian text (None without natasha, or for a text with no tokens)."""
    models = _models()
    if models is None:
        return None
    from natasha import Doc as NatashaDoc

    segmenter, morph, syntax, ner = models
    parsed = NatashaDoc(text)
    parsed.segment(segmenter)
    parsed.tag_morph(morph)
    parsed.parse_syntax(syntax)
    parsed.tag_ner(ner)
    return _as_spacy(text, parsed) if parsed.tokens else None


def _as_spacy(text: str, parsed: Any) -> Doc:
    import spacy
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    rows: list[dict[str, Any]] = []  # per word: natasha id, head id, rel, pos, feats, start
    cursor = 0
    for token in parsed.tokens:
        _gap(text[cursor : token.start], words, spaces, rows)
        words.append(token.text)
        spaces.append(False)
        rows.append({"id": token.id, "head": token.head_id, "rel": token.rel, "pos": token.pos,
                     "feats": token.feats or {}, "start": token.start})  # fmt: skip
        cursor = token.stop
    _gap(text[cursor:], words, spaces, rows)
    index = {row["id"]: i for i, row in enumerate(rows) if row.get("id")}
    heads, deps = [], []
    for i, row in enumerate(rows):
        if row.get("id") is None:  # whitespace hangs on the word before it
            heads.append(max(i - 1, 0) if i else _first_word(rows))
            deps.append("dep")
            continue
        head = index.get(row["head"], i)
        heads.append(head)
        deps.append("ROOT" if head == i else str(row["rel"]))
    doc = Doc(
        spacy.blank("ru").vocab, words=words, spaces=spaces, heads=heads, deps=deps,
        pos=[row.get("pos") or "SPACE" for row in rows],
        morphs=["|".join(f"{k}={v}" for k, v in sorted(row.get("feats", {}).items()))
                for row in rows],
        lemmas=[w.lower() if row.get("id") else w for w, row in zip(words, rows, strict=True)],
    )  # fmt: skip
    doc.ents = [
        span for span in (doc.char_span(s.start, s.stop, label=s.type) for s in parsed.spans)
        if span is not None
    ]  # fmt: skip
    return doc


def _gap(gap: str, words: list[str], spaces: list[bool], rows: list[dict[str, Any]]) -> None:
    """Whitespace between two words: one space is the word's trailing space, anything else a
    whitespace token of its own."""
    if not gap:
        return
    if gap == " " and words:
        spaces[-1] = True
        return
    words.append(gap)
    spaces.append(False)
    rows.append({})


def _first_word(rows: list[dict[str, Any]]) -> int:
    return next((i for i, row in enumerate(rows) if row.get("id")), 0)
