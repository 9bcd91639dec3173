"""What a language's Hunspell dictionary says about a capitalised word: whether it is a form
of a lowercase word only (an ordinary word written with a capital: a heading, emphasis, a
sentence opened after odd punctuation), the names it is a form of ("Krakowie" <- "Kraków",
"Москве" <- "Москва"), and, in German, whether it is a compound of dictionary words
("Tierwohl" = Tier + wohl), which is a common noun.

Hunspell dictionaries list names capitalised and ordinary words in lowercase (German nouns
capitalised too, so in German only the compound test and "lowercase only" apply). They come
from Debian's `hunspell-cs`, `-de-de`, `-es`, `-fr`, `-it`, `-pl`, `-ru` (LGPL/GPL/MPL, each
package's own licence; `.ci/run` installs them, see `evalsuite.text.hunspell_lexicon` for a
user without root). Without a dictionary every answer is "unknown" (False / empty) and the
finders work as before.
"""

from __future__ import annotations

from functools import lru_cache

from evalsuite.text.hunspell_lexicon import HunspellLexicon, load_hunspell
from evalsuite.text.memo_sizes import WORD_MEMO

__all__ = [
    "DICTIONARIES",
    "analysed",
    "german_compound",
    "lowercase_form",
    "name_lemmas",
    "ordinary_word",
]

DICTIONARIES = {
    "cs": "cs_CZ",
    "de": "de_DE",
    "es": "es_ES",
    "fr": "fr",
    "it": "it_IT",
    "pl": "pl_PL",
    "ru": "ru_RU",
}
_MIN_WORD = 3
_MIN_HEAD = 3
_MIN_TAIL = 3
_MIN_NOUN_TAIL = 4
_LINKERS = ("s", "es", "n", "en", "e", "")
_MAX_DEPTH = 3


def _lexicon(lang: str) -> HunspellLexicon | None:
    name = DICTIONARIES.get(lang)
    return load_hunspell(name) if name else None


def _capitalised(stem: str) -> bool:
    return stem[:1].isupper()


def _only_in_compounds(lexicon: HunspellLexicon, stem: str) -> bool:
    flag = lexicon.options.get("ONLYINCOMPOUND")
    return flag is not None and flag in lexicon.stems.get(stem, frozenset())


@lru_cache(maxsize=WORD_MEMO)
def _stems(word: str, lang: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(capitalised stems of `word` as written, lowercase stems of it or of its lowercase
    form), None without a dictionary."""
    lexicon = _lexicon(lang)
    if lexicon is None:
        return None
    found = lexicon.stems_of(word) | lexicon.stems_of(word.casefold())
    names = frozenset(s for s in found if _capitalised(s))
    lower = frozenset(
        s for s in found if not _capitalised(s) and not _only_in_compounds(lexicon, s)
    )
    return names, lower


def analysed(word: str, lang: str) -> bool | None:
    """Whether the dictionary derives `word` from any entry (None without a dictionary)."""
    stems = _stems(word, lang)
    if stems is None:
        return None
    return bool(stems[0] or stems[1]) or (lang == "de" and german_compound(word))


def ordinary_word(word: str, lang: str) -> bool:
    """Whether the dictionary derives the capitalised `word` only from lowercase words
    ("Spojených" <- spojený, "Nečekal" <- čekat), never from a capitalised entry."""
    if len(word) < _MIN_WORD or word.isupper():
        return False
    stems = _stems(word, lang)
    return stems is not None and bool(stems[1]) and not stems[0]


def lowercase_form(word: str, lang: str) -> bool:
    """Whether the dictionary derives `word` (or its lowercase form) from a lowercase word,
    whatever else it derives it from: in German, a noun that is also a verb's or an
    adjective's form ("Runden": runden, rund) or a nominalised one, which names rarely are."""
    if len(word) < _MIN_WORD or word.isupper():
        return False
    stems = _stems(word, lang)
    return stems is not None and bool(stems[1])


def name_lemmas(word: str, lang: str) -> frozenset[str]:
    """The capitalised entries `word` is a form of, other than itself ("Krakowie" ->
    {"Kraków"}); empty without a dictionary."""
    if len(word) < _MIN_WORD or word.isupper():
        return frozenset()
    stems = _stems(word, lang)
    return frozenset(s for s in stems[0] if s != word) if stems else frozenset()


@lru_cache(maxsize=1 << 14)
def german_compound(word: str) -> bool:
    """Whether a capitalised German word splits into dictionary words, the last one a word
    the dictionary allows at a compound's end (flag COMPOUNDEND; inside the first part, also a
    noun of four letters or more): "Tierwohl" (Tier + wohl), "Kuhumarmungstag" (Kuh +
    Umarmung + s + tag); not "Steinmeier" (the surname "Meier" ends no compound)."""
    lexicon = _lexicon("de")
    if lexicon is None or not _capitalised(word) or word.isupper():
        return False
    return _splits(lexicon, word, 0)


def _splits(lexicon: HunspellLexicon, word: str, depth: int) -> bool:
    if depth >= _MAX_DEPTH:
        return False
    for cut in range(len(word) - _MIN_TAIL, _MIN_HEAD - 1, -1):
        head, tail = word[:cut], word[cut:]
        if not _compound_end(lexicon, tail, inner=depth > 0):
            continue
        for linker in _LINKERS:
            if linker and not head.endswith(linker):
                continue
            stem = head[: len(head) - len(linker)] if linker else head
            if len(stem) < _MIN_HEAD:
                continue
            if stem in lexicon.stems or _splits(lexicon, stem, depth + 1):
                return True
    return False


def _compound_end(lexicon: HunspellLexicon, tail: str, *, inner: bool) -> bool:
    end = lexicon.options.get("COMPOUNDEND")
    lower = tail.casefold()
    if end is not None and any(end in flags for _, flags, _ in lexicon.analyses(lower)):
        return True
    noun = lower[:1].upper() + lower[1:]
    return (
        inner
        and len(tail) >= _MIN_NOUN_TAIL
        and any(_capitalised(stem) for stem, _, _ in lexicon.analyses(noun))
    )
