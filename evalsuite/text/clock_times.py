"""Times of day across clock conventions, from the Unicode CLDR data that `babel` ships.

A translation moves a time between the 24-hour clock of one language ("19.30 horas", "um 19
Uhr", "в 19:00") and the 12-hour clock of another ("7.30 pm", "at 7 p.m."): the number read
for an hour must be the hour of the day, so that 19:00 equals 7 pm and differs from 7 am.
Which languages tell the time on a 12-hour clock, and the words that follow an hour ("Uhr",
"h", "horas", "часов"), come from CLDR's time formats and hour unit names.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["hour_of_day", "hour_words", "same_hour", "twelve_hour_clock"]

TWELVE = "12h"
"""An hour written with a day half ("7 pm"): its value is the hour of the day (19)."""
TWENTY_FOUR = "24h"
"""An hour written on the 24-hour clock with its minutes ("07:30", "19.30 Uhr")."""


@lru_cache(maxsize=64)
def twelve_hour_clock(lang: str) -> bool:
    """Whether `lang` tells the time on a 12-hour clock (CLDR's short time format: "h:mm a")."""
    from babel import Locale, UnknownLocaleError

    try:
        pattern = Locale.parse(lang).time_formats["short"].pattern
    except (UnknownLocaleError, ValueError, KeyError):
        return False
    bare = re.sub(r"'[^']*'", "", pattern)
    return "h" in bare and "H" not in bare


@lru_cache(maxsize=64)
def hour_words(lang: str) -> frozenset[str]:
    """Words that follow an hour in `lang`, lowercased: the literal of CLDR's hour-only time
    format ("HH 'Uhr'", "HH 'h'") and the names of the hour unit ("horas", "Std.", "часов")."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return frozenset()
    words = set(re.findall(r"'([^']+)'", str(locale.datetime_skeletons.get("H", ""))))
    widths = locale._data["unit_patterns"].get("duration-hour", {})
    for width in ("long", "short"):
        for plural, pattern in dict(widths.get(width, {})).items():
            if plural != "per" and "{0}" in pattern:
                words.add(pattern.replace("{0}", "").strip(" \u00a0\u202f"))
    return frozenset(w.lower().rstrip(".") for w in words if w.strip())


def hour_of_day(hour: int, half: str) -> int:
    """The 24-hour value of `hour` on a 12-hour clock: "12 am" is 0, "12 pm" 12, "7 pm" 19."""
    return hour % 12 + (12 if half.lower() == "p" else 0)


def same_hour(a_clock: str, a_written: str, b_clock: str, b_value: float) -> bool:
    """Whether a 12-hour reading (`a`, written `a_written`: "7" of "7 pm") is the same hour
    as a number with no day half (`b`): "7 de la tarde", "um 7 Uhr abends" say the day half
    in words. A time on the 24-hour clock ("07:00", "19 Uhr" is 19) is not such a number."""
    return (
        a_clock == TWELVE and b_clock == "" and a_written.isdigit()
        and b_value == int(a_written) and 1 <= b_value <= 12
    )  # fmt: skip
