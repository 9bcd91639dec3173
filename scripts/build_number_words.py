"""Derive evalsuite's number-word table from the CLDR spell-out rules that ICU ships.

    python scripts/build_number_words.py [--output FILE] [--fixture FILE]

`number_mismatch` compares a translation with a source in another language, so it must read
"čtyři měsíce", "pięciu", "पैंतालीस", "ventotto" and "zweiundzwanzig" by value, in every
grammatical case and gender the language inflects its numbers in. The Unicode CLDR
rule-based number format (RBNF) spells numbers out in each language, case and gender; this
script runs those rules through ICU (PyICU, which builds against the system ICU:
`apt-get install libicu-dev` then `pip install pyicu`) and writes what the reader needs,
evalsuite/resources/number_words.tsv, one row per word form:

    lang  word  value  kind

kinds: `add` (a number word: "pięciu" 5, "dvacet" 20, "пятьсот" 500), `mul` (a hundreds word
that multiplies the number before it: "set" in "pět set"), `scale` (a thousands word used
after one: "tisíc", "Million"), `scales` (a plural scale word: "tisíce", "milionów", which
alone, with no number before it, means "thousands of"), `piece` (a part only found inside a
one-word compound: Italian "vent" of "ventotto", German "und"), `ord` (an ordinal form).

It also writes a test fixture (tests/fixtures/number_spellouts.tsv): a seeded sample of
numbers as every rule set spells them, which the tests read back by value. ICU is needed only
here; the package reads the shipped table. CLDR data is under the Unicode License v3 (the
table's header carries its notice; the licence text is evalsuite/resources/UNICODE_LICENSE).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "evalsuite" / "resources" / "number_words.tsv"
FIXTURE = ROOT / "tests" / "fixtures" / "number_spellouts.tsv"
LANGUAGES = ("cs", "de", "en", "es", "fr", "hi", "it", "pl", "pt", "ru", "uk")
"""Languages read by words (Chinese and Japanese numerals are characters: text/cjk_numbers.py)."""
SCALES = (100, 1000, 10**5, 10**6, 10**7, 10**9, 10**12)
"""10**5 and 10**7: lakh and crore; elsewhere their last word is the thousand or million word."""
MULTIPLES = (1, 2, 3, 4, 5, 11, 21, 22, 25)
"""Multiples of each scale that show its forms: singular, the 2-4 plural, the 5+ genitive."""
ORDINALS = (*range(1, 32), 40, 50, 60, 70, 80, 90, 100, 1000)
COMPOUNDING = ("de", "it")
"""Languages that write numbers below a million as one word, read piece by piece."""
FIXTURE_SEED = 20240611
FIXTURE_PER_RULE_SET = 12
"""Numbers per rule set in the fixture beyond the first (which spells every sample)."""
SOFT_HYPHEN = "\u00ad"

HEADER = """\
# Number words per language, derived from the Unicode CLDR rule-based number formats (ICU {icu})
# by scripts/build_number_words.py; do not edit by hand (hand-written additions live in
# evalsuite/text/number_words.py). Columns: lang, word, value, kind.
# Unicode CLDR data, Copyright (c) 2004-2025 Unicode, Inc., used under the Unicode License V3,
# whose copyright and permission notice is in evalsuite/resources/UNICODE_LICENSE.
"""


def _formatters(lang: str) -> list[tuple[str, Any]]:
    import icu  # type: ignore[import-not-found]

    formatter = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(lang))
    names = [formatter.getRuleSetName(i) for i in range(formatter.getNumberOfRuleSetNames())]
    return [(name, formatter) for name in names if "year" not in name]


def _tokens(text: str) -> list[list[str]]:
    """Words of a spell-out, each a list of its soft-hyphen pieces (lower case)."""
    words = re.split(r"[\s\-‐]+", text.lower())
    return [[p for p in w.split(SOFT_HYPHEN) if p] for w in words if w.strip(SOFT_HYPHEN)]


def build(languages: tuple[str, ...] = LANGUAGES) -> tuple[str, str]:
    """The table and the fixture, as text."""
    import icu

    rows: list[str] = []
    fixture: list[str] = []
    rng = random.Random(FIXTURE_SEED)
    for lang in languages:
        table = _language(lang)
        rows += [f"{lang}\t{w}\t{_fmt(v)}\t{k}" for w, (v, k) in sorted(table.items())]
        samples = sorted({*range(0, 101), *rng.sample(range(101, 1000), 20),
                          *rng.sample(range(1000, 10**6), 10),
                          *(m * s for s in SCALES[1:] for m in (1, 2, 5))})  # fmt: skip
        rule_sets = [(n, f) for n, f in _formatters(lang) if "ordinal" not in n]
        for i, (name, formatter) in enumerate(rule_sets):
            chosen = samples if i == 0 else sorted(rng.sample(samples, FIXTURE_PER_RULE_SET))
            for n in chosen:
                text = formatter.format(n, name).replace(SOFT_HYPHEN, "")
                fixture.append(f"{lang}\t{name.lstrip('%')}\t{n}\t{text}")
    head = HEADER.format(icu=icu.ICU_VERSION)
    fixture_head = (
        f"# Numbers spelled out by the CLDR rules in ICU {icu.ICU_VERSION}, written by "
        "scripts/build_number_words.py.\n# lang, rule set, value, spell-out\n"
    )
    return head + "\n".join(rows) + "\n", fixture_head + "\n".join(fixture) + "\n"


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def _language(lang: str) -> dict[str, tuple[float, str]]:
    """{word: (value, kind)} for one language; the first reading found wins, smallest first."""
    table: dict[str, tuple[float, str]] = {}
    compound_pieces: dict[str, tuple[float, str]] = {}
    plural: set[str] = set()
    formatters = _formatters(lang)
    cardinals = [(n, f) for n, f in formatters if "ordinal" not in n]
    ordinals = [(n, f) for n, f in formatters if "ordinal" in n]

    def put(word: str, value: float, kind: str) -> None:
        if word and word not in table:
            table[word] = (value, kind)

    for n in range(0, 100):
        for name, formatter in cardinals:
            words = _tokens(formatter.format(n, name))
            if len(words) == 1:
                put("".join(words[0]), n, "add")
    for scale in SCALES:
        for multiple in range(1, 10) if scale == 100 else MULTIPLES:
            n = multiple * scale
            for name, formatter in cardinals:
                words = _tokens(formatter.format(n, name))
                if len(words) == 1 and (len(words[0]) == 1 or lang not in COMPOUNDING):
                    kind = "add" if multiple > 1 else ("mul" if scale == 100 else "scale")
                    put("".join(words[0]), n, kind)
                    continue
                last = words[-1][-1]
                # The scale word's own value: "दस खरब" is ten kharab (10**11 each).
                before = _value([p for w in words for p in w][:-1], table)
                own = n / before if before else scale
                if scale == 100 and multiple < 10:
                    put(last, own, "mul")
                elif scale > 100 and multiple > 1:
                    plural.add(last)
                    put(last, own, "scales")
                elif scale > 100:
                    put(last, own, "scale")
    for scale in SCALES[:2]:  # the form a scale takes before more digits: "ciento" (101)
        for name, formatter in cardinals:
            first = _tokens(formatter.format(scale + 1, name))[0]
            if len(first) == 1:
                put(first[0], scale, "mul" if scale == 100 else "scale")
    for n in ORDINALS:
        for name, formatter in ordinals:
            words = _tokens(formatter.format(n, name))
            if len(words) == 1 and len(words[0]) == 1:
                put(words[0][0], n, "ord")
    # Pieces of one-word compounds: "vent" of "vent-otto" and "cent" of "cent-ottanta" (a
    # word cut short: its value and role), "und" of "ein-und-zwanzig" (what the rest lacks).
    for n in range(0, 1000):
        for name, formatter in cardinals:
            for pieces in _tokens(formatter.format(n, name)):
                unknown = [p for p in pieces if p not in table and p not in compound_pieces]
                if len(pieces) < 2 or len(unknown) != 1:
                    continue
                whole = [w for w in table if w.startswith(unknown[0]) and len(w) > len(unknown[0])]
                cut = table[min(whole, key=len)] if whole else None
                if cut and _value(pieces, {**table, unknown[0]: cut}) == n:
                    compound_pieces[unknown[0]] = cut
                elif n < 100 and not whole:
                    known = sum(table[p][0] for p in pieces if p in table)
                    compound_pieces[unknown[0]] = (max(n - known, 0), "piece")
    for piece, (value, kind) in compound_pieces.items():
        put(piece, value, kind if kind in ("mul", "piece") else "piece")
    for word in plural:  # "тысячи": one thousand's genitive, and the plural of 2-4
        if table[word][1] == "scale":
            table[word] = (table[word][0], "scales")
    return table


def _value(words: list[str], table: dict[str, tuple[float, str]]) -> float:
    """What number words in a row add up to (0 when one is unknown), for the value of the
    scale word after them."""
    total, current = 0.0, 0.0
    for word in words:
        if word not in table:
            return 0.0
        value, kind = table[word]
        if kind == "mul":
            current = max(current, 1.0) * value
        elif kind in ("scale", "scales"):
            total += max(current, 1.0) * value
            current = 0.0
        else:
            current += value
    return total + current


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--fixture", type=Path, default=FIXTURE)
    args = parser.parse_args(argv)
    try:
        table, fixture = build()
    except ImportError:
        print("error: PyICU is needed (apt-get install libicu-dev; pip install pyicu)",
              file=sys.stderr)  # fmt: skip
        return 2
    for path, text in ((args.output, table), (args.fixture, fixture)):
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
        ) as handle:
            handle.write(text)
        os.replace(handle.name, path)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
