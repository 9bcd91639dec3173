"""Entity survival in a translation checked against its source in another language, with no
reference: the cross-lingual side of `entity_missing`, `entity_unsupported` and
`entity_variant`.

Names are found on each side by what its language offers (`evalsuite.text.names`) and each is
looked for on the other side (`evalsuite.align.name_match`: the same word or a declined form,
the lexicon, the alias table, transliteration). Then:
- a strong source name with no counterpart is `entity_missing` (critical);
- an output name with no counterpart is `entity_unsupported` (major);
- a name found only weakly, or a source name and an output name left over that look like one
  name told two ways (an acronym and a phrase, two spellings), is `entity_variant` (minor).
A replaced name shows as both a missing and an unsupported one; each finding then names the
other as the likely replacement. Evidence: both spans, how each word was (not) found, and the
sentence's alignment links.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from evalsuite.align import align, translations
from evalsuite.align.keys import english_key
from evalsuite.align.name_match import Counterpart, counterpart, side
from evalsuite.checks.base import Finding, Span
from evalsuite.text import place_aliases
from evalsuite.text.names import Name, find_names
from evalsuite.text.names.common import sentence_initial
from evalsuite.text.nlp import Entity, ParsedSegment, ParsedText, dominant_script
from evalsuite.text.normalize import fold, jaro_winkler
from evalsuite.text.word_case import common_word

__all__ = [
    "applies",
    "entity_missing",
    "entity_unsupported",
    "entity_variant",
    "matched_name_spans",
]

_VARIANT_JW = 0.8
_MAX_ACRONYM = 1
"""Single words longer than this may be ordinary words in capitals ("WOW", "Typo")."""
_MAX_LINKS = 12


def applies(seg: ParsedSegment) -> bool:
    """A translation compared with a source in another language, with no reference."""
    return (
        seg.task == "translation"
        and seg.ref is None
        and seg.src is not None
        and seg.src.lang != seg.hyp.lang
    )


def entity_missing(seg: ParsedSegment) -> list[Finding]:
    return list(_report_of(seg).missing)


def entity_unsupported(seg: ParsedSegment) -> list[Finding]:
    return list(_report_of(seg).unsupported)


def entity_variant(seg: ParsedSegment) -> list[Finding]:
    return list(_report_of(seg).variants)


def matched_name_spans(seg: ParsedSegment, side: str) -> tuple[tuple[int, int], ...]:
    """Spans of the names of one side (`"src"` or `"hyp"`) that have a counterpart on the
    other, or that pair with a name there as one told two ways ("PZPN" / "Polish Football
    Association"): a clause holding one is translated, whatever the lexicon misses. Empty
    where the cross-lingual entity checks do not apply."""
    if not applies(seg):
        return ()
    report = _report_of(seg)
    return report.matched_src if side == "src" else report.matched_hyp


@dataclass(frozen=True)
class _Report:
    missing: tuple[Finding, ...]
    unsupported: tuple[Finding, ...]
    variants: tuple[Finding, ...]
    matched_src: tuple[tuple[int, int], ...] = ()
    matched_hyp: tuple[tuple[int, int], ...] = ()


def _entities(text: ParsedText) -> tuple[Entity, ...] | None:
    return text.entities if text.doc is not None else None


def _report_of(seg: ParsedSegment) -> _Report:
    assert seg.src is not None
    return _report(
        seg.src.text, seg.src.lang, _entities(seg.src),
        seg.hyp.text, seg.hyp.lang, _entities(seg.hyp),
    )  # fmt: skip


_CALENDAR = frozenset(
    w.casefold() for w in [*calendar.month_name, *calendar.day_name, *calendar.month_abbr] if w
)


_CONTRACTION = re.compile(r"[a-z]['’](?:t|re|ll|ve|d|m)$", re.I)


def _trusted(names: tuple[Name, ...], text: str, other_lang: str) -> tuple[Name, ...]:
    """Source names, with the English NER names a small model tags in informal text made
    weak (never reported missing): a month or a day, a nationality (rendered as an adjective,
    often inside another word: "British" / "英"), a contraction ("AREN'T"), and a single word
    that opens a sentence or is written in capitals and that WordNet or the lexicon has as an
    ordinary word ("Typo", "WOW", "SIGNED")."""
    out = []
    for name in names:
        if name.how == "ner" and name.strong and len(name.parts) == 1:
            word = name.parts[0].text
            folded = word.casefold()
            shouted_or_first = word.isupper() or sentence_initial(text, name.start)
            ordinary = common_word(folded) or translations(english_key(folded), "en", other_lang)
            if (
                folded in _CALENDAR
                or name.label == "NORP"
                or _CONTRACTION.search(word)
                or (shouted_or_first and len(word) > _MAX_ACRONYM and ordinary)
            ):
                name = replace(name, strong=False)
        out.append(name)
    return tuple(out)


def _distinct(names: tuple[Name, ...]) -> list[Name]:
    """One name per folded text (a name repeated is one entity)."""
    seen: dict[str, Name] = {}
    for name in names:
        seen.setdefault(fold(name.text), name)
    return list(seen.values())


@lru_cache(maxsize=2048)
def _report(
    src_text: str,
    src_lang: str,
    src_entities: tuple[Entity, ...] | None,
    hyp_text: str,
    hyp_lang: str,
    hyp_entities: tuple[Entity, ...] | None,
) -> _Report:
    src_names = _trusted(find_names(src_text, src_lang, src_entities), src_text, hyp_lang)
    hyp_names = find_names(hyp_text, hyp_lang, hyp_entities)
    src_side = side(src_text, src_lang, src_names)
    hyp_side = side(hyp_text, hyp_lang, hyp_names)
    src_found = [(n, counterpart(n, src_lang, hyp_side)) for n in _distinct(src_names)]
    hyp_found = [(n, counterpart(n, hyp_lang, src_side)) for n in _distinct(hyp_names)]
    # Matching goes both ways: a name the other side's name was found in has a counterpart
    # ("World Cup" holds the "World" that translates "WM").
    src_found = _covered(src_found, hyp_found)
    hyp_found = _covered(hyp_found, src_found)
    lost = [n for n, cp in src_found if n.strong and cp is None]
    invented = [n for n, cp in hyp_found if n.strong and cp is None and _reportable(n)]
    if any(n.how == "capitalised" for n in invented):
        ordinary = _ordinary_spans(src_text, src_lang, hyp_text, hyp_lang)
        invented = [n for n in invented if not _ordinary_word(n, ordinary)]
    found_hyp = {id(n) for n, cp in hyp_found if cp is not None and cp.strong}
    invented = [
        n
        for n in invented
        if not _glossed_by_original(n, hyp_text, hyp_names, found_hyp)
        and not _loanword_piece(n, hyp_text, hyp_lang)
    ]
    # A lone word of a small NER model is lost for sure only when a name replaces it.
    unsure = [n for n in lost if _often_translated(n) or (_lone_ner_word(n) and not invented)]
    lost = [n for n in lost if n not in unsure]
    weak_hyp = [(n, cp) for n, cp in hyp_found if n.strong and cp is not None and not cp.strong]
    variants: list[Finding] = []
    paired: set[int] = set()
    guessed = [n for n, cp in hyp_found if n.strong and cp is None and not _reportable(n)]
    candidates = [*invented, *(n for n, _ in weak_hyp), *guessed]
    pair_names: list[tuple[Name, Name]] = []
    for src_name, hyp_name, why in _pairs(lost, candidates):
        pair_names.append((src_name, hyp_name))
        lost.remove(src_name)
        if hyp_name in invented:
            invented.remove(hyp_name)
        paired.add(id(hyp_name))
        variants.append(_pair_variant(src_name, hyp_name, why))
    for name, cp in src_found:
        if name.strong and cp is not None and not cp.strong:
            variants.append(_weak_variant(name, cp, hyp_side=False))
    for name, cp in weak_hyp:
        if id(name) not in paired:
            variants.append(_weak_variant(name, cp, hyp_side=True))
    variants.extend(_unmatched_variant(n) for n in unsure)
    links = _links(src_text, src_lang, hyp_text, hyp_lang) if lost or invented else []
    missing = tuple(_missing(n, invented[0] if len(invented) == 1 else None, links) for n in lost)
    unsupported = tuple(
        _unsupported(n, lost[0] if len(lost) == 1 else None, links) for n in invented
    )
    # Strong counterparts and names paired as one told two ways; a weak counterpart (a sound,
    # a shared prefix) is no evidence that a clause is translated.
    matched_src = [(n.start, n.end) for n, cp in src_found if cp is not None and cp.strong]
    matched_hyp = [(n.start, n.end) for n, cp in hyp_found if cp is not None and cp.strong]
    matched_src += [(a.start, a.end) for a, _ in pair_names]
    matched_hyp += [(b.start, b.end) for _, b in pair_names]
    return _Report(
        missing, unsupported, tuple(variants), tuple(matched_src), tuple(matched_hyp)
    )


def _covered(
    found: list[tuple[Name, Counterpart | None]], other: list[tuple[Name, Counterpart | None]]
) -> list[tuple[Name, Counterpart | None]]:
    """`found`, where a name without a strong counterpart gets the other side's name whose
    strong counterpart overlaps it (one name cut in two by a segmenter is still found)."""
    out = []
    for name, cp in found:
        if cp is None or not cp.strong:
            for other_name, other_cp in other:
                if (
                    other_cp is not None
                    and other_cp.strong
                    and other_cp.start >= 0
                    and other_cp.start < name.end
                    and name.parts[-1].start < other_cp.end  # not "Peter" of "Peter Frampton"
                    and _links_last_word(name, other_cp)
                ):
                    cp = Counterpart(
                        other_name.start, other_name.end, other_name.text, other_cp.how, True,
                        tuple((b, a, how) for a, b, how in other_cp.links),
                    )  # fmt: skip
                    break
        out.append((name, cp))
    return out


_SPACED_SCRIPTS = frozenset({"latin", "cyrillic", "greek"})


def _links_last_word(name: Name, other_cp: Counterpart) -> bool:
    """In a script that spaces its words, whether the other name's counterpart links this
    name's last word, not only a word next to it: "Vladimir Zelensky" found in "Владимира
    Путина и Владимира Зеленского" spans both names but covers only the second."""
    if dominant_script(name.text) not in _SPACED_SCRIPTS:
        return True
    last = fold(name.parts[-1].text)
    return any(last in fold(b) or fold(b) in last for _, b, _ in other_cp.links if b)


_GUESSED = ("jieba:", "katakana", "unknown-word")
"""How names are found that are guesses (a segmenter's tag, a katakana run, a word no lexicon
knows): good evidence for a source name, too weak to call an output name invented."""


def _reportable(name: Name) -> bool:
    """Whether an output name without a counterpart is reported: not one the finder guessed."""
    return not name.how.startswith(_GUESSED)


def _pairs(lost: list[Name], invented: list[Name]) -> list[tuple[Name, Name, str]]:
    """Left-over source and output names that look like one name told two ways: an acronym
    and a phrase of two or more words ("PZPN" / "Polish Football Association"), or two
    spellings close enough (Jaro-Winkler on Latin forms)."""
    pairs: list[tuple[Name, Name, str]] = []
    used: set[int] = set()
    for src_name in lost:
        for k, hyp_name in enumerate(invented):
            if k in used:
                continue
            why = _related(src_name, hyp_name)
            if why is not None:
                pairs.append((src_name, hyp_name, why))
                used.add(k)
                break
    return pairs


def _related(a: Name, b: Name) -> str | None:
    """Why two names may be one told two ways: an acronym and a name with its first letter
    ("PZPN" / "Polish Football Association", "GMT" / "グリニッジ"), a name and a guessed
    transliteration of it (a katakana run, a segmenter's name) the matcher could not read,
    or close spellings."""
    if not b.is_acronym and b.how.startswith(_GUESSED) and not a.is_acronym:
        return "transliteration"
    for acronym, other in ((a, b), (b, a)):
        if acronym.is_acronym and not other.is_acronym:
            first = acronym.parts[0].latin[0][:1]
            if any(latin[:1] == first for latin in other.parts[0].latin):
                return "acronym"
    for pa in a.parts:
        for pb in b.parts:
            for la in pa.latin:
                for lb in pb.latin:
                    if min(len(la), len(lb)) >= 4 and jaro_winkler(la, lb) >= _VARIANT_JW:
                        return "spelling"
    return None


@lru_cache(maxsize=1024)
def _links(src_text: str, src_lang: str, hyp_text: str, hyp_lang: str) -> list[list[str]]:
    return align(src_text, src_lang, hyp_text, hyp_lang).linked_pairs(_MAX_LINKS)


def _span(name: Name) -> Span:
    return Span(name.start, name.end, name.text)


def _evidence(src: Name | None, hyp: Name | None, **extra: Any) -> dict[str, Any]:
    either = src or hyp
    return {
        "against": "source",
        "hyp_entity": hyp.text if hyp else None,
        "ref_entity": src.text if src else None,
        "label": either.label if either else None,
        "key": fold(either.text) if either else "",
        **extra,
    }


def _missing(name: Name, replacement: Name | None, links: list[list[str]]) -> Finding:
    message = f"{name.label} '{name.text}' in the source has no counterpart in the output"
    if replacement is not None:
        message += f" (replaced by '{replacement.text}'?)"
    return Finding(
        "entity_missing", "critical", message,
        hyp_span=_span(replacement) if replacement else None, ref_span=_span(name),
        evidence=_evidence(name, replacement, found_by=name.how, aligned=links),
    )  # fmt: skip


def _unsupported(name: Name, replaced: Name | None, links: list[list[str]]) -> Finding:
    message = f"{name.label} '{name.text}' in the output has no counterpart in the source"
    if replaced is not None:
        message += f" (it replaces '{replaced.text}'?)"
    return Finding(
        "entity_unsupported", "major", message,
        hyp_span=_span(name), ref_span=_span(replaced) if replaced else None,
        evidence=_evidence(replaced, name, found_by=name.how, aligned=links),
    )  # fmt: skip


def _weak_variant(name: Name, cp: Counterpart, *, hyp_side: bool) -> Finding:
    other = Span(cp.start, cp.end, cp.text) if cp.start >= 0 else None
    where = "output" if hyp_side else "source"
    message = (
        f"{name.label} '{name.text}' in the {where} has only a weak counterpart "
        f"'{cp.text}' ({cp.how})"
    )
    hyp_span, ref_span = (_span(name), other) if hyp_side else (other, _span(name))
    src, hyp = (None, name) if hyp_side else (name, None)
    return Finding(
        "entity_variant", "minor", message, hyp_span=hyp_span, ref_span=ref_span,
        evidence=_evidence(src, hyp, how=cp.how, links=[list(link) for link in cp.links]),
    )  # fmt: skip


_ORIGINAL_AFTER = re.compile(
    r"\s*[》」』”\"]?\s*[(（]\s*(?:[^\W\d_]{1,4}\s*[:：]\s*)?([A-Za-z][^()（）]{0,60})[)）]"
)
"""An output name followed by its original in brackets, perhaps after a language label:
"多萝西 · 帕克 ( Dorothy Parker )", "沙琳 ( 英语 : Sharleen Spiteri )"."""
_LABEL = re.compile(r"\s*[:：]\s*[A-Za-z][^()（）]{0,60}[)）]")


def _glossed_by_original(
    name: Name, text: str, names: tuple[Name, ...], found: set[int]
) -> bool:
    """Whether the output gives the name's original right after it, in brackets, and that
    original has its counterpart in the source (the output name renders it)."""
    if dominant_script(name.text) in ("latin", "none"):
        return False  # a Latin name before a bracket is no transliteration of what is in it
    if text[: name.start].rstrip().endswith(("(", "（")) and _LABEL.match(text, name.end):
        return True  # the label itself: "( 英语 : Sharleen Spiteri )"
    match = _ORIGINAL_AFTER.match(text, name.end)
    if match is None:
        return False
    start, end = match.span(1)
    return any(id(n) in found and start <= n.start and n.end <= end for n in names)


_KATAKANA = "\u30a0-\u30ff"
_KATAKANA_RUN = re.compile(rf"[{_KATAKANA}]+(?: +[{_KATAKANA}]+)*")


def _loanword_piece(name: Name, text: str, lang: str) -> bool:
    """A Japanese katakana name that is only a piece of a longer katakana run: a segmenter's
    proper-noun tag on part of a loanword ("ガー" of "ニッガー", "ジャック" of "ジャック
    ブーツ")."""
    if lang != "ja" or not re.fullmatch(rf"[{_KATAKANA}]+", name.text):
        return False
    for match in _KATAKANA_RUN.finditer(text):
        if match.start() <= name.start and name.end <= match.end():
            return match.end() - match.start() > name.end - name.start
    return False


def _lone_ner_word(name: Name) -> bool:
    """A single word (or initials) the English NER model tagged that is no place the alias
    table knows: the small model tags many such words in informal text ("Jeezz", "FWIW",
    "P.S."), so its loss alone is no strong evidence."""
    return (
        name.how == "ner"
        and len(name.parts) == 1
        and not place_aliases.places_of(fold(name.text))
    )


@lru_cache(maxsize=1024)
def _ordinary_spans(
    src_text: str, src_lang: str, hyp_text: str, hyp_lang: str
) -> frozenset[tuple[int, int]]:
    """Spans of the output words the lexicon has as translations of something."""
    alignment = align(src_text, src_lang, hyp_text, hyp_lang)
    return frozenset(
        (w.start, w.end)
        for w, known in zip(alignment.hyp_words, alignment.hyp_known, strict=False)
        if known
    )


def _ordinary_word(name: Name, ordinary: frozenset[tuple[int, int]]) -> bool:
    """A capitalised output word the lexicon knows as an ordinary word ("Nikdo", "Poslední",
    capitalised by the output's own sentence breaks): no invented name."""
    return name.how == "capitalised" and len(name.parts) == 1 and (name.start, name.end) in ordinary


def _often_translated(name: Name) -> bool:
    """A source name whose loss is no strong evidence of a fault: an acronym written in a
    script other than Latin ("ВМФ" / "Navy", "США" / "US"), which translations expand or
    replace by the target language's own acronym."""
    return name.is_acronym and dominant_script(name.text) not in ("latin", "none")


def _unmatched_variant(name: Name) -> Finding:
    why = (
        "an acronym in its own script is often translated"
        if _often_translated(name)
        else "a single word a small NER model tagged"
    )
    message = f"{name.label} '{name.text}' in the source was not matched in the output ({why})"
    return Finding(
        "entity_variant", "minor", message, ref_span=_span(name),
        evidence=_evidence(name, None, found_by=name.how, how="unmatched"),
    )  # fmt: skip


def _pair_variant(src: Name, hyp: Name, why: str) -> Finding:
    message = f"'{src.text}' in the source may be '{hyp.text}' in the output ({why})"
    return Finding(
        "entity_variant", "minor", message, hyp_span=_span(hyp), ref_span=_span(src),
        evidence=_evidence(src, hyp, how=why),
    )  # fmt: skip
