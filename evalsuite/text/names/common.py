"""What every name finder asks: does the lexicon know a word, is it a function word, does the
place table know it (in a declined form too), where does a sentence start, and which words of
a non-Latin text are written in Latin letters ("CNBC", "Audi TT")."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from evalsuite.align import translations
from evalsuite.align.keys import english_key, is_stop_word, lexeme_key
from evalsuite.align.lexicon import load_lexicon
from evalsuite.text import place_aliases
from evalsuite.text.memo_sizes import WORD_MEMO
from evalsuite.text.names import Name, NamePart
from evalsuite.text.names.dictionary import analysed, name_lemmas
from evalsuite.text.normalize import fold
from evalsuite.text.phonetic import latin_form

__all__ = [
    "DECLINING",
    "known",
    "compact",
    "latin_names",
    "is_place",
    "place_of",
    "sentence_initial",
    "stop_word",
    "uncompact",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DECLINING = _words("ru uk be bg pl cs sk sl hr sr bs lt lv fi et hu de")
"""Languages whose names take case endings (or a genitive -s): "Техасе", "Portugals"."""
_CASE_ENDINGS = DECLINING - {"de"}
_GENITIVE_S = frozenset({"de", "nl", "sv", "da", "no", "nb"})
_MIN_STEM = 5
_MIN_PLACE_KEY = 4
_COMPOUNDING = frozenset({"de", "nl", "sv", "da", "no", "nb"})
_MIN_PART = 4
_STEMS_CHECKED = frozenset({"de"})
"""Where a stem-only lexicon match must be a word the Hunspell dictionary analyses."""
_INFLECTED_FORMS = {"de": ("n", "en", "e", "s", "-e", "-n", "-en", "-s")}
"""German plural and case endings, added ("n") or taken off ("-en"), to find a noun the
dictionary lists in another form."""
_LINKERS = ("es", "en", "s", "n", "")
_SENTENCE_END = ".!?…:=\n。！？"
_SKIPPABLE = " \t\r\"'«»„“”‘’()[]–—-•*「」『』《》（）"
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9&.'’\-]*(?:\s+[A-Za-z0-9][A-Za-z0-9&.'’\-]*)*")


@lru_cache(maxsize=WORD_MEMO)
def known(word: str, lang: str) -> bool:
    """Whether the lexicon of `lang` has `word` as an entry of its own (its stem or its
    lowercase form), or, where nouns compound, as two entries of four letters or more
    ("Investitionszäune"), and translates it into something else (a dictionary that renders a
    word as itself lists a name: "Leicester", "Jesse"). Stricter than the aligner's lookups,
    which also trim endings and split into short pieces: those make names known too
    ("Lingard" = "Lin" + "gard"). English words count as known."""
    if lang == "en":
        return True
    lexicon = load_lexicon(lang)
    if lexicon is None:
        return False
    folded = word.casefold()
    exact = lexicon.english_for(folded)
    targets = {*lexicon.english_for(lexeme_key(word, lang)), *exact}
    if not exact and targets and lang in _STEMS_CHECKED and not _analysed(word, lang):
        # Only the stem is an entry and the Hunspell dictionary knows no such word, nor the
        # word less a plural or case ending ("Jungs"): the stemmer cut a name down to a word
        # ("Tennet" -> "Tenne", barn).
        return False
    if not targets and lang in _INFLECTED_FORMS:
        # A noun the dictionary lists in another form ("Seiten" for "Seite").
        for ending in _INFLECTED_FORMS[lang]:
            other = folded + ending
            if ending.startswith("-"):
                cut = len(ending) - 1
                other = folded[:-cut] if folded.endswith(ending[1:]) and len(folded) > cut else ""
            if other and len(other) >= _MIN_PART:
                targets.update(lexicon.english_for(other))
                targets.update(lexicon.english_for(lexeme_key(other, lang)))
    if targets:
        # A dictionary that renders a word as itself lists a name ("Leicester", "Jesse").
        return english_key(word) not in targets
    if lang not in _COMPOUNDING or len(folded) < 2 * _MIN_PART:
        return False
    for cut in range(_MIN_PART, len(folded) - _MIN_PART + 1):
        head, tail = folded[:cut], folded[cut:]
        if not lexicon.english_for(lexeme_key(tail, lang)):
            continue
        for linker in _LINKERS:
            stem = head[: len(head) - len(linker)] if linker and head.endswith(linker) else None
            stem = head if not linker else stem
            if stem and len(stem) >= _MIN_PART and lexicon.english_for(lexeme_key(stem, lang)):
                return True
    return False


def _analysed(word: str, lang: str) -> bool:
    """Whether the Hunspell dictionary derives `word`, or `word` less an ending of
    `_INFLECTED_FORMS`, from an entry (True without a dictionary: nothing to check)."""
    found = analysed(word, lang)
    if found is None or found:
        return True
    endings = [e for e in _INFLECTED_FORMS.get(lang, ()) if not e.startswith("-")]
    return any(
        word.endswith(e) and len(word) - len(e) >= _MIN_PART and analysed(word[: -len(e)], lang)
        for e in endings
    )


def stop_word(word: str, lang: str) -> bool:
    return is_stop_word(word, lang)


@lru_cache(maxsize=WORD_MEMO)
def place_of(word: str, lang: str) -> frozenset[str]:
    """English names of the places `word` names in the alias table (empty for most words),
    trying the stem of a declined or derived form ("Германии" -> Germany, "americani" ->
    United States, "Portugals" -> Portugal)."""
    key = fold(word)
    acronym = word.isupper() and len(key) >= 2
    if len(key) < _MIN_PLACE_KEY and not acronym:
        return frozenset()  # "es", "il", "de": codes of places, words of sentences
    places = place_aliases.places_of(key)
    if places:
        return frozenset(p.name for p in places)
    if acronym:
        return frozenset()
    if lang in _CASE_ENDINGS:
        # The Hunspell dictionary's own form of a declined name first ("Praze" <- Praha,
        # Prague; trimming endings would find "Paris").
        lemma_places = {
            p.name
            for lemma in name_lemmas(word, lang)
            for p in place_aliases.places_of(fold(lemma))
        }
        if lemma_places:
            return frozenset(lemma_places)
    if lang in _GENITIVE_S:
        stripped = key[:-1] if key.endswith("s") else key
        return frozenset(p.name for p in place_aliases.places_of(stripped))
    ending = 3 if lang in _CASE_ENDINGS else 2
    minimum = _MIN_STEM - 1 if lang in _CASE_ENDINGS else _MIN_STEM  # "Prahu" -> Praha
    keys = place_aliases.sorted_keys()
    for cut in range(1, ending + 1):
        stem = key[:-cut]
        if len(stem) < minimum:
            break
        i = bisect.bisect_left(keys, stem)
        while i < len(keys) and keys[i].startswith(stem):
            other = keys[i]
            if " " not in other and len(other) - len(stem) <= ending:
                return frozenset(p.name for p in place_aliases.places_of(other))
            i += 1
    return frozenset()


@lru_cache(maxsize=WORD_MEMO)
def is_place(word: str, lang: str) -> bool:
    """Whether `word` names a place: the alias table knows it, and where the lexicon also
    translates it, a translation names the same place ("Finnland" -> finland, "जर्मनी" ->
    german; not "मिला", got, whose letters spell a town's name)."""
    places = place_of(word, lang)
    if not places:
        return False
    if lang == "en":
        return True
    targets = translations(lexeme_key(word, lang), lang, "en")
    if not targets:
        return True
    return any(places & place_of(target, "en") for target in targets)


def sentence_initial(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence (or a quotation, a line, a heading)."""
    i = start - 1
    while i >= 0 and text[i] in _SKIPPABLE:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


_CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f"
_SPACED_CJK = re.compile(rf"(?<=[{_CJK}・·•]) +(?=[{_CJK}・·•])")


@lru_cache(maxsize=1024)
def compact(text: str) -> tuple[str, tuple[int, ...]]:
    """`text` without the spaces between Chinese or Japanese characters (pre-tokenised MT
    output writes "塔兰 蒂诺" for one name), and the offset in `text` of each kept character."""
    keep = [True] * len(text)
    for match in _SPACED_CJK.finditer(text):
        for i in range(match.start(), match.end()):
            keep[i] = False
    offsets = tuple(i for i, k in enumerate(keep) if k)
    return "".join(text[i] for i in offsets), offsets


def uncompact(names: list[Name], text: str, offsets: tuple[int, ...]) -> list[Name]:
    """Names found in `compact(text)` with their spans in `text`."""

    def span(start: int, end: int) -> tuple[int, int]:
        return offsets[start], offsets[end - 1] + 1

    out = []
    for name in names:
        start, end = span(name.start, name.end)
        parts = tuple(
            replace(part, text=text[a:b], start=a, end=b)
            for part in name.parts
            for a, b in [span(part.start, part.end)]
        )
        out.append(replace(name, text=text[start:end], start=start, end=end, parts=parts))
    return out


def latin_names(text: str) -> list[Name]:
    """Runs of Latin-letter words inside a text in another script: brand names, acronyms and
    names quoted in the original ("CNBC", "Audi TT", "(Doug Jones)")."""
    names = []
    for match in _LATIN_RUN.finditer(text):
        run = match.group().rstrip(".'’-")
        if not re.search(r"[A-Za-z]{2}", run) or (
            not any(ch.isupper() for ch in run) and not re.search(r"[A-Za-z]{4}", run)
        ):
            continue  # "p 2 p", "A": letters too few to be a name
        start = match.start()
        parts = tuple(
            NamePart(m.group(), start + m.start(), start + m.end(), (latin_form(m.group()),))
            for m in re.finditer(r"[A-Za-z][A-Za-z0-9]*", run)
        )
        if parts:
            names.append(Name(run, start, start + len(run), "MISC", "latin-script", True, parts))
    return names
