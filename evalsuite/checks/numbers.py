"""`number_mismatch`: numbers that change, vanish or appear between reference and hypothesis.

For summaries, every quantity of the summary must be licensed by the article (see
`evalsuite.checks.summary_numbers`); what follows is the translation comparison.

Numbers are read by value (see `evalsuite.text.numbers`): "1,5" (German) equals "1.5"
(English), "two" equals "2", "thousands" matches any number of that magnitude, and a unit
conversion in brackets counts once. Words that double as articles ("one", "un", "ein") can
match but are never reported on their own.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from evalsuite.checks.base import Finding
from evalsuite.checks.summary_numbers import summary_findings
from evalsuite.text.nlp import ParsedSegment, ParsedText
from evalsuite.text.numbers import (
    NumberMention,
    extract_numbers,
    has_number_words,
    number_key,
    ordinal_word,
    read_digits,
    satisfies,
)

__all__ = ["NumberMention", "extract_numbers", "number_mismatch"]

CHECK = "number_mismatch"


def _unmatched(
    wanted: Sequence[NumberMention], available: Sequence[NumberMention]
) -> list[NumberMention]:
    """Mentions in `wanted` with no partner in `available` (each partner used once)."""
    used = [False] * len(available)
    left: list[NumberMention] = []
    for mention in sorted(wanted, key=lambda m: m.weak):
        for j, other in enumerate(available):
            if not used[j] and satisfies(other, mention):
                used[j] = True
                break
        else:
            left.append(mention)
    return left


def _reportable(
    unmatched: list[NumberMention],
    all_mentions: Sequence[NumberMention],
    other_unmatched: Sequence[NumberMention] = (),
) -> list[NumberMention]:
    """Drop weak words, and conversions whose other half was matched (unless the other
    side's conversion changed too: "80 km (50 mi)" -> "80 km (45 mi)"); a conversion lost
    whole ("190 miles (300 km)") is reported once, by its first value."""
    missing_ids = {id(m) for m in unmatched}
    other_converted = any(m.group >= 0 for m in other_unmatched)
    seen_groups = {
        m.group
        for m in all_mentions
        if m.group >= 0 and id(m) not in missing_ids and not other_converted
    }
    kept: list[NumberMention] = []
    for mention in sorted(unmatched, key=lambda m: m.start):
        if mention.weak or mention.group in seen_groups:
            continue
        if mention.group >= 0:
            seen_groups.add(mention.group)
        kept.append(mention)
    return kept


def _numbers(parsed: ParsedText, other: ParsedText | None) -> list[NumberMention]:
    """Mentions of a text, compared with `other`. Across languages "1" is weak (it is "a",
    "another", a classifier...), and when either language has no number-word table, so are
    numbers up to ten (a "2" there may be written as a word here, unseen). A fraction in
    digits ("0,25") is no such word and stays reportable."""
    mentions = list(extract_numbers(parsed.text, parsed.lang))
    if other is None or other.lang == parsed.lang:
        return mentions
    limit = 1.0 if has_number_words(parsed.lang) and has_number_words(other.lang) else 10.0
    return [_weakened(m) if _article_like(m, limit) else m for m in mentions]


def _article_like(m: NumberMention, limit: float) -> bool:
    """A small whole number (or one in words) that another language may write as a word."""
    whole = m.spelled or m.value == int(m.value)
    return m.value <= limit and whole and not m.marker


def _ordinals_for(
    unmatched: Sequence[NumberMention],
    lang: str,
    missing: Sequence[NumberMention],
    extra: Sequence[NumberMention],
) -> list[NumberMention]:
    """Ordinal words of the source left unmatched ("jeder Sechste": one in six) when the
    output has small numbers in words that pair with nothing else: there an ordinal that a
    translation turned into a cardinal was changed."""
    spare = sum(1 for m in extra if m.soft) - len(missing)
    if spare <= 0:
        return []
    ordinals = [m for m in unmatched if m.weak and m.spelled and ordinal_word(m.text, lang)]
    return ordinals[:spare]


_TOKENIZED_GAP = re.compile(r" [.,] | ")
_DIGITS_ONLY = re.compile(r"\d+")


def _rejoined(
    mentions: list[NumberMention], parsed: ParsedText, other: Sequence[NumberMention]
) -> list[NumberMention]:
    """Undo a tokenizer's split of one number ("40 , 6" for 40,6; "144 5" for 1445): two
    digit numbers side by side become one where that one is a number of the other text and
    neither half is."""
    wanted = {m.key for m in other}
    result: list[NumberMention] = []
    for m in mentions:
        prev = result[-1] if result else None
        gap = parsed.text[prev.end : m.start] if prev else ""
        plain = prev is not None and all(_DIGITS_ONLY.fullmatch(x.text) for x in (prev, m))
        if prev and plain and _TOKENIZED_GAP.fullmatch(gap):
            value = read_digits(parsed.text[prev.start : m.end].replace(" ", ""), parsed.lang)
            key = "" if value is None else number_key(value)
            if key in wanted and prev.key not in wanted and m.key not in wanted:
                text = parsed.text[prev.start : m.end]
                result[-1] = dataclasses.replace(
                    m, key=key, value=value or 0.0, start=prev.start, text=text, digits=key
                )
                continue
        result.append(m)
    return result


def _repeats_dropped(
    unmatched: list[NumberMention], other: Sequence[NumberMention]
) -> list[NumberMention]:
    """Across languages, a number said twice on one side and once on the other is no change:
    a translation says "on February 10" once for "2月10日 … 10日下午" (the day repeated)."""
    return [m for m in unmatched if not any(satisfies(o, m) for o in other)]


def _weakened(m: NumberMention) -> NumberMention:
    return dataclasses.replace(m, weak=True)


def number_mismatch(seg: ParsedSegment) -> list[Finding]:
    """Numbers of the reference (or source) missing from the hypothesis, and hypothesis
    numbers found in neither; for summaries only the latter (a summary may omit numbers)."""
    base = seg.ref or seg.src
    if base is None:
        return []
    against = "reference" if seg.ref is not None else "source"
    if seg.task == "summary":
        return summary_findings(seg)
    hyp = _numbers(seg.hyp, base)
    expected = _numbers(base, seg.hyp)
    hyp, expected = _rejoined(hyp, seg.hyp, expected), _rejoined(expected, base, hyp)
    unmatched_ref, unmatched_hyp = _unmatched(expected, hyp), _unmatched(hyp, expected)
    missing = _reportable(unmatched_ref, expected, unmatched_hyp)
    extra = _reportable(unmatched_hyp, hyp, unmatched_ref)
    if base.lang != seg.hyp.lang:
        missing, extra = _repeats_dropped(missing, hyp), _repeats_dropped(extra, expected)
        missing += _ordinals_for(unmatched_ref, base.lang, missing, extra)
    if seg.src is not None and seg.ref is not None:
        source = _numbers(seg.src, seg.hyp)
        extra = [m for m in extra if not any(satisfies(s, m) for s in source)]
    return _findings(missing, extra, expected, hyp, against)


_NONE = NumberMention("", 0.0, 0, 0, "")


def _findings(
    missing: list[NumberMention],
    extra: list[NumberMention],
    expected: Sequence[NumberMention],
    hyp: Sequence[NumberMention],
    against: str,
    pair_soft: bool = True,
) -> list[Finding]:
    """One finding per changed number (a missing one paired with an extra one), then the
    rest; with `pair_soft`, a small number in words that pairs with nothing is dropped."""
    evidence = {
        "against": against,
        "ref_numbers": [m.key for m in expected],
        "hyp_numbers": [m.key for m in hyp],
    }
    pairs = max(len(missing), len(extra))
    findings: list[Finding] = []
    for i in range(pairs):
        gone = missing[i] if i < len(missing) else None
        new = extra[i] if i < len(extra) else None
        if pair_soft and (gone is None or new is None) and (gone or new or _NONE).soft:
            continue
        if gone and new:
            message = f"number {gone.text!r} in the {against} became {new.text!r}"
        elif gone:
            message = f"number {gone.text!r} in the {against} is missing from the hypothesis"
        else:
            assert new is not None
            message = f"number {new.text!r} in the hypothesis is not in the {against}"
        findings.append(
            Finding(
                CHECK,
                "critical",
                message,
                hyp_span=new.to_span() if new else None,
                ref_span=gone.to_span() if gone else None,
                evidence={
                    **evidence,
                    "missing": [gone.key] if gone else [],
                    "extra": [new.key] if new else [],
                },
            )
        )
    return findings
