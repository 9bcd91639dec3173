"""Derive evalsuite's word-case table from the WordNet 3.0 database files.

    python scripts/build_wordnet_words.py [--wordnet DIR] [--output FILE]

The entity checks must tell a capitalised common word from a name: "Boss" in "Boss Ashley",
"Broadcaster" in "Broadcaster Sky" or "Tributes" opening a sentence are capitalised only
because they open it, while "Mark" or "Grant" may well be first names. WordNet keeps the case
of its lemmas ("boss" is a common noun, "Mark" and "Grant" are also proper nouns), and files
nouns of people in one lexicographer file (noun.person: boss, broadcaster, singer, striker),
so one pass over its data files (and the irregular forms of its exception lists: "media",
"men") gives, per single-word lemma:

- `c`: WordNet has it in lower case (a common word, of any part of speech);
- `p`: a lower-case noun of a person (a role or title: boss, singer, chancellor);
- `C`: WordNet also has it capitalised (a proper noun: a person, place or people).

Only words of letters (hyphens and apostrophes inside) are kept, folded to lower case, one
row per word with its flags. Sources, as for build_wordnet_predicates.py: --wordnet DIR;
/usr/share/wordnet (Debian: `apt-get install wordnet-base`); NLTK's corpus folder. WordNet 3.0
is Copyright 2006 by Princeton University; its licence allows redistribution of derived data
with its notice, which the table's header carries (evalsuite/resources/WORDNET_LICENSE).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "evalsuite" / "resources" / "wordnet_words.tsv"
SEARCH = (Path("/usr/share/wordnet"), Path.home() / "nltk_data" / "corpora" / "wordnet",
          Path("/usr/share/nltk_data/corpora/wordnet"))  # fmt: skip
DATA_FILES = ("data.noun", "data.verb", "data.adj", "data.adv")
EXCEPTION_FILES = ("noun.exc", "verb.exc", "adj.exc", "adv.exc")
PERSON_FILE = "18"
"""WordNet's lexicographer file number of noun.person."""
WORD = re.compile(r"^[A-Za-z]+(?:['-][A-Za-z]+)*$")

HEADER = """\
# Derived from WordNet 3.0 by scripts/build_wordnet_words.py; do not edit by hand.
# <word, lower case> <flags: c = a lower-case lemma, p = a lower-case noun of a person,
#                           C = also a capitalised lemma (a proper noun)>
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR
# ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION
# WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# Full licence: evalsuite/resources/WORDNET_LICENSE.
"""


def find_wordnet(given: Path | None) -> Path:
    for folder in [given] if given else SEARCH:
        if folder is not None and (folder / "data.noun").is_file():
            return folder
    raise SystemExit(
        "error: no WordNet 3.0 database found (data.noun); install Debian's wordnet-base "
        "or pass --wordnet DIR"
    )


def lemmas(line: str) -> tuple[str, list[str]]:
    """The lexicographer file and the words of one data-file line ("00001740 03 n 01 entity 0
    003 ..."); adjective markers such as "(a)" are cut off."""
    fields = line.split()
    count = int(fields[3], 16)
    words = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]) for i in range(count)]
    return fields[1], words


def build(wordnet: Path) -> str:
    flags: dict[str, set[str]] = {}
    for name in DATA_FILES:
        with (wordnet / name).open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith(" "):
                    continue  # the licence at the top of each file
                lexfile, words = lemmas(line)
                for word in words:
                    if not WORD.match(word):
                        continue
                    key = word.lower()
                    if word[0].isupper():
                        flags.setdefault(key, set()).add("C")
                    elif word.islower():
                        flags.setdefault(key, set()).add("c")
                        if name == "data.noun" and lexfile == PERSON_FILE:
                            flags[key].add("p")
    # Irregular forms ("media" of "medium", "men" of "man") take their lemma's lower-case flags.
    for name in EXCEPTION_FILES:
        with (wordnet / name).open(encoding="utf-8") as handle:
            for line in handle:
                inflected, *bases = line.split()
                found = set().union(*(flags.get(b, set()) for b in bases)) - {"C"}
                if WORD.match(inflected) and found:
                    flags.setdefault(inflected, set()).update(found)
    order = "cpC"
    rows = [f"{w}\t{''.join(f for f in order if f in fs)}" for w, fs in sorted(flags.items())]
    return HEADER + "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=None, help="WordNet 3.0 dict folder")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    table = build(find_wordnet(args.wordnet))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=args.output.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(table)
    os.replace(tmp, args.output)
    print(f"wrote {args.output} ({table.count(chr(10)) - HEADER.count(chr(10))} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
