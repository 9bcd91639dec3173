"""Word alignment of a translation with its source: which words of each side the other supports.

Links, tried in this order for each source content word:
- `lexicon`: a translation the bilingual lexicon gives has the key of an output word (German
  compounds the lexicon lacks are split into two words it has: "Regierungssprecher");
- `same`: both sides are in one language and the words share a key (stem);
- `number`: the same digits ("3,5" and "3.5", "1 000" and "1,000");
- `cognate`: spelled alike once both are transliterated to Latin and folded (names, loans:
  "Biden"/"Байден", "Präsident"/"president"), matched on a shared first letter; a word in
  Devanagari or kana, whose Latin form drops or changes vowels ("गूगल" -> "gugl", "トランプ"
  -> "toranpu"), by the same consonant classes and first sound (`evalsuite.text.phonetic`).

Nothing here decides what is a fault; checks read `Alignment` (coverage of the source,
support of the output, and the links as evidence).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from evalsuite.align.keys import lexeme_key
from evalsuite.align.lexicon import forget_notices, load_lexicon
from evalsuite.align.words import Word, content_words
from evalsuite.text.memo_sizes import WORD_MEMO
from evalsuite.text.normalize import fold, jaro_winkler, match_names
from evalsuite.text.numbers import extract_numbers
from evalsuite.text.phonetic import first_class, latin_form, phonetic_keys

__all__ = ["Alignment", "Link", "align", "clear_caches", "translations"]

_COGNATE_MIN_LEN = 4
_COGNATE_MIN_JW = 0.86
_COMPOUND_LANGS = frozenset({"de", "nl", "sv", "da"})
_COMPOUND_MIN_PART = 3
_MAX_TRIM = 2
_MIN_TRIMMED = 3
_CHARACTER_LANGS = frozenset({"zh", "ja"})
_LINKERS = ("s", "es", "n", "en", "")
_SOUND_SCRIPT = re.compile(r"[\u0900-\u097f]+|[\u30a1-\u30fa\u30fc]+")
"""A word in Devanagari or in katakana: scripts whose Latin form writes a loan or a name by
its sounds."""
_NATIVE_JAPANESE = re.compile(r"[\u3041-\u309f\u3400-\u9fff\uf900-\ufaff]")
_SOUND_MIN_JW = 0.6
_SOUND_SHORT_JW = 0.8
_VOWELS = frozenset("aeiou")


@dataclass(frozen=True)
class Link:
    """A source word and an output word that translate each other, and how that is known."""

    src: int
    hyp: int
    how: str


@dataclass(frozen=True)
class Alignment:
    """Content words of both sides and the links between them."""

    src_lang: str
    hyp_lang: str
    src_words: tuple[Word, ...]
    hyp_words: tuple[Word, ...]
    links: tuple[Link, ...]
    lexicon: str | None
    """The lexicon used ("de-en"), or None when none was available for the pair."""
    src_known: tuple[bool, ...] = ()
    """For each source word: whether the lexicon has a translation of it (names mostly not)."""
    hyp_known: tuple[bool, ...] = ()
    """For each output word: whether the lexicon has it (as a translation of anything)."""

    def covered(self) -> list[bool]:
        """For each source word: whether some output word translates it."""
        flags = [False] * len(self.src_words)
        for link in self.links:
            flags[link.src] = True
        return flags

    def supported(self) -> list[bool]:
        """For each output word: whether some source word supports it."""
        flags = [False] * len(self.hyp_words)
        for link in self.links:
            flags[link.hyp] = True
        return flags

    @property
    def coverage(self) -> float:
        """Share of source content words the output translates (1.0 with none)."""
        flags = self.covered()
        return sum(flags) / len(flags) if flags else 1.0

    @property
    def support(self) -> float:
        """Share of output content words the source supports (1.0 with none)."""
        flags = self.supported()
        return sum(flags) / len(flags) if flags else 1.0

    def linked_pairs(self, limit: int = 12) -> list[list[str]]:
        """Up to `limit` aligned (source word, output word, how) triples, for evidence."""
        return [
            [self.src_words[k.src].text, self.hyp_words[k.hyp].text, k.how]
            for k in self.links[:limit]
        ]


def translations(key: str, src_lang: str, hyp_lang: str) -> frozenset[str]:
    """Keys in `hyp_lang` that the `src_lang` key `key` may translate to (lexicon only)."""
    return _translations(key, src_lang, hyp_lang)


@lru_cache(maxsize=WORD_MEMO)
def _translations(key: str, src_lang: str, hyp_lang: str) -> frozenset[str]:
    if src_lang == hyp_lang:
        return frozenset({key})
    if hyp_lang == "en":
        lexicon = load_lexicon(src_lang)
        if lexicon is None:
            return frozenset()
        found = lexicon.english_for(key)
        for cut in range(1, _MAX_TRIM + 1):  # inflections the stemmer keeps ("jagte" -> "jagt")
            if found or len(key) - cut < _MIN_TRIMMED or src_lang in _CHARACTER_LANGS:
                break
            found = lexicon.english_for(key[:-cut])
        if not found and src_lang in _COMPOUND_LANGS:
            return _compound(key, src_lang)
        if not found and src_lang in _CHARACTER_LANGS:
            return _pieces(key, src_lang)
        return frozenset(found)
    if src_lang == "en":
        lexicon = load_lexicon(hyp_lang)
        return frozenset(lexicon.foreign_for(key)) if lexicon is not None else frozenset()
    return frozenset()


def _trimmed(keys: tuple[str, ...]) -> list[str]:
    """Keys and their shorter forms, for an output word in a language other than English."""
    out = list(keys)
    for key in keys:
        out.extend(key[:-cut] for cut in range(1, _MAX_TRIM + 1) if len(key) - cut >= _MIN_TRIMMED)
    return out


def _pieces(word: str, lang: str) -> frozenset[str]:
    """Translations of a Chinese or Japanese word the lexicon lacks ("新桥"), from its
    longest known pieces, when they make up most of it."""
    lexicon = load_lexicon(lang)
    assert lexicon is not None
    found: set[str] = set()
    known, i = 0, 0
    while i < len(word):
        for j in range(min(len(word), i + 4), i, -1):
            targets = lexicon.english_for(word[i:j])
            if targets:
                found.update(targets)
                known += j - i
                i = j
                break
        else:
            i += 1
    return frozenset(found) if known * 2 >= len(word) else frozenset()


def _compound(key: str, lang: str) -> frozenset[str]:
    """Translations of a compound the lexicon lacks, from its last known part and the rest."""
    lexicon = load_lexicon(lang)
    assert lexicon is not None
    for cut in range(_COMPOUND_MIN_PART, len(key) - _COMPOUND_MIN_PART + 1):
        head, tail = key[:cut], key[cut:]
        tail_targets = lexicon.english_for(lexeme_key(tail, lang)) or lexicon.english_for(tail)
        if not tail_targets:
            continue
        for linker in _LINKERS:
            if linker and not head.endswith(linker):
                continue
            stem = head[: len(head) - len(linker)] if linker else head
            head_targets = lexicon.english_for(stem) or lexicon.english_for(lexeme_key(stem, lang))
            if head_targets and len(stem) >= _COMPOUND_MIN_PART:
                return frozenset(head_targets) | frozenset(tail_targets)
    return frozenset()


# Scale characters and words that extract_numbers does not read ("4000万", "40 करोड़").
_SCALES = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12, "करोड़": 1e7, "लाख": 1e5}
_SCALE_AFTER = re.compile(r"\s?(" + "|".join(_SCALES) + ")")


@lru_cache(maxsize=8192)
def _numbers(text: str, lang: str) -> tuple[tuple[float, int, int], ...]:
    """(value, start, end) of each number of `text`, with CJK and Indic scales applied."""
    found = []
    for mention in extract_numbers(text, lang):
        value, end = mention.value, mention.end
        scale = _SCALE_AFTER.match(text, end)
        if scale is not None:
            value, end = value * _SCALES[scale.group(1)], scale.end()
        found.append((value, mention.start, end))
    return tuple(found)


def _number_links(
    src_text: str,
    src_lang: str,
    src: tuple[Word, ...],
    hyp_text: str,
    hyp_lang: str,
    hyp: tuple[Word, ...],
) -> tuple[list[Link], set[int]]:
    """Links between words inside numbers of equal value; and the source words in numbers."""

    def words_in(words: tuple[Word, ...], start: int, end: int) -> list[int]:
        return [i for i, w in enumerate(words) if start <= w.start < end]

    hyp_numbers = _numbers(hyp_text, hyp_lang)
    links: list[Link] = []
    in_numbers: set[int] = set()
    for value, start, end in _numbers(src_text, src_lang):
        members = words_in(src, start, end)
        in_numbers.update(i for i in members if src[i].is_number)
        for other, hyp_start, hyp_end in hyp_numbers:
            if abs(other - value) <= 1e-9 * max(1.0, abs(value)):
                targets = [j for j in words_in(hyp, hyp_start, hyp_end) if hyp[j].is_number]
                links.extend(
                    Link(i, j, "number") for i in members if src[i].is_number for j in targets
                )
    return links, in_numbers


@lru_cache(maxsize=WORD_MEMO)
def _folded(text: str) -> str:
    return fold(text).replace(" ", "")


def _same_first_sound(a: str, b: str) -> bool:
    first_a, first_b = first_class(a), first_class(b)
    return first_a == first_b or (first_a in _VOWELS and first_b in _VOWELS)


@lru_cache(maxsize=WORD_MEMO)
def _sound_cognates(a: str, b: str) -> bool:
    """A Devanagari or kana word and a Latin one that sound alike: the same consonant-class
    key (two classes or more), the same first sound (any vowel for a vowel) and spellings not
    far apart ("गूगल"/"Google", "फेसबुक"/"Facebook"; not "रणनीति"/"limited"); a key shorter
    than that needs close spellings ("याहू"/"Yahoo"). Devanagari letter names spell an
    acronym ("एनएसए"/"NSA")."""
    from evalsuite.text.names.hindi import spelled_acronym

    acronym = spelled_acronym(a)
    if acronym is not None:  # "एनएसए" spells "NSA" letter by letter
        return acronym == re.sub(r"['’]s$", "", b).upper()
    la, lb = latin_form(a).replace(" ", ""), latin_form(b).replace(" ", "")
    if not la or not lb or not _same_first_sound(la, lb):
        return False
    similar = jaro_winkler(la, lb)
    keys_b = set(phonetic_keys(lb))
    keys_a = phonetic_keys(la)
    if any(len(key) >= 2 and key in keys_b for key in keys_a):
        return similar >= _SOUND_MIN_JW
    short = max(len(key) for key in (*keys_a, *keys_b)) <= 1
    return short and similar >= _SOUND_SHORT_JW


def _cognate_candidates(
    part: str, lang: str, by_letter: dict[str, list[int]], size: int
) -> Iterable[int]:
    """Output words to compare with a source word: those with its first folded letter, or
    all of them for a word written by its sounds (its first letter may change: "फेसबुक");
    none for a Japanese word with kanji or hiragana, whose letters say nothing of its sound
    (anyascii reads kanji as Mandarin: "受け" is no "shou-ke")."""
    if _SOUND_SCRIPT.fullmatch(part):
        return range(size)
    if lang == "ja" and _NATIVE_JAPANESE.search(part):
        return ()
    return by_letter.get(_folded(part)[:1], ())


def _cognates(a: str, b: str) -> bool:
    if _SOUND_SCRIPT.fullmatch(a) and b.isascii():
        return _sound_cognates(a, b)
    fa, fb = _folded(a), _folded(b)
    if fa == fb:
        return len(fa) >= 2
    if min(len(fa), len(fb)) < _COGNATE_MIN_LEN or fa[:1] != fb[:1]:
        return False
    if fa == fb or (min(len(fa), len(fb)) >= 5 and (fa.startswith(fb) or fb.startswith(fa))):
        return True
    if jaro_winkler(fa, fb) >= _COGNATE_MIN_JW:
        return True
    # Names: respellings and case endings ("Каролины"/"Carolina", "Вестминстера").
    return a[:1].isupper() and b[:1].isupper() and match_names(a, b) is not None


@lru_cache(maxsize=4096)
def align(src_text: str, src_lang: str, hyp_text: str, hyp_lang: str) -> Alignment:
    """Align the content words of a source and of its translation (cached per text pair)."""
    src = content_words(src_text, src_lang)
    hyp = content_words(hyp_text, hyp_lang)
    by_key: dict[str, list[int]] = {}
    by_letter: dict[str, list[int]] = {}
    for j, word in enumerate(hyp):
        if word.is_number:
            continue
        trim = hyp_lang not in ("en", src_lang) and hyp_lang not in _CHARACTER_LANGS
        for key in _trimmed(word.keys) if trim else word.keys:
            by_key.setdefault(key, []).append(j)
        by_letter.setdefault(_folded(word.text)[:1], []).append(j)
    links, in_numbers = _number_links(src_text, src_lang, src, hyp_text, hyp_lang, hyp)
    how_same = "same" if src_lang == hyp_lang else "lexicon"
    src_known = [False] * len(src)
    for i, word in enumerate(src):
        if word.is_number or i in in_numbers:
            continue
        found: set[int] = set()
        for key in word.keys:
            targets = _translations(key, src_lang, hyp_lang)
            src_known[i] = src_known[i] or bool(targets)
            for target in targets:
                found.update(by_key.get(target, ()))
        if not found:
            found = {
                j
                for part in word.parts
                for j in _cognate_candidates(part, src_lang, by_letter, len(hyp))
                if _cognates(part, hyp[j].text)
            }
            how = "cognate"
        else:
            how = how_same
        links.extend(Link(i, j, how) for j in sorted(found))
    lexicon = None
    if src_lang != hyp_lang:
        other = src_lang if hyp_lang == "en" else hyp_lang if src_lang == "en" else None
        lexicon = f"{other}-en" if other and load_lexicon(other) is not None else None
    links.sort(key=lambda link: (link.src, link.hyp))
    hyp_known = tuple(any(_translations(k, hyp_lang, src_lang) for k in w.keys) for w in hyp)
    return Alignment(
        src_lang, hyp_lang, src, hyp, tuple(links), lexicon, tuple(src_known), hyp_known
    )


def clear_caches() -> None:
    """Forget loaded lexicons and cached alignments (after the lexicon files changed)."""
    align.cache_clear()
    _translations.cache_clear()
    load_lexicon.cache_clear()
    forget_notices()
