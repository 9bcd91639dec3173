"""Language codes of multilingual MT models: NLLB `deu_Latn`, M2M-100 `__de__`, Marian `>>de<<`.

Datasets carry ISO 639-1 codes (`de`, `fr`); each model family names its language tokens its
own way, and picking the target token is what makes such a model translate into a language.
"""

from __future__ import annotations

from collections.abc import Container

from evalsuite.text.language_codes import check_language_code, primary_language

NLLB_CODES: dict[str, str] = {
    "af": "afr_Latn", "am": "amh_Ethi", "ar": "arb_Arab", "az": "azj_Latn", "be": "bel_Cyrl",
    "bg": "bul_Cyrl", "bn": "ben_Beng", "bs": "bos_Latn", "ca": "cat_Latn", "cs": "ces_Latn",
    "cy": "cym_Latn", "da": "dan_Latn", "de": "deu_Latn", "el": "ell_Grek", "en": "eng_Latn",
    "es": "spa_Latn", "et": "est_Latn", "eu": "eus_Latn", "fa": "pes_Arab", "fi": "fin_Latn",
    "fr": "fra_Latn", "ga": "gle_Latn", "gl": "glg_Latn", "gu": "guj_Gujr", "he": "heb_Hebr",
    "hi": "hin_Deva", "hr": "hrv_Latn", "hu": "hun_Latn", "hy": "hye_Armn", "id": "ind_Latn",
    "is": "isl_Latn", "it": "ita_Latn", "ja": "jpn_Jpan", "ka": "kat_Geor", "kk": "kaz_Cyrl",
    "km": "khm_Khmr", "kn": "kan_Knda", "ko": "kor_Hang", "lt": "lit_Latn", "lv": "lvs_Latn",
    "mk": "mkd_Cyrl", "ml": "mal_Mlym", "mr": "mar_Deva", "ms": "zsm_Latn", "my": "mya_Mymr",
    "ne": "npi_Deva", "nl": "nld_Latn", "no": "nob_Latn", "pa": "pan_Guru", "pl": "pol_Latn",
    "pt": "por_Latn", "ro": "ron_Latn", "ru": "rus_Cyrl", "sk": "slk_Latn", "sl": "slv_Latn",
    "sq": "als_Latn", "sr": "srp_Cyrl", "sv": "swe_Latn", "sw": "swh_Latn", "ta": "tam_Taml",
    "te": "tel_Telu", "th": "tha_Thai", "tl": "tgl_Latn", "tr": "tur_Latn", "uk": "ukr_Cyrl",
    "ur": "urd_Arab", "uz": "uzn_Latn", "vi": "vie_Latn", "zh": "zho_Hans", "zu": "zul_Latn",
}


def base_code(lang: str) -> str:
    """`de-AT` and `de_AT` -> `de`; NLLB codes pass through (LanguageCodeError for a non-tag)."""
    lang = check_language_code(lang)
    if "_" in lang and len(lang.split("_", 1)[1]) == 4:
        return lang
    return primary_language(lang) or lang


def model_language_token(lang: str | None, vocabulary: Container[str]) -> str | None:
    """The token that names `lang` in this vocabulary (NLLB, M2M or Marian style), if any."""
    if not lang:
        return None
    code = base_code(lang)
    # A bare ISO code is never a candidate: "en" is an ordinary subword in many vocabularies.
    given = code if "_" in code else ""
    candidates = (given, NLLB_CODES.get(code, ""), f"__{code}__", f">>{code}<<")
    return next((token for token in candidates if token and token in vocabulary), None)
