"""The Hunspell reader: character sets, flag formats, prefixes and suffixes, directives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from evalsuite.text.hunspell_lexicon import load_hunspell


def _write(directory: Path, name: str, aff: str, dic: str, encoding: str) -> None:
    (directory / f"{name}.aff").write_bytes(aff.encode(encoding))
    (directory / f"{name}.dic").write_bytes(dic.encode(encoding))


@pytest.fixture
def hunspell_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("EVALSUITE_HUNSPELL_DIR", str(tmp_path))
    load_hunspell.cache_clear()
    yield tmp_path
    load_hunspell.cache_clear()


def test_a_legacy_character_set_and_a_prefix_with_a_suffix(hunspell_dir: Path) -> None:
    # Polish-like: ISO8859-2, a prefix "nie" that combines with a suffix.
    aff = (
        "SET ISO8859-2\n"
        "PFX b Y 1\nPFX b 0 nie .\n"
        "SFX a Y 1\nSFX a y ego y\n"
        "ONLYINCOMPOUND o\n"
    )
    dic = "3\nważny/ab\nKraków\nżółw/o\n"
    _write(hunspell_dir, "xx_PL", aff, dic, "iso8859-2")
    lexicon = load_hunspell("xx_PL")
    assert lexicon is not None
    assert lexicon.stems_of("ważnego") == {"ważny"}
    assert lexicon.stems_of("nieważny") == {"ważny"}
    assert lexicon.stems_of("nieważnego") == {"ważny"}  # prefix and suffix together
    assert lexicon.stems_of("Kraków") == {"Kraków"}
    assert lexicon.stems_of("niekraków") == frozenset()
    assert lexicon.options["ONLYINCOMPOUND"] == "o"


def test_long_flags_and_morphological_fields(hunspell_dir: Path) -> None:
    # French-like: two-letter flags, entries followed by morphological fields.
    aff = "SET UTF-8\nFLAG long\nSFX S. Y 1\nSFX S. 0 s [^sxz]\n"
    dic = "2\ngouvernement/S.\tpo:nom\nMacron\tpo:npr\n"
    _write(hunspell_dir, "xx_FR", aff, dic, "utf-8")
    lexicon = load_hunspell("xx_FR")
    assert lexicon is not None
    assert lexicon.stems["gouvernement"] == {"S."}
    assert lexicon.stems_of("gouvernements") == {"gouvernement"}
    assert lexicon.stems_of("Macrons") == frozenset()  # no flag, no suffix
    assert lexicon.stems_of("Macron") == {"Macron"}


def test_a_prefix_condition_reads_the_stem_start(hunspell_dir: Path) -> None:
    aff = "PFX u Y 1\nPFX u 0 un [^u]\n"
    dic = "2\nklar/u\nulkig/u\n"
    _write(hunspell_dir, "xx_DE", aff, dic, "utf-8")
    lexicon = load_hunspell("xx_DE")
    assert lexicon is not None
    assert lexicon.stems_of("unklar") == {"klar"}
    assert lexicon.stems_of("unulkig") == frozenset()  # the condition refuses a "u" start
