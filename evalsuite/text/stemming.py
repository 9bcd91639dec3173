"""What ROUGE's stemming means in each language other than English.

English follows rouge-score (Porter on tokens longer than 3 characters; see `text.tokenize`).
Everywhere else, decided per language and compared with XL-Sum's multilingual ROUGE
(Hasan et al., 2021), the reference for ROUGE beyond English:

- Tokens of at most 3 characters are never stemmed, as rouge-score and XL-Sum do. Short words
  are mostly function words, and stemmers cut them to a letter or two: Snowball merges Russian
  она / оно / они into он and French les / des into le / de, which lets sentences that differ in
  exactly those words score as equal.
- Hindi (`hi`): the lightweight stemmer of Ramanathan and Rao (`text.hindi_stemmer`), XL-Sum's,
  which keeps at least two characters. Snowball's Hindi strips के / को / की to क.
- Greek (`el`): no stemming. Snowball's Greek cuts articles and pronouns to one letter (τους ->
  τ) and XL-Sum does not stem Greek, so stemmed Greek ROUGE stays comparable with its numbers.
- Any other language with a Snowball algorithm: that algorithm (snowballstemmer).

XL-Sum also leaves NLTK's stop words unstemmed; no stop-word list ships here, so in the Snowball
languages a stop word longer than 3 characters is stemmed where XL-Sum keeps it.
The names below appear in ROUGE signatures, so a change of rule is a change of name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from evalsuite.text.hindi_stemmer import stem_hindi
from evalsuite.text.language_codes import primary_language

__all__ = [
    "MAX_UNSTEMMED_LENGTH",
    "NOT_STEMMED",
    "SNOWBALL_LANGUAGES",
    "Stemmer",
    "snowball_algorithm",
    "snowball_stem",
    "stemmer_for",
]

MAX_UNSTEMMED_LENGTH = 3
"""Tokens this long or shorter keep their form."""

# Languages where stemming is decided against, with the reason (for README and errors).
NOT_STEMMED: dict[str, str] = {
    "el": "Snowball's Greek cuts articles and pronouns to one letter; XL-Sum does not stem Greek",
}

# ISO 639-1 code -> Snowball algorithm name (only languages Snowball has a stemmer for).
SNOWBALL_LANGUAGES: dict[str, str] = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german",
    "el": "greek", "en": "english", "eo": "esperanto", "es": "spanish", "et": "estonian",
    "eu": "basque", "fa": "persian", "fi": "finnish", "fr": "french", "ga": "irish",
    "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian", "it": "italian",
    "lt": "lithuanian", "nb": "norwegian", "ne": "nepali", "nl": "dutch", "nn": "norwegian",
    "no": "norwegian", "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian",
    "sr": "serbian", "st": "sesotho", "sv": "swedish", "ta": "tamil", "tr": "turkish",
    "yi": "yiddish",
}  # fmt: skip


@dataclass(frozen=True)
class Stemmer:
    """A language's stemmer: its name in signatures and the function on one token."""

    name: str
    stem: Callable[[str], str]


@lru_cache(maxsize=64)
def _snowball_stemmer(algorithm: str) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer(algorithm)


def snowball_algorithm(lang: str | None) -> str | None:
    """Snowball algorithm for `lang`, or None when there is none or snowballstemmer is absent."""
    primary = primary_language(lang)
    if primary is None:
        return None
    algorithm = SNOWBALL_LANGUAGES.get(primary, primary)
    try:
        import snowballstemmer
    except ImportError:
        return None
    return algorithm if algorithm in snowballstemmer.algorithms() else None


@lru_cache(maxsize=1 << 18)
def snowball_stem(algorithm: str, token: str) -> str:
    """Snowball stem of `token` (cached: corpora repeat their words)."""
    stem: str = _snowball_stemmer(algorithm).stemWord(token)
    return stem


def _long_only(stem: Callable[[str], str], token: str) -> str:
    return stem(token) if len(token) > MAX_UNSTEMMED_LENGTH else token


def stemmer_for(lang: str | None) -> Stemmer | None:
    """The stemmer ROUGE uses for `lang` (not English), or None where there is none."""
    primary = primary_language(lang)
    if primary is None or primary in NOT_STEMMED:
        return None
    suffix = f">{MAX_UNSTEMMED_LENGTH}"
    if primary == "hi":
        return Stemmer(f"hindi-light{suffix}", partial(_long_only, stem_hindi))
    algorithm = snowball_algorithm(primary)
    if algorithm is None:
        return None
    return Stemmer(
        f"snowball-{algorithm}{suffix}", partial(_long_only, partial(snowball_stem, algorithm))
    )


def clear_caches() -> None:
    """Forget cached stems (benchmarks time a cold start)."""
    snowball_stem.cache_clear()
    stem_hindi.cache_clear()
