"""`page_artifact`: pieces of a web page that machine translation turned into article text.

Two kinds, both reference-free and found by shape, never by listing words:
- a **stray label**: a paragraph or bullet opening with a short lowercase label and a comma
  ("video title, ...", "image caption, ..."), when the document has at least `MIN_LABELS` such
  openings; in such a document, also a capitalised label followed by a new sentence ("US
  administration, According to ...": a capitalised word the document never uses mid-sentence);
- a **fused token**: two capitalised words run together ("PostKiev"), each of which the
  document also uses on its own (or, for the first, before a space: "Washington Post...").
"""

from __future__ import annotations

import re

from evalsuite.checks.base import Finding, Span
from evalsuite.text.nlp import ParsedSegment

__all__ = ["page_artifact"]

MIN_LABELS = 3
_LABEL = re.compile(r"^[ \t•*\-–—]*((?:[^\W\d_][\w'’\-]*\s){0,2}[^\W\d_][\w'’\-]*),\s+(\S+)", re.M)
_FUSED = re.compile(r"\b([A-Z][a-z]{2,})([A-Z][a-z]{2,})\b")
_MAX_LABEL_CHARS = 30


def page_artifact(seg: ParsedSegment) -> list[Finding]:
    """Stray page labels and fused tokens in the output, each with its evidence."""
    text = seg.hyp.text
    return _labels(text) + _fused(text)


def _paragraph_starts(text: str) -> list[re.Match[str]]:
    """Label-comma openings at the start of a paragraph or bullet line."""
    found = []
    for match in _LABEL.finditer(text):
        start = match.start()
        previous = text[:start].rstrip(" \t")
        if start and not previous.endswith("\n"):
            continue
        if len(match.group(1)) <= _MAX_LABEL_CHARS:
            found.append(match)
    return found


def _labels(text: str) -> list[Finding]:
    openings = _paragraph_starts(text)
    lowercase = [m for m in openings if m.group(1)[:1].islower()]
    findings = []
    for match in openings:
        label, following = match.group(1), match.group(2)
        shape = len(lowercase) >= MIN_LABELS and match in lowercase
        polluted = len(lowercase) >= MIN_LABELS
        restart = following[:1].isupper() and not _name_used_elsewhere(text, following, match)
        if not (shape or polluted and restart):
            continue
        why = (
            f"{len(lowercase)} paragraphs open with a short lowercase label and a comma"
            if shape
            else f"a new sentence ('{following}') starts right after it"
        )
        findings.append(Finding(
            "page_artifact", "major",
            f"stray page label '{label},' copied into the text ({why})",
            hyp_span=Span(match.start(1), match.end(1) + 1, label + ","),
            evidence={"kind": "stray_label", "label": label, "next_word": following,
                      "label_openings": [m.group(1) for m in lowercase]},
        ))  # fmt: skip
    return findings


def _name_used_elsewhere(text: str, word: str, match: re.Match[str]) -> bool:
    """A capitalised word after the comma that the document uses mid-sentence is a name
    ("Paris, France"), not a sentence start."""
    bare = word.strip(".,;:!?\"'“”«»()")
    others = text[: match.start()] + text[match.end() :]
    return re.search(rf"[a-z,;]\s+{re.escape(bare)}\b", others) is not None


def _fused(text: str) -> list[Finding]:
    findings = []
    for match in _FUSED.finditer(text):
        first, second = match.group(1), match.group(2)
        rest = text[: match.start()] + " " + text[match.end() :]
        alone = re.compile(rf"\b{re.escape(second)}\b")
        before = re.compile(rf"\b{re.escape(first)}\b")
        if alone.search(rest) and (before.search(rest) or _after_a_name(text, match)):
            findings.append(Finding(
                "page_artifact", "major",
                f"'{match.group()}' runs two words together: '{first}' and '{second}'",
                hyp_span=Span(match.start(), match.end(), match.group()),
                evidence={"kind": "fused_token", "parts": [first, second],
                          "second_used_alone": True},
            ))  # fmt: skip
    return findings


def _after_a_name(text: str, match: re.Match[str]) -> bool:
    """The fused token closes a run of capitalised words ("the Washington PostKiev")."""
    return re.search(r"[A-Z][a-z]+\s+$", text[: match.start()]) is not None
