"""Cross-lingual alignment of a translation with its source, from data that ships or installs.

`align(src_text, src_lang, hyp_text, hyp_lang)` links the content words of both sides through a
bilingual lexicon (FreeDict, CC-CEDICT; see `evalsuite.align.build`), numbers, and cognates or
transliterations (names), and says which source words the output covers and which output words
the source supports. Checks build on it; it decides nothing itself.
"""

from __future__ import annotations

from evalsuite.align.aligner import Alignment, Link, align, clear_caches, translations
from evalsuite.align.lexicon import Lexicon, lexicon_dir, load_lexicon
from evalsuite.align.words import Word, content_words

__all__ = [
    "Alignment",
    "Lexicon",
    "Link",
    "Word",
    "align",
    "clear_caches",
    "content_words",
    "lexicon_dir",
    "load_lexicon",
    "translations",
]
