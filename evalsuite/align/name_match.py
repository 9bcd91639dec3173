"""Find a name of one text in a text of another language: its counterpart, how it was found,
and the word links that show it.

A word of a name is found in the other text, strongest evidence first, as
- `same`: the same word once folded or transliterated, or a declined or derived form of it
  ("Portugals" / "Portugal's", "Зеленского" / "Zelensky", "americani" / "American"): a shared
  stem of five letters or more (four where names are declined) and endings of up to three;
- `lexicon`: a translation the bilingual lexicon gives ("Ministerstwo Finansów" word by word;
  an acronym through the initials of its translation, "BIP" / "GDP"), or an English word of
  the dictionary entry of a proper noun (CC-CEDICT: "阿荣旗" / "Arun banner");
- `acronym`: an acronym with the same letters in another order ("ADN" / "DNA");
- `alias`: another name of the same place in the alias table (exonyms, endonyms and demonyms
  from CLDR, countryinfo and GeoNames: "Niemcy" / "Germany", "美国" / "U.S.");
- `transliteration`: the same consonant classes once both are in Latin letters
  (`evalsuite.text.phonetic`: "Техасе" / "Texas", "トランプ" / "Trump", "जर्मनी" / "Germany"; a
  katakana word also by the shape katakana gives an English word, `evalsuite.text.loanwords`:
  "ボガー" / "booger"),
  against the other side's names and capitalised words (and, in Chinese and Japanese, the
  readings of its words, one to three at a time);
- weakly, `abbreviation` (a country's one-character short form in Chinese or Japanese: "美"
  of "中美" / "U.S."), `character` (a word's one-character translation: "Blacks" / "黑" of
  "全黑队"), `prefix` (a shared beginning of four letters or more: "britannica" /
  "British") or `sound` (one sound key inside the other: "斯滕堡" / "Rustenburg").

A name is found (strongly) when its distinctive words are: a person's surname, any word the
lexicon does not know of another name, or, for a name made only of known words (an
institution), half of them. A weak match makes a name a variant at most, never missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from evalsuite.align.aligner import translations
from evalsuite.align.keys import english_key, is_stop_word, lexeme_key
from evalsuite.align.words import WORD
from evalsuite.text import place_aliases
from evalsuite.text.census_names import is_personal_name
from evalsuite.text.loanwords import renders_english
from evalsuite.text.memo_sizes import WORD_MEMO
from evalsuite.text.names import Name, NamePart
from evalsuite.text.names.common import DECLINING, compact, known, place_of
from evalsuite.text.names.hindi import LETTER_NAMES_HI
from evalsuite.text.nlp import dominant_script
from evalsuite.text.normalize import fold, jaro_winkler
from evalsuite.text.phonetic import (
    first_class,
    latin_form,
    phonetic_key,
    sounds_alike,
    sounds_close,
)

__all__ = ["Counterpart", "Side", "counterpart", "side"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_UNSEGMENTED = frozenset({"zh", "ja"})
_COMPOUNDING = frozenset({"de", "nl", "sv", "da", "no", "nb"})
_MIN_SAME = 2
_MIN_STEM = 5
_MIN_PLURAL = 3
_MIN_DERIVED_BASE = 3
_MIN_STEM_DECLINING = 4
_MAX_ENDING = 3
_MIN_PREFIX = 4
_SHORT_KEY_JW = 0.7
_SHORT_FORM_JW = 0.75
_MIN_SHORT_FORM = 3
_MIN_RESPELLED = 4
_RESPELLED_JW = 0.88
_MIN_RESOUNDED = 6
_RESOUNDED_JW = 0.8
_READING_JW = 0.9
_MAX_JOIN = 3
_MAX_SPAN = 80
_MAX_ABBREVIATION = 4
_MIN_CJK_STEM = 2
_PERSON = frozenset({"PERSON", "PER"})
_CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_KATAKANA_WORD = re.compile(r"[\u30a0-\u30ff]+")
"""A word wholly in katakana: a loanword may render a lowercase English word ("グース")."""
_DOTTED_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")
# English words that name a kind of thing inside a name ("Supreme Court", "Tver Region"):
# they translate word for word and prove little on their own.
_GENERIC = _words(
    "city town village river lake mountain mount island islands province county state states "
    "region district prefecture municipality street road bridge airport station stadium park "
    "university college school hospital museum company group party church council government "
    "court police club league association federation union ministry department office "
    "agency committee bureau institute national international republic democratic people "
    "peoples federal royal central north south east west northern southern eastern western "
    "new great united saint st the of and for"
)
_STRONG_HOW = frozenset({"same", "lexicon", "acronym", "alias", "transliteration"})
_ACRONYM_SKIP = _words("of the and for in on at to a an")


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int
    folded: str
    latin: str
    key: str
    cased: bool
    """Written in a script with capitals and capitalised, or in a script without capitals."""


@dataclass(frozen=True)
class Side:
    """The text a name is looked for in: its words, their readings (Chinese and Japanese), and
    its own names."""

    text: str
    lang: str
    tokens: tuple[_Token, ...]
    readings: tuple[_Token, ...]
    names: tuple[Name, ...]
    compact: str = ""
    """Chinese and Japanese text without spaces between characters, for lexicon look-ups."""


@dataclass(frozen=True)
class Counterpart:
    """Where a name was found in the other text, how, and the word links that show it.
    `start` is -1 where the counterpart has no span of its own (a lexicon substring)."""

    start: int
    end: int
    text: str
    how: str
    strong: bool
    links: tuple[tuple[str, str, str], ...]


def side(text: str, lang: str, names: tuple[Name, ...]) -> Side:
    """Prepare a text for name lookups (tokens with folded, Latin and lexicon forms)."""
    return _side(text, lang, names)


def _cased(word: str) -> bool:
    first = word[:1]
    return first.isupper() or not first.islower()


@lru_cache(maxsize=512)
def _side(text: str, lang: str, names: tuple[Name, ...]) -> Side:
    tokens = []
    for match in WORD.finditer(text):
        word = match.group()
        if word[:1].isdigit() or (lang in _UNSEGMENTED and not word.isascii()):
            continue  # Chinese and Japanese words: their readings and lexicon substrings
        pieces = [(word, match.start())]
        if "-" in word:  # "russian-soviet": each part may be a name's counterpart
            offset = match.start()
            for piece in word.split("-"):
                if piece and len(piece) < len(word):
                    pieces.append((piece, offset))
                offset += len(piece) + 1
        for piece, start in pieces:
            tokens.append(
                _Token(
                    piece, start, start + len(piece), fold(piece),
                    latin_form(piece).replace(" ", ""), lexeme_key(piece, lang), _cased(piece),
                )
            )  # fmt: skip
    for match in _DOTTED_INITIALS.finditer(text):  # "M.L." as the acronym "ML"
        initials = match.group().rstrip(".")
        joined = initials.replace(".", "")
        tokens.append(
            _Token(
                initials, match.start(), match.start() + len(initials), joined.casefold(),
                joined.casefold(), lexeme_key(joined, lang), True,
            )
        )  # fmt: skip
    compacted = compact(text)[0] if lang in _UNSEGMENTED else ""
    return Side(text, lang, tuple(tokens), _readings(text, lang), names, compacted)


def _readings(text: str, lang: str) -> tuple[_Token, ...]:
    """Chinese words in pinyin, Japanese words in romaji, with their spans in `text`."""
    if lang not in _UNSEGMENTED:
        return ()
    compacted, offsets = compact(text)
    if lang == "zh":
        import jieba

        jieba.setLogLevel(60)
        pieces = [(w, s, e, latin_form(w)) for w, s, e in jieba.tokenize(compacted)]
    else:
        from evalsuite.text.names.japanese import reading, tokens

        pieces = [(w, s, e, reading(w, f)) for w, s, e, f in tokens(compacted)]
    out = []
    for word, start, end, latin in pieces:
        if latin and not word.isascii():
            begin, stop = offsets[start], offsets[end - 1] + 1
            out.append(
                _Token(
                    text[begin:stop], begin, stop, fold(word), latin.replace(" ", ""), word, True
                )
            )
    return tuple(out)


# --- one word ------------------------------------------------------------------------------


def _common_prefix(a: str, b: str) -> int:
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common


def _same_word(a: str, b: str, langs: tuple[str, str]) -> bool:
    """Two folded words that are one word, perhaps with different endings."""
    if a == b:
        return len(a) >= _MIN_SAME
    if len(a) >= _MIN_PLURAL and len(b) >= _MIN_PLURAL and (a == b + "s" or b == a + "s"):
        return True  # "PoVs" / "PoV"
    declining = bool(DECLINING & set(langs))
    minimum = _MIN_STEM_DECLINING if declining else _MIN_STEM
    common = _common_prefix(a, b)
    if declining and common >= _MIN_PLURAL and common == min(len(a), len(b)):
        longer = a if len(a) > len(b) else b
        if longer[common:] in _CASE_ENDINGS:
            return True  # a short name declined: "Fox" / "Foxem", "Kia" / "Kii"
    return common >= minimum and len(a) - common <= _MAX_ENDING and len(b) - common <= _MAX_ENDING


def _trimmed_forms(latin: str, lang: str) -> list[str]:
    """A Latin form and, in a declining language, the form less its last one to three letters."""
    forms = [latin]
    if lang in DECLINING:
        forms.extend(latin[:-cut] for cut in (1, 2, 3) if len(latin) - cut >= _MIN_STEM_DECLINING)
    return forms


def _transliterates(forms: list[str], other: str, *, strict: bool = False) -> bool:
    for form in forms:
        if not form or not other:
            continue
        if strict:
            if jaro_winkler(form, other) >= _READING_JW or (
                len(phonetic_key(form)) >= 3 and sounds_alike(form, other)
            ):
                return True
            if (
                sounds_alike(form, other)
                and first_class(form) == first_class(other)
                and jaro_winkler(form, other) >= _SHORT_FORM_JW
            ):
                return True  # "Chavo" / "chabo"
            continue
        if sounds_alike(form, other):
            if len(phonetic_key(form)) >= 3 or first_class(form) == first_class(other):
                return True
            if jaro_winkler(form, other) >= _SHORT_KEY_JW:
                return True
        elif (
            len(phonetic_key(form)) < 2
            and min(len(form), len(other)) >= _MIN_SHORT_FORM
            and first_class(form) == first_class(other)
            and jaro_winkler(_loose(form), _loose(other)) >= _SHORT_FORM_JW
        ):
            return True  # vowels and glides only: "Yahoo" / "yahu", "Arora" / "aluola"
    return False


def _close_reading(forms: list[str], other: str) -> bool:
    """A reading close to a Latin form: by spelling, or by the same whole sound key of three
    classes or more and the same first sound."""
    for form in forms:
        if not form or not other:
            continue
        if jaro_winkler(form, other) >= _READING_JW:
            return True
        key = phonetic_key(form)
        if len(key) >= 3 and key == phonetic_key(other) and first_class(form) == first_class(other):
            return True
    return False


def _is_latin(text: str) -> bool:
    return dominant_script(text) in ("latin", "none")


def _respelled(forms: list[str], other: str, *, same_letter: bool = False) -> bool:
    """A respelling of a Latin name: the same first sound (the same first letter when
    `same_letter`, for an ordinary word: "Twitter" / "tweeted") and a close spelling, or the
    same consonant classes ("Selenskyj" / "Zelensky")."""
    for form in forms:
        if len(form) < _MIN_RESPELLED or len(other) < _MIN_RESPELLED:
            continue
        similar = jaro_winkler(form, other)
        if form[:1] == other[:1] and (
            similar >= _RESPELLED_JW or (similar >= _SHORT_KEY_JW and sounds_alike(form, other))
        ):
            return True
        if (
            not same_letter
            and min(len(form), len(other)) >= _MIN_RESOUNDED
            and first_class(form) == first_class(other)
            and similar >= _RESOUNDED_JW
            and sounds_alike(form, other)
        ):
            return True  # a first letter of the same sound, in a long name only
    return False


_ENGLISH_INFLECTIONS = ("ing", "ed", "es", "s", "d")
_MIN_FROM_NAME = 4
_MIN_FROM_NAME_KEY = 3


def _word_from_name(forms: list[str], token: _Token) -> bool:
    """A lowercase English word made from a one-word name, a brand's or a platform's, with a
    vowel changed ("Twitter" / "tweeted", "tweet"): the name's first two letters, and the
    word's consonant classes (less an inflection) open the name's and are fewer, three or
    more.
    Weak: it shows the name was rendered, not that it is kept (`derived`); names copied
    whole or with an ending ("googled") are `same` already, and a word spelled about like
    the name is no derivation of it ("Seidativ" / "sedative"). A person's name is no brand
    ("Parker" is not the "park")."""
    word = token.folded
    if token.text[:1].isupper() or not word.isalpha():
        return False
    bases = [word] + [
        word[: -len(end)] for end in _ENGLISH_INFLECTIONS
        if word.endswith(end) and len(word) - len(end) >= _MIN_FROM_NAME
    ]  # fmt: skip
    for form in forms:
        name_key = phonetic_key(form)
        if len(form) < _MIN_FROM_NAME or " " in form or is_personal_name(form):
            continue
        for base in bases:
            key = phonetic_key(base)
            if (
                len(base) >= _MIN_FROM_NAME
                and base[:2] == form[:2]
                and len(key) >= _MIN_FROM_NAME_KEY
                and len(name_key) > len(key)
                and name_key.startswith(key)
                and jaro_winkler(base, form) < _RESPELLED_JW
            ):
                return True
    return False


def _singular_men(key: str) -> str:
    """The singular of an English plural in -men the stemmer keeps ("fishermen" ->
    "fisherman"), for a translation the lexicon gives in the singular; else ''."""
    return key[:-3] + "man" if len(key) > _MIN_FROM_NAME and key.endswith("men") else ""


def _loose(latin: str) -> str:
    """A Latin form with r read as l and v as b, as Chinese and Japanese render them."""
    return latin.replace("r", "l").replace("v", "b")


def _joins(tokens: tuple[_Token, ...], text: str) -> list[tuple[str, _Token, _Token]]:
    """Latin forms of one to three adjacent tokens ("Chen Guangming" -> "chenguangming")."""
    out = []
    for i, first in enumerate(tokens):
        latin = ""
        for j in range(i, min(len(tokens), i + _MAX_JOIN)):
            if j > i and text[tokens[j - 1].end : tokens[j].start].strip(" ・·-"):
                break
            latin += tokens[j].latin
            out.append((latin, first, tokens[j]))
    return out


@lru_cache(maxsize=WORD_MEMO)
def _places(phrase: str, lang: str) -> frozenset[str]:
    """English names of the places a word or phrase names (declined forms too)."""
    found = {p.name for p in place_aliases.places_of(fold(phrase))}
    if not found and " " not in phrase.strip():
        found.update(place_of(phrase, lang))
    return frozenset(found)


def _has_case(word: str) -> bool:
    return any(ch.isupper() or ch.islower() for ch in word)


def _token_places(token: _Token, lang: str) -> frozenset[str]:
    """Places a word names, or any of its hyphenated parts ("russian-soviet")."""
    found = _places(token.text, lang)
    if "-" in token.text:
        for piece in token.text.split("-"):
            found = found | _places(piece, lang)
    return found


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


def _initials(keys: frozenset[str]) -> set[str]:
    """Initials of a lexicon translation made of several words ("gross domestic product")."""
    words = [k for k in keys if k not in _ACRONYM_SKIP]
    return {"".join(sorted(w[0] for w in words))} if 2 <= len(words) <= 5 else set()


_Found = tuple[str, _Token | Name | None, str]


def _part_links(part: NamePart, lang: str, other: Side) -> list[_Found]:
    """How one word of a name is found in the other text: (how, where, other word)."""
    langs = (lang, other.lang)
    forms = list(dict.fromkeys([fold(part.text).replace(" ", ""), *part.latin]))
    found: list[_Found] = []
    for token in other.tokens:
        if any(_same_word(f, token.folded, langs) for f in forms if len(f) >= _MIN_SAME):
            found.append(("same", token, token.text))
    if found:
        return found
    for gloss in part.glosses:
        hit = _gloss_in(gloss, other, langs, any_case=not _has_case(part.text))
        if hit is not None:
            return [("lexicon", hit, hit.text)]
        initials = _initials(frozenset(english_key(w) for w in gloss.split()))
        for token in other.tokens:
            if _is_acronym(token.text) and "".join(sorted(token.text.lower())) in initials:
                return [("lexicon", token, token.text)]
    targets: frozenset[str] = frozenset()
    if lang != other.lang and (_is_acronym(part.text) or not is_stop_word(part.text, lang)):
        targets = translations(lexeme_key(part.text, lang), lang, other.lang)
        if other.lang in _UNSEGMENTED:
            for target in sorted(targets, key=len, reverse=True):
                # A word or its stem without a last suffix character ("分離主義" of "分離主義者").
                stem = target[:-1] if len(target) >= _MIN_CJK_STEM + 1 else target
                if len(target) >= 2 and (target in other.compact or stem in other.compact):
                    found.append(("lexicon", None, target))
                    break
        else:
            # A name translated into a generic word must keep its capital ("美国" is "United
            # States", not the "state" of "the first state").
            found.extend(
                ("lexicon", t, t.text)
                for t in other.tokens
                if (t.key in targets or _singular_men(t.key) in targets)
                and (t.text[:1].isupper() or t.folded not in _GENERIC)
            )
            if not found and other.lang in _COMPOUNDING:
                found.extend(
                    ("lexicon", t, t.text)
                    for t in other.tokens
                    if any(_in_compound(target, t.folded) for target in targets)
                )
    if found:
        return found
    if _is_acronym(part.text):
        letters = "".join(sorted(part.text.lower()))
        initials = _initials(targets) if other.lang == "en" else set()
        for token in other.tokens:
            if _is_acronym(token.text):
                if "".join(sorted(token.text.lower())) == letters:
                    found.append(("acronym", token, token.text))
                elif "".join(sorted(token.text.lower())) in initials:
                    found.append(("lexicon", token, token.text))
        if found:
            return found
    uncased = not _has_case(part.text)
    places = _places(part.text, lang)
    if places:
        for token in other.tokens:
            if (token.cased or uncased) and places & _token_places(token, other.lang):
                found.append(("alias", token, token.text))
        for name in other.names:
            glossed = frozenset(g for p in name.parts for g in p.glosses)
            if places & (_places(name.text, other.lang) | _glossed_places(glossed)):
                found.append(("alias", name, name.text))
    if found:
        return found
    if places and other.lang in _UNSEGMENTED:
        found.extend(_place_characters(places, other))
        if found:
            return found
    if _is_acronym(part.text) and other.lang in _SPELLED_LETTERS:
        spelled = _spelled(part.text, other.lang)
        at = other.text.find(spelled)
        if at >= 0:
            found.append(("transliteration", None, other.text[at : at + len(spelled)]))
            return found
    trimmed = [t for f in forms for t in _trimmed_forms(f, lang)]
    # Between two Latin-script texts a name is copied, not transliterated: only a respelling
    # counts ("Selenskyj" / "Zelensky"), not a common word with the same consonants.
    latin_pair = _is_latin(part.text) and _is_latin(other.text)
    capitalised = tuple(t for t in other.tokens if t.text[:1].isupper())
    single = [(t.latin, t, t) for t in other.tokens if t.cased and not t.text[:1].isupper()]
    # A name a dictionary glosses ("香港": Hong Kong) is found by its glosses; a reading of it
    # counts only when close ("xianggang" is no "South China").
    has_gloss = bool(part.glosses)
    for latin, first, last in [*_joins(capitalised, other.text), *single]:
        if first is last and _other_place(places, _token_places(first, other.lang)):
            continue
        ordinary = first is last and not first.text[:1].isupper()
        if latin_pair:
            matched = _respelled(trimmed, latin, same_letter=ordinary)
        elif has_gloss:
            matched = _close_reading(trimmed, latin)
        else:
            matched = _transliterates(trimmed, latin)
        if matched:
            where = first if first is last else _span_token(first, last, other)
            found.append(("transliteration", where, latin))
    if uncased and not has_gloss:
        # A name in a script without capitals may be any word of the other side (a
        # loanword: "ボガー" / "booger"), compared strictly, one word at a time.
        katakana = lang == "ja" and other.lang == "en" and bool(_KATAKANA_WORD.fullmatch(part.text))
        for token in other.tokens:
            if is_stop_word(token.text, other.lang):
                continue
            if (not token.cased and _transliterates(trimmed, token.latin, strict=True)) or (
                # A loanword, in any case ("Archaic" opening a sentence).
                katakana and any(renders_english(f, token.latin) for f in trimmed)
            ):
                found.append(("transliteration", token, token.text))
    for name in other.names:
        if latin_pair or _other_place(places, _places(name.text, other.lang)):
            continue  # its words were compared above; or it is another place
        compare = _close_reading if has_gloss else _transliterates
        if any(compare(trimmed, latin) for p in name.parts for latin in p.latin):
            found.append(("transliteration", name, name.text))
    for latin, first, last in _joins(other.readings, other.text):
        if _transliterates(trimmed, latin, strict=True):
            found.append(("transliteration", _span_token(first, last, other), latin))
    if found:
        return found
    if latin_pair and other.lang == "en":
        found.extend(("derived", t, t.text) for t in other.tokens if _word_from_name(forms, t))
    if lang != other.lang:
        found.extend(_abbreviations(targets, other))
    candidates = [*other.tokens, *other.readings]
    for token in candidates:
        if any(
            _common_prefix(f, token.latin) >= _MIN_PREFIX
            and 2 * _common_prefix(f, token.latin) >= min(len(f), len(token.latin))
            for f in forms
        ):
            found.append(("prefix", token, token.text))
        elif (
            (token.cased or uncased)
            and not _known_uncased(token, other.lang)
            and any(sounds_close(f, token.latin) for f in forms)
        ):
            found.append(("sound", token, token.text))
    if not found and other.lang in _UNSEGMENTED:
        # A word rendered by one character inside a name ("Blacks" / "黑" of "全黑队"):
        # weak, as the character is also part of many other words.
        singles = sorted(t for t in targets if len(t) == 1 and t in other.compact)
        found.extend(("character", None, t) for t in singles)
    return found


def _other_place(places: frozenset[str], other_places: frozenset[str]) -> bool:
    """Whether a word the place table knows names only places other than the name's: a
    known place is no transliteration of another ("Москве", Moscow, is not "Minsk")."""
    return bool(places) and bool(other_places) and not places & other_places


def _known_uncased(token: _Token, lang: str) -> bool:
    """A word of a script without capitals that the lexicon knows ("राष्ट्रपति", president):
    no name, so a name that only sounds a little like it ("Dravid") is not found there."""
    return not _has_case(token.text) and known(token.text, lang)


def _gloss_in(
    gloss: str, other: Side, langs: tuple[str, str], *, any_case: bool = False
) -> _Token | None:
    """Where a dictionary's English name is in the other text: its words in a row, or its
    one distinctive word ("Xi Jinping", "Arun banner or Arongqi county" by "Arun"), written
    in capitals unless `any_case` (a name from a script without case, which an informal
    English text may write in lower case: "犹太" / "jewish")."""
    words = [fold(w) for w in gloss.replace("-", " ").split()]  # "China-USA"
    distinctive = [w for w in words if w not in _GENERIC and not is_stop_word(w, "en")]
    tokens = other.tokens
    for i in range(len(tokens)):
        run = tokens[i : i + len(words)]
        if len(run) == len(words) and all(
            _same_word(w, t.folded, langs) for w, t in zip(words, run, strict=True)
        ):
            return _span_token(run[0], run[-1], other)
    for token in tokens:
        if (token.cased or any_case) and any(
            _same_word(w, token.folded, langs) or _derived(w, token.folded) for w in distinctive
        ):
            return token
    return None


_CASE_ENDINGS = _words("a e i u y ie ii em om ou ów ovi owi ach ami ech ům")
"""Case endings Czech, Polish and Slovak add to a foreign name written in Latin letters."""

_DERIVATIONS = _words("ish ese ian ians an ans ic ics i is s es ist ists ism")


def _derived(word: str, other: str) -> bool:
    """A nationality or adjective made from a name ("Jew" / "Jewish", "Kurd" / "Kurdish")."""
    return (
        len(word) >= _MIN_DERIVED_BASE
        and other.startswith(word)
        and other[len(word) :] in _DERIVATIONS
    )


def _abbreviations(targets: frozenset[str], other: Side) -> list[_Found]:
    """Short words of the other text that abbreviate a translation: their letters, in order,
    starting with its first ("мск" in "москв", for "Moscow")."""
    found: list[_Found] = []
    for token in other.tokens:
        letters = token.text.casefold()
        if not (2 <= len(letters) <= _MAX_ABBREVIATION) or not letters.isalpha():
            continue
        if set(fold(letters)) & set("aeiouy"):
            continue  # an abbreviation has no vowel ("мск", "Bhf"); "the", "to" are words
        for target in targets:
            longer = len(target) > len(letters) and target[0] == letters[0]
            if longer and _subsequence(letters, target):
                found.append(("abbreviation", token, token.text))
                break
    return found


def _place_characters(places: frozenset[str], other: Side) -> list[_Found]:
    """Single characters of a Chinese or Japanese text that the lexicon renders as one of
    `places`: the one-character short form of a country inside a word ("美" of "中美两国",
    "美方" for the United States; "米" of "米アマゾン"). Weak (`abbreviation`): the same
    character is also an ordinary word ("美", beautiful), so it spares an output name the
    charge of being invented without proving it."""
    found: list[_Found] = []
    for char in dict.fromkeys(other.compact):
        if not _CJK_CHAR.match(char):
            continue
        targets = translations(char, other.lang, "en")
        if targets and any(places & _places(target, "en") for target in targets):
            found.append(("abbreviation", None, char))
    return found


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(ch in rest for ch in short)


@lru_cache(maxsize=4096)
def _glossed_places(glosses: frozenset[str]) -> frozenset[str]:
    return frozenset(p for g in glosses for p in _places(g, "en"))


_SPELLED_LETTERS = {"hi": LETTER_NAMES_HI}


def _spelled(acronym: str, lang: str) -> str:
    letters = _SPELLED_LETTERS[lang]
    return "".join(letters.get(ch, ch) for ch in acronym.upper())


def _in_compound(key: str, word: str) -> bool:
    """A translation that opens or closes a compound ("marin" in "marineoffiziere")."""
    return (
        len(key) >= _MIN_STEM
        and len(word) > len(key)
        and (word.startswith(key) or word.endswith(key))
    )


def _span_token(first: _Token, last: _Token, other: Side) -> _Token:
    text = other.text[first.start : last.end]
    return _Token(text, first.start, last.end, fold(text), "", "", True)


# --- a whole name ----------------------------------------------------------------------------


def _distinctive(name: Name, lang: str) -> list[int]:
    """Indexes of the parts that identify the name (not generic words, not known words)."""
    out = []
    for i, part in enumerate(name.parts):
        word = part.text.casefold()
        if lang == "en" and (english_key(word) in _GENERIC or word in _GENERIC):
            continue
        if (lang == "en" and is_stop_word(word, "en")) or part.known:
            continue
        if len(part.text) < _MIN_SAME:
            continue
        out.append(i)
    return out


def _joined_initials(name: Name) -> Name:
    """ "U.S." (parts "U", "S") as one part "US"."""
    if len(name.parts) > 1 and all(len(p.text) == 1 for p in name.parts):
        text = "".join(p.text for p in name.parts)
        part = NamePart(text, name.parts[0].start, name.parts[-1].end, (text.lower(),))
        return Name(name.text, name.start, name.end, name.label, name.how, name.strong, (part,))
    return name


def _nearest_places(per_part: list[list[_Found]]) -> list[_Token | Name]:
    """Where each found word of a name is, choosing among a word's places the one nearest
    to the first found word's ("Service" as the "službu" beside "Národní", not an "agentura"
    earlier in the sentence)."""
    places = [[w for _, w, _ in found if w is not None] for found in per_part]
    anchor = next((p[0] for p in places if p), None)
    if anchor is None:
        return []
    return [min(p, key=lambda w: abs(w.start - anchor.start)) for p in places if p]


def counterpart(name: Name, lang: str, other: Side) -> Counterpart | None:
    """The counterpart of `name` (in `lang`) in the other text, or None."""
    name = _joined_initials(name)
    whole = _places(name.text, lang) if len(name.parts) > 1 else frozenset()
    if whole:
        for candidate in other.names:
            if whole & _places(candidate.text, other.lang):
                return Counterpart(
                    candidate.start, candidate.end, candidate.text, "alias", True,
                    ((name.text, candidate.text, "alias"),),
                )  # fmt: skip
        for token in other.tokens:  # a word the other side's finder left out ("US")
            if token.cased and whole & _token_places(token, other.lang):
                link = ((name.text, token.text, "alias"),)
                return Counterpart(token.start, token.end, token.text, "alias", True, link)
    per_part = [_part_links(part, lang, other) for part in name.parts]
    joinable = not _has_case(name.text) or other.lang in _UNSEGMENTED
    if not any(per_part[-1:]) and len(name.parts) > 1 and joinable:
        # One name written as one word on the other side: "アクティ" + "ション", "Becky
        # Fischer" / "贝基菲歇尔".
        joined = "".join(p.latin[0] for p in name.parts if p.latin)
        one_word = NamePart(name.text, name.start, name.end, (joined,))
        found = _part_links(one_word, lang, other)
        if found:
            how, _, text = found[0]
            return Counterpart(-1, -1, text, how, how in _STRONG_HOW, ((name.text, text, how),))
    if len(name.parts) > 1 and not all(per_part):
        # One word cut in two by a tokenizer ("Ebu siness" / "Ebusiness").
        joined = fold("".join(p.text for p in name.parts))
        for token in other.tokens:
            if token.folded == joined and len(joined) > _MIN_RESPELLED:
                link = ((name.text, token.text, "same"),)
                return Counterpart(token.start, token.end, token.text, "same", True, link)
    if not any(per_part):
        return None
    links = tuple(
        (part.text, text, how)
        for part, found in zip(name.parts, per_part, strict=True)
        for how, _, text in found[:1]
    )
    strong = [any(how in _STRONG_HOW for how, _, _ in found) for found in per_part]
    distinctive = _distinctive(name, lang)
    if distinctive and not any(per_part[i] for i in distinctive) and len(name.parts) > 1:
        return None  # only its ordinary words are there ("City" of "Leicester City")
    if lang != "en" and len(distinctive) > 1 and not per_part[distinctive[-1]]:
        # Its last word the lexicon does not know is nowhere ("Peter" of "Peter Frampton").
        return None
    if name.label in _PERSON and len(name.parts) > 1:
        is_strong = strong[-1]
    elif distinctive:
        # Its last distinctive word must be there in some form ("Peter" of "Peter Frampton"
        # is no counterpart; "Real Madrid" needs "Madrid").
        is_strong = any(strong[i] for i in distinctive) and bool(per_part[distinctive[-1]])
    else:
        is_strong = 2 * sum(strong) >= len(strong)
    where = _nearest_places(per_part)
    if where and max(w.end for w in where) - min(w.start for w in where) > _MAX_SPAN:
        where = where[:1]
    if where:
        start = min(w.start for w in where)
        end = max(w.end for w in where)
        text = other.text[start:end]
    else:
        start = end = -1
        text = links[0][1]
    how = next((h for _, _, h in links if h in _STRONG_HOW), links[0][2])
    return Counterpart(start, end, text, how, is_strong, links)
