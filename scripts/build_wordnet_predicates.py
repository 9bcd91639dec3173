"""Derive evalsuite's predicate table from the WordNet 3.0 database files.

    python scripts/build_wordnet_predicates.py [--wordnet DIR] [--output FILE]

`role_reversal` must know that "hit", "struck" and "attacked" name one event and that "the
invasion of" is the noun of "invade". The WordNet database has both, but it is 28 MB and not
installable without root (Debian's `wordnet-base`), so this script reads it once and writes a
compact table that ships with the package (evalsuite/resources/wordnet_predicates.tsv):

- one `v` row per verb lemma: its synsets (WordNet 3.0 offsets, all senses, most frequent
  first) and the direct hypernyms of those synsets, leaving out hypernyms so general that they
  say little about the event (change, be, move, act, make, remove, ...: more than
  GENERAL_TROPONYMS direct troponyms);
- one `n` row per event noun: a noun whose most frequent sense is an act, event,
  communication, possession or process and whose word is derivationally related to verbs
  ("invasion" -> invade), with those verbs' synsets;
- one `s` row per verb synset with anything to say: its direct informative hypernyms, the
  synsets it is broadly related to (`related_synsets`: sisters under a specific parent, a
  specific grandparent, verb group, "see also", entailment, and the verbs of the hypernyms of
  its derived nouns, antonyms never), its antonyms, and which of WordNet's sentence frames
  15, 16 and 24 it has ("Somebody ----s something to somebody", "... from somebody",
  "Somebody ----s somebody to INFINITIVE").

Sources (either works, the first found is read): --wordnet DIR; /usr/share/wordnet (Debian:
`apt-get install wordnet-base`); NLTK's corpus folder (nltk_data/corpora/wordnet, which a user
without root can fetch with `python -m nltk.downloader wordnet` where the network allows).
WordNet 3.0 is Copyright 2006 by Princeton University and its licence allows redistribution
of derived data with its notice, which the table's header carries (see
evalsuite/resources/WORDNET_LICENSE).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "evalsuite" / "resources" / "wordnet_predicates.tsv"
SEARCH = (Path("/usr/share/wordnet"), Path.home() / "nltk_data" / "corpora" / "wordnet",
          Path("/usr/share/nltk_data/corpora/wordnet"))  # fmt: skip
GENERAL_TROPONYMS = 60
"""A hypernym with more direct troponyms than this (change: 401, be: 137, move: 123, act: 73,
put: 77) is too general to make two verbs one event; hit (45) and kill (36) are kept."""
SPECIFIC_PARENT = 20
"""Two kinds of one event count as one only under a parent this specific (beat "defeat
soundly": 18 troponyms, so thrash / rout; call "send for": 9, so summon / call in) that is not
the root of its hierarchy (touch, a root, keeps kiss and hit apart)."""
SPECIFIC_GRANDPARENT = 30
"""A hypernym two steps up counts when it has at most this many troponyms and is no root
(condemn -> denounce -> criticise)."""
SPECIFIC_NOUN_PARENT = 30
"""The derived event nouns of two verbs relate them when the one's noun is a kind of the
other's, under a noun hypernym with at most this many hyponyms. Nouns of persons are not
used: "grantee" is a kind of "recipient", and so would grant be of receive."""
FRAMES = ("15", "16", "24")
"""Sentence frames kept: to somebody, from somebody, somebody to INFINITIVE (object control)."""
# Lexicographer files of nouns that name events (WordNet's lexnames numbers).
EVENT_NOUN_FILES = {"04": "act", "11": "event", "10": "communication", "21": "possession",
                    "22": "process"}  # fmt: skip

HEADER = """\
# Derived from WordNet 3.0 by scripts/build_wordnet_predicates.py; do not edit by hand.
# v <lemma> <synsets, most frequent sense first> <their direct hypernyms, general ones left out>
# n <event noun> <verb synsets its word is derivationally related to> <their hypernyms>
# s <verb synset> <direct hypernyms> <broadly related synsets> <antonyms> <frames 15/16/24>
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR
# ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION
# WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# Full licence: evalsuite/resources/WORDNET_LICENSE.
"""

Synset = tuple[str, list[str], list[tuple[str, str, str, str]], list[str]]
"""(lexicographer file, words, pointers (symbol, offset, pos, source/target), verb frames)."""


def find_wordnet(given: Path | None) -> Path:
    for folder in ([given] if given else []) + list(SEARCH):
        if (folder / "data.verb").is_file() and (folder / "index.verb").is_file():
            return folder
    raise FileNotFoundError(
        "no WordNet 3.0 database (data.verb, index.verb): install Debian's wordnet-base, or "
        "NLTK's wordnet corpus, or pass --wordnet DIR"
    )


def read_data(path: Path) -> dict[str, Synset]:
    """Synsets of one data.POS file (format: WordNet's wndb(5WN) man page)."""
    synsets: dict[str, Synset] = {}
    with path.open(encoding="latin-1") as handle:
        for line in handle:
            if line.startswith("  "):
                continue  # the licence at the top of the file
            fields = line.partition(" | ")[0].split()
            offset, lexfile, count = fields[0], fields[1], int(fields[3], 16)
            words = [fields[4 + 2 * k].lower() for k in range(count)]
            at = 4 + 2 * count
            pointer_count = int(fields[at])
            pointers = [tuple(fields[at + 1 + 4 * k : at + 5 + 4 * k])
                        for k in range(pointer_count)]  # fmt: skip
            at += 1 + 4 * pointer_count
            frames = fields[at + 2 :: 3] if at < len(fields) else []  # "+ f_num w_num" each
            synsets[offset] = (lexfile, [_plain(w) for w in words], pointers, frames)  # type: ignore[assignment]
    return synsets


def read_index(path: Path) -> dict[str, list[str]]:
    """Lemma -> synset offsets, most frequent sense first."""
    index: dict[str, list[str]] = {}
    with path.open(encoding="latin-1") as handle:
        for line in handle:
            if line.startswith("  "):
                continue
            fields = line.split()
            pointer_count = int(fields[3])
            index[_plain(fields[0])] = fields[6 + pointer_count :]
    return index


def _plain(word: str) -> str:
    """WordNet writes "shoot_down" and marks adjective positions as "(a)"; spaCy's particles
    read "shoot down"."""
    return word.split("(")[0].replace("_", " ")


def informative_hypernyms(verbs: dict[str, Synset]) -> dict[str, list[str]]:
    """Each verb synset's direct hypernyms, less those with over GENERAL_TROPONYMS troponyms."""
    troponyms: dict[str, int] = defaultdict(int)
    for _, _, pointers, _ in verbs.values():
        for symbol, target, pos, _ in pointers:
            if symbol == "@" and pos == "v":
                troponyms[target] += 1
    return {
        offset: [t for symbol, t, pos, _ in pointers
                 if symbol == "@" and pos == "v" and troponyms[t] <= GENERAL_TROPONYMS]
        for offset, (_, _, pointers, _) in verbs.items()
    }  # fmt: skip


def verb_rows(index: dict[str, list[str]], hypernyms: dict[str, list[str]]) -> list[str]:
    rows = []
    for lemma, senses in sorted(index.items()):
        above = dict.fromkeys(h for sense in senses for h in hypernyms[sense])
        rows.append(f"v\t{lemma}\t{','.join(senses)}\t{','.join(above)}")
    return rows


def noun_rows(
    nouns: dict[str, Synset], index: dict[str, list[str]], hypernyms: dict[str, list[str]]
) -> list[str]:
    """Event nouns (their most frequent sense names an act or event, so "president" is out)
    and the verb synsets their word is derivationally related to in those senses."""
    rows = []
    for noun, senses in sorted(index.items()):
        if " " in noun or nouns[senses[0]][0] not in EVENT_NOUN_FILES:
            continue
        related: dict[str, None] = {}
        for sense in senses:
            lexfile, words, pointers, _ = nouns[sense]
            if lexfile not in EVENT_NOUN_FILES:
                continue
            for symbol, target, pos, source_target in pointers:
                derived = symbol == "+" and pos == "v" and source_target != "0000"
                if derived and words[int(source_target[:2], 16) - 1] == noun:
                    related[target] = None
        if related:
            above = dict.fromkeys(h for verb in related for h in hypernyms[verb])
            rows.append(f"n\t{noun}\t{','.join(related)}\t{','.join(above)}")
    return rows


def _targets(synset: Synset, symbols: tuple[str, ...], pos: str = "v") -> list[str]:
    return [target for symbol, target, p, _ in synset[2] if symbol in symbols and p == pos]


def related_synsets(
    verbs: dict[str, Synset], nouns: dict[str, Synset], hypernyms: dict[str, list[str]]
) -> dict[str, set[str]]:
    """Each verb synset's broad relatives (symmetric; antonyms removed): how far one event's
    name may stray from the other's and still be compared as one event."""
    troponyms: dict[str, list[str]] = defaultdict(list)
    for offset, synset in verbs.items():
        for parent in _targets(synset, ("@",)):
            troponyms[parent].append(offset)
    hyponym_count: dict[str, int] = defaultdict(int)
    for synset in nouns.values():
        for parent in _targets(synset, ("@", "@i"), "n"):
            hyponym_count[parent] += 1
    def specific(parent: str, most: int) -> bool:
        """Not the root of a hierarchy (touch, get, give "gift": WordNet's most general verbs
        of their kind) and with at most `most` troponyms."""
        return bool(_targets(verbs[parent], ("@",))) and len(troponyms[parent]) <= most

    related: dict[str, set[str]] = defaultdict(set)
    for offset, synset in verbs.items():
        found = related[offset]
        for parent in hypernyms[offset]:
            if specific(parent, SPECIFIC_PARENT):
                found.update(troponyms[parent])
            found.update(g for g in hypernyms[parent] if specific(g, SPECIFIC_GRANDPARENT))
        found.update(_targets(synset, ("$", "^", "*")))
        for noun in _targets(synset, ("+",), "n"):
            if nouns[noun][0] not in EVENT_NOUN_FILES:
                continue  # "grantee" is a kind of "recipient": persons cross roles
            for parent in _targets(nouns[noun], ("@", "@i"), "n"):
                if hyponym_count[parent] <= SPECIFIC_NOUN_PARENT:
                    found.update(_targets(nouns[parent], ("+",)))
    for offset, found in list(related.items()):
        for other in found:
            related[other].add(offset)
    for offset, synset in verbs.items():
        related[offset] -= {offset, *_targets(synset, ("!",)), *hypernyms[offset]}
    return related


def synset_rows(
    verbs: dict[str, Synset], hypernyms: dict[str, list[str]], related: dict[str, set[str]]
) -> list[str]:
    rows = []
    for offset, synset in sorted(verbs.items()):
        antonyms = _targets(synset, ("!",))
        frames = sorted({f for f in synset[3] if f in FRAMES}, key=FRAMES.index)
        fields = (hypernyms[offset], sorted(related[offset]), antonyms, frames)
        if any(fields):
            rows.append("\t".join(["s", offset, *(",".join(f) for f in fields)]))
    return rows


def build(wordnet: Path) -> str:
    verbs = read_data(wordnet / "data.verb")
    nouns = read_data(wordnet / "data.noun")
    hypernyms = informative_hypernyms(verbs)
    rows = verb_rows(read_index(wordnet / "index.verb"), hypernyms)
    rows += noun_rows(nouns, read_index(wordnet / "index.noun"), hypernyms)
    rows += synset_rows(verbs, hypernyms, related_synsets(verbs, nouns, hypernyms))
    return HEADER + "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=None, help="folder with data.verb ...")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    try:
        folder = find_wordnet(args.wordnet)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    text = build(folder)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=args.output.parent, prefix=".wordnet-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(temp, 0o644)
    os.replace(temp, args.output)
    print(f"{args.output}: {text.count(chr(10)) - HEADER.count(chr(10))} rows from {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
