"""Unit and currency words per language, read from the Unicode CLDR data that `babel` ships.

CLDR (Unicode Common Locale Data Repository, Unicode License v3) gives, per locale, the long
and short names of measurement units in every plural form ("{0} kilometres", "{0} km",
"{0} километров") and the names and symbols of currencies ("US dollars", "£", "A$"). Nothing
here is a list of this project's test words: every word comes from that data, except the few
additions in `_EXTRA_UNITS` / `_EXTRA_CURRENCY`, which are documented below.

Conversion factors (to each dimension's base unit) are the SI / international definitions of
the units (1 mile = 1609.344 m, 1 lb = 0.45359237 kg, ...); a unit without one in `_FACTORS`
matches only itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "Unit", "currency_codes", "currency_names", "currency_symbols", "display_currencies",
    "unit_words",
]  # fmt: skip

# The CLDR unit categories that news text quantifies; angles, graphics, light, pressure,
# electric and torque units are left out (rare, and their short forms collide with words).
_CATEGORIES = ("length", "mass", "area", "volume", "speed", "temperature", "duration",
               "digital", "power", "energy", "concentr-percent")  # fmt: skip
_SKIPPED_UNITS = frozenset({
    "duration-year-person", "duration-month-person", "duration-week-person",
    "duration-day-person", "length-earth-radius", "length-solar-radius", "length-point",
    "mass-earth-mass", "mass-solar-mass", "mass-dalton", "mass-grain", "length-parsec",
    "length-astronomical-unit", "volume-pinch", "volume-drop", "volume-jigger", "volume-dram",
    "energy-electronvolt", "energy-therm-us", "speed-light-speed", "speed-beaufort",
    "temperature-generic", "volume-cup", "volume-cup-metric", "volume-dessert-spoon",
    "volume-dessert-spoon-imperial", "volume-tablespoon", "volume-teaspoon",
})  # fmt: skip
# Short forms that are also everyday words, or too short to trust without context.
_AMBIGUOUS_SHORT = frozenset({
    "in", "am", "pm", "pt", "st", "cup", "cups", "qt", "mi", "yd", "min", "sec", "hr", "wk", "mo",
    "day", "days", "bit", "bits", "ton", "dec", "cd", "fur", "bu", "bus.", "tn", "ly", "ns", "kn",
    "ct", "ac", "mpt", "smi", "mos", "ms",
})  # fmt: skip

_FACTORS: dict[str, float] = {
    # length: metres
    "length-kilometer": 1e3, "length-meter": 1.0, "length-decimeter": 0.1,
    "length-centimeter": 1e-2, "length-millimeter": 1e-3, "length-micrometer": 1e-6,
    "length-nanometer": 1e-9, "length-mile": 1609.344, "length-yard": 0.9144,
    "length-foot": 0.3048, "length-inch": 0.0254, "length-nautical-mile": 1852.0,
    "length-furlong": 201.168, "length-fathom": 1.8288, "length-light-year": 9.4607e15,
    "length-mile-scandinavian": 1e4,
    # mass: kilograms
    "mass-tonne": 1e3, "mass-kilogram": 1.0, "mass-gram": 1e-3, "mass-milligram": 1e-6,
    "mass-microgram": 1e-9, "mass-stone": 6.35029318, "mass-pound": 0.45359237,
    "mass-ounce": 0.028349523125, "mass-carat": 2e-4, "mass-ounce-troy": 0.0311034768,
    # area: square metres
    "area-square-kilometer": 1e6, "area-hectare": 1e4, "area-square-meter": 1.0,
    "area-square-centimeter": 1e-4, "area-square-mile": 2589988.110336, "area-acre": 4046.8564224,
    "area-square-yard": 0.83612736, "area-square-foot": 0.09290304, "area-square-inch": 6.4516e-4,
    # volume: litres
    "volume-cubic-kilometer": 1e12, "volume-cubic-meter": 1e3, "volume-cubic-centimeter": 1e-3,
    "volume-megaliter": 1e6, "volume-hectoliter": 100.0, "volume-liter": 1.0,
    "volume-deciliter": 0.1, "volume-centiliter": 0.01, "volume-milliliter": 1e-3,
    "volume-gallon": 3.785411784, "volume-gallon-imperial": 4.54609, "volume-pint": 0.473176473,
    "volume-barrel": 158.987294928,
    # speed: metres per second
    "speed-kilometer-per-hour": 1 / 3.6, "speed-meter-per-second": 1.0,
    "speed-mile-per-hour": 0.44704, "speed-knot": 1852 / 3600,
    # duration: days (a month is a twelfth of a Julian year)
    "duration-century": 36525.0, "duration-decade": 3652.5, "duration-year": 365.25,
    "duration-quarter": 91.3125, "duration-month": 30.4375, "duration-week": 7.0,
    "duration-day": 1.0, "duration-night": 1.0, "duration-hour": 1 / 24,
    "duration-minute": 1 / 1440, "duration-second": 1 / 86400,
    "duration-millisecond": 1 / 86400e3,
    # power: watts; energy: joules; digital: bytes
    "power-gigawatt": 1e9, "power-megawatt": 1e6, "power-kilowatt": 1e3, "power-watt": 1.0,
    "power-milliwatt": 1e-3, "energy-kilojoule": 1e3, "energy-joule": 1.0,
    "energy-kilowatt-hour": 3.6e6, "energy-kilocalorie": 4184.0, "energy-calorie": 4.184,
    "energy-foodcalorie": 4184.0, "digital-petabyte": 1e15, "digital-terabyte": 1e12,
    "digital-gigabyte": 1e9, "digital-megabyte": 1e6, "digital-kilobyte": 1e3,
    "digital-byte": 1.0,
}  # fmt: skip

# Words CLDR has no entry for (checked against its English data): abbreviations common in
# news ("kph", "sq km"), "per cent" (British spelling of CLDR's "percent"), "years old"
# belongs to ages (see quantities.py). Keyed by language, then CLDR unit id.
_EXTRA_UNITS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "concentr-percent": ("per cent", "pc", "percentage points", "percentage point"),
        "speed-kilometer-per-hour": ("kph", "kmh", "km/h", "kmph"),
        "area-square-kilometer": ("sq km", "square kilometres", "square kilometers"),
        "area-square-mile": ("sq miles", "sq mi"),
        "length-meter": ("metre", "metres", "meter", "meters"),
        "mass-tonne": ("tonne", "tonnes", "metric tons"),
        "duration-year": ("yr", "yrs"),
        "duration-hour": ("hrs",),
    },
}
# Currency words beyond CLDR's names: "sterling" (CLDR calls GBP "British pound") and the
# hundredth parts (pence, cents), which CLDR does not name; value factor in the main unit.
_EXTRA_CURRENCY: dict[str, dict[str, tuple[frozenset[str], float]]] = {
    "en": {
        "sterling": (frozenset({"GBP"}), 1.0),
        "pounds sterling": (frozenset({"GBP"}), 1.0),
        "pence": (frozenset({"GBP"}), 0.01),
        "p": (frozenset({"GBP"}), 0.01),
        "cents": (frozenset({"USD", "EUR", "AUD", "CAD", "NZD"}), 0.01),
        "cent": (frozenset({"USD", "EUR", "AUD", "CAD", "NZD"}), 0.01),
    },
}


# Languages whose currency names put the noun first ("dólares estadounidenses", "доллар США"):
# there the first word alone names the currency, elsewhere the last ("US dollars").
_HEAD_FIRST = frozenset(
    [
        "es",
        "fr",
        "it",
        "pt",
        "ro",
        "ca",
        "gl",
        "ru",
        "uk",
        "be",
        "bg",
        "pl",
        "cs",
        "sk",
        "sl",
        "hr",
        "sr",
    ]
)


@dataclass(frozen=True)
class Unit:
    """A measurement unit: CLDR id ("length-kilometer"), its dimension ("length") and the
    factor to the dimension's base unit (None: comparable only with itself)."""

    id: str
    dimension: str
    factor: float | None

    def to_base(self, value: float) -> float | None:
        return None if self.factor is None else value * self.factor


def _locales(lang: str) -> list[str]:
    """The CLDR locales of a language in one script: "en", "en_GB", "en_AU", ... (not
    "en_Dsrt")."""
    from babel.localedata import locale_identifiers

    return sorted(
        i for i in locale_identifiers()
        if i == lang or re.fullmatch(rf"{re.escape(lang)}_(?:[A-Z]{{2}}|\d{{3}})", i)
    )  # fmt: skip


def _spelling_locales(lang: str) -> list[str]:
    """The locales whose unit names are read: the language's own, and for English the
    British spelling ("kilometres") beside the American one."""
    wanted = [lang, f"{lang}_001", f"{lang}_GB"]
    return [i for i in _locales(lang) if i in wanted]


def _pattern_words(pattern: str) -> str:
    return re.sub(r"\s+", " ", pattern.replace("{0}", "")).strip().lower()


@lru_cache(maxsize=32)
def unit_words(lang: str) -> dict[str, Unit]:
    """Every written form of a unit in `lang` ("kilometres", "km", "km²"), lowercased."""
    from babel import Locale, UnknownLocaleError

    words: dict[str, Unit] = {}
    for locale_id in _spelling_locales(lang):
        try:
            patterns = Locale.parse(locale_id)._data["unit_patterns"]
        except (UnknownLocaleError, KeyError, ValueError):
            continue
        for unit_id in patterns:
            if unit_id in _SKIPPED_UNITS or not unit_id.startswith(_CATEGORIES):
                continue
            unit = Unit(unit_id, unit_id.split("-")[0], _FACTORS.get(unit_id))
            for width, forms in dict(patterns[unit_id]).items():
                if width == "narrow":
                    continue
                for plural, pattern in dict(forms).items():
                    word = _pattern_words(pattern) if plural != "per" else ""
                    if _usable(word, width):
                        words.setdefault(word, unit)
    for unit_id, extra in _EXTRA_UNITS.get(lang, {}).items():
        for word in extra:
            words[word] = Unit(unit_id, unit_id.split("-")[0], _FACTORS.get(unit_id))
    return words


def _usable(word: str, width: str) -> bool:
    if not word or word.isdigit():
        return False
    if width == "short" and (len(word) < 2 or word in _AMBIGUOUS_SHORT):
        return False
    return not (len(word) == 1 and word.isalpha())


@lru_cache(maxsize=32)
def currency_symbols(lang: str) -> dict[str, frozenset[str]]:
    """Currency symbols written before or after an amount in `lang` ("£", "US$", "€"),
    lowercased, with the ISO codes each may stand for: each country's locale says what its
    "$" is, so "$" stands for every dollar."""
    from babel import Locale, UnknownLocaleError

    symbols: dict[str, set[str]] = {}
    for locale_id in _locales(lang):
        try:
            locale = Locale.parse(locale_id)
        except (UnknownLocaleError, ValueError):
            continue
        own = _territory_currencies(locale.territory) if locale.territory else None
        for code, symbol in locale.currency_symbols.items():
            if own is not None and code not in own:
                continue  # a country's locale says what "$" means there, not elsewhere
            if symbol and symbol != code and len(symbol) <= 4:
                symbols.setdefault(symbol.lower(), set()).add(code)
    return {symbol: frozenset(codes) for symbol, codes in symbols.items()}


def currency_codes() -> frozenset[str]:
    """The ISO 4217 codes of current currencies ("USD", "GBP"); written upper-case only."""
    return _all_codes()


def _territory_currencies(territory: str) -> frozenset[str]:
    from babel.numbers import get_territory_currencies

    return frozenset(get_territory_currencies(territory))


@lru_cache(maxsize=1)
def _all_codes() -> frozenset[str]:
    from babel import Locale

    codes = (str(c) for c in Locale.parse("en").currencies)
    return frozenset(c for c in codes if re.fullmatch(r"[A-Z]{3}", c))


@lru_cache(maxsize=32)
def currency_names(lang: str) -> dict[str, tuple[frozenset[str], float]]:
    """Currency names written after an amount ("US dollars", "dollars", "euros"), lowercased,
    with the ISO codes each may stand for and the factor to the main unit (0.01 for pence).
    A name's noun alone ("dollars", "dólares") stands for every currency of that name."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return {}
    names: dict[str, set[str]] = {}
    plural = locale._data["currency_names_plural"]
    for code in _all_codes():
        if "(" in locale.currencies.get(code, "("):
            continue  # a historical currency ("Afghan Afghani (1927–2002)")
        forms = {locale.currencies[code]}
        if code in plural:
            forms.update(str(v) for v in dict(plural[code]).values())
        for form in forms:
            names.setdefault(form.lower(), set()).add(code)
            head = _head_noun(form.lower().split(), lang)
            if len(head) > 2:
                names.setdefault(head, set()).add(code)
    table = {name: (frozenset(codes), 1.0) for name, codes in names.items()}
    table.update(_EXTRA_CURRENCY.get(lang, {}))
    return table


_ADJECTIVE_ENDINGS = {
    **dict.fromkeys(("ru", "be", "bg"), ("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые",
                                         "их", "ых", "ого", "его", "ому", "ски")),
    "uk": ("ий", "ій", "ька", "ькі", "ого", "их", "ої", "ова", "ове", "ьке"),
    **dict.fromkeys(("cs", "sk"), ("ý", "á", "é", "í", "ých", "ého", "ém")),
    "pl": ("ski", "ska", "skie", "skich", "skiego", "skiej", "cki", "cka", "ckie", "ckich",
           "ckiego", "ckiej", "ny", "nych", "nego", "nej", "ńskiego", "ńskiej"),
    **dict.fromkeys(("sl", "hr", "sr", "bs"), ("ski", "ska", "skih", "skog", "ški", "ška",
                                               "čki", "čka", "čkih", "ih")),
}  # fmt: skip
"""Endings of the adjectives (from a country's name, "new", "old") that Slavic currency names
put before or after their noun, by the languages' grammar; a word with one is no noun."""


def _head_noun(words: list[str], lang: str) -> str:
    """The noun of a currency name: first where the language puts it first ("dólares
    estadounidenses", "доллар США"), else last ("US dollars"); in Slavic languages a country's
    adjective may come first ("австралийский доллар", "česká koruna"), and is skipped."""
    endings = _ADJECTIVE_ENDINGS.get(lang)
    if endings and len(words) > 1:
        nouns = [w for w in words if not w.endswith(endings)]
        words = nouns or words[-1:]  # "индийских рупий": both read as adjectives; noun last
    return words[0] if lang in _HEAD_FIRST else words[-1]


@lru_cache(maxsize=32)
def _plain_symbol_codes(lang: str) -> frozenset[str]:
    """Codes whose symbol in the language's own locale has no letters ("$" is USD in "en")."""
    from babel import Locale, UnknownLocaleError

    try:
        symbols = Locale.parse(lang).currency_symbols
    except (UnknownLocaleError, ValueError):
        return frozenset()
    return frozenset(c for c, s in symbols.items() if s and not any(ch.isalpha() for ch in s))


def display_currencies(codes: frozenset[str], lang: str = "en") -> str:
    """The codes an amount may be in, the language's own reading of its symbol first
    ("GBP/FKP/GIP" for "£")."""
    plain = _plain_symbol_codes(lang)
    ordered = sorted(codes, key=lambda c: (c not in plain, c))
    return "/".join(ordered[:3]) + ("/..." if len(ordered) > 3 else "")
