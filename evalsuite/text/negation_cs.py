"""Czech negation: the verb prefix ne-, negative pronouns, and concord.

Czech negates a verb by writing ne- onto it (nepřišel "did not come", nemůže "cannot"), and
negative pronouns and adverbs (nikdo, nic, nikdy, žádný) go with a negated verb: "nikdo
nepřišel" is one negation ("nobody came"), not two (negative concord; Naughton, *Czech: An
Essential Grammar*, 2005, ch. 11; UD Czech marks the verb Polarity=Neg and the pronoun
PronType=Neg). Polarity is read per clause, so concord needs nothing more.

Many words merely start with "ne" (nebo "or", než "than", neděle "Sunday", nejlepší "best",
nemocnice "hospital"), and ne- also makes adjectives and nouns that are words of their own
(nebezpečný "dangerous", nezávislý "independent"). A word is a negated verb when the
Hunspell dictionary (Debian's `hunspell-cs`) derives it from a verb stem that takes the
prefix (its flag N): a verb stem carries a conjugation flag, or is itself a finite form or
participle the dictionary lists (flags N and O only). A ne- word the dictionary derives from
an adjective or noun is a lexical negative, like English "un-": marked `lexical`. Without the
dictionary only the forms of "být" (není, nebyl, nebude, ...) and the pronouns are known, and
the Czech side of a pair is then never taken to be positive (see `polarity_known`).
"""

from __future__ import annotations

from functools import lru_cache

from evalsuite.text.hunspell_lexicon import load_hunspell
from evalsuite.text.memo_sizes import WORD_MEMO

__all__ = ["DICTIONARY", "negated_word", "polarity_known"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DICTIONARY = "cs_CZ"
_PREFIX_FLAG = "N"
# Conjugation flags of the cs_CZ dictionary's verbs (imperative, present, passive, participles).
_VERB_FLAGS = frozenset("IJATBX")
_FORM_FLAGS = frozenset({"N", "O"})  # a listed finite form or l-participle: "přišel/ON"
# "být" and "lze", irregular: the dictionary lists some of their negative forms as stems.
NEGATIVE_FORMS = _words(
    "není nejsem nejsi nejsme nejste nejsou nebyl nebyla nebylo nebyli nebyly nebudu nebudeš "
    "nebude nebudeme nebudete nebudou nebuď nebuďte nebyť nelze"
)
# Words that start with ne- but are no negation and need no dictionary to say so.
NOT_NEGATED = _words("nebo než nejen nejenom neboť nechť nehledě")


@lru_cache(maxsize=WORD_MEMO)
def negated_word(word: str) -> str | None:
    """'cue' for a negated verb, 'lexical' for another ne- word the dictionary derives, None
    for a word that is no negation (or that the dictionary cannot analyse)."""
    lower = word.casefold()
    if lower in NEGATIVE_FORMS:
        return "cue"
    if len(lower) < 4 or not lower.startswith("ne") or lower in NOT_NEGATED:
        return None
    if lower.startswith("nej") and not _analyses(lower[2:]) and _analyses(lower[3:]):
        return None  # superlative nej-: nejlepší
    if _own_word(lower):
        return None  # a form of a word that itself starts with ne-: neděli (neděle "Sunday")
    found = _analyses(lower[2:])
    if not found:
        return None
    return "cue" if any(_verbal(stem, flags, rule) for stem, flags, rule in found) else "lexical"


def _analyses(rest: str) -> list[tuple[str, frozenset[str], str]]:
    lexicon = load_hunspell(DICTIONARY)
    if lexicon is None:
        return []
    return [a for a in lexicon.analyses(rest) if _PREFIX_FLAG in a[1]]


def _own_word(word: str) -> bool:
    lexicon = load_hunspell(DICTIONARY)
    return lexicon is not None and any(
        stem.startswith("ne") for stem, _, _ in lexicon.analyses(word)
    )


def _verbal(stem: str, flags: frozenset[str], rule: str) -> bool:
    if flags & _VERB_FLAGS:
        return True
    if rule == "C" and stem.endswith(("t", "ci")):
        return True
    return flags <= _FORM_FLAGS  # adjectives carry declension flags (Y, K, R) as well


def polarity_known() -> bool:
    """Whether ne- verbs can be read: without the dictionary a Czech clause may be negative
    with no cue found, so a Czech side without cues is not taken to be positive."""
    return load_hunspell(DICTIONARY) is not None
