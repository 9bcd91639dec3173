"""`number_mismatch` for summaries: each quantity of the summary (amount, count, age,
duration, percentage, measure, year, date) must be licensed by the article, as
`evalsuite.text.quantity_support` grades it; a summary may leave any article number out.

Each finding names the summary span and the closest evidence in the article: the nearest
quantity of the same unit, else the same number in another reading, else the nearest number.
"""

from __future__ import annotations

from typing import Any

from evalsuite.checks.base import Finding
from evalsuite.text.nlp import ParsedSegment, ParsedText
from evalsuite.text.numbers import has_number_words
from evalsuite.text.quantities import Quantity, Reading, read_quantities
from evalsuite.text.quantity_support import (
    Article,
    article_quantities,
    closest_evidence,
    context_words,
    find_support,
    foreign,
    merged,
    reportable,
)
from evalsuite.text.units import display_currencies

__all__ = ["summary_findings"]

CHECK = "number_mismatch"
_CROSS_LINGUAL_SOFT = 10.0
"""Across languages without number words on both sides, numbers up to ten may be written
as a word there and go unseen: they are not reported."""


def summary_findings(seg: ParsedSegment) -> list[Finding]:
    """One finding per summary quantity that neither the source nor the reference licenses."""
    texts = [(name, t) for name, t in (("source", seg.src), ("reference", seg.ref)) if t]
    if not texts:
        return []
    articles = [(name, t, _article(t, seg.hyp.lang)) for name, t in texts]
    pool = merged([a for _, _, a in articles])
    findings = []
    for q in read_quantities(seg.hyp.text, seg.hyp.lang):
        if not reportable(q) or _soft_across_languages(q, seg.hyp, [t for _, t in texts]):
            continue
        if find_support(q, pool, context_words(seg.hyp.text, q, seg.hyp.lang)) is None:
            findings.append(_finding(q, seg.hyp, articles))
    return findings


def _article(text: ParsedText, summary_lang: str) -> Article:
    article = article_quantities(text.text, text.lang)
    return article if text.lang == summary_lang else foreign(article)


def _soft_across_languages(q: Quantity, hyp: ParsedText, texts: list[ParsedText]) -> bool:
    """Across languages a small number in words ("the two sets" for "oběma soubory") is
    left unreported, as in translations, and so is every number up to ten where one side's
    number words are not read."""
    if all(t.lang == hyp.lang for t in texts):
        return False
    if q.mention.soft and q.kind not in ("month", "day"):
        return True
    words = has_number_words(hyp.lang) and all(has_number_words(t.lang) for t in texts)
    return q.value <= (1.0 if words else _CROSS_LINGUAL_SOFT)


def _finding(
    q: Quantity, hyp: ParsedText, articles: list[tuple[str, ParsedText, Article]]
) -> Finding:
    best: tuple[str, Quantity | None, str] = (articles[0][0], None, "")
    for name, _, article in articles:
        near, relation = closest_evidence(q, article)
        if near is not None and (best[1] is None or _rank(relation) < _rank(best[2])):
            best = (name, near, relation)
    against, near, relation = best
    reading = q.readings[0]
    message = f"{q.text!r} ({describe(reading)}) in the summary is not supported by the {against}"
    if near is not None:
        message += f"; closest there: {near.text!r} ({relation}: {describe(near.readings[0])})"
        if relation == "same unit" and near.value == reading.value:
            message += ", said there of something else"
    evidence: dict[str, Any] = {
        "against": against,
        "ref_numbers": [a.mention.key for _, _, art in articles for a in art.quantities],
        "hyp_numbers": [h.mention.key for h in read_quantities(hyp.text, hyp.lang)],
        "missing": [],
        "extra": [q.mention.key],
        "reading": _reading_dict(reading),
        "closest": None if near is None else {
            "text": near.text, "relation": relation, **_reading_dict(near.readings[0])
        },
    }  # fmt: skip
    return Finding(
        CHECK, "critical", message, hyp_span=_span(q), ref_span=_span(near) if near else None,
        evidence=evidence,
    )  # fmt: skip


def _rank(relation: str) -> int:
    order = ("same unit", "unitless", "same number, other unit", "nearest number")
    return order.index(relation) if relation in order else len(order)


def _span(q: Quantity) -> Any:
    from evalsuite.checks.base import Span

    return Span(q.start, q.end, q.text)


def _reading_dict(r: Reading) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": r.kind, "value": r.value}
    if r.unit is not None:
        out["unit"] = r.unit.id
    if r.currencies:
        out["currencies"] = sorted(r.currencies)
    if r.month:
        out["month"] = r.month
    return out


def describe(r: Reading) -> str:
    """A short reading for a message: "amount 30,000,000 GBP/FKP/GIP", "age 2 year"."""
    value = f"{r.value:,.0f}" if r.value.is_integer() else f"{r.value:,.6g}"
    if r.kind == "money":
        return f"amount {value} {display_currencies(r.currencies)}".strip()
    if r.unit is not None and r.kind in ("measure", "age"):
        unit = r.unit.id.split("-", 1)[1]
        return f"{'age' if r.kind == 'age' else r.unit.dimension} {value} {unit}"
    if r.kind == "day":
        return f"day {value} of month {r.month}"
    return f"{r.kind} {value}"
