"""Build evalsuite/resources/legal_forms.tsv: the designators of companies' legal forms.

    .venv/bin/python -m pip install 'evalsuite[legal-forms]'   # cleanco, pinned
    .venv/bin/python scripts/build_legal_forms.py

A company's legal form ("Ltd", "GmbH", "Bt.", "S.p.A.", "sp. z o.o.") closes its name but is
not what the name is about: "Bt." left behind when "Ravenna Bt." is dropped names no company.
The entity checks read this table to leave such words out of a name's head. The forms come
from `cleanco` (MIT; its per-country and per-type term lists), folded like names are
(`evalsuite.text.normalize.fold`), one per line, sorted, so that a rebuild with the same
version changes nothing. Nothing here runs when evalsuite runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evalsuite.text.normalize import fold  # noqa: E402

OUTPUT = Path(__file__).resolve().parent.parent / "evalsuite" / "resources" / "legal_forms.tsv"
VERSION = "2.3"
LICENSE = """\
# cleanco: The MIT License (MIT). Copyright (c) 2015 Paul Solin <paul@paulsolin.com>
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software
# and associated documentation files (the "Software"), to deal in the Software without
# restriction, including without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
# Software is furnished to do so, subject to the following conditions: The above copyright
# notice and this permission notice shall be included in all copies or substantial portions of
# the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A
# PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
# LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
# OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
# DEALINGS IN THE SOFTWARE.
"""


def build() -> str:
    found = metadata.version("cleanco")
    if found != VERSION:
        raise SystemExit(f"error: cleanco {VERSION} expected, {found} installed")
    from cleanco import termdata

    forms: set[str] = set()
    for table in (termdata.terms_by_type, termdata.terms_by_country):
        for terms in table.values():
            forms.update(key for key in (fold(term) for term in terms) if key)
    header = (
        f"# Legal-form designators of companies, folded; from cleanco {VERSION} (termdata) by\n"
        "# scripts/build_legal_forms.py; do not edit by hand.\n" + LICENSE
    )
    return header + "\n".join(sorted(forms)) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    table = build()
    fd, tmp = tempfile.mkstemp(dir=args.output.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(table)
    os.chmod(tmp, 0o644)
    os.replace(tmp, args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
