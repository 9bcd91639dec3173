"""Alignment tests run on tiny lexicons built on the spot (tests/fixtures/lexicons.py)."""

from tests.fixtures.lexicons import tiny_lexicon_dir, tiny_lexicons

__all__ = ["tiny_lexicon_dir", "tiny_lexicons"]
