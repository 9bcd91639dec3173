"""Language codes: the one place that checks and normalises them.

Codes come from data files, hub datasets, suites and the command line, that is from untrusted
places, and they reach module look-ups (spaCy pipelines), command lines (`cmd:` systems fill
`{src}` and `{tgt}`), signatures and reports. So every code is checked against the shape of a
BCP-47 tag (RFC 5646: a 2-8 letter language subtag, then subtags of 1-8 letters or digits)
before it is used for anything: a dot, a slash, a space or a leading dash can never get through.
An underscore is accepted as a separator too, as POSIX locales (`pt_BR`) and NLLB (`deu_Latn`)
write it. Tokenizers, stemmers and pipelines depend on the language alone, never on region or
script, so most callers want :func:`primary_language`: the lowercased language subtag, with
ISO 639-2/3 codes and English names of the languages this project knows mapped to ISO 639-1.
"""

from __future__ import annotations

import re

__all__ = [
    "LanguageCodeError",
    "check_language_code",
    "is_language_code",
    "primary_language",
]

_TAG_RE = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*")
_MAX_SHOWN = 40

# ISO 639-2 (terminological and bibliographic) and 639-3 codes, and the English names, of the
# languages with a tokenizer, stemmer, sentence rules, pipeline or MT code here -> ISO 639-1.
_THREE_LETTER = {
    "afr": "af", "amh": "am", "ara": "ar", "arb": "ar", "asm": "as", "aze": "az", "azj": "az",
    "bel": "be", "ben": "bn", "bos": "bs", "bul": "bg", "cat": "ca", "ces": "cs", "cze": "cs",
    "cym": "cy", "wel": "cy", "dan": "da", "deu": "de", "ger": "de", "ell": "el", "gre": "el",
    "eng": "en", "epo": "eo", "est": "et", "ekk": "et", "eus": "eu", "baq": "eu", "fas": "fa",
    "per": "fa", "pes": "fa", "fin": "fi", "fra": "fr", "fre": "fr", "gle": "ga", "glg": "gl",
    "guj": "gu", "heb": "he", "hin": "hi", "hrv": "hr", "hun": "hu", "hye": "hy", "arm": "hy",
    "ind": "id", "isl": "is", "ice": "is", "ita": "it", "jpn": "ja", "kat": "ka", "geo": "ka",
    "kaz": "kk", "khm": "km", "kan": "kn", "kor": "ko", "lit": "lt", "lav": "lv", "lvs": "lv",
    "mkd": "mk", "mac": "mk", "mal": "ml", "mar": "mr", "msa": "ms", "may": "ms", "zsm": "ms",
    "mya": "my", "bur": "my", "nep": "ne", "npi": "ne", "nld": "nl", "dut": "nl", "nor": "no",
    "nob": "nb", "nno": "nn", "ori": "or", "ory": "or", "pan": "pa", "pol": "pl", "por": "pt",
    "ron": "ro", "rum": "ro", "rus": "ru", "sin": "si", "slk": "sk", "slo": "sk", "slv": "sl",
    "sot": "st", "spa": "es", "sqi": "sq", "alb": "sq", "als": "sq", "srp": "sr", "swe": "sv",
    "swa": "sw", "swh": "sw", "tam": "ta", "tel": "te", "tha": "th", "tgl": "tl", "tur": "tr",
    "ukr": "uk", "urd": "ur", "uzb": "uz", "uzn": "uz", "vie": "vi", "yid": "yi", "zho": "zh",
    "chi": "zh", "zul": "zu",
}  # fmt: skip
_NAMES = {
    "arabic": "ar", "chinese": "zh", "czech": "cs", "danish": "da", "dutch": "nl",
    "english": "en", "finnish": "fi", "french": "fr", "german": "de", "greek": "el",
    "hindi": "hi", "hungarian": "hu", "italian": "it", "japanese": "ja", "korean": "ko",
    "polish": "pl", "portuguese": "pt", "romanian": "ro", "russian": "ru", "spanish": "es",
    "swedish": "sv", "thai": "th", "turkish": "tr", "ukrainian": "uk",
}  # fmt: skip
ALIASES: dict[str, str] = {**_THREE_LETTER, **_NAMES}


class LanguageCodeError(ValueError):
    """A value that is not shaped like a language tag (BCP-47); the message shows it."""


def is_language_code(value: object) -> bool:
    """True for a string shaped like a BCP-47 tag (`en`, `pt-BR`, `zh_Hans_CN`, `deu_Latn`)."""
    return isinstance(value, str) and _TAG_RE.fullmatch(value) is not None


def check_language_code(value: str) -> str:
    """`value` without surrounding blanks, or LanguageCodeError when it is not a tag."""
    stripped = value.strip()
    if not is_language_code(stripped):
        shown = value if len(value) <= _MAX_SHOWN else value[:_MAX_SHOWN] + "..."
        raise LanguageCodeError(
            f"{shown!r} is not a language code (expected a BCP-47 tag such as 'en', "
            "'pt-BR' or 'zh-Hans')"
        )
    return stripped


def primary_language(lang: str | None) -> str | None:
    """The language of a tag, lowercased, as ISO 639-1 where known ("en-US", "pt_BR", "eng",
    "English" -> "en", "pt", "en", "en"); None (and a blank string) stay None.

    Raises LanguageCodeError for anything not shaped like a tag."""
    if lang is None or not lang.strip():
        return None
    primary = re.split(r"[-_]", check_language_code(lang).lower(), maxsplit=1)[0]
    return ALIASES.get(primary, primary)
