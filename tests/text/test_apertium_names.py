"""Apertium's proper nouns, read from a `.dix` file: which entries are names, of what kind,
and how a missing or broken dictionary is handled."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalsuite.text.apertium_names import (
    ENV_VAR,
    hindi_proper_nouns,
    name_key,
    read_proper_nouns,
)
from evalsuite.text.names import find_names
from tests.fixtures.lexicons import HIN_DIX, tiny_lexicon_dir, tiny_lexicons

__all__ = ["tiny_lexicon_dir", "tiny_lexicons"]


def test_one_word_proper_nouns_with_their_class(tmp_path: Path) -> None:
    dix = tmp_path / "hin.dix"
    dix.write_text(HIN_DIX, encoding="utf-8")
    assert read_proper_nouns(dix) == {
        "गांधी": "PERSON",  # chandrabindu read as anusvara
        "नेहरू": "PERSON",
        "विजय": "PERSON",
        "यूरोप": "LOC",
        "गजनी": "LOC",  # without nukta
    }  # not the two-word name, the entry spelled as another place, "उत्तर" (al), a noun


def test_spelling_variants_share_a_key() -> None:
    assert name_key("गाँधी") == name_key("गांधी")
    assert name_key("ग़ज़नी") == name_key("गजनी")
    assert name_key("ज़\u200dरा") == name_key("जरा")


def test_no_dictionary_means_no_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "absent.dix"))
    hindi_proper_nouns.cache_clear()
    try:
        assert hindi_proper_nouns() == {}
    finally:
        hindi_proper_nouns.cache_clear()


def test_a_broken_dictionary_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.dix"
    broken.write_text("<dictionary><section>", encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(broken))
    hindi_proper_nouns.cache_clear()
    try:
        with pytest.raises(ValueError, match="broken.dix"):
            hindi_proper_nouns()
    finally:
        hindi_proper_nouns.cache_clear()


def test_hindi_finder_makes_listed_names_strong(tiny_lexicons: Path) -> None:
    names = {n.text: n for n in find_names("गांधी ने यूरोप की यात्रा की, विजय हुई।", "hi")}
    assert (names["गांधी"].strong, names["गांधी"].label, names["गांधी"].how) == (
        True, "PERSON", "apertium",
    )  # fmt: skip
    # The lexicon knows "यूरोप" only by its own sound (Europe): a name's entry.
    assert names["यूरोप"].strong and names["यूरोप"].label == "LOC"
    # Listed as a given name, but the lexicon knows it as a word (victory): no name.
    assert "विजय" not in names
    assert "यात्रा" not in names
