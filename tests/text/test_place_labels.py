from __future__ import annotations

import pytest

from evalsuite.text.nlp import Entity, _places_relabelled
from evalsuite.text.place_labels import is_personal_name, place_label


@pytest.mark.parametrize("word", ["Kyiv", "Kiev", "Moscow", "Munich", "Beijing"])
def test_a_city_tagged_person_that_is_no_name_becomes_a_place(word: str) -> None:
    assert place_label(word, "PERSON") == "GPE"
    assert place_label(word, "PER") == "GPE"


@pytest.mark.parametrize("word", ["Jordan", "Chad", "Georgia", "Paris", "Washington"])
def test_a_place_that_is_also_a_common_name_stays_a_person(word: str) -> None:
    assert is_personal_name(word.lower())
    assert place_label(word, "PERSON") == "PERSON"


@pytest.mark.parametrize("text", ["Blinken", "Zelensky", "Kyiv Smith", "Ko", "kyiv"])
def test_other_person_spans_are_left_alone(text: str) -> None:
    assert place_label(text, "PERSON") == "PERSON"


def test_only_person_labels_are_relabelled() -> None:
    assert place_label("Kyiv", "ORG") == "ORG"


def test_a_word_of_a_longer_person_name_in_the_text_stays_a_person() -> None:
    found = [Entity("Lagos Okafor", "PERSON", 0, 12), Entity("Lagos", "PERSON", 20, 25),
             Entity("Kyiv", "PERSON", 30, 34)]  # fmt: skip
    assert [e.label for e in _places_relabelled(found)] == ["PERSON", "PERSON", "GPE"]


def test_the_census_table_is_vendored_with_its_provenance() -> None:
    from importlib import resources

    text = (resources.files("evalsuite") / "resources" / "census_names.tsv").read_text("utf-8")
    assert "US Census" in text.splitlines()[0]
    assert "public domain" in text[:400]
