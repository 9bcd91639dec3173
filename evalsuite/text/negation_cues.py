"""Negation cues per language, and words that negate by meaning rather than by grammar.

A cue is a word that makes its clause negative ("not", "ne ... jamais", "kein", "никогда").
Some cue + next-word pairs are no negation of the clause ("not only", "no more than",
"ne ... que") and are skipped. Lexical negatives ("refuse", "unable", "failed") carry polarity
in the verb itself: the checks never count them as cues, but a clause pair whose lexical
negatives differ is a paraphrase the checks cannot judge, so they stay silent there.

`negation_marks(text, lang)` gives both kinds, with their offsets, for every language the
checks read: the word tables here (en, fr, de, es, it, pt, ru, uk, pl, hi, and cs with its
ne- verbs from `text.negation_cs`), and analysers of their own for Chinese (`negation_zh`)
and Japanese (`negation_ja`), where negation is a morpheme, not a word.

Sources of the new tables: Polish, Swan, *Polish: A Comprehensive Grammar*, 2002 (negation
with the separate particle "nie", negative pronouns with concord, "nie tylko"); Hindi, Kachru,
*Hindi*, 2006, ch. 10 (नहीं for statements, न in subjunctives and "neither ... nor", मत in
commands, बिना "without", न केवल "not only", नहीं तो "otherwise"); Czech, see `negation_cs`.
UD treebanks of these languages mark the same words Polarity=Neg or PronType=Neg.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from evalsuite.text import negation_cs
from evalsuite.text.memo_sizes import WORD_MEMO

__all__ = [
    "CUES",
    "LEXICAL_NEGATIVES",
    "NEGATION_LANGS",
    "NOT_NEGATING",
    "Mark",
    "cue_positions",
    "lexical_negatives",
    "negation_marks",
    "polarity_known",
    "split_words",
    "word_spans",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CUES: dict[str, frozenset[str]] = {
    "en": _words(
        "not n't never no none nobody nothing neither nor nowhere without cannot "
        "dont doesnt didnt cant wont isnt arent wasnt werent couldnt wouldnt shouldnt havent "
        "hasnt hadnt mustnt neednt aint nah nope"
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
    "ru": _words("не ни нет никогда ничего ничто никто нигде никак без нельзя"),
    "uk": _words("не ні немає ніколи нічого ніщо ніхто ніде без"),
    "pl": _words(
        "nie nigdy nic niczego niczym niczemu nikt nikogo nikomu nikim nigdzie donikąd "
        "żaden żadna żadne żadnego żadnej żadnemu żadnym żadnych żadnymi żadną ani bez"
    ),
    "cs": _words(
        "ne nikdy nic ničeho ničemu ničím nikdo nikoho nikomu nikom nikým nikde nikam nijak "
        "nikoli nikoliv žádný žádná žádné žádného žádnému žádném žádným žádných žádnými "
        "žádnou ani bez"
    ),
    "hi": _words("नहीं नहीँ न ना मत बिना"),
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
    "pl": _words("tylko jedynie tyle więcej mniej wcześniej później"),
    "cs": _words("jen jenom pouze více méně dříve později"),
    "hi": _words("केवल सिर्फ़ सिर्फ तो कि"),
}

LEXICAL_NEGATIVES: dict[str, frozenset[str]] = {
    "en": _words(
        "fail unable refuse deny reject decline lack prevent ban prohibit forbid avoid stop "
        "cease halt block neglect miss impossible unlikely absent hardly barely rarely seldom "
        "little few instead dismiss oppose against abandon yet disagree rather"
    ),
    # Stems where a verb inflects, so that the words of a text match too; downtoners
    # ("wenig", "peu", "мало": "little") and words of "lack" count as well.
    "fr": _words(
        "refuser refus refusé échou incapable impossib empêch interdi évite éviter rejet rejeté "
        "nier nié manque manqu cesser cessé arrêt renonc oppos contre peu rarement"
    ),
    "de": _words(
        "ablehnen abgelehnt lehnte lehnt verweiger scheiter gescheitert unmöglich verhinder "
        "verbiet verbot vermeid bestreit bestritt verzicht wenig kaum selten mangel fehlt "
        "fehlen"
    ),
    "es": _words(
        "negar negó niega negaron rechaz fracas impid imped prohib evitar evitó evita imposib "
        "incapa contra poco apenas raramente"
    ),
    "it": _words(
        "negare negato negò rifiut fallir fallit impedi vietat vietare evitare evitato evita "
        "impossib incapac contro poco appena raramente"
    ),
    "pt": _words(
        "negar negou recus falhar falhou impedi proib evitar evitou impossív incapa contra "
        "pouco raramente"
    ),
    "ru": _words(
        "отказ отказался отказалась отказались запрет запретил невозможно против мало едва "
        "редко лишь"
    ),
    "uk": _words("відмов заборон неможливо проти мало ледве рідко"),
    "pl": _words(
        "odmów odmaw odmawia zaprzecz zakaz zabroni zapobie uniknąć unika brak brakuj zabrak "
        "przesta przeciw niemożliw nieudan niezdoln mało ledwo rzadko"
    ),
    "cs": _words(
        "odmít odmítl odmítnout popřel popír zakáz zakaz zabrán vyhnul vyhnout vyhýb chybí "
        "chyběl selhal selhá přestal přestat proti nemožn málo sotva zřídka"
    ),
    "hi": _words("इनकार इंकार मना रोक असफल विफल असंभव नामुमकिन विरोध खिलाफ़ खिलाफ प्रतिबंध अभाव कम शायद"),
}

# Cue + word pairs that are no negation of the clause in any sense ("n'importe où" is
# "anywhere", "never mind" an interjection), as opposed to the restrictions above, which
# negate a comparison ("no more difficult than"): those are marked lexical.
IDIOMS: dict[str, frozenset[str]] = {
    "en": _words("mind"),
    "fr": _words("importe"),
}
_COMPARATIVES = _words(
    "more less fewer mehr weniger plus moins más menos più meno mais более менее больше меньше "
    "більше менше więcej mniej více méně"
)
# French "ne" needs a partner to negate; alone it is literary or expletive ("avant qu'il ne
# parte"): marked lexical.
_FRENCH_PARTNERS = _words(
    "pas jamais rien aucun aucune guère nullement plus personne point ni nul nulle"
)

# Letters with the combining signs Indic scripts write words with ("नहीं"); "n't" apart.
_LETTER = r"[\w\u0900-\u0963\u0966-\u097f\u0300-\u036f]"  # not the danda (।)
_TOKEN = re.compile(rf"{_LETTER}+?(?=n['’]t\b)|n['’]t\b|{_LETTER}+['’]?")


def cue_positions(words: list[str], lang: str) -> list[int]:
    """Indices of the negation cues among lowercased `words` of one language."""
    cues = CUES.get(lang, CUES["en"])
    skip = NOT_NEGATING.get(lang, frozenset())
    found = []
    for i, word in enumerate(words):
        if word not in cues and not (lang == "cs" and negation_cs.negated_word(word) == "cue"):
            continue
        following = words[i + 1 : i + 3] if lang == "fr" else words[i + 1 : i + 2]
        if lang == "en" and _negated_comparison(words, i):
            found.append(i)
            continue
        if (
            any(w in skip for w in following)
            or words[i + 1 : i + 2]
            and words[i + 1] in IDIOMS.get(lang, ())
        ):
            continue
        found.append(i)
    if lang == "fr":
        found = _french(words, found)
    return found


_ENGLISH_COMPARATIVES = _words("more less fewer")


def _negated_comparison(words: list[str], i: int) -> bool:
    """English "no more difficult", "not less important", "no more wars": a comparison or an
    amount denied, which is a negation; "no more than 5", "no less than" and a comparative at
    the end ("any more") restrict or emphasise a quantity and stay no cue."""
    after = words[i + 2 : i + 3]
    return (
        words[i + 1 : i + 2] != []
        and words[i + 1] in _ENGLISH_COMPARATIVES
        and after != []
        and after[0] != "than"
        and not after[0][:1].isdigit()
    )


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


NEGATION_LANGS = frozenset(CUES) | {"zh", "ja"}
"""Languages whose negation the checks read."""


@dataclass(frozen=True)
class Mark:
    """A negation cue ('cue') or a word whose polarity is lexical ('lexical': "refused",
    "impossible", a rhetorical "isn't it", a Chinese 不满 or Czech nebezpečný)."""

    start: int
    end: int
    text: str
    kind: str


@lru_cache(maxsize=8192)
def negation_marks(text: str, lang: str) -> tuple[Mark, ...]:
    """The negation cues and lexical negatives of `text` in `lang`, in order."""
    if lang in ("zh", "ja"):
        return _segmented_marks(text, lang)
    spans = word_spans(text)
    words = [w for w, _, _ in spans]
    cues = set(cue_positions(words, lang))
    lexicon = LEXICAL_NEGATIVES.get(lang, frozenset())
    all_cues = CUES.get(lang, frozenset())
    marks = []
    for i, (word, start, end) in enumerate(spans):
        here = text[start:end]
        if i in cues:
            lone = lang == "fr" and _lone_ne(words, i)
            kind = "lexical" if lone or lang == "en" and _asks(text, words, i, end) else "cue"
            marks.append(Mark(start, end, here, kind))
        elif word in all_cues and words[i + 1 : i + 2] and words[i + 1] in _COMPARATIVES:
            marks.append(Mark(start, end, here, "lexical"))  # "no more difficult than"
        elif (
            _lexical(word, lexicon, lang)
            or lang == "cs"
            and negation_cs.negated_word(word) == "lexical"
            or lang == "en"
            and word in _ENGLISH_AFFIXES
            and text[end : end + 1] == "-"
        ):
            marks.append(Mark(start, end, here, "lexical"))
        elif lang == "en" and english_prefixed(word):
            marks.append(Mark(start, end, here, "lexical"))  # "unclear", "disagree"
    return tuple(marks)


_CJK = r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"
_CJK_GAP = re.compile(rf"(?<={_CJK})\s+(?={_CJK})")


def _segmented_marks(text: str, lang: str) -> tuple[Mark, ...]:
    """Chinese or Japanese marks; text that a tokenizer spaced ("し な い", as some MT
    corpora ship it) is joined first, and offsets mapped back."""
    kept: list[int] = []
    pieces = []
    cursor = 0
    for gap in _CJK_GAP.finditer(text):
        pieces.append(text[cursor : gap.start()])
        kept.extend(range(cursor, gap.start()))
        cursor = gap.end()
    pieces.append(text[cursor:])
    kept.extend(range(cursor, len(text)))
    joined = "".join(pieces)
    if lang == "zh":
        from evalsuite.text.negation_zh import chinese_marks as analyse
    else:
        from evalsuite.text.negation_ja import japanese_marks as analyse
    marks = []
    for start, end, _, kind in analyse(joined):
        if start >= len(kept) or end <= start:
            continue
        begin, finish = kept[start], kept[end - 1] + 1
        marks.append(Mark(begin, finish, text[begin:finish], kind))
    return tuple(marks)


_ENGLISH_AFFIXES = _words("un non dis")  # "un-done", "non-violent"
_PRONOUNS = _words("i you he she it we they there that this")
_QUESTION_WORDS = _words("why how")


def _asks(text: str, words: list[str], i: int, end: int) -> bool:
    """An English negative question ("..., don't you?", "Can't you see?", "Wasnt he ...?") or
    suggestion ("why don't you ...", "why not"): a negative form with no negative meaning."""
    contracted = words[i] == "n't" or words[i].endswith("nt") and words[i] != "nt"
    if contracted and words[i + 1 : i + 2] and words[i + 1] in _PRONOUNS:
        rest = text[end:]
        stop = re.search(r"[.!?]", rest)
        if stop is not None and stop.group() == "?":
            return True
    return any(w in _QUESTION_WORDS for w in words[max(0, i - 3) : i])


_EN_ENDINGS = ("s", "es", "ed", "d", "ing", "ped", "ted", "ned", "red", "ly")


def _lexical(word: str, lexicon: frozenset[str], lang: str) -> bool:
    """Whether `word` is one of the lexical negatives (as a prefix for stems of five letters
    or more; English words with their inflection: "stopped", "refuses", "fails")."""
    if word in lexicon:
        return True
    exact, prefixes, lengths = _lexicon_index(lexicon)
    if any(word[:n] in prefixes for n in lengths if len(word) > n):
        return True
    if lang != "en":
        return False
    return any(word.endswith(e) and word[: len(word) - len(e)] in exact for e in _EN_ENDINGS)


@lru_cache(maxsize=64)
def _lexicon_index(
    lexicon: frozenset[str],
) -> tuple[frozenset[str], frozenset[str], tuple[int, ...]]:
    prefixes = frozenset(lex for lex in lexicon if len(lex) >= 5)
    return lexicon, prefixes, tuple(sorted({len(p) for p in prefixes}))


def _lone_ne(words: list[str], i: int) -> bool:
    return words[i] in ("ne", "n'") and not any(w in _FRENCH_PARTNERS for w in words[i + 1 : i + 6])


_ENGLISH_PREFIXES = (
    # (affix, parts of speech both the word and its rest must share, shortest rest)
    ("un", ("adj", "adv", "verb", "noun"), 4),
    ("non", ("adj", "adv", "noun"), 4),
    ("dis", ("adj", "adv", "verb"), 4),
    ("in", ("adj", "adv"), 5),
    ("im", ("adj", "adv"), 5),
    ("ir", ("adj", "adv"), 5),
    ("il", ("adj", "adv"), 5),
    ("a", ("adj",), 7),
)
_INFLECTION = ("", "s", "es", "ed", "d", "ing", "ly", "ally")


@lru_cache(maxsize=WORD_MEMO)
def english_prefixed(word: str) -> bool:
    """An English word with a negating affix on a word of its own ("unclear", "disagreed",
    "nonviolently", "asymptomatic", "homeless"): the word and its rest are both in the base-form
    lists (WordNet's, per part of speech) of the installed English spaCy model's lemmatizer,
    as the same part of speech ("independent"/"dependent", not "information"/"formation").
    False without a model."""
    lemmas = _english_lemmas()
    if not lemmas or len(word) < 6:
        return False
    bases = [word[: len(word) - len(end)] for end in _INFLECTION if word.endswith(end)]
    for base in bases:
        for affix, tags, shortest in _ENGLISH_PREFIXES:
            rest = base[len(affix) :]
            if (
                base.startswith(affix)
                and len(rest) >= shortest
                and any(base in lemmas[t] and rest.lstrip("-") in lemmas[t] for t in tags)
            ):
                return True
        if base.endswith("less") and base in lemmas["adj"] and base[:-4] in lemmas["noun"]:
            return len(base) >= 7
    return False


@lru_cache(maxsize=1)
def _english_lemmas() -> dict[str, frozenset[str]]:
    from evalsuite.text.nlp import load_pipeline

    empty: dict[str, frozenset[str]] = {}
    nlp = load_pipeline("en")
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return empty
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return empty
    table = lookups.get_table("lemma_index")
    return {pos: frozenset(table.get(pos) or ()) for pos in ("noun", "verb", "adj", "adv")}


def polarity_known(lang: str) -> bool:
    """Whether a text in `lang` with no cue found can be taken to be positive (Czech needs
    its dictionary for that: see `negation_cs`)."""
    if lang == "cs":
        return negation_cs.polarity_known()
    return lang in NEGATION_LANGS
