"""Language detection: by script first, py3langid only within scripts many languages share."""

from __future__ import annotations

import pytest

from evalsuite.text.language_id import detect_language

SAMPLES = [
    ("আমি বাংলায় গান গাই। বাংলা আমার মাতৃভাষা।", "bn"),
    ("মই অসমীয়া ভাষাত কথা কওঁ। অসমৰ ৰাজধানী দিশপুৰ।", "as"),
    ("હું ગુજરાતી બોલું છું.", "gu"),
    ("ਮੈਂ ਪੰਜਾਬੀ ਬੋਲਦਾ ਹਾਂ।", "pa"),
    ("నేను తెలుగు మాట్లాడతాను.", "te"),
    ("ខ្ញុំនិយាយភាសាខ្មែរ។", "km"),
    ("ကျွန်တော် မြန်မာစကား ပြောပါတယ်။", "my"),
    ("მე ვლაპარაკობ ქართულად.", "ka"),
    ("Η ελληνική γλώσσα είναι αρχαία.", "el"),
    ("東京は日本の首都です。", "ja"),
    ("我爱北京天安门。", "zh"),
    ("나는 한국어를 한다.", "ko"),
    ("हिन्दी भारत की एक भाषा है।", "hi"),
    ("Кошка сидит на окне.", "ru"),
    ("The cat sat on the mat.", "en"),
    ("Le chat dort sur le canapé.", "fr"),
    ("1234 !!", None),
]


@pytest.mark.parametrize(("text", "lang"), SAMPLES)
def test_script_decides_first(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def test_a_kana_letter_in_latin_text_is_not_japanese() -> None:
    text = "The shop sells ラーメン and tea, and the tea is very good indeed."
    assert detect_language(text) == "en"
