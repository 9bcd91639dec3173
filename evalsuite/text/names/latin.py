"""Names in Latin-script languages without an NER model here (German, Spanish, French,
Italian, Czech, Polish, ...): runs of capitalised words.

Capitals mark names in most of these languages, but not in three places, which decide
strength: a sentence's first word (a name only when the lexicon does not know it), a word the
lexicon translates (in German every noun is capitalised, so a known word is an ordinary noun
unless the place table names it; elsewhere a known capitalised word mid-sentence, "Senat",
"Rewolucji", is a weak name: evidence, never reported missing), and function words at a
run's edge ("Der", "La"). Acronyms ("PZPN", the "WM" of "WM-Rekordtorschütze") are names.
"""

from __future__ import annotations

import re

from evalsuite.align.keys import lexeme_key
from evalsuite.text.census_names import is_given_name, is_personal_name
from evalsuite.text.names import Name, NamePart
from evalsuite.text.names.common import is_place, known, place_of, sentence_initial, stop_word
from evalsuite.text.names.dictionary import (
    german_compound,
    lowercase_form,
    name_lemmas,
    ordinary_word,
)
from evalsuite.text.normalize import fold
from evalsuite.text.phonetic import latin_form

__all__ = ["find"]


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NOUN_CAPITALISING = frozenset({"de", "lb"})
# German words before a noun: a capitalised word after one is a common noun ("die Seite").
_DETERMINERS_DE = _word_set(
    "der die das den dem des ein eine einer eines einem einen kein keine keiner keines keinem "
    "keinen mein meine meiner meines meinem meinen dein deine sein seine seiner seines seinem "
    "seinen ihr ihre ihrer ihres ihrem ihren unser unsere euer eure dieser diese dieses diesem "
    "diesen jener jene jenes jeder jede jedes jedem jeden welcher welche welches manche viele "
    "alle beide einige mehrere wenige"
)
_CONNECTORS = _word_set(
    "of de du des da di del della dei von van zu der den la le los las al bin ibn dos das y"
)
_MIN_LONE = 2
_MAX_CONNECTORS = 2
"""Function words in a row inside a name ("de la")."""
_CONJUNCTIONS = frozenset({"y"})
"""A connector that joins two names, never the first of two function words in a row."""
_MIN_SURNAME = 4
_KNOWN_CAPITALS_ARE_NAMES = True
_INFLECTED = 3
"""Letters Snowball strips from a sentence's first word that make it an inflected word."""
_DICTIONARY_FORMS = frozenset({"cs", "pl", "de"})
"""Languages whose bilingual lexicon misses many inflected forms: there a capitalised word the
Hunspell dictionary derives only from lowercase words ("Spojených" <- spojený) is no name on
its own even when the lexicon lacks it."""
# Definite articles and article contractions: in Spanish, French and Italian a capitalised
# ordinary word after one is an institution ("del Gobierno", "l'Assemblée"), which
# translations render freely ("presidente del Gobierno" / "Prime Minister"); a place that is
# also a word goes without one ("como Paro").
_ARTICLES = {
    "es": _word_set("el la los las del al"),
    "fr": _word_set("le la les du des au aux"),
    "it": _word_set(
        "il lo la i gli le del dello della dei degli delle al allo alla ai agli alle nel "
        "nello nella nei negli nelle"
    ),
}
_ELIDED_ARTICLE = re.compile(r"(?:^|\W)(?:l|dell|all|nell|dall|sull)['’]$", re.I)

# Elided articles and prepositions before a vowel (French, Italian, Catalan): "l'", "dell'".
_ELISION = re.compile(r"^(?:[A-Za-z]|[a-z]{2,5})['’](?=[^\W\d_])")


def _connectors(lang: str) -> frozenset[str]:
    """Lowercase words inside names; German articles open nouns instead ("Größe des Artikels")."""
    return _CONNECTORS - _DETERMINERS_DE if lang in _NOUN_CAPITALISING else _CONNECTORS


def _is_acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and word.isupper()


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or (len(word) > 1 and any(ch.isupper() for ch in word[1:]))


def _gap_joins(text: str, end: int, start: int) -> bool:
    """Only spaces between two words of one name (not a line break, a comma, a hyphen: the
    "WM" of "WM-Rekordtorschütze" is a name on its own)."""
    gap = text[end:start]
    return gap != "" and gap.strip() == "" and "\n" not in gap


class _Word:
    """A word of the text (an elided article cut off: "l'ISL" -> "ISL")."""

    def __init__(self, text: str, start: int) -> None:
        self.text, self.start_at = text, start

    def group(self) -> str:
        return self.text

    def start(self) -> int:
        return self.start_at

    def end(self) -> int:
        return self.start_at + len(self.text)


def _words(text: str) -> list[_Word]:
    words = []
    for match in _WORD.finditer(text):
        word, start = match.group(), match.start()
        elided = _ELISION.match(word)
        if elided:
            word, start = word[elided.end() :], start + elided.end()
        words.append(_Word(word, start))
    return words


def find(text: str, lang: str) -> list[Name]:
    words = _words(text)
    names: list[Name] = []
    run: list[_Word] = []
    for i, word in enumerate([*words, None]):
        if word is not None and _capitalised(word.group()):
            if run and not (
                _gap_joins(text, run[-1].end(), word.start()) or _doubled_pair(text, run[-1], word)
            ):
                names.extend(_run_names(text, run, lang))
                run = []
            run.append(word)
            continue
        if (
            word is not None
            and run
            and word.group() in _connectors(lang)
            and _gap_joins(text, run[-1].end(), word.start())
            and _chain_reaches_capital(text, words, i, lang)
        ):
            run.append(word)
            continue
        if run:
            names.extend(_run_names(text, run, lang))
            run = []
    return names


_DOUBLED = re.compile(r"([A-Z])\1")
_DOTTED_GAP = re.compile(r"\. ?")


def _doubled_pair(text: str, first: _Word, second: _Word) -> bool:
    """Two acronyms of a doubled letter joined by a full stop: the Spanish plural
    abbreviation "EE. UU." (Estados Unidos) or "EE.UU.", one name."""
    return (
        _DOUBLED.fullmatch(first.group()) is not None
        and _DOUBLED.fullmatch(second.group()) is not None
        and _DOTTED_GAP.fullmatch(text[first.end() : second.start()]) is not None
    )


def _chain_reaches_capital(text: str, words: list[_Word], i: int, lang: str) -> bool:
    """Whether the connector `words[i]` and at most one more ("de la", "de los") lead, with
    only spaces between, to a capitalised word: "Organización Mundial de la Salud" and
    "Congreso de los Diputados" are one name each, not two."""
    for j in range(i + 1, min(i + _MAX_CONNECTORS + 1, len(words))):
        if not _gap_joins(text, words[j - 1].end(), words[j].start()):
            return False
        if _capitalised(words[j].group()):
            return j == i + 1 or not _is_acronym(words[j].group())  # not "Kislov de la ONG"
        if words[j].group() not in _connectors(lang) or words[i].group() in _CONJUNCTIONS:
            return False  # "Reino Unido y la Ciudad de México" are two names
    return False


def _common_noun(text: str, word: _Word, position: int) -> bool:
    """In German: the noun of a compound ("K.o.-Runde", "Top-Musiker"), or a word that a
    determiner opens ("die Seite", "einer Katagorie"), unless an acronym or a place."""
    if _is_acronym(word.group()) or is_place(word.group(), "de"):
        return False
    if text[word.start() - 1 : word.start()] == "-":
        return True
    if position:
        return False
    end = word.start()
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start < end < word.start() and text[start:end].casefold() in _DETERMINERS_DE


def _after_article(text: str, word: _Word, lang: str) -> bool:
    """Whether a definite article of `lang` (Spanish, French, Italian) comes right before."""
    articles = _ARTICLES.get(lang)
    if articles is None:
        return False
    before = text[: word.start()]
    if _ELIDED_ARTICLE.search(before):
        return True
    previous = before.rstrip().rsplit(None, 1)
    return before != before.rstrip() and bool(previous) and previous[-1].casefold() in articles


def _strength(
    word: _Word, lang: str, initial: bool, *, lone: bool, articled: bool = False
) -> str | None:
    """'strong', 'weak' or None (not part of a name) for one capitalised word."""
    token = word.group()
    if _is_acronym(token):
        return "strong"
    if stop_word(token, lang) or len(token) < _MIN_LONE:
        return None
    if is_place(token, lang):
        return "strong"
    # The Hunspell dictionary has it only as a lowercase word, never as a name.
    ordinary = ordinary_word(token, lang)
    # A German compound of dictionary words ("Tierwohl": Tier + wohl), or a noun that is also
    # a form of a lowercase word ("Runden": runden), is a noun.
    noun = lang in _NOUN_CAPITALISING and (german_compound(token) or lowercase_form(token, lang))
    if not known(token, lang) and not noun:
        if ordinary and lang in _DICTIONARY_FORMS and (initial or lone):
            return None if initial else "weak"
        if ordinary and lone and articled and not initial:
            return "weak"
        if initial and (lone or len(token) - len(lexeme_key(token, lang)) >= _INFLECTED):
            # A sentence's first word alone, or inflected ("Prenotando", "Abych"), is a word
            # the lexicon lacks as often as a name.
            return "weak"
        return "strong"
    if lang in _NOUN_CAPITALISING and not initial and lone and _surname_noun(token):
        return "strong"
    if initial or lang in _NOUN_CAPITALISING:
        return None
    if ordinary and lone and (lang in _DICTIONARY_FORMS or articled):
        return "weak"  # lexicon and dictionary agree: an ordinary word with a capital
    return "strong" if _KNOWN_CAPITALS_ARE_NAMES else "weak"


def _surname_noun(word: str) -> bool:
    """A German noun that is also a common surname of the 1990 US Census lists (many are
    German: "Zimmermann", "Koch", "Bauer"), standing alone mid-sentence with no determiner
    (checked before): a person more often than the trade. Found through the lexicon's
    translation too ("carpenter"), so only a name both lost and untranslated is missing."""
    key = fold(word)
    return len(key) >= _MIN_SURNAME and is_personal_name(key) and not is_given_name(key)


def _run_names(text: str, run: list[_Word], lang: str) -> list[Name]:
    """The names of one run of capitalised words: trimmed of function words and of words
    that are not names at its edges; a run with a strong word is strong."""
    grades: list[str | None] = []
    for k, word in enumerate(run):
        if word.group() in _connectors(lang):
            grades.append("connector")
            continue
        initial = k == 0 and sentence_initial(text, word.start())
        if lang in _NOUN_CAPITALISING and _common_noun(text, word, k):
            grades.append(None)
            continue
        lone = len(run) == 1
        articled = lone and _after_article(text, word, lang)
        grades.append(_strength(word, lang, initial, lone=lone, articled=articled))
    words = [w.group() for w, g in zip(run, grades, strict=True) if g != "connector"]
    if len(words) > 1 and place_of(" ".join(words), lang):
        grades = ["strong" if g != "connector" else g for g in grades]  # "Stati Uniti"
    # The other words of a run with a strong word are part of the name ("Real Madrid"),
    # but not function words or a sentence's first word at its edges, and in German not a
    # noun a particle keeps apart ("Bürgermeister von München" names München).
    if "strong" in grades:
        for k, word in enumerate(run):
            if grades[k] is None and not stop_word(word.group(), lang):
                edge_initial = k == 0 and sentence_initial(text, word.start())
                apart = lang in _NOUN_CAPITALISING and not _next_to_strong(grades, k)
                grades[k] = None if edge_initial or apart else "weak"
    names: list[Name] = []
    current: list[int] = []
    for k, grade in enumerate([*grades, None]):
        if grade in ("strong", "weak") or (grade == "connector" and current):
            current.append(k)
            continue
        names.extend(_name(text, run, grades, current, lang))
        current = []
    return names


def _next_to_strong(grades: list[str | None], k: int) -> bool:
    return any(0 <= j < len(grades) and grades[j] == "strong" for j in (k - 1, k + 1))


def _name(
    text: str, run: list[_Word], grades: list[str | None], members: list[int], lang: str
) -> list[Name]:
    while members and grades[members[-1]] == "connector":
        members = members[:-1]
    if not members:
        return []
    words = [run[k] for k in members if grades[k] != "connector"]
    start, end = run[members[0]].start(), run[members[-1]].end()
    parts = tuple(
        NamePart(w.group(), w.start(), w.end(), _latin_forms(w.group(), lang), grades[k] == "weak")
        for k, w in zip(members, [run[k] for k in members], strict=True)
        if grades[k] != "connector"
    )
    strong = any(grades[k] == "strong" for k in members)
    label = "ACRONYM" if len(words) == 1 and _is_acronym(words[0].group()) else "MISC"
    return [Name(text[start:end], start, end, label, "capitalised", strong, parts)]


def _latin_forms(word: str, lang: str) -> tuple[str, ...]:
    """The word's Latin form, then those of the names the dictionary has it as a form of
    ("Krakowie" -> krakowie, krakow)."""
    forms = [latin_form(word), *(latin_form(lemma) for lemma in sorted(name_lemmas(word, lang)))]
    return tuple(dict.fromkeys(forms))
