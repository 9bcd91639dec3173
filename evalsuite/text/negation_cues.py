"""Negation cues per language, and words that negate by meaning rather than by grammar.

A cue is a word that makes its clause negative ("not", "ne ... jamais", "kein", "никогда").
Some cue + next-word pairs are no negation of the clause ("not only", "no more than",
"ne ... que") and are skipped. Lexical negatives ("refuse", "unable", "failed") carry polarity
in the verb itself: the checks never count them as cues, but a clause pair whose lexical
negatives differ is a paraphrase the checks cannot judge, so they stay silent there.
"""

from __future__ import annotations

import re

__all__ = [
    "CUES",
    "LEXICAL_NEGATIVES",
    "NOT_NEGATING",
    "cue_positions",
    "lexical_negatives",
    "split_words",
    "word_spans",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CUES: dict[str, frozenset[str]] = {
    "en": _words(
        "not n't never no none nobody nothing neither nor nowhere without cannot "
        "dont doesnt didnt cant wont isnt arent wasnt werent couldnt wouldnt shouldnt"
    ),
    # "ne" marks the clause; "plus"/"personne" only negate with it, so they are not listed.
    "fr": _words("ne n' pas jamais rien aucun aucune nullement non sans ni guère"),
    "de": _words(
        "nicht kein keine keinen keinem keiner keines nie niemals nichts niemand weder "
        "nirgends nirgendwo ohne"
    ),
    "es": _words("no nunca jamás ni tampoco sin nada nadie ninguno ninguna ningún"),
    "it": _words("non mai nessuno nessuna nessun niente nulla né senza"),
    "pt": _words("não nunca jamais nenhum nenhuma nada ninguém nem sem"),
    "ru": _words("не ни нет никогда ничего ничто никто нигде никак без"),
    "uk": _words("не ні немає ніколи нічого ніщо ніхто ніде без"),
}

# A cue followed by one of these words restricts or quantifies; it does not negate the clause.
NOT_NEGATING: dict[str, frozenset[str]] = {
    "en": _words("only just merely more less fewer later sooner doubt"),
    "fr": _words("que seulement qu' moins"),
    "de": _words("nur mehr weniger später"),
    "es": _words("solo sólo solamente más menos"),
    "it": _words("solo soltanto più meno"),
    "pt": _words("só apenas mais menos"),
    "ru": _words("только менее более меньше больше раз"),
    "uk": _words("тільки лише менше більше раз"),
}

LEXICAL_NEGATIVES: dict[str, frozenset[str]] = {
    "en": _words(
        "fail unable refuse deny reject decline lack prevent ban prohibit forbid avoid stop "
        "cease halt block neglect miss impossible unlikely absent hardly barely rarely seldom "
        "little few instead dismiss oppose against abandon yet"
    ),
    "fr": _words(
        "refuser échouer incapable impossible empêcher interdire éviter rejeter nier manquer "
        "cesser arrêter renoncer opposer contre"
    ),
    "de": _words(
        "ablehnen verweigern scheitern unmöglich verhindern verbieten vermeiden bestreiten "
        "verzichten gegen"
    ),
    "es": _words("negar rechazar fracasar impedir prohibir evitar imposible incapaz contra"),
    "it": _words("negare rifiutare fallire impedire vietare evitare impossibile incapace contro"),
    "pt": _words("negar recusar falhar impedir proibir evitar impossível incapaz contra"),
    "ru": _words("отказ отказался отказалась отказались запрет запретил невозможно против"),
    "uk": _words("відмов заборон неможливо проти"),
}

_TOKEN = re.compile(r"\w+?(?=n['’]t\b)|n['’]t\b|\w+['’]?")


def cue_positions(words: list[str], lang: str) -> list[int]:
    """Indices of the negation cues among lowercased `words` of one language."""
    cues = CUES.get(lang, CUES["en"])
    skip = NOT_NEGATING.get(lang, frozenset())
    found = []
    for i, word in enumerate(words):
        if word not in cues:
            continue
        following = words[i + 1 : i + 3] if lang == "fr" else words[i + 1 : i + 2]
        if any(w in skip for w in following):
            continue
        found.append(i)
    if lang == "fr":
        found = _french(words, found)
    return found


_NE_PARTNERS = _words("pas jamais rien aucun aucune guère nullement")


def _french(words: list[str], found: list[int]) -> list[int]:
    """One cue per "ne ... pas/jamais/rien": keep the "ne", drop its partner; "ne ... que" is
    no negation ("il n'a que 3 ans")."""
    kept: list[int] = []
    open_ne = False
    for i in found:
        if words[i] in ("ne", "n'"):
            rest = words[i + 1 : i + 5]
            if "que" in rest or "qu'" in rest:
                continue
            kept.append(i)
            open_ne = True
        elif open_ne and words[i] in _NE_PARTNERS:
            open_ne = False
        else:
            kept.append(i)
    return kept


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """Lowercased words with their offsets; "n't" and an elided "n'" are words of their own."""
    return [
        (m.group().casefold().replace("’", "'"), m.start(), m.end()) for m in _TOKEN.finditer(text)
    ]


def split_words(text: str) -> list[str]:
    """Lowercased words (see `word_spans`)."""
    return [word for word, _, _ in word_spans(text)]


def lexical_negatives(keys: list[str], lang: str) -> frozenset[str]:
    """The lexical negatives among lowercased lemmas or words (prefix match for inflection)."""
    lexicon = LEXICAL_NEGATIVES.get(lang, frozenset())
    return frozenset(
        lex for k in keys for lex in lexicon if k == lex or len(lex) >= 5 and k.startswith(lex)
    )
