"""Normalise and compare entity names across spellings, scripts and languages.

A name survives translation in many surface forms ("the Kremlin's", "Kiev"/"Kyiv",
"Зеленский"/"Zelensky", "Mr Blinken"/"Antony Blinken"), so the entity checks compare
folded, transliterated keys and fall back to a fuzzy match built for names: Jaro-Winkler
plus a consonant skeleton, so that vowel-level respellings match but Iran/Iraq do not.
Exonyms, short forms and demonyms no spelling rule can relate (Moscow/Moskva, Cologne/Köln,
UK/Britain/British, Wales/Welsh) come from the place table (`place_aliases`, built from CLDR,
countryinfo and GeoNames); two spellings of one name there are still a variant (Kiev/Kyiv).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Literal

from anyascii import anyascii

from evalsuite.text import place_aliases
from evalsuite.text.memo_sizes import TEXT_MEMO, WORD_MEMO

__all__ = [
    "FoldedText",
    "MatchKind",
    "fold",
    "fold_text",
    "aliases",
    "is_title",
    "close_forms",
    "edit_distance",
    "jaro_winkler",
    "marks_differ",
    "match_names",
    "name_key",
    "name_tokens",
    "normalize_entity",
    "same_stem",
    "similarity",
    "sound_class",
    "strip_diacritics",
    "transliterate",
    "variant_keys",
    "without_legal_form",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MatchKind = Literal["exact", "partial", "variant"]
"""exact: same name; partial: the same name with fewer words ("Blinken" for "Antony Blinken");
variant: the same name spelled differently ("Kiev" for "Kyiv")."""

_ARTICLES = _words("the a an le la les l un une der die das den dem des el los las lo il gli i")
_TITLES = _words(
    "mr mrs ms miss dr prof sir lord lady dame mx m mme mlle monsieur madame herr frau sr sra "
    "srta don dona president secretary minister chancellor senator general pm"
)
# Words that do not count when building an acronym from a multiword name.
_ACRONYM_SKIP = _words("of the and for de des du la le el y und der die das")
_OF = _words("of")  # not "de", "von": particles of surnames (Charles de Gaulle)
_VARIANT_MIN_JW = 0.80
_TYPO_MIN_LEN = 5
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "sta": "santa"}
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("th", "t"),
    ("ph", "f"),
    ("ck", "k"),
    ("kh", "h"),
    ("x", "ks"),
    ("w", "v"),
    ("c", "k"),
    ("q", "k"),
    ("j", "y"),
    ("z", "s"),  # German and Dutch write a Slavic voiced s as "s" (Selenskyj / Zelensky)
)


def strip_diacritics(text: str) -> str:
    """Drop combining marks after NFKD ("Škoda" -> "Skoda")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def transliterate(text: str) -> str:
    """Latin transliteration of any script ("Київ" -> "Kiiv", "Зеленский" -> "Zelenskiy")."""
    return anyascii(text)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch.isascii():
        return ch.lower() if ch.isalnum() else " "
    latin = anyascii(strip_diacritics(ch)).lower()
    return "".join(c if c.isalnum() else " " for c in latin)


def fold(text: str) -> str:
    """Transliterate, casefold and turn punctuation into single spaces."""
    return " ".join("".join(_fold_char(ch) for ch in text).split())


def normalize_entity(text: str) -> str:
    """Matching key of a name: folded, without leading articles or a possessive 's."""
    return " ".join(_content_tokens(text))


def name_tokens(text: str) -> tuple[str, ...]:
    """Tokens of the key without titles ("Mr Blinken" -> ("blinken",)), unless all are titles."""
    tokens = _content_tokens(text)
    kept = tuple(t for t in tokens if t not in _TITLES)
    return kept or tokens


def is_title(word: str) -> bool:
    """Whether a folded word is a title or honorific that names drop ("mr", "minister")."""
    return word in _TITLES


def name_key(text: str) -> str:
    """The title-free key used to compare names."""
    return " ".join(name_tokens(text))


@lru_cache(maxsize=TEXT_MEMO)
def _content_tokens(text: str) -> tuple[str, ...]:
    tokens = fold(text).split()
    while len(tokens) > 1 and tokens[0] in _ARTICLES:
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[-1] == "s" and re.search(r"['’]s\W*$", text):
        tokens = tokens[:-1]
    return tuple(tokens)


def jaro_winkler(a: str, b: str, prefix_scale: float = 0.1) -> float:
    """Jaro-Winkler similarity in [0, 1]: rewards a shared prefix, as names usually have."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    window = max(max(len(a), len(b)) // 2 - 1, 0)
    taken = [False] * len(b)
    matched_a: list[str] = []
    for i, ch in enumerate(a):
        for j in range(max(0, i - window), min(len(b), i + window + 1)):
            if not taken[j] and b[j] == ch:
                taken[j] = True
                matched_a.append(ch)
                break
    m = len(matched_a)
    if m == 0:
        return 0.0
    matched_b = [b[j] for j in range(len(b)) if taken[j]]
    transpositions = sum(x != y for x, y in zip(matched_a, matched_b, strict=True)) / 2
    jaro = (m / len(a) + m / len(b) + (m - transpositions) / m) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * prefix_scale * (1 - jaro)


def similarity(a: str, b: str) -> float:
    """Spelling similarity of two names on their transliterated keys."""
    return round(jaro_winkler(name_key(a), name_key(b)), 3)


def sound_class(word: str) -> str:
    """The class of a word's first sound, so that transliterations of one initial compare
    equal ("z"/"s" in Zelensky/Selenskyj, "c"/"k", "j"/"y"); a vowel stands for itself."""
    return _skeleton(word[:1]) or word[:1]


@lru_cache(maxsize=WORD_MEMO)
def _skeleton(token: str) -> str:
    for old, new in _SKELETON_RULES:
        token = token.replace(old, new)
    consonants = re.sub(r"[aeiouy\d]", "", token)
    return re.sub(r"(.)\1+", r"\1", consonants)


def _token_match(a: str, b: str) -> MatchKind | None:
    """Same word, a respelling (same consonants, or one typo in a long word), or neither."""
    if a == b:
        return "exact"
    if _ABBREVIATIONS.get(a, a) == _ABBREVIATIONS.get(b, b):
        return "variant"
    if min(len(a), len(b)) < 3 or sound_class(a) != sound_class(b):
        return None
    skeleton = _skeleton(a)
    if skeleton and skeleton == _skeleton(b) and jaro_winkler(a, b) >= _VARIANT_MIN_JW:
        return "variant"
    if min(len(a), len(b)) >= _TYPO_MIN_LEN and edit_distance(a, b) <= 1:
        return "variant"
    return None


def _token_similarity(a: str, b: str) -> float:
    same_word = _ABBREVIATIONS.get(a, a) == _ABBREVIATIONS.get(b, b)
    return 1.0 if same_word else jaro_winkler(a, b)


def edit_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions, swaps."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _is_acronym_of(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    letters = "".join(short)
    if len(short) > 1 and any(len(t) > 1 for t in short):
        return False
    if not 2 <= len(letters) <= 6 or len(long) < 2:
        return False
    initials = "".join(t[0] for t in long if t not in _ACRONYM_SKIP)
    return letters == initials


def _abbreviates(short: str, long: str) -> bool:
    """Whether a word of three or four consonants opens the consonant skeleton of a longer
    name ("msk" for Moscow, as in "13:25 MSK"), the way such abbreviations are made."""
    return (
        3 <= len(short) <= 4 < len(long)
        and not re.search(r"[aeiouy]", short)
        and short[0] == long[0]
        and _skeleton(long).startswith(short)
    )


@lru_cache(maxsize=WORD_MEMO)
def match_names(a: str, b: str) -> tuple[MatchKind, float] | None:
    """How two names match: "exact" (same key, or an acronym of the other), "partial" (the
    words of one are a subset of the other's: a surname alone), "variant" (every word of the
    shorter name respells one of the longer), or None."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return None
    if ta == tb or "".join(ta) == "".join(tb):
        return _unless_marks_differ(a, b, "exact")
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if place_aliases.same_place(" ".join(ta), " ".join(tb)):
        # Another name is the same entity; another spelling of one name is a variant.
        joined_a, joined_b = "".join(ta), "".join(tb)
        if _token_match(joined_a, joined_b) == "variant":
            return ("variant", round(jaro_winkler(joined_a, joined_b), 3))
        aligned = _aligned_similarity(short, long)  # "St Petersburg" / "Saint Petersburg"
        return ("exact", 1.0) if aligned is None else ("variant", aligned)
    if _is_acronym_of(short, long) or _is_acronym_of(long, short):
        return ("exact", 1.0)
    if len(ta) == len(tb) == 1 and (_abbreviates(ta[0], tb[0]) or _abbreviates(tb[0], ta[0])):
        return ("variant", round(min(len(ta[0]), len(tb[0])) / max(len(ta[0]), len(tb[0])), 3))
    if set(short) <= set(long):
        # "Blinken" names Antony Blinken; "Antony" or "Prime Minister Bart" says too little,
        # and "Illinois" is not "the Federal Aviation Administration of Illinois".
        return _unless_marks_differ(a, b, "partial") if _head(long) in short else None
    joined_a, joined_b = "".join(ta), "".join(tb)
    if _token_match(joined_a, joined_b) is not None:
        return ("variant", round(jaro_winkler(joined_a, joined_b), 3))
    aligned = _aligned_similarity(short, long)
    return None if aligned is None else ("variant", aligned)


def _head(tokens: tuple[str, ...]) -> str:
    """The word a name is about: its last, or the last before "of" ("Bank of England"),
    never a legal form that closes it ("Ravenna Bt." is about Ravenna, not "Bt.")."""
    tokens = without_legal_form(tokens)
    for i, token in enumerate(tokens[1:], start=1):
        if token in _OF:
            return tokens[i - 1]
    return tokens[-1]


@lru_cache(maxsize=1)
def _legal_forms() -> tuple[frozenset[tuple[str, ...]], int]:
    """Folded legal-form designators (resources/legal_forms.tsv, from cleanco) and the most
    words one has."""
    path = resources.files("evalsuite") / "resources" / "legal_forms.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    forms = frozenset(tuple(line.split()) for line in lines if line and not line.startswith("#"))
    return forms, max(len(form) for form in forms)


def without_legal_form(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A name's folded words less the legal forms that close it ("ravenna bt" -> "ravenna",
    "acme sp z o o" -> "acme"); a name that is nothing else is kept whole."""
    forms, longest = _legal_forms()
    cut = True
    while cut:
        cut = False
        for size in range(min(longest, len(tokens) - 1), 0, -1):
            if tokens[-size:] in forms:
                tokens, cut = tokens[:-size], True
                break
    return tokens


def _unless_marks_differ(a: str, b: str, kind: MatchKind) -> tuple[MatchKind, float]:
    """Names equal once folded are still respellings if their diacritics differ."""
    pairs = _marked_pairs(a, b)
    differing = [jaro_winkler(x, y) for x, y in pairs if x != y]
    return ("variant", round(min(differing), 3)) if differing else (kind, 1.0)


def _marked(text: str) -> str:
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold()))


def _marked_pairs(a: str, b: str) -> list[tuple[str, str]]:
    """Latin words of `a` and `b` (casefolded, diacritics kept) that fold alike."""
    words_a = {fold(w): w for w in _marked(a).split() if strip_diacritics(w).isascii()}
    pairs = []
    for word in _marked(b).split():
        other = words_a.get(fold(word))
        if other is not None and strip_diacritics(word).isascii():
            pairs.append((other, word))
    return pairs


def marks_differ(a: str, b: str) -> bool:
    """True when a Latin word of `a` and one of `b` fold alike but differ in their
    diacritics ("Sánchez"/"Sanchez"); other scripts are ignored."""
    return any(x != y for x, y in _marked_pairs(a, b))


# Endings that turn a place into its people or adjective, or a word into its plural.
_DERIVED_ENDINGS = _words("s es n ns an ans ian ians ean eans ese i is ish ic")
_MIN_STEM = 4
_MIN_CLOSE = 6


def same_stem(a: str, b: str) -> bool:
    """Whether two folded words are forms of one name: the longer is the shorter (less a final
    vowel) plus a plural or demonym ending ("mexico"/"mexican", "europe"/"european",
    "americans"/"american", "bavaria"/"bavarian"), on a stem of four letters or more.
    "austria"/"australian", "northampton"/"northamptonshire" and "morrissey"/"morrisst" are
    not; demonyms no ending explains (France/French) come from the alias data."""
    if a == b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    stems = {short, short[:-1]} if short[-1:] in "aeiouy" else {short}
    return any(
        len(stem) >= _MIN_STEM and long.startswith(stem) and long[len(stem) :] in _DERIVED_ENDINGS
        for stem in stems
    )


def close_forms(a: str, b: str) -> bool:
    """Whether two folded words are forms of one word in a name: `same_stem`, or one of six
    letters or more that the other extends by a short ending ("culture"/"cultural",
    "jiangkou"/"jiangkouhe": a transliteration that glues a word on)."""
    if same_stem(a, b):
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < _MIN_CLOSE or short == long:
        return False
    base = short[:-1] if short[-1] in "aeiouy" else short
    return (long.startswith(short) and len(long) - len(short) <= 2) or (
        base != short and long.startswith(base) and 2 <= len(long) - len(base) <= 3
    )  # "police"/"policy" changes a letter: no


def aliases(text: str) -> list[str]:
    """Folded keys of the other names of a well-known place or body (none for most names)."""
    return list(place_aliases.alias_keys(name_key(text)))


def _aligned_similarity(short: tuple[str, ...], long: tuple[str, ...]) -> float | None:
    """Lowest similarity over the shorter name's words when each is the same as or a
    respelling of a word of the longer, one of them respells, and the longer name's last
    word (a surname, the head noun) is among those matched; None otherwise."""
    scores: list[float] = []
    matched_last = False
    for token in short:
        matches = [other for other in long if _token_match(token, other) is not None]
        if not matches:
            return None
        matched_last = matched_last or long[-1] in matches
        scores.append(max(_token_similarity(token, other) for other in matches))
    if not matched_last or min(scores) == 1.0 and set(short) <= set(long):
        return None
    return round(min(scores), 3)


@dataclass(frozen=True)
class FoldedText:
    """A text folded like names are (see `fold`), with a map back to original offsets."""

    original: str
    folded: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the folded slice [start, end)."""
        first = self.offsets[start]
        last = self.offsets[end - 1]
        return first, last + 1

    def find(self, key: str, allow_suffix: int = 3, stem: int = 0) -> tuple[int, int] | None:
        """Original span of `key` (folded) at a word start. A short inflectional suffix
        ("Kyjiws") is allowed when the key's last word has 4+ letters; with `stem`, that
        many final letters of a 6+ letter last word may differ too ("Киеве" for "Киев")."""
        if not key:
            return None
        last = len(key.split()[-1])
        cut = stem if stem and last >= 6 else 0
        suffix = allow_suffix + cut if last >= 4 else 0
        if key[: len(key) - cut] not in self.folded:
            return None  # most keys are absent: skip compiling their pattern
        hit = _key_pattern(key[: len(key) - cut], suffix).search(self.folded)
        return self.span(hit.start(), hit.start() + len(key) - cut) if hit else None

    def tokens(self) -> list[tuple[str, int, int]]:
        """Folded words with their folded [start, end)."""
        return list(self._tokens)

    @cached_property
    def _tokens(self) -> tuple[tuple[str, int, int], ...]:
        """Read once: every name looked up in a text scans its words (see checks/entities)."""
        return tuple((m.group(), m.start(), m.end()) for m in _FOLDED_WORD.finditer(self.folded))


_FOLDED_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=8192)
def _key_pattern(key: str, suffix: int) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(key) + rf"[a-z]{{0,{suffix}}}(?![a-z0-9])")


@lru_cache(maxsize=2048)
def fold_text(text: str) -> FoldedText:
    """Fold a whole text once, keeping offsets, for substring and fuzzy name search."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        for out in _fold_char(ch):
            if out == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(out)
            offsets.append(i)
    return FoldedText(text, "".join(chars), tuple(offsets))


def variant_keys(text: str) -> frozenset[tuple[str, object]]:
    """Keys such that two names `match_names` calls a variant always share one: a document's
    names need comparing only within a shared key, not every pair (blocking).

    Derived from `match_names`, one way to a variant at a time (keep the two in step; the
    tests compare blocked and all-pairs results): the joined key (same key, or diacritics
    apart), the place table (another name of one place), an abbreviation of three or four
    consonants and the start of a long word's skeleton, and for the joined key and each word
    the `_token_match` keys (the word after `_ABBREVIATIONS`, its consonant skeleton, and its
    one-deletion forms, which two words within one edit of each other share; a shared word
    is a shared abbreviation key)."""
    tokens = name_tokens(text)
    if not tokens:
        return frozenset()
    joined = "".join(tokens)
    keys: set[tuple[str, object]] = set()
    for place in place_aliases.places_of(" ".join(tokens)):
        keys.add(("place", place))
    if len(tokens) == 1:
        skeleton = _skeleton(joined)
        if 3 <= len(joined) <= 4 and not re.search(r"[aeiouy]", joined):
            keys.add(("abbr", joined))
        elif len(joined) > 4:
            keys.update((("abbr", skeleton[:3]), ("abbr", skeleton[:4])))
    for word in {joined, *tokens}:
        keys.update(_token_keys(word))
    return frozenset(keys)


def _token_keys(word: str) -> list[tuple[str, object]]:
    """Keys two words share whenever `_token_match` relates them."""
    keys: list[tuple[str, object]] = [("word", _ABBREVIATIONS.get(word, word))]
    if len(word) >= 3:
        skeleton = _skeleton(word)
        if skeleton:
            keys.append(("skeleton", skeleton))
    if len(word) >= _TYPO_MIN_LEN:
        keys.append(("edit", word))
        keys.extend(("edit", word[:i] + word[i + 1 :]) for i in range(len(word)))
    return keys
