"""A Latin name is spelled by whole syllables of a text without word spaces, never by parts."""

from __future__ import annotations

import pytest

from evalsuite.text.syllable_spelling import spells, syllables


def test_han_characters_fold_to_one_syllable_each_and_breaks_are_kept() -> None:
    assert syllables("美国, 北京") == ("mei", "guo", "", "bei", "jing", "")


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("美国工程师王小明发言。", "meiguo", True),  # CLDR's Chinese name of the United States
        ("美国工程师王小明发言。", "wang xiaoming", True),  # a person, by pinyin
        ("美国工程师王小明发言。", "uogong", False),  # not on syllable bounds
        ("美国工程师王小明发言。", "wangxiao ming fa yan extra", False),
        ("美国工程师王小明发言。", "wang", False),  # too short to count
        ("美国。王小明", "guowang", False),  # not across a full stop
        ("ドイツの首相", "toitsu", True),  # kana, folded as the alias table folds them
    ],
)
def test_spells(text: str, key: str, expected: bool) -> None:
    assert spells(text, key) is expected
