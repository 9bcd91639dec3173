"""Hindi suffix stripping: the lightweight stemmer of Ramanathan and Rao (2003).

A. Ramanathan and D. D. Rao, "A Lightweight Stemmer for Hindi", EACL 2003 workshop on
Computational Linguistics for South-Asian Languages: a hand-made list of inflectional suffixes
(case, number and gender endings of nouns and adjectives, tense and aspect endings of verbs),
the longest matching one stripped. It is the Hindi stemmer of XL-Sum's multilingual ROUGE
(Hasan et al., 2021), so stemmed Hindi ROUGE here is comparable with published XL-Sum numbers.

Unlike Snowball's Hindi stemmer, which strips down to a single letter, a suffix is only
stripped when at least two characters stay: the postpositions के, को and की are three words,
not one stem क.
"""

from __future__ import annotations

from functools import lru_cache

from evalsuite.text.memo_sizes import WORD_MEMO

__all__ = ["HINDI_SUFFIXES", "MIN_STEM", "stem_hindi"]

# The paper's suffixes, by length in code points (longest first).
HINDI_SUFFIXES: dict[int, tuple[str, ...]] = {
    length: tuple(words.split())
    for length, words in (
        (5, "ाएंगी ाएंगे ाऊंगी ाऊंगा ाइयाँ ाइयों ाइयां"),
        (4, "ाएगी ाएगा ाओगी ाओगे एंगी ेंगी एंगे ेंगे ूंगी ूंगा ातीं नाओं नाएं ताओं ताएं ियाँ ियों "
            "ियां"),
        (3, "ाकर ाइए ाईं ाया ेगी ेगा ोगी ोगे ाने ाना ाते ाती ाता तीं ाओं ाएं ुओं ुएं ुआं"),
        (2, "कर ाओ िए ाई ाए ने नी ना ते ीं ती ता ाँ ां ों ें"),
        (1, "ो े ू ु ी ि ा"),
    )
}
MIN_STEM = 2
"""Characters that must stay in front of a stripped suffix."""


@lru_cache(maxsize=WORD_MEMO)
def stem_hindi(token: str) -> str:
    """`token` without its longest listed suffix, when `MIN_STEM` characters stay."""
    for length, suffixes in HINDI_SUFFIXES.items():
        if len(token) >= length + MIN_STEM and token.endswith(suffixes):
            return token[:-length]
    return token
