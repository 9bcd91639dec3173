"""Chinese and Japanese numbers: numerals, place words, myriads, mixed digits, and the
numerals inside words that are not numbers."""

from __future__ import annotations

import pytest

from evalsuite.text.cjk_numbers import cjk_numbers
from evalsuite.text.numbers import extract_numbers


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("有9.1万人的生命", "zh", [("91000", False)]),
        ("１２万軒以上", "ja", [("120000", False)]),
        ("１万１０００店舗", "ja", [("11000", False)]),
        ("3万5千人", "ja", [("35000", False)]),
        ("两千万元", "zh", [("20000000", False)]),
        ("一亿两千万人", "zh", [("120000000", False)]),
        ("1万亿元", "zh", [("1000000000000", False)]),
        ("2億円", "ja", [("200000000", False)]),
        ("一千年以上の歴史", "ja", [("1000", False)]),
        ("千里之外", "zh", [("1000", False)]),  # 里: a unit of length
        ("三十五名学生", "zh", [("35", False)]),
        ("一百零五个", "zh", [("105", False)]),
        ("二〇二〇年", "zh", [("2020", False)]),
        ("七八个人", "zh", [("7", False), ("8", False)]),  # seven or eight
        ("数千人", "ja", [("~1000", False)]),  # thousands
        ("几百个", "zh", [("~100", False)]),
        ("百分之三十", "zh", [("30", False)]),
        ("３０％", "ja", [("30", False)]),
        ("上午9点半", "zh", [("9", False), ("30", False)]),
        ("9時半に", "ja", [("9", False), ("30", False)]),
        ("7月26日", "zh", [("7", False), ("26", False)]),
        ("２５日から３日間", "ja", [("25", False), ("3", False)]),
        ("第三季度", "zh", [("3", True)]),  # an ordinal: matches, never reported
        ("十分重要", "zh", [("10", True)]),  # "very"
        ("十分钟", "zh", [("10", False)]),  # ten minutes
        ("千万不要", "zh", [("10000000", True)]),  # "by all means"
        ("一直在", "zh", [("1", True)]),
        ("千千万万的店铺", "zh", [("~1000", True)]),  # thousands upon thousands
        ("成千上万的人", "zh", [("~1000", True)]),
        ("成百上千", "zh", [("~100", True)]),
        ("令和3年", "ja", [("2021", False)]),  # an era year: the Gregorian year
        ("平成元年", "ja", [("1989", False)]),
        ("昭和六十四年", "ja", [("1989", False)]),
        ("民国110年", "zh", [("2021", False)]),
        ("三割", "ja", [("30", False)]),  # tenths
        ("三成的人", "zh", [("30", False)]),
        ("成为", "zh", []),
        ("一成不变", "zh", [("1", True)]),
    ],
)
def test_cjk_reading(text: str, lang: str, expected: list[tuple[str, bool]]) -> None:
    mentions = extract_numbers(text, lang)
    assert [(m.key, m.weak) for m in mentions] == expected
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_numbers_in_words_are_spelled_and_digits_are_not() -> None:
    [words] = extract_numbers("三十五名", "zh")
    [digits] = extract_numbers("35名", "zh")
    assert words.spelled and not digits.spelled


def test_plain_ascii_digits_are_left_to_the_digit_reader() -> None:
    assert cjk_numbers("2020年") == []
