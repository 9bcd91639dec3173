"""What WordNet says of a word's case: common words, roles, proper nouns (and plurals)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from evalsuite.text.word_case import common_word, proper_lemma, role_noun


@pytest.mark.parametrize(
    ("word", "common", "role", "proper"),
    [
        ("Boss", True, True, False),
        ("broadcaster", True, True, False),
        ("Tributes", True, False, False),  # a plural of a common noun
        ("Media", True, True, False),  # an irregular plural (WordNet's exception list)
        ("boss", True, True, False),  # not the plural of "Bos"
        ("Mark", True, True, True),  # a role, and a first name
        ("China", True, False, True),
        ("Ashley", False, False, False),
        ("Facebook", False, False, False),
    ],
)
def test_word_case(word: str, common: bool, role: bool, proper: bool) -> None:
    assert (common_word(word), role_noun(word), proper_lemma(word)) == (common, role, proper)


@pytest.mark.parametrize(
    ("word", "plural"), [("Tributes", True), ("Officials", True), ("Sky", False), ("Boss", False)]
)
def test_plural_of_common_noun(word: str, plural: bool) -> None:
    from evalsuite.text.word_case import plural_of_common_noun

    assert plural_of_common_noun(word) is plural


ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not (Path("/usr/share/wordnet") / "data.noun").is_file(),
                    reason="WordNet 3.0 (Debian wordnet-base) not installed")  # fmt: skip
def test_shipped_table_is_what_the_script_derives() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_wordnet_words as build

    shipped = (ROOT / "evalsuite" / "resources" / build.OUTPUT.name).read_text(encoding="utf-8")
    assert build.build(Path("/usr/share/wordnet")) == shipped
