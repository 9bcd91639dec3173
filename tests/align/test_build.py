"""The lexicon builder: dictd and CC-CEDICT parsing, the file format, lazy loading."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from evalsuite.align.build import lexicon_entries, main
from evalsuite.align.cedict import cedict_pairs
from evalsuite.align.freedict import entry_pairs, read_dictd
from evalsuite.align.keys import english_key, lexeme_key
from evalsuite.align.lexicon import read_lexicon, write_lexicon
from tests.fixtures.lexicons import DEU_ENG, JPN_ENG, TINY_LANGS, b64, write_dictd


def test_dictd_offsets_round_trip(tmp_path: Path) -> None:
    assert [b64(0), b64(63), b64(64), b64(4097)] == ["A", "/", "BA", "BAB"]
    index = write_dictd(tmp_path, "freedict-deu-eng", DEU_ENG[:3])
    texts = list(read_dictd(index, tmp_path / "freedict-deu-eng.dict"))
    assert [t.split(" /")[0] for t in texts] == ["Regierung", "Sprecher", "Krankheit"]


def test_entries_drop_pronunciation_tags_notes_and_cross_references() -> None:
    pairs = set(entry_pairs(DEU_ENG[:2], english_first=False))
    assert ("Regierung", "government") in pairs and ("Regierung", "administration") in pairs
    assert not any("Regierungen" in english or "Person" in english for _, english in pairs)


def test_english_first_dictionaries_are_flipped() -> None:
    entry = "city /ˈsɪti/\n1. город\n2. городской"
    assert set(entry_pairs([entry], english_first=True)) == {
        ("город", "city"),
        ("городской", "city"),
    }


def test_monolingual_definitions_are_not_glosses() -> None:
    entry = "Albin /ˈalbʲĩn/ <pn>\nAlbin\nimię męskie;"
    assert set(entry_pairs([entry], english_first=False)) == {("Albin", "Albin")}


def test_japanese_gloss_glued_to_a_note_is_recovered() -> None:
    pairs = set(entry_pairs(JPN_ENG, english_first=False))
    assert ("猫", "cat") in pairs
    assert ("言う", "to say") in pairs
    assert not any("usually written" in english for _, english in pairs)


def test_cedict_keeps_both_scripts_and_drops_pointers(tmp_path: Path) -> None:
    path = tmp_path / "cedict.txt"
    path.write_text(
        "城市 城市 [cheng2 shi4] /city/town/CL:座[zuo4]/\n"
        "橋 桥 [qiao2] /bridge/\n隻 只 [zhi1] /variant of 只/\n",
        encoding="utf-8",
    )
    pairs = set(cedict_pairs(path))
    assert {("城市", "city"), ("桥", "bridge"), ("橋", "bridge")} <= pairs
    assert not any(english.startswith(("CL", "variant")) for _, english in pairs)


def test_entries_are_keyed_by_stems_on_both_sides() -> None:
    entries = lexicon_entries([("Regierungen", "the governments"), ("bauen", "to build")], "de")
    assert entries[lexeme_key("Regierungen", "de")] == {english_key("governments")}
    assert entries[lexeme_key("bauen", "de")] == {english_key("build")}


def test_tiny_build_writes_every_pair(tiny_lexicon_dir: Path) -> None:
    for lang in TINY_LANGS:
        lexicon = read_lexicon(tiny_lexicon_dir / f"{lang}-en.tsv.gz", lang)
        assert lexicon is not None and len(lexicon) > 3, lang
    de = read_lexicon(tiny_lexicon_dir / "de-en.tsv.gz", "de")
    assert de is not None
    assert english_key("disease") in de.english_for(lexeme_key("Krankheit", "de"))
    assert lexeme_key("Krankheit", "de") in de.foreign_for(english_key("illness"))
    assert any("freedict-deu-eng" in source for source in de.sources)


def test_a_file_with_other_keys_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "de-en.tsv.gz"
    write_lexicon(path, "de", {"hund": {"dog"}}, ["test"])
    assert read_lexicon(path, "de") is not None
    text = gzip.decompress(path.read_bytes()).decode().replace("key_version\t", "key_version\tX")
    path.write_bytes(gzip.compress(text.encode()))
    assert read_lexicon(path, "de") is None


def test_build_cli_without_dictionaries_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("evalsuite.align.build.find_cedict", lambda: None)
    assert main(["--dictd", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "nothing built" in capsys.readouterr().err
