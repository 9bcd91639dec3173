"""Predicate equivalence from WordNet: synonyms and direct kinds are one event, sisters and
antonyms are not; the shipped table is read lazily and is what the build script derives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from evalsuite.text.predicates import (
    american_spelling,
    contrasted,
    derived_verb,
    is_event_noun,
    is_verb,
    object_control,
    opposed,
    predicate_sense,
    same_event,
)

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_wordnet_predicates as build  # noqa: E402

SAME = [
    ("hit", "attack"), ("strike", "attack"), ("strike", "hit"), ("accuse", "blame"),
    ("allow", "let"), ("permit", "allow"), ("beat", "defeat"), ("praise", "commend"),
    ("sack", "dismiss"), ("fire", "dismiss"), ("buy", "purchase"), ("back", "support"),
    ("warn", "caution"), ("shoot down", "down"), ("question", "interrogate"),
    # broader: sisters under a specific parent, a specific grandparent, verb groups
    ("thrash", "rout"), ("summon", "call in"), ("condemn", "criticize"), ("move", "relocate"),
]  # fmt: skip
DIFFERENT = [
    ("kiss", "hit"), ("praise", "criticise"), ("buy", "sell"), ("lend", "borrow"),
    ("hire", "fire"), ("move", "attack"), ("precede", "follow"), ("arrest", "release"),
    ("give", "receive"), ("win", "lose"), ("attack", "defend"), ("import", "export"),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b"), SAME)
def test_synonyms_and_kinds_are_one_event(a: str, b: str) -> None:
    assert same_event(a, b) and same_event(b, a)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_sisters_antonyms_and_converses_are_not_one_event(a: str, b: str) -> None:
    assert not same_event(a, b) and not same_event(b, a)


@pytest.mark.parametrize(("noun", "verb"), [("invasion", "invade"), ("criticism", "criticize"),
                                            ("capture", "seize"), ("acquisition", "acquire")])
def test_event_nouns_read_as_their_verbs(noun: str, verb: str) -> None:
    assert same_event(noun, verb, a_noun=True)


@pytest.mark.parametrize(("a", "b"), [("praise", "criticise"), ("hire", "fire"),
                                    ("lend", "borrow"), ("attack", "defend")])
def test_antonyms_are_opposed_in_both_directions(a: str, b: str) -> None:
    assert opposed(a, b) and opposed(b, a) and not opposed(a, a)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("lead", "trail", True),  # trail -> lag -> follow, the antonym of lead
    ("lead", "follow", True), ("buy", "sell", True), ("hire", "fire", True),
    ("hire", "recruit", False), ("detain", "arrest", False), ("attack", "attack", False),
])  # fmt: skip
def test_contrast_reaches_antonyms_through_kinds(a: str, b: str, expected: bool) -> None:
    assert contrasted(a, b) is expected and contrasted(b, a) is expected


@pytest.mark.parametrize(("lemma", "controls"), [("urge", True), ("pressure", True),
                                                 ("call on", True), ("attack", False),
                                                 ("focus on", False)])
def test_object_control_comes_from_wordnet_frame_24(lemma: str, controls: bool) -> None:
    assert object_control(lemma) is controls


def test_phrasal_verbs_are_verbs_of_their_own() -> None:
    assert is_verb("call in") and is_verb("call") and not is_verb("call russia")


def test_british_spellings_find_wordnets_american_lemma() -> None:
    assert american_spelling("penalise") == "penalize"
    assert american_spelling("analyse") == "analyze"
    assert american_spelling("honour") == "honor"
    assert american_spelling("rise") == "rise" and american_spelling("four") == "four"
    assert predicate_sense("criticise") == predicate_sense("criticize") != predicate_sense("x")
    assert is_verb("penalise") and same_event("criticise", "criticize")
    assert is_event_noun("organisation") is is_event_noun("organization")


def test_unknown_words_match_only_themselves() -> None:
    assert predicate_sense("frobnicate").senses == ()
    assert same_event("frobnicate", "frobnicate")
    assert not same_event("frobnicate", "attack")
    assert predicate_sense("president", noun=True).senses == ()  # a person, not an event


def test_importing_the_checks_does_not_read_the_table() -> None:
    code = (
        "import evalsuite, evalsuite.checks.runner\n"
        "from evalsuite.text import predicates\n"
        "assert predicates._rows.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def _write_wordnet(folder: Path) -> None:
    """A three-synset WordNet in the database format (wndb(5WN))."""
    verbs = [
        "00000001 33 v 02 attack 0 assail 0 003 ~ 00000002 v 0000 ~ 00000004 v 0000 "
        "@ 00000005 v 0000 01 + 08 00 | begin hostilities",
        "00000002 33 v 02 strike 0 hit 0 002 @ 00000001 v 0000 ! 00000004 v 0000 02 + 08 00 "
        "+ 24 00 | make an assault",
        "00000003 40 v 01 shoot_down 0 000 01 + 08 00 | fell",
        "00000004 33 v 01 raid 0 002 @ 00000001 v 0000 ! 00000002 v 0000 01 + 16 00 | a raid",
        "00000005 33 v 01 fight 0 001 ~ 00000001 v 0000 01 + 02 00 | fight",
    ]
    nouns = ["00000009 04 n 01 attack 0 001 + 00000001 v 0101 | an offensive"]
    (folder / "data.verb").write_text("  licence line\n" + "\n".join(verbs) + "\n")
    (folder / "data.noun").write_text("\n".join(nouns) + "\n")
    (folder / "index.verb").write_text(
        "attack v 1 1 ~ 1 0 00000001\nhit v 1 1 @ 1 0 00000002\n"
        "shoot_down v 1 0 1 0 00000003\nstrike v 1 1 @ 1 0 00000002\n"
    )
    (folder / "index.noun").write_text("attack n 1 1 + 1 0 00000009\n")


def test_build_reads_the_wordnet_database_format(tmp_path: Path) -> None:
    _write_wordnet(tmp_path)
    rows = build.build(tmp_path).splitlines()
    assert "v\tstrike\t00000002\t00000001" in rows
    assert "v\tshoot down\t00000003\t" in rows
    assert "n\tattack\t00000001\t00000005" in rows
    assert rows[0].startswith("# Derived from WordNet 3.0")
    # strike and raid are sisters under attack, which is no root (a kind of fight), but
    # antonyms here: never related. Frames 24 and 16 are kept, frame 8 is not.
    assert "s\t00000002\t00000001\t\t00000004\t24" in rows
    assert "s\t00000004\t00000001\t\t00000002\t16" in rows


def test_build_relates_sisters_under_a_specific_parent(tmp_path: Path) -> None:
    _write_wordnet(tmp_path)
    text = (tmp_path / "data.verb").read_text().replace(" ! 00000004 v 0000", " $ 00000003 v 0000")
    text = text.replace(" ! 00000002 v 0000", " @ 00000005 v 0000")
    (tmp_path / "data.verb").write_text(text)
    rows = build.build(tmp_path).splitlines()
    strike = next(r for r in rows if r.startswith("s\t00000002\t")).split("\t")
    assert "00000004" in strike[3].split(",")  # raid, a sister under attack
    assert "00000003" in strike[3].split(",")  # shoot down, in its verb group


def test_build_says_what_it_needs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build.main(["--wordnet", str(tmp_path), "--output", str(tmp_path / "t.tsv")]) in (0, 2)
    if not (tmp_path / "t.tsv").exists():
        assert "wordnet-base" in capsys.readouterr().err


@pytest.mark.skipif(not (Path("/usr/share/wordnet") / "data.verb").is_file(),
                    reason="WordNet 3.0 (Debian wordnet-base) not installed")  # fmt: skip
def test_shipped_table_is_what_the_script_derives() -> None:
    shipped = (ROOT / "evalsuite" / "resources" / build.OUTPUT.name).read_text(encoding="utf-8")
    assert build.build(Path("/usr/share/wordnet")) == shipped


@pytest.mark.parametrize(("noun", "verb"), [
    ("annexation", "annex"), ("seizure", "seize"), ("detention", "detain"),
    ("harassment", "harass"), ("invasion", "invade"),
])  # fmt: skip
def test_a_regular_suffix_makes_a_noun_of_a_verb(noun: str, verb: str) -> None:
    assert derived_verb(noun) == verb
    assert same_event(verb, noun, b_noun=True)


def test_a_noun_made_of_a_verb_is_no_event_noun_by_that_alone() -> None:
    assert derived_verb("government") == "govern"
    assert not is_event_noun("government")
    assert is_event_noun("invasion")
