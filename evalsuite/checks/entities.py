"""Entity checks: names dropped (`entity_missing`), respelled (`entity_variant`) or invented
(`entity_unsupported`) by a translation or a summary.

A translation must carry every reference entity; a summary must keep the source's salient
entities (named in its lead and again later) and invent none. NER misses names, so an
entity absent from the other side's entity list is also looked for in its text, folded and
transliterated, before anything is reported: the checks should rarely cry wolf. For the
same reason a reference's proper nouns that NER missed are expected too, but only when the
source confirms them (measured on DEMETR: recall up, false alarms not).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from evalsuite.checks import source_entities
from evalsuite.checks.base import Finding, Span
from evalsuite.checks.name_blocks import Key, NameBlocks, entity_blocks, match_keys
from evalsuite.text.census_names import is_given_name
from evalsuite.text.nlp import (
    Entity,
    ParsedSegment,
    ParsedText,
    dominant_script,
    fallback_entities,
)
from evalsuite.text.normalize import (
    FoldedText,
    MatchKind,
    aliases,
    close_forms,
    fold,
    fold_text,
    is_title,
    jaro_winkler,
    marks_differ,
    match_names,
    name_key,
    name_tokens,
    same_stem,
    sound_class,
)
from evalsuite.text.place_aliases import alias_keys, places_of, same_place
from evalsuite.text.syllable_spelling import spells
from evalsuite.text.word_case import common_word, plural_of_common_noun, proper_lemma, role_noun
from evalsuite.text.word_index import WordIndex, hits_within, word_index

__all__ = [
    "comparable",
    "entity_clusters",
    "entity_found",
    "entity_missing",
    "entity_unsupported",
    "entity_variant",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Scripts whose transliteration keeps names recognisable (Київ -> Kyiv, Αθήνα -> Athina).
_COMPARABLE_SCRIPTS = frozenset({"latin", "cyrillic", "greek", "none"})
_MIN_SUPPORT_TOKEN = 4
_SHORT_ALIAS = 3
"""Alias keys this short ("us", "uae") count only as written in capitals."""
_SALIENT_MENTIONS = 2
_RENAMED_MIN_JW = 0.8
"""How alike two given names must be for a match to have paired them (Marie / Marine)."""
# Words a name shares with ordinary phrases ("the city of Kofu"); not evidence on their own.
_GENERIC_NAME_WORDS = _words(
    "city town village river lake mountain mount island islands isle province county state "
    "region district prefecture municipality street road highway bridge airport station "
    "stadium park university college school hospital museum company group party church "
    "cathedral council government court police club fc afc"
)
# Words of official names of countries and other polities ("Democratic Republic of X").
_POLITY_WORDS = _words(
    "republic kingdom state states federation commonwealth emirate emirates principality "
    "grand duchy sultanate united federal democratic people s peoples islamic socialist arab "
    "plurinational bolivarian independent cooperative city province county region island "
    "islands"
)
_REGION_WORDS = _words("region area district province county land")
# Words that name a kind of place or body rather than one: a name made of them alone ("the
# Ocean" of "Atlantic Ocean", "Democratic Republic" of "Democratic Republic of Congo") is no
# shorter form of a name that has other words.
_CLASS_WORDS = (
    _GENERIC_NAME_WORDS | _POLITY_WORDS
    | _words("ocean sea gulf bay strait channel peninsula valley desert coast basin")
)  # fmt: skip
_FUNCTION_WORDS = _words("of the and at in on for de des du la le el y und der die das von")
# Languages that add a genitive -s to names ("Kyjiws"), and languages that decline names, so
# that their ending changes with the case ("Киев", "Киеве").
_GENITIVE_S = _words("de nl sv da no nb is")
_INFLECTING = _words("ru uk be bg pl cs sk sl hr sr bs lt lv fi et hu")
# NER labels of values, not names: a capitalised word inside one ("Sept. 16") is no name.
_VALUE_LABELS = _words("DATE TIME CARDINAL ORDINAL QUANTITY PERCENT MONEY")
# Languages that write a person's family name first ("Xi Jinping", "Kim Jong-un").
_FAMILY_NAME_FIRST = _words("zh ja ko vi hu")


@dataclass(frozen=True)
class _Match:
    """Where a name was found in another text, and how closely it matched."""

    kind: MatchKind
    similarity: float
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class _Expectation:
    """Entities the hypothesis must contain (each as its list of mentions), and where from."""

    entities: list[list[Entity]]
    against: str
    lenient: bool


_RANK: dict[MatchKind, int] = {"exact": 0, "variant": 1, "partial": 2}


def entity_missing(seg: ParsedSegment) -> list[Finding]:
    """Reference (or salient source) entities with no match at all in the hypothesis."""
    if source_entities.applies(seg):
        return source_entities.entity_missing(seg)
    plan = _expectation(seg)
    if plan is None:
        return []
    findings = []
    unaligned = _unaligned(plan.entities, seg.hyp, lenient=plan.lenient)
    told_otherwise: list[tuple[list[Entity], _Match]] = []
    if seg.task != "summary" and not plan.lenient:
        unaligned += [[q] for q in _lost_qualifiers(plan.entities, unaligned, seg.hyp)]
        findings += _lost_forms(plan.entities, unaligned, seg)
    for mentions in unaligned:
        ent = mentions[0]
        other = _other_name_part(mentions, seg) if seg.task != "summary" else None
        if other is not None:
            told_otherwise.append((mentions, other[1]))
            continue  # told another way: at most a variant (entity_variant), unless below
        message = f"{ent.label} '{ent.text}' in the {plan.against} is missing from the hypothesis"
        evidence = _evidence(plan.against, None, ent.text, ent.label, None)
        findings.append(
            Finding("entity_missing", "critical", message, ref_span=_span(ent), evidence=evidence)
        )
    if seg.task != "summary" and not plan.lenient:
        findings += _partly_lost([*_partial(plan.entities, unaligned, seg.hyp), *told_otherwise],
                                 seg)  # fmt: skip
    return findings


def _partial(
    clusters: list[list[Entity]], unaligned: list[list[Entity]], hyp: ParsedText
) -> list[tuple[list[Entity], _Match]]:
    """The expected entities whose best counterpart is a part of their name: a surname
    ("Blinken"), or some of the words of a longer name that `_shared_words` grades a variant
    ("Paris Rue" of "Paris Rue des Francs Bourgeois")."""
    found = []
    for mentions in clusters:
        if any(mentions is other for other in unaligned):
            continue  # reported whole
        best = _best(mentions, [hyp], lenient=False)
        if best is None or best[1].kind == "exact":
            continue
        ent, match = best
        words = set(name_tokens(match.text))
        if best[1].kind == "partial" or words < set(name_tokens(ent.text)):
            found.append((mentions, match))
    return found


def _partly_lost(
    candidates: list[tuple[list[Entity], _Match]], seg: ParsedSegment
) -> list[Finding]:
    """Reference names that a translation keeps only in part (each candidate: the mentions
    and the part found), where the words it lost are the source's too: "Blinken" for "Antony
    Blinken" where the source says "Antony Blinken", "Paris Rue des" for "Paris Rue des Francs
    Bourgeois". The source vouches that the original named them in full; a shorter name is
    the translator's only when the source is shorter too. A source in a script that cannot
    be compared vouches for nothing here ("Hu" for "Hu Jintao" from Chinese stays a variant)."""
    if seg.src is None or not _comparable(seg.src) or not candidates:
        return []
    hyp_words = [w for w, _, _ in fold_text(seg.hyp.text).tokens()]
    src_words = [w for w, _, _ in fold_text(seg.src.text).tokens()]
    findings = []
    for mentions, match in candidates:
        ent = max(mentions, key=lambda e: len(name_tokens(e.text)))
        kept = list(name_tokens(match.text))
        if len(name_tokens(ent.text)) < 2:
            continue  # a one-word name in another form ("Kolínsko" / "the Kolín region")
        lost = [
            t for t in name_tokens(ent.text)
            if not _has_form(t, kept, suffix=3, respelled=True)
            and len(t) >= _LOST_WORD_MIN and t.isalpha() and t not in _FUNCTION_WORDS
            and t not in _GENERIC_NAME_WORDS and t not in _CLASS_WORDS and not is_title(t)
            and not role_noun(t) and not _has_form(t, hyp_words, respelled=True)
            and _has_form(t, src_words, suffix=3, respelled=True)
        ]  # fmt: skip
        if not lost:
            continue
        words = "', '".join(lost)
        message = (
            f"{ent.label} '{ent.text}' in the reference is only partly in the hypothesis "
            f"('{match.text}'): '{words}', which the source has too, is missing"
        )
        evidence = {**_evidence("reference", match.text, ent.text, ent.label, None), "lost": lost}
        findings.append(
            Finding(
                "entity_missing", "critical", message, hyp_span=Span(match.start, match.end,
                match.text), ref_span=_span(ent), evidence=evidence,
            )
        )  # fmt: skip
    return findings


_LOST_WORD_MIN = 3
_BRACKETED = re.compile(r"[(（]\s*([^\W\d_]{2,6})\s*[)）]")


def _lost_forms(
    clusters: list[list[Entity]], unaligned: list[list[Entity]], seg: ParsedSegment
) -> list[Finding]:
    """One entity the reference names in two forms, of which the translation keeps one:
    an acronym beside its expansion ("the National Weather Service (NWS)"), when the source
    brackets the acronym too (so it gave both), or a nationality beside its country ("a
    Filipino policeman ... the Philippines") named once in the translation. Either form
    alone matches the whole entity, so the lost one is otherwise never missed."""
    hyp = fold_text(seg.hyp.text)
    bracketed = {m.group(1) for m in _BRACKETED.finditer(seg.src.text)} if seg.src else set()
    findings = []
    for mentions in clusters:
        if any(mentions is other for other in unaligned):
            continue
        lost = _lost_acronym_form(mentions, seg.hyp.text, hyp, bracketed)
        lost = lost or _lost_demonym_form(mentions, hyp)
        if lost is None:
            continue
        ent, kept = lost
        message = (
            f"{ent.label} '{ent.text}' in the reference is missing from the hypothesis, which "
            f"names the same entity only as '{kept.text}'"
        )
        evidence = {**_evidence("reference", None, ent.text, ent.label, None), "kept": kept.text}
        findings.append(
            Finding("entity_missing", "critical", message, ref_span=_span(ent), evidence=evidence)
        )
    return findings


def _lost_acronym_form(
    mentions: list[Entity], hyp_text: str, hyp: FoldedText, bracketed: set[str]
) -> tuple[Entity, Entity] | None:
    """(lost, kept): an acronym the source brackets, or its expansion, missing from the
    hypothesis while the other is there."""
    acronyms = [e for e in mentions if e.text in bracketed]
    expansions = [e for e in mentions if len(name_tokens(e.text)) >= 2 and e.text not in bracketed]
    if not acronyms or not expansions:
        return None
    acronym, expansion = acronyms[0], expansions[0]
    has_acronym = re.search(rf"(?<![^\W\d_]){re.escape(acronym.text)}(?![^\W\d_])", hyp_text)
    has_expansion = hyp.find(name_key(expansion.text)) or _find_most_words(
        expansion, word_index(hyp.original)
    )
    if has_acronym and not has_expansion:
        return expansion, acronym
    if has_expansion and not has_acronym:
        return acronym, expansion
    return None


def _lost_demonym_form(mentions: list[Entity], hyp: FoldedText) -> tuple[Entity, Entity] | None:
    """(lost, kept): a nationality and its one-word country, both in the reference, of
    which the hypothesis writes one form once and the other nowhere. The nationality may be
    a name NER missed (a rule-based MISC clustered with its country)."""
    one_word = [e for e in mentions if len(name_tokens(e.text)) == 1]
    demonyms = [e for e in one_word if e.label in ("NORP", "MISC")]
    places = [e for e in one_word if e.kind == "place"]
    if not demonyms or not places:
        return None
    demonym, place = demonyms[0], places[0]
    keys = (name_key(demonym.text), name_key(place.text))
    if keys[0] == keys[1]:
        return None
    uses = [[w for w, _, _ in hyp.tokens() if w == k or same_stem(w, k)] for k in keys]
    if len(uses[0]) + len(uses[1]) != 1:
        return None  # named twice or more (or not at all: reported whole)
    return (place, demonym) if uses[0] else (demonym, place)


def _has_form(word: str, words: list[str], suffix: int = 0, respelled: bool = False) -> bool:
    """Whether `words` holds `word` or a close form of it (with `suffix`, a case ending of
    up to that many letters: the Czech "Blinkena"; with `respelled`, a name's respelling of
    four letters or more, as a transliteration makes one: "Maik" for "Mike")."""
    return any(
        w == word or close_forms(w, word)
        or (suffix and len(word) >= 4 and w.startswith(word) and len(w) - len(word) <= suffix)
        or (respelled and min(len(w), len(word)) >= 4 and match_names(w, word) is not None)
        for w in words
    )  # fmt: skip


def _lost_qualifiers(
    clusters: list[list[Entity]], unaligned: list[list[Entity]], hyp: ParsedText
) -> list[Entity]:
    """Countries that open the name of a body the hypothesis renders, but that it names
    nowhere: "the House" for "the US House of Representatives", "the Academy of Sciences"
    for "the Chinese Academy of Sciences". The body has its counterpart; its country has
    none."""
    lost: dict[str, Entity] = {}
    for mentions in clusters:
        if any(mentions is other for other in unaligned):
            continue  # reported whole
        ent = mentions[0]
        qualifier = _country_qualifier(ent) if ent.kind == "org" or ent.label == "FAC" else None
        if qualifier is None or name_key(qualifier.text) in lost:
            continue
        if _best([qualifier], [hyp], lenient=False) is None:
            lost[name_key(qualifier.text)] = qualifier
    return list(lost.values())


def _country_qualifier(ent: Entity) -> Entity | None:
    """The first word or two of a name when they name a country (its name, short form or
    demonym in the alias table) and more of the name follows."""
    words = ent.text.split()
    for size in (2, 1):
        if len(words) <= size:
            continue
        head = " ".join(words[:size])
        if any(place.kind == "country" for place in places_of(name_key(head))):
            return Entity(head, "GPE", ent.start, ent.start + len(head))
    return None


def _unaligned(
    clusters: list[list[Entity]], hyp: ParsedText, *, lenient: bool
) -> list[list[Entity]]:
    """The expected entities with no counterpart of their own in the hypothesis. One stretch
    of the hypothesis names one entity: "China" found only inside the "South China Morning
    Post" that renders another reference entity, or "Sweden" only as the "Swedish" of the
    "Swedish Post Office", has no counterpart. The strongest matches claim their stretch
    first, the longer name first among equals; two names of one entity (an acronym and its
    expansion, two spellings) may share one."""
    found: dict[int, tuple[Entity, _Match]] = {}
    unmatched: list[int] = []
    for i, mentions in enumerate(clusters):
        best = _best(mentions, [hyp], lenient=lenient)
        if best is None:
            unmatched.append(i)
        else:
            found[i] = best
    order = sorted(found, key=lambda i: (_RANK[found[i][1].kind], -len(found[i][0].text)))
    claimed: list[tuple[int, int, str]] = []
    for i in order:
        ent, match = found[i]
        rivals = [c for c in claimed if c[0] < match.end and match.start < c[1]]
        if any(_inside_other(ent.text, other) for _, _, other in rivals):
            masked = _masked(hyp, [(start, end) for start, end, _ in claimed])
            again = _best(clusters[i], [masked], lenient=lenient)
            if again is None:
                unmatched.append(i)
                continue
            ent, match = again
        claimed.append((match.start, match.end, ent.text))
    return [clusters[i] for i in sorted(unmatched)]


def _inside_other(name: str, other: str) -> bool:
    """Whether `name` is only a word of another, longer name: "China" of the "South China
    Morning Post", "Sweden" as the "Swedish" of the "Swedish Post Office". Not another name
    of one entity (an acronym and its expansion), nor the place an official name is built
    on ("Congo" of the "Democratic Republic of Congo"), nor a neighbour in a coordination
    ("Culture Festival" beside "Hunan Red Tourism")."""
    if match_names(name, other) is not None:
        return False
    tokens, longer = name_tokens(name), name_tokens(other)
    if not tokens or len(longer) <= len(tokens):
        return False
    if not all(_form_of(t, list(longer)) is not None for t in tokens):
        return False
    return not _official_name_of(longer, tokens)


def _official_name_of(longer: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    """ "Democratic Republic of Congo", "Kingdom of Spain": words of a polity, "of", the
    place."""
    if "of" not in longer:
        return False
    cut = longer.index("of")
    return set(longer[:cut]) <= _POLITY_WORDS and longer[cut + 1 :] == tokens


def _masked(text: ParsedText, spans: list[tuple[int, int]]) -> ParsedText:
    """`text` with the given stretches blanked out (same offsets) and their entities gone."""
    chars = list(text.text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    kept = tuple(
        e for e in text.entities if not any(s < e.end and e.start < t for s, t in spans)
    )
    return ParsedText("".join(chars), text.lang, None, kept)


def entity_variant(seg: ParsedSegment) -> list[Finding]:
    """Entities found only as a different spelling (Kiev/Kyiv, Anthony/Antony Blinken)."""
    if source_entities.applies(seg):
        return source_entities.entity_variant(seg)
    if seg.task == "summary":
        return _summary_variants(seg)
    plan = _expectation(seg)
    if plan is None or plan.lenient:
        return []  # across languages a respelling is a transliteration, not a fault
    findings = []
    for mentions in plan.entities:
        best = _best(mentions, [seg.hyp], lenient=False) or _other_name_part(mentions, seg)
        if best is not None and best[1].kind == "variant":
            findings.append(_variant_finding(*best, plan.against, hyp_side=False))
    return findings


def _other_name_part(mentions: list[Entity], seg: ParsedSegment) -> tuple[Entity, _Match] | None:
    """A translation's counterpart of a person by another part of their name alone."""
    folded = fold_text(seg.hyp.text)
    family_first = seg.src is not None and seg.src.lang in _FAMILY_NAME_FIRST
    for ent in mentions:
        match = _find_other_name_part(ent, folded, family_first=family_first)
        if match is not None:
            return ent, match
    return None


def entity_unsupported(seg: ParsedSegment) -> list[Finding]:
    """Hypothesis entities found in neither the reference nor the source."""
    if source_entities.applies(seg):
        return source_entities.entity_unsupported(seg)
    supports = _supports(seg)
    if not supports:
        return []
    against = "reference" if seg.ref is not None else "source"
    findings = []
    only_cross_lingual = all(lenient for _, lenient in supports)
    runs: list[Entity] | None = None
    hyp_names = _with_lexical_names(
        seg.hyp, openings=seg.task == "summary", supports=[t for t, _ in supports]
    )
    for mentions in _clusters(hyp_names):
        if only_cross_lingual and mentions[0].label == "MISC":
            continue  # a rule-based name cannot be vouched for across languages
        found = [(_best(mentions, [text], lenient=lenient), text) for text, lenient in supports]
        if any(f is not None and not (seg.task == "summary" and _other(*f, text))
               for f, text in found):  # fmt: skip
            continue
        if seg.src is not None and _spelled_in(mentions, seg.src):
            continue
        runs = _rule_runs(seg.hyp) if runs is None else runs
        wider = [r for r in runs for m in mentions if r.start <= m.start and m.end < r.end]
        if wider and any(_whole(_best(wider, [t], lenient=lenient)) for t, lenient in supports):
            continue  # NER cut the name short ("Islamic" of "Islamic State")
        if seg.task != "summary" and _worded_there(mentions[0], [t for t, _ in supports]):
            continue
        if seg.task == "summary" and _acronym_of_run(mentions[0], runs, supports):
            continue  # "MoD" / "Ministry of Defence"
        if seg.task == "summary" and _found_without_group_noun(mentions[0], supports):
            continue  # "Tory MPs", "Chelsea fans": the name is "Tory", "Chelsea"
        if seg.task == "summary" and _found_without_title(mentions[0], supports):
            continue  # "Striker Sturridge" that NER took for a body: the name is "Sturridge"
        nickname = (
            _found_without_group_noun(mentions[0], supports, capitals=True)
            if seg.task == "summary" else None
        )  # fmt: skip
        if nickname is not None:
            findings.append(_variant_finding(mentions[0], nickname[1], against, hyp_side=True))
            continue  # "Sale Sharks" where the article says "Sale": a weaker match, a variant
        ent = mentions[0]
        message = f"{ent.label} '{ent.text}' in the hypothesis is not in the {against}"
        evidence = _evidence(against, ent.text, None, ent.label, None)
        closest = _closest(ent, [t for t, _ in supports]) if seg.task == "summary" else None
        if closest is not None:
            near, score = closest
            message += f"; closest there: {near.label} '{near.text}'"
            evidence["closest"] = {"text": near.text, "label": near.label, "similarity": score}
        findings.append(
            Finding(
                "entity_unsupported", "major", message, hyp_span=_span(ent),
                ref_span=_span(near) if closest is not None else None, evidence=evidence,
            )
        )  # fmt: skip
    if seg.task == "summary":
        findings.extend(_extensions(seg, supports, against))
    return findings


def _whole(found: tuple[Entity, _Match] | None) -> bool:
    """Whether a wider name was found whole (or respelled), not by a part of it alone: the
    run "Celtic's Scott Sinclair" is not vouched for by "Sinclair"."""
    return found is not None and found[1].kind != "partial"


def _other(ent: Entity, match: _Match, text: ParsedText) -> bool:
    """Whether a summary name's respelling in the article names someone or something else:
    another given name (`_renamed`), or another body that shares words with it but not its
    last word ("Mental Health Unit" / "Mental Health Act", "Cape Canaveral Air Force
    Station" / "Cape Canaveral"), the name itself being nowhere in the article."""
    if match.kind != "variant":
        return False
    if _renamed(ent, match):
        return True
    tokens, theirs = name_tokens(ent.text), list(name_tokens(match.text))
    if len(tokens) < 2 or len(theirs) < 2 or _form_of(tokens[-1], theirs) is not None:
        # a one-word match is a respelling or an inflection ("Сизова"), not another body
        return False
    return fold_text(text.text).find(" ".join(tokens)) is None


def _renamed(ent: Entity, match: _Match) -> bool:
    """Whether a respelling differs in a given name for another given name ("Marine Le Pen"
    against "Jean-Marie Le Pen"; census given names): two people, not one spelled two ways.
    A summary's name must be the article's."""
    if match.kind != "variant":
        return False
    ours, theirs = name_tokens(ent.text), name_tokens(match.text)
    mine = [t for t in ours if t not in theirs and is_given_name(t)]
    other = [t for t in theirs if t not in ours and is_given_name(t)]
    return any(jaro_winkler(a, b) >= _RENAMED_MIN_JW and not _short_form(a, b)
               for a in mine for b in other)  # fmt: skip


_SHORT_FORM_MIN = 3
_SHORT_FORM_CUT = 2


def _short_form(a: str, b: str) -> bool:
    """Whether one given name is a short form of the other, cut after three letters or more
    and at least two short of it ("Dan" / "Daniel", "Alex" / "Alexander"; not "Paul" /
    "Paula"): one person named less formally, a variant, not someone else."""
    short, long = sorted((a, b), key=len)
    return (
        len(short) >= _SHORT_FORM_MIN and len(long) - len(short) >= _SHORT_FORM_CUT
        and long.startswith(short)
    )  # fmt: skip


def _closest(ent: Entity, texts: list[ParsedText]) -> tuple[Entity, float] | None:
    """The article entity nearest to an unsupported summary name, as evidence: of the same
    kind if the article has one (person, place, organisation), the most similar key first
    (Jaro-Winkler), the first mention on a tie."""
    key = name_key(ent.text)
    candidates = [e for t in texts for e in t.entities if name_key(e.text)]
    same_kind = [e for e in candidates if e.kind == ent.kind]
    pool = same_kind or candidates
    if not key or not pool:
        return None
    best = max(pool, key=lambda e: jaro_winkler(key, name_key(e.text)))
    return best, round(jaro_winkler(key, name_key(best.text)), 3)


def _extensions(
    seg: ParsedSegment, supports: list[tuple[ParsedText, bool]], against: str
) -> list[Finding]:
    """Summary names that the source has only in a shorter form, extended by a word it never
    uses with them: a first name added to the surname the article uses alone ("Neil Warnock"
    for "Warnock"), a club or place named more fully than the article does ("Aston Villa" for
    "Villa"). Titles and generic words ("Prime Minister", "City Council") are no extension."""
    texts = [text for text, lenient in supports if not lenient]
    findings = []
    distinct = {(e.text, e.label): e for e in _names(seg.hyp) if len(name_tokens(e.text)) > 1}
    for ent in distinct.values():
        found = _best([ent], texts, lenient=False)
        if found is None or found[1].kind != "partial":
            continue  # invented outright (reported above), or there in full
        match = found[1]
        surname = name_tokens(ent.text)[-1]
        added = [
            w for w in _added_words(ent.text, match.text)
            if not _used_alone(w, surname, texts) and not _title_before(w, ent.text, match.text)
            and not _place_named(w, texts) and not _opening_word(w, ent, seg.hyp)
            and not _in_run_with(w, match.text, texts)
        ]  # fmt: skip
        if not added:
            continue
        fuller = _fuller_name(added, surname, texts)
        if fuller is not None:  # "Dan Sturridge" for "Daniel Sturridge": told less formally
            findings.append(_variant_finding(ent, fuller, against, hyp_side=True))
            continue
        if _common_tail(added, ent.text, match.text):  # "Sale Sharks" for "Sale": a weaker
            findings.append(_variant_finding(ent, match, against, hyp_side=True))  # match
            continue
        words = "', '".join(added)
        message = (
            f"{ent.label} '{ent.text}' in the hypothesis extends '{match.text}' of the "
            f"{against}: '{words}' is not in the {against}"
        )
        evidence = {**_evidence(against, ent.text, match.text, ent.label, None), "added": added}
        findings.append(
            Finding(
                "entity_unsupported", "major", message, hyp_span=_span(ent),
                ref_span=Span(match.start, match.end, match.text), evidence=evidence,
            )
        )  # fmt: skip
    return findings


def _common_tail(added: list[str], name: str, shorter: str) -> bool:
    """Whether every added word comes after the words the text has and is a common noun
    (WordNet, lower case) and no given name: a club or body named by its nickname too
    ("Sale Sharks", "Glasgow Warriors" where the article says "Sale", "Glasgow"). It may be
    another club of the place, or the same one named more fully: at most a variant. A word
    before them ("Aston Villa") or a first name ("Neil Warnock") is a new name."""
    words, have = fold(name).split(), set(fold(shorter).split())
    last_kept = max((i for i, w in enumerate(words) if w in have), default=len(words))
    return all(
        w in words[last_kept + 1 :] and common_word(w) and not is_given_name(w) for w in added
    )


def _fuller_name(added: list[str], surname: str, texts: list[ParsedText]) -> _Match | None:
    """A person of a text with the surname whose given names the added words shorten, each
    a census given name cut short ("dan" of "Daniel Sturridge"), or None."""
    if not all(is_given_name(word) for word in added):
        return None
    for text in texts:
        for e in text.entities:
            tokens = name_tokens(e.text)
            if e.kind != "person" or len(tokens) < 2 or tokens[-1] != surname:
                continue
            if all(any(_short_form(w, t) and is_given_name(t) for t in tokens[:-1])
                   for w in added):  # fmt: skip
                return _Match("variant", jaro_winkler(name_key(e.text), surname), e.text,
                              e.start, e.end)  # fmt: skip
    return None


def _title_before(word: str, name: str, shorter: str) -> bool:
    """Whether an added word belongs to a title put before the name ("Boss Ashley",
    "Broadcaster Sky", "Singer Phil Collins", "Prime Minister Theresa May"): words before
    the ones the source has, among them a title or a noun of a person that WordNet has in
    lower case, and the word itself such a noun or a common word. A word that is also a name
    ("Mark", "Singer") counts only before a name the source has in two words or more."""
    words, have = fold(name).split(), fold(shorter).split()
    first_kept = next((i for i, w in enumerate(words) if w in have), len(words))
    before = words[:first_kept]
    if word not in before or not any(is_title(w) or role_noun(w) for w in before):
        return False
    if proper_lemma(word):
        return role_noun(word) and len(have) >= 2
    return role_noun(word) or common_word(word)


def _in_run_with(word: str, shorter: str, texts: list[ParsedText]) -> bool:
    """Whether a text writes the added word in one capitalised run with the name it extends
    ("Det Ch Insp Marina Ericson" for "Det Marina Ericson"): titles and abbreviations NER
    left out of the text's name, not words the summary added."""
    have = fold(shorter).split()
    for text in texts:
        for run in _CAPITALISED_RUN.finditer(text.text):
            words = fold(run.group()).split()
            if word in words[: -len(have)] and words[-len(have) :] == have:
                return True
    return False


def _used_alone(word: str, surname: str, texts: list[ParsedText]) -> bool:
    """Whether a text uses the word other than as the first name of someone else: "Steve
    said" or "The Rosie Show" supports "Steve Smith" or "Rosie O'Donnell"; the person "David
    Cameron" does not support "David Blunkett", and once a text names someone else in full
    by it, the word alone is taken as theirs ("David Warner ... David has matured" does not
    support "David Willey")."""
    for text in texts:
        others = [
            e for e in text.entities
            if e.kind == "person" and len(name_tokens(e.text)) > 1
            and name_tokens(e.text)[-1] != surname
        ]  # fmt: skip
        if any(name_tokens(e.text)[0] == word for e in others):
            continue  # "David has matured" after "David Warner": said of him, not of Smith
        for match in _word_pattern(word).finditer(fold_text(text.text).folded):
            start, end = fold_text(text.text).span(match.start(), match.end())
            if not any(e.start <= start and end <= e.end for e in others):
                return True
    return False


def _opening_word(word: str, ent: Entity, hyp: ParsedText) -> bool:
    """Whether the word is the first of a name that opens a sentence, in a language whose
    common words the checks cannot tell from names (no WordNet): there the capital may be the
    sentence's ("Власти Свердловской области", "Vorstand Jörg Weißenfels sieht")."""
    tokens = name_tokens(ent.text)
    return hyp.lang != "en" and tokens[:1] == (word,) and _opens_sentence(hyp.text, ent.start)


def _place_named(word: str, texts: list[ParsedText]) -> bool:
    """Whether an added word names a place (or its people) that a text names in some form:
    "Welsh Assembly" where the article says "the assembly ... in Wales", "British Airways"
    beside "the UK" (the alias table's demonyms and short forms)."""
    keys = {key for place in places_of(word) for key in place.keys if len(key) > 1}
    short = {key.upper() for key in keys if len(key) <= _SHORT_ALIAS}  # "us" is also a word
    for text in texts:
        folded = fold_text(text.text).folded
        if any(_word_pattern(key).search(folded) for key in keys - {k.lower() for k in short}):
            return True
        if any(re.search(rf"\b{re.escape(key)}\b", text.text) for key in short):
            return True
    return False


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])")


def _added_words(name: str, shorter: str) -> list[str]:
    """Words of `name` that the `shorter` form lacks in any form (a plural, a demonym's stem),
    leaving out titles, function words and generic words."""
    have = fold(shorter).split()
    return [
        token for token in name_tokens(name)
        if token not in _FUNCTION_WORDS and token not in _GENERIC_NAME_WORDS
        and not any(token == word or same_stem(token, word) for word in have)
    ]  # fmt: skip


def _worded_there(ent: Entity, texts: list[ParsedText]) -> bool:
    """Whether at least half the distinctive words of a name of two or more occur, in a close
    form, in one of the texts: a translation that names something in other words ("the World
    Cup record scorer" / "the world champion record scorer") has a counterpart, however weak;
    only a name with none is unsupported (a summary's names are held to more: `_extensions`)."""
    distinctive = _distinctive(ent.text)
    if len(distinctive) < 2:
        return False
    for text in texts:
        words = {word for word, _, _ in fold_text(text.text).tokens()}
        found = [t for t in distinctive if t in words or _form_of(t, sorted(words)) is not None]
        if 2 * len(found) >= len(distinctive):
            return True
    return False


_CAPITALISED_RUN = re.compile(
    r"[A-Z][\w'’-]*(?:\s+(?:(?:of|the|and|for|on|&)\s+)*[A-Z][\w'’-]*)+"
)
_ACRONYM_FILLER = _words("of the and for on &")
_ACRONYM_WORD = re.compile(r"[A-Z][A-Za-z]{1,6}")


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,5}s")


def _found_without_group_noun(
    ent: Entity, supports: list[tuple[ParsedText, bool]], *, capitals: bool = False
) -> tuple[Entity, _Match] | None:
    """The support of a name that NER ran into the people it qualifies ("Tory MPs",
    "Chelsea fans", "Labour councillors") found without them: trailing plurals of common
    nouns (WordNet) written in lower case and plural acronyms ("MPs", "MSPs") are dropped.
    A capitalised plural is a word of the name ("Bristol Rovers", "Sale Sharks"): with
    `capitals`, it is dropped too, for the caller to grade the weaker match."""
    words = ent.text.split()
    while len(words) > 1 and (
        (capitals or words[-1][:1].islower()) and plural_of_common_noun(words[-1])
        or _PLURAL_ACRONYM.fullmatch(words[-1])
    ):
        words.pop()
    if len(words) == len(ent.text.split()):
        return None
    name = " ".join(words)
    return _first_support(Entity(name, ent.label, ent.start, ent.start + len(name)), supports)


def _first_support(
    ent: Entity, supports: list[tuple[ParsedText, bool]]
) -> tuple[Entity, _Match] | None:
    """The best match of a name in the first support text that has one, or None."""
    for text, lenient in supports:
        found = _best([ent], [text], lenient=lenient)
        if found is not None:
            return found
    return None


def _found_without_title(ent: Entity, supports: list[tuple[ParsedText, bool]]) -> bool:
    """Whether a name that NER ran a title or role into ("Striker Sturridge", "Defender
    Smith", tagged as a body) is supported without it: leading titles and lower-case nouns
    of a person (WordNet) that are no given names (US Census) are dropped, and the rest is
    looked up as a name of any kind."""
    words = ent.text.split()
    while len(words) > 1 and (
        is_title(fold(words[0])) or role_noun(words[0]) and not is_given_name(fold(words[0]))
    ):  # "Marine Le Pen": a noun of a person that is also a given name stays
        words.pop(0)
    if len(words) == len(ent.text.split()):
        return False
    name = " ".join(words)
    start = ent.start + ent.text.index(name)
    return _first_support(Entity(name, "MISC", start, start + len(name)), supports) is not None


def _acronym_of_run(
    ent: Entity, runs: list[Entity], supports: list[tuple[ParsedText, bool]]
) -> bool:
    """`_acronym_there` for the name or a capitalised run around it (NER tags "Northern
    Ireland" in "Police Service of Northern Ireland")."""
    around = [r for r in runs if r.start <= ent.start and ent.end <= r.end and r.text != ent.text]
    texts = [t for t, _ in supports]
    return any(_acronym_there(name.text, texts) for name in [ent, *around])


def _acronym_there(name: str, texts: list[ParsedText]) -> bool:
    """Whether a text writes a name as its acronym, or an acronym in full, where NER did not
    tag the other form: "MoD" / "the Ministry of Defence", "Football Association" / "the
    FA". An acronym's letters are its capitals; a full name's are the initials of its
    capitalised words, less "of", "the", "and", "for"."""
    name = name.removeprefix("the ").removeprefix("The ")
    words = name.split()
    if len(words) == 1:
        letters = "".join(ch for ch in name if ch.isupper())
        if not _ACRONYM_WORD.fullmatch(name) or len(letters) < 2 or len(letters) * 2 < len(name):
            return False
        return any(_initials(run.group()) == letters
                   for text in texts for run in _CAPITALISED_RUN.finditer(text.text))  # fmt: skip
    initials = _initials(name)
    if len(initials) < 2 or not all(w[:1].isupper() or w in _ACRONYM_FILLER for w in words):
        return False
    for text in texts:
        for word in re.finditer(r"(?<![\w-])[A-Z][A-Za-z]{1,6}(?![\w-])", text.text):
            capitals = "".join(ch for ch in word.group() if ch.isupper())
            if capitals == initials and len(capitals) * 2 >= len(word.group()):
                return True
    return False


def _initials(run: str) -> str:
    words = run.split()
    return "".join(w[0] for w in words if w.lower() not in _ACRONYM_FILLER and w[:1].isupper())


def _spelled_in(mentions: list[Entity], source: ParsedText) -> bool:
    """Whether a source in a script that cannot be compared word by word (Chinese, Japanese,
    Hindi) spells the name, or another name of the same place, syllable by syllable: "Li
    Xufeng" in 李絮枫, "U.S." as 美国, CLDR's Chinese name of the United States."""
    if _comparable(source):
        return False
    for ent in mentions:
        keys = {" ".join(name_tokens(ent.text)), *aliases(ent.text)}
        keys |= {k for key in list(keys) for k in alias_keys(key)}  # one table, rows of sources
        if any(spells(source.text, key) for key in keys):
            return True
    return False


def _rule_runs(text: ParsedText) -> list[Entity]:
    """Capitalised runs of a text, to widen names that NER cut short."""
    return [e for e in fallback_entities(text.text, text.lang) if e.label == "MISC"]


def _best(
    mentions: list[Entity], targets: list[ParsedText], *, lenient: bool
) -> tuple[Entity, _Match] | None:
    """The strongest match of any mention of one entity in any target: the same name beats
    a respelling, which beats a shortened form ("Blinken" does not hide "Anthony Blinken")."""
    # A match depends on a mention's text and label only: look each distinct one up once (a
    # name repeated thousands of times in a long text would otherwise rescan it every time).
    distinct: dict[tuple[str, str], Entity] = {}
    for ent in mentions:
        distinct.setdefault((ent.text, ent.label), ent)
    best: tuple[Entity, _Match] | None = None
    for target in targets:
        for ent in distinct.values():
            match = _locate(ent, target, lenient=lenient)
            if match is not None and (best is None or _RANK[match.kind] < _RANK[best[1].kind]):
                best = (ent, match)
            if best is not None and best[1].kind == "exact":
                return best
    return best


def entity_found(mentions: list[Entity], target: ParsedText, *, lenient: bool) -> bool:
    """Whether any mention of one entity is found in `target` (any kind of match)."""
    return _best(mentions, [target], lenient=lenient) is not None


def comparable(text: ParsedText) -> bool:
    """Whether names in `text` can be compared with Latin ones (transliterable script)."""
    return _comparable(text)


def entity_clusters(text: ParsedText) -> list[list[Entity]]:
    """The entities of a text, each as the list of its mentions."""
    return _clusters(_names(text))


# --- what to compare with --------------------------------------------------------------------


def _cross_lingual(a: ParsedText, b: ParsedText) -> bool:
    return a.lang != b.lang


def _comparable(text: ParsedText) -> bool:
    return dominant_script(text.text) in _COMPARABLE_SCRIPTS


def _expectation(seg: ParsedSegment) -> _Expectation | None:
    """Translation: every reference entity (or, without one, the source's people).
    Summary: the salient entities of the source (or of the reference): see `_salient`."""
    if seg.task == "summary":
        base = seg.src or seg.ref
        if base is None:
            return None
        against = "source" if seg.src is not None else "reference"
        entities = _salient(base)
    elif seg.ref is not None:
        base, against = seg.ref, "reference"
        entities = _confirmed(_clusters(_with_rule_names(seg.ref, seg.src)), seg.src, seg.ref)
    elif seg.src is not None:
        base, against, entities = seg.src, "source", _clusters(_names(seg.src))
    else:
        return None
    lenient = _cross_lingual(base, seg.hyp)
    if lenient:
        if not (_comparable(base) and _comparable(seg.hyp)):
            return None
        # Across languages places and organisations are translated (Deutschland/Germany);
        # only people's names are expected to carry over.
        entities = [c for c in entities if c[0].kind == "person"]
    return _Expectation(entities, against, lenient)


def _confirmed(
    clusters: list[list[Entity]], source: ParsedText | None, reference: ParsedText
) -> list[list[Entity]]:
    """The reference entities that a source in another, comparable script also names. NER
    tags common words as names ("Aurora" of "Aurora borealis" as a person, where the source
    says "northern lights"), and a translation need not keep what the original never said.
    Places, bodies and nationalities are kept unconfirmed: another language may name them in
    its own words (Deutschland/Germany)."""
    if source is None or not _cross_lingual(source, reference) or not _comparable(source):
        return clusters
    kept = []
    for mentions in clusters:
        if entity_found(mentions, source, lenient=True) or _translated(mentions[0]):
            kept.append(mentions)
    return kept


def _translated(ent: Entity) -> bool:
    """A name that another language may give in its own words: a place, a body, a
    nationality, an event, a law, a work ("Deklaracja Niepodległości" / "Declaration of
    Independence"). Only people's names (where the label noise is: "Aurora" of "Aurora
    borealis") must be confirmed by the source."""
    return ent.kind != "person"


def _with_rule_names(text: ParsedText, source: ParsedText | None) -> list[Entity]:
    """NER entities plus the rule-based names the model missed ("Cuomo", "Windows"): a
    small model misses many names, and a reference's names must all be translated. Only
    names the tagger calls proper nouns count, no single short word ("Tue", "ID"), and,
    given a source, only names the source confirms (a capitalised "Fertility" is no name).
    A source whose script cannot be compared (Chinese, Hindi) confirms nothing; then a name
    counts when none of its words is a common word ("Facebook", "Filipino"; not "the
    Revolution") and it does not open a sentence, or when the source spells it syllable by
    syllable (a Chinese name in pinyin); an acronym when the source has it."""
    if text.doc is None:
        return list(_names(text))
    comparable_source = source is None or _comparable(source)
    extra: list[Entity] = []
    for e in [*fallback_entities(text.text, text.lang), *_proper_noun_runs(text)]:
        if e.label == "ACRONYM" and source is None:
            continue
        if any(e.start < n.end and n.start < e.end for n in [*text.entities, *extra]):
            continue
        if not (_proper_name(text, e) or _same_acronym(e, source)):
            continue
        if source is None:
            extra.append(e)
        elif comparable_source:
            if entity_found([e], source, lenient=_cross_lingual(text, source)):
                extra.append(e)
        elif _lexical_name(text, e, source) or _spelled_in([e], source):
            extra.append(e)
    return sorted([*_names(text), *extra], key=lambda e: e.start)


def _with_lexical_names(
    text: ParsedText, *, openings: bool = False, supports: Sequence[ParsedText] = ()
) -> list[Entity]:
    """A hypothesis's NER entities plus the names NER missed that are names by their words
    alone: capitalised runs away from a sentence start none of whose words WordNet has in
    lower case ("Okonkwo", "Gdańsk"; not "Secretariat"), each of four letters or more, no
    token of them in a value NER read (a DATE) or glued to digits. A name invented in place
    of another must be unsupported even where the model tags neither. With `openings` (a
    summary, whose every name must be the article's), words that open a sentence count
    too where they can only be names (`_opening_names`)."""
    names = _names(text)
    if text.lang != "en" or text.doc is None:
        return names
    extra: list[Entity] = []
    for e in [*fallback_entities(text.text, text.lang), *_proper_noun_runs(text)]:
        if e.label == "ACRONYM" or any(e.start <= n.end + 1 and n.start <= e.end + 1
                                       for n in [*text.entities, *extra]):  # fmt: skip
            continue  # overlapping or touching a tagged name: a piece of it ("Islamic State")
        span = text.doc.char_span(e.start, e.end, alignment_mode="expand")
        tokens = list(span or ())
        if not tokens or any(t.ent_type_ in _VALUE_LABELS or not t.is_alpha for t in tokens):
            continue  # NER read a value ("Sept." of a DATE), or it is glued to digits ("600Mbit")
        words = re.findall(r"[^\W\d_]+", e.text)
        long_words = all(len(w) >= _MIN_SUPPORT_TOKEN and not common_word(w) for w in words)
        if not (words and long_words and e.text[0].isupper()):
            continue
        if _lexical_words(text, e):
            extra.append(e)
    if openings:
        extra += [e for e in _opening_names(text, supports)
                  if not any(e.start < n.end and n.start < e.end for n in [*names, *extra])]
    return sorted([*names, *extra], key=lambda e: e.start)


_CLOSED_POS = _words("VERB AUX ADP PRON DET CCONJ SCONJ PART NUM INTJ")


def _opening_names(text: ParsedText, supports: Sequence[ParsedText]) -> list[Entity]:
    """Words opening a sentence that can only be names: capitalised, four letters or more,
    no stop word or closed-class tag, neither the word nor its lemma a word WordNet has in
    lower case, and written in lower case nowhere in the text or its supports ("Gilroy, 68,
    abused...", which the tagger may read as an adverb). NER misses them there, and a
    summary's names must all be the article's."""
    assert text.doc is not None
    lower = [t.text for t in (text, *supports)]
    found = []
    for token in text.doc:
        word = token.text
        if (
            token.ent_type_ or not token.is_alpha or len(word) < _MIN_SUPPORT_TOKEN
            or not word[0].isupper() or word.isupper() or token.is_stop
            or token.pos_ in _CLOSED_POS or not _opens_sentence(text.text, token.idx)
            or common_word(word) or common_word(token.lemma_) or role_noun(word)
            or any(_word_pattern(word.lower()).search(t) for t in lower)
        ):  # fmt: skip
            continue
        found.append(Entity(word, "MISC", token.idx, token.idx + len(word)))
    return found


def _lexical_words(text: ParsedText, ent: Entity) -> bool:
    """English words that WordNet has only as names, or not at all, away from a sentence
    start, and not all titles."""
    if text.lang != "en" or _opens_sentence(text.text, ent.start):
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", ent.text)]
    if words and all(role_noun(w) for w in words):
        return False  # a title before a name ("Comrade Xi"), though WordNet has it capitalised
    return bool(words) and all(not common_word(w) or proper_lemma(w) for w in words)


def _lexical_name(text: ParsedText, ent: Entity, source: ParsedText) -> bool:
    """A name by its words alone (no source to confirm it): an acronym the source writes
    in Latin letters too, or English words that WordNet has only as names, or not at all,
    away from a sentence start."""
    if ent.label == "ACRONYM":
        return entity_found([ent], source, lenient=True)
    return _lexical_words(text, ent)


def _proper_noun_runs(text: ParsedText) -> list[Entity]:
    """Runs of proper nouns outside NER's spans (which judged them: "September" is a DATE),
    sentence-initial ones included ("Cuomo, 53, began...")."""
    assert text.doc is not None
    runs: list[Entity] = []
    current: list[Any] = []
    for token in [*text.doc, None]:
        if token is not None and token.pos_ == "PROPN" and token.is_alpha and not token.ent_type_:
            current.append(token)
            continue
        if current:
            start, end = current[0].idx, current[-1].idx + len(current[-1].text)
            runs.append(Entity(text.text[start:end], "MISC", start, end))
            current = []
    return runs


def _same_acronym(ent: Entity, source: ParsedText | None) -> bool:
    """A two-letter acronym that the source writes the same ("UN" / "UN-Experte"): the
    tagger reads short ones as anything, but one kept verbatim across languages is a name."""
    return (
        ent.label == "ACRONYM" and source is not None and len(ent.text) == 2
        and re.search(rf"(?<![^\W\d_]){re.escape(ent.text)}(?![^\W\d_])", source.text) is not None
    )  # fmt: skip


def _proper_name(text: ParsedText, ent: Entity) -> bool:
    assert text.doc is not None
    span = text.doc.char_span(ent.start, ent.end, alignment_mode="expand")
    tokens = [t for t in span or () if t.is_alpha]
    if ent.label == "ACRONYM":
        return len(ent.text) >= 3  # the tagger reads a sentence-initial one as anything
    if len(tokens) == 1 and (len(ent.text) < _MIN_SUPPORT_TOKEN or not name_tokens(ent.text)):
        return False
    return bool(tokens) and all(t.pos_ == "PROPN" for t in tokens) and ent.text.lower() != "mr"


def _names(text: ParsedText) -> list[Entity]:
    """The text's entities less the common words that NER took for names because a sentence
    start capitalised them ("Tributes have been paid", "Media reports say"): one English word
    that WordNet has in lower case and never as a name, and that is a plural or that the
    tagger does not call a proper noun (a capitalised "Sky" may be the broadcaster)."""
    if text.lang != "en":
        return list(text.entities)
    return [e for e in text.entities if not _capitalised_common_word(text, e)]


def _capitalised_common_word(text: ParsedText, ent: Entity) -> bool:
    word = ent.text
    if not word.isalpha() or not _opens_sentence(text.text, ent.start):
        return False
    if not common_word(word) or proper_lemma(word):
        return False
    if text.doc is None or plural_of_common_noun(word):
        return True  # the tagger calls any capitalised plural a proper noun ("Tributes")
    span = text.doc.char_span(ent.start, ent.end, alignment_mode="expand")
    return span is not None and all(t.pos_ != "PROPN" for t in span)


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?…:\n"


def _supports(seg: ParsedSegment) -> list[tuple[ParsedText, bool]]:
    """Texts that can vouch for a hypothesis entity, each with its leniency."""
    supports: list[tuple[ParsedText, bool]] = []
    for text in (seg.ref, seg.src):
        if text is None:
            continue
        lenient = _cross_lingual(text, seg.hyp)
        if not lenient or (_comparable(text) and _comparable(seg.hyp)):
            supports.append((text, lenient))
    return supports


def _clusters(entities: Iterable[Entity]) -> list[list[Entity]]:
    """Mentions grouped by entity ("Antony Blinken", "Mr Blinken"), in order of first mention.

    A mention's cluster depends on its text alone, and clusters only grow after their first
    mention: a text seen before joins the cluster it joined (or opened) then, without
    comparing it with every cluster again (a long text repeats its names thousands of times).
    A name with no words (`_same` matches nothing, not even itself) is compared each time."""
    clusters: list[list[Entity]] = []
    chosen: dict[str, int] = {}
    firsts = NameBlocks(_match_keys)  # the clusters' first mentions: only those sharing a
    for ent in entities:  # key with a mention can be its entity (`name_blocks`)
        known = chosen.get(ent.text)
        if known is not None:
            clusters[known].append(ent)
            continue
        near = firsts.near(ent.text)
        joined = next((i for i in near if _same(ent, clusters[i][0])), len(clusters))
        if joined == len(clusters):
            clusters.append([])
            firsts.add(ent.text)
        clusters[joined].append(ent)
        if name_tokens(ent.text):
            chosen[ent.text] = joined
    return clusters


def _same(a: Entity, b: Entity) -> bool:
    match = match_names(a.text, b.text)
    return match is not None and match[0] != "variant"


def _salient(text: ParsedText) -> list[list[Entity]]:
    """Entities named in the lead (headline or first sentence) and mentioned again later.

    Either condition alone is too wide: abstractive summaries leave out most entities that
    an article merely repeats, or names once in its lead (measured on FIB, XSum/CNN)."""
    lead_end = _lead_end(text.text)
    return [
        c for c in _clusters(_names(text)) if len(c) >= _SALIENT_MENTIONS and c[0].start < lead_end
    ]


def _lead_end(text: str) -> int:
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    ends = [stripped.find("\n")] + [stripped.find(p + " ") for p in ".!?…"]
    found = [e for e in ends if e > 0]
    return offset + (min(found) if found else len(stripped))


# --- finding a name in another text ----------------------------------------------------------


def _locate(ent: Entity, target: ParsedText, *, lenient: bool) -> _Match | None:
    """The best match of `ent` in `target`, strongest evidence first: the same name (entity or
    text), a respelled entity, a shorter or related form (a surname, "Mexican" for "Mexico"),
    a respelling in the text, most words of a long name, and across languages one shared
    long word.

    A match depends on the mention's text and label and on the target's text, language and
    entities only (never its parse), so it is remembered by those: the hypotheses of one
    reference (systems, perturbations) mostly name the same entities, and a reference's own
    entities are looked up in its source once per pair."""
    return located(ent.text, ent.label, target.text, target.lang, target.entities, lenient)


@lru_cache(maxsize=16384)
def located(
    name: str, label: str, text: str, lang: str, entities: tuple[Entity, ...], lenient: bool
) -> _Match | None:
    """`_locate` of a mention (`name`, `label`) in the text `text` of `lang` with `entities`."""
    return _locate_in(Entity(name, label, 0, len(name)), ParsedText(text, lang, None, entities),
                      lenient=lenient)  # fmt: skip


def _locate_in(ent: Entity, target: ParsedText, *, lenient: bool) -> _Match | None:
    by_kind = _entity_matches(ent, target.entities)
    if "exact" in by_kind:
        return by_kind["exact"]
    index = word_index(target.text)  # the target's words, read once for all its look-ups
    folded = index.folded
    keys = _search_keys(ent)
    surname = _short_key(ent) is not None
    in_text = _find_text(ent, keys[:-1] if surname else keys, folded, target.lang, "exact")
    respelled = by_kind.get("variant")
    if in_text is not None and respelled is not None and _overlap(in_text, respelled):
        return respelled  # "Petersburg" (an alias) inside "Saint Petersburg" for "St Petersburg"
    found = (
        in_text
        or respelled
        or by_kind.get("partial")
        or (_find_text(ent, keys[-1:], folded, target.lang, "partial") if surname else None)
        or _find_related_word(ent, index)
        or _find_respelled(ent, index, capitals=not lenient)
        or _find_most_words(ent, index)
    )
    if found is None and lenient:
        found = _shared_token(ent, index)
    return found


def _find_other_name_part(ent: Entity, folded: FoldedText, *, family_first: bool) -> _Match | None:
    """A person named by the first word of their name alone, as a name that comes family name
    first is ("President Xi" for "Xi Jinping", "Hu" for "Hu Jintao"): the same person told
    another way, a respelling at most. The word must stand alone (not "Angela" of another
    "Angela Schmidt"), be capitalised and be no common word or noun of a person, and, unless
    the source's language writes the family name first, be no given name (US Census lists):
    "Sarah" for "Sarah Okafor" dropped the surname."""
    tokens = name_tokens(ent.text)
    if ent.kind != "person" or len(tokens) < 2 or len(tokens[0]) < 2:
        return None
    if role_noun(tokens[0]) or (common_word(tokens[0]) and not proper_lemma(tokens[0])):
        return None  # a title NER took in ("Defender Filip Novák")
    if is_given_name(tokens[0]) and not family_first:
        return None
    words = folded.tokens()
    for i, (word, start, end) in enumerate(words):
        if word != tokens[0]:
            continue
        begin, stop = folded.span(start, end)
        after = words[i + 1] if i + 1 < len(words) else None
        next_capital = after is not None and folded.original[folded.span(*after[1:])[0]].isupper()
        if folded.original[begin].isupper() and not next_capital:
            return _Match("variant", 0.5, folded.original[begin:stop], begin, stop)
    return None


def _overlap(a: _Match, b: _Match) -> bool:
    return a.start < b.end and b.start < a.end


def _entity_matches(ent: Entity, others: Iterable[Entity]) -> dict[MatchKind, _Match]:
    """The best match of each kind among `others`. A nationality in another grammatical form
    ("Americans"/"American", "Indian"/"India") is the same entity, not a respelling."""
    by_kind: dict[MatchKind, _Match] = {}
    distinct = _distinct(tuple(others))
    # Only entities that share a key with the name can match it (`name_blocks`).
    for other in (distinct[i] for i in entity_blocks(distinct, _match_keys).near(ent.text)):
        match = match_names(ent.text, other.text) or _shared_words(ent.text, other.text)
        if match is None:
            continue
        kind, score = match
        if kind == "partial" and _only_class_words(ent.text, other.text):
            continue
        if kind == "variant" and "NORP" in (ent.label, other.label):
            kind, score = "partial", 1.0
        known = by_kind.get(kind)
        if known is None or score > known.similarity:
            by_kind[kind] = _Match(kind, score, other.text, other.start, other.end)
    return by_kind


@lru_cache(maxsize=64)
def _distinct(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The first mention of each (text, label): a match depends on those alone, and a later
    equal one never beats the first (`_entity_matches` keeps the first of the best)."""
    first: dict[tuple[str, str], Entity] = {}
    for ent in entities:
        first.setdefault((ent.text, ent.label), ent)
    return tuple(first.values())


def _only_class_words(a: str, b: str) -> bool:
    """Whether the shorter of two names is words of a kind alone ("Ocean", "Democratic
    Republic") where the longer has a word of its own."""
    ta, tb = (set(name_tokens(x)) - _FUNCTION_WORDS for x in (a, b))
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return short <= _CLASS_WORDS and not long <= _CLASS_WORDS


def _shared_words(a: str, b: str) -> tuple[MatchKind, float] | None:
    """Two names of one body worded apart ("Arun Banner Police" / "Arun Banner Public Security
    Bureau", "Ministry of Finance" / "Finance Ministry"): at least two distinctive words in
    common, in any close form, at least half of the shorter name's, the first of one of them
    among them. A respelling at most: it is the same body, told another way."""
    ta, tb = (_distinctive(x) for x in (a, b))
    if len(ta) < 2 or len(tb) < 2:
        return None
    shared = [t for t in ta if _form_of(t, tb) is not None]
    if len(shared) < 2 or 2 * len(shared) < min(len(ta), len(tb)):
        return None
    if ta[0] not in shared and _form_of(tb[0], ta) is None:
        return None
    return ("variant", round(len(shared) / max(len(ta), len(tb)), 3))


def _match_keys(name: str) -> frozenset[Key]:
    return match_keys(name, tuple(_distinctive(name)))


def _distinctive(name: str) -> list[str]:
    return [t for t in name_tokens(name) if t not in _FUNCTION_WORDS | _GENERIC_NAME_WORDS]


def _has_surname_key(ent: Entity) -> bool:
    """People (and unlabelled rule-based names) may be named by their last word alone."""
    tokens = name_tokens(ent.text)
    named = ent.kind == "person" or ent.label == "MISC"
    return named and len(tokens) > 1 and len(tokens[-1]) >= _MIN_SUPPORT_TOKEN


def _short_key(ent: Entity) -> str | None:
    """The one word that may name the entity alone: a person's surname, or the coined first
    word of a body's name ("Xinhua" of "Xinhua News Agency", "Volkswagen" of "Volkswagen
    Group"): a word WordNet has neither in lower case nor as a name, and no place ("China" of
    "China Daily" is the country)."""
    tokens = name_tokens(ent.text)
    if _has_surname_key(ent):
        return tokens[-1]
    if ent.kind != "org" or len(tokens) < 2 or len(tokens[0]) < _MIN_SUPPORT_TOKEN:
        return None
    first = tokens[0]
    if not first.isalpha() or first in _CLASS_WORDS:
        return None
    return None if common_word(first) or proper_lemma(first) or places_of(first) else first


def _search_keys(ent: Entity) -> list[str]:
    """Folded forms to look for in a text; a word that names the entity alone (a person's
    surname) comes last."""
    tokens = name_tokens(ent.text)
    keys = [" ".join(tokens)]
    if len(tokens) > 1 and all(len(t) == 1 for t in tokens):
        keys.append("".join(tokens))  # "U.S." -> "us"
    if len(tokens) == 1 and ent.text.isupper() and 2 <= len(tokens[0]) <= 5:
        keys.append(" ".join(tokens[0]))  # "US" -> "u s"
    # Other names of a well-known entity; short ones ("us") would match common words.
    keys.extend(k for k in aliases(ent.text) if k not in keys and (" " in k or len(k) > 3))
    short = _short_key(ent)
    if short is not None:
        keys.append(short)
    return keys


def _find_text(
    ent: Entity, keys: list[str], folded: FoldedText, lang: str, kind: MatchKind
) -> _Match | None:
    """The first key found in the text: "exact" for the full name, "partial" for a surname,
    "variant" when only diacritics differ. Languages that decline names may add an ending
    ("Kyjiws", "Киеве"); elsewhere a changed ending is a respelling ("Marseilles")."""
    inflecting = lang in _INFLECTING
    suffix = 3 if inflecting else 2 if lang in _GENITIVE_S else 0
    for key in keys:
        span = folded.find(key, allow_suffix=suffix, stem=2 if inflecting else 0)
        if span is None:
            continue
        start, end = span
        found = folded.original[start:end]
        match = match_names(ent.text, found)
        respelled = marks_differ(ent.text, found) or key != keys[0]  # or a spelling alias
        if match is not None and match[0] == "variant" and respelled:
            return _Match("variant", match[1], found, start, end)
        return _Match(kind, 1.0, found, start, end)
    return None


def _find_related_word(ent: Entity, index: WordIndex) -> _Match | None:
    """A one-word place or nationality in another form ("Mexico's government", "the Mexican
    government"; "European sailors", "sailors from Europe"), the first in the text.

    Both forms share a stem of four letters or more, so only the text's distinct words that
    open with the name's first four letters are asked, each at its first occurrence (or, for
    a region, its first before a region word)."""
    tokens = name_tokens(ent.text)
    if len(tokens) != 1 or not (ent.kind == "place" or ent.label in ("NORP", "MISC")):
        return None  # a rule-based name (MISC) may be a place: its kind is unknown
    words, name = index.words, tokens[0]
    first: int | None = None
    for word in index.with_prefix(name):
        at: int | None
        if same_stem(name, word):
            at = index.first_at[word]
        elif _region_of(name, word):
            at = next((i for i in index.positions(word) if _before_region_word(words, i)), None)
        else:
            continue
        if at is not None and (first is None or at < first):
            first = at
    if first is None:
        return None
    word, start, end = words[first]
    if same_stem(name, word):
        return _match_words(index.folded, start, end, "partial", 1.0)
    return _match_words(index.folded, start, words[first + 1][2], "partial", 1.0)


def _before_region_word(words: list[tuple[str, int, int]], i: int) -> bool:
    return i + 1 < len(words) and words[i + 1][0] in _REGION_WORDS


def _region_of(name: str, word: str) -> bool:
    """Whether a one-word region name derives from a place by a short ending, as in the
    "Kolínsko" that a translation renders "the Kolín region"."""
    return len(word) >= _MIN_SUPPORT_TOKEN + 1 and name.startswith(word) and (
        0 < len(name) - len(word) <= 3
    )


def _find_most_words(ent: Entity, index: WordIndex) -> _Match | None:
    """Most words of a long name close together ("Royal Bafokeng Stadium" / "Royal Bafalcon
    Stadium", "World Heritage Sites in danger" / "world heritage sites at risk"), or all its
    distinctive words ("Kofu City" / "the city of Kofu"), each in any close form ("Culture
    Festival" / "Cultural Festival", "Jiangkou River" / "Jiangkouhe")."""
    tokens = [t for t in name_tokens(ent.text) if t not in _FUNCTION_WORDS]
    distinctive = [t for t in tokens if t not in _GENERIC_NAME_WORDS]
    if len(tokens) < 2 or not distinctive:
        return None
    # Only words that can be a form of a name word are asked (`WordIndex.joined_candidates`),
    # each distinct one once; its occurrences are the hits.
    words = index.joined
    forms = {w: _form_of(w, tokens) for w in index.joined_candidates(tokens)}
    hits = index.joined_positions([w for w, token in forms.items() if token is not None])
    for first in hits:
        window = hits_within(hits, first, len(tokens) + 4)
        found = {forms[words[i][0]] for i in window}
        most = len(tokens) >= 3 and len(found) >= max(2, -(-2 * len(tokens) // 3))
        most = most and not found <= _CLASS_WORDS  # not "Democratic Republic of" alone
        if _has_surname_key(ent) and tokens[-1] not in found:
            continue  # a person's first names and titles without the surname
        if most or set(distinctive) <= found:
            return _match_words(index.folded, words[first][1], words[window[-1]][2], "partial",
                                1.0)  # fmt: skip
    return None


def _form_of(word: str, tokens: list[str]) -> str | None:
    """The name word that `word` is a form of, if any: itself, a close form, or another name
    of the same place ("France" in "Embassy of France" for "French" in "French Embassy").
    A function word is none ("in" is also India's country code)."""
    if word in _FUNCTION_WORDS:
        return None
    for token in tokens:
        if word == token or close_forms(word, token) or same_place(word, token):
            return token
    return None


def _match_words(folded: FoldedText, start: int, end: int, kind: MatchKind, score: float) -> _Match:
    begin, stop = folded.span(start, end)
    return _Match(kind, score, folded.original[begin:stop], begin, stop)


def _find_respelled(ent: Entity, index: WordIndex, *, capitals: bool) -> _Match | None:
    """A window of the text's words that respells the name (NER missed it). With `capitals`
    (a text in the name's own language) and in a text that writes capitals, the window
    opens with one: a lower-case word is no respelling of a name ("will" does not vouch for
    "David Willey"). Across languages a name may become a lower-case adjective ("polski")."""
    # Equal windows match alike and the first of the best is kept: each distinct window is
    # asked once, at its first occurrence that may open a name (`WordIndex.windows_opening`).
    folded, words = index.folded, index.words
    tokens = name_tokens(ent.text)
    sizes = {len(tokens)} | ({1} if ent.kind == "person" else set())
    initials = {sound_class(t) for t in tokens}
    cased = capitals and _writes_capitals(folded.original)
    best: _Match | None = None
    for size in sizes:
        at_capital = partial(_capitalised_at, folded)
        for joined, i, _ in index.windows_opening(size, cased, at_capital, initials):
            match = match_names(ent.text, joined)
            if match is None or match[0] != "variant":
                continue
            start, end = folded.span(words[i][1], words[i + size - 1][2])
            if best is None or match[1] > best.similarity:
                best = _Match("variant", match[1], folded.original[start:end], start, end)
    return best


def _writes_capitals(text: str) -> bool:
    """Whether a text capitalises at all (some corpora are lower-cased: FIB's CNN/DM)."""
    return any(ch.isupper() for ch in text)


def _capitalised_at(folded: FoldedText, start: int) -> bool:
    """Whether the original word at folded offset `start` opens with a capital (a letter
    without case, as in most scripts, counts as one)."""
    first = folded.original[folded.span(start, start + 1)[0]]
    return first.isupper() or not first.islower()


def _shared_token(ent: Entity, index: WordIndex) -> _Match | None:
    """Across languages: one long word of the name (a surname) found, even respelled (the
    first such word of the text: each distinct word with the same first letter is asked once)."""
    folded = index.folded
    for token in name_tokens(ent.text):
        if len(token) < _MIN_SUPPORT_TOKEN:
            continue
        span = folded.find(token, stem=2)
        if span is not None:
            return _Match("exact", 1.0, folded.original[span[0] : span[1]], *span)
        for word in index.with_initial(token[0]):
            if jaro_winkler(word, token) >= 0.85:
                _, start, end = index.words[index.first_at[word]]
                begin, stop = folded.span(start, end)
                return _Match("exact", 1.0, folded.original[begin:stop], begin, stop)
    return None


# --- findings --------------------------------------------------------------------------------


def _summary_variants(seg: ParsedSegment) -> list[Finding]:
    """Summary entities whose best support in the source (or reference) is a respelling."""
    supports = [text for text, lenient in _supports(seg) if not lenient]
    if not supports:
        return []
    against = "source" if seg.src is not None else "reference"
    findings = []
    for mentions in _clusters(_names(seg.hyp)):
        best = _best(mentions, supports, lenient=False)
        if best is None or best[1].kind != "variant":
            continue
        if not all(_other(*best, text) for text in supports):  # else reported unsupported
            findings.append(_variant_finding(*best, against, hyp_side=True))
    return findings


def _variant_finding(ent: Entity, match: _Match, against: str, *, hyp_side: bool) -> Finding:
    other = Span(match.start, match.end, match.text)
    if hyp_side:
        hyp_span, ref_span, hyp_text, ref_text = _span(ent), other, ent.text, match.text
    else:
        hyp_span, ref_span, hyp_text, ref_text = other, _span(ent), match.text, ent.text
    message = (
        f"'{ref_text}' in the {against} is spelled '{hyp_text}' in the hypothesis "
        f"(similarity {match.similarity:.2f})"
    )
    evidence = _evidence(against, hyp_text, ref_text, ent.label, match.similarity)
    return Finding(
        "entity_variant", "minor", message, hyp_span=hyp_span, ref_span=ref_span, evidence=evidence
    )


def _evidence(
    against: str, hyp: str | None, ref: str | None, label: str, similarity: float | None
) -> dict[str, Any]:
    return {
        "against": against,
        "hyp_entity": hyp,
        "ref_entity": ref,
        "label": label,
        "key": name_key(ref or hyp or ""),
        "similarity": similarity,
    }


def _span(ent: Entity) -> Span:
    return Span(ent.start, ent.end, ent.text)
