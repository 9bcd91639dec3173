"""Lead-k and TextRank: order, k beyond the sentence count, empty input, languages, ranking."""

from __future__ import annotations

import pytest

import evalsuite
from evalsuite.systems.base import System
from evalsuite.systems.extractive import LeadK, TextRank, textrank_scores

ARTICLE = (
    "Weather Update\n\n"
    "A storm hit the coast on Monday. "
    "The storm brought heavy rain and strong wind to the coast. "
    "Officials closed schools along the coast because of the storm and the rain. "
    "A local bakery celebrated its anniversary. "
    "Heavy rain and wind from the storm flooded roads on the coast. "
    "Tickets for the concert sold out quickly."
)

FRENCH = "M. Dupont est arrivé. Il pleut à Paris. Mme. Durand est partie. Fin."
RUSSIAN = "В 2020 г. Москва изменилась. Город вырос. Люди уехали. Конец."


@pytest.mark.parametrize("system", [LeadK(), TextRank()])
def test_implements_protocol(system: System) -> None:
    assert isinstance(system, System)
    assert system.signature.startswith(f"{system.name}|split:evalsuite-rules|")
    assert f"version:{evalsuite.__version__}" in system.signature
    assert system.versions == {}


def test_names_and_signatures_depend_on_k() -> None:
    assert LeadK().name == "lead-3"
    assert LeadK(5).name == "lead-5"
    assert TextRank(2).name == "textrank-2"
    assert LeadK(2).signature != LeadK(3).signature
    assert LeadK(3).signature == "lead-3|split:evalsuite-rules|version:" + evalsuite.__version__


@pytest.mark.parametrize("cls", [LeadK, TextRank])
def test_rejects_bad_k(cls: type[LeadK] | type[TextRank]) -> None:
    with pytest.raises(ValueError):
        cls(0)


def test_lead_takes_first_sentences_one_per_line() -> None:
    (out,) = LeadK(2).generate([ARTICLE], ["en"])
    assert out == "Weather Update\nA storm hit the coast on Monday."


def test_lead_uses_language_rules() -> None:
    outputs = LeadK(2).generate([FRENCH, RUSSIAN], ["fr", "ru"])
    assert outputs == [
        "M. Dupont est arrivé.\nIl pleut à Paris.",
        "В 2020 г. Москва изменилась.\nГород вырос.",
    ]


@pytest.mark.parametrize("cls", [LeadK, TextRank])
def test_k_larger_than_document_returns_everything_in_order(
    cls: type[LeadK] | type[TextRank],
) -> None:
    (out,) = cls(10).generate([FRENCH], ["fr"])
    assert out.split("\n") == [
        "M. Dupont est arrivé.",
        "Il pleut à Paris.",
        "Mme. Durand est partie.",
        "Fin.",
    ]


@pytest.mark.parametrize("cls", [LeadK, TextRank])
def test_empty_sources_give_empty_outputs(cls: type[LeadK] | type[TextRank]) -> None:
    assert cls().generate(["", "  \n ", "One. Two."], [None, "en", "en"])[:2] == ["", ""]
    assert cls().generate([], []) == []


@pytest.mark.parametrize("cls", [LeadK, TextRank])
def test_length_mismatch_is_an_error(cls: type[LeadK] | type[TextRank]) -> None:
    with pytest.raises(ValueError):
        cls().generate(["a", "b"], ["en"])


def test_textrank_picks_central_sentences_in_document_order() -> None:
    (out,) = TextRank(2).generate([ARTICLE], ["en"])
    assert out.split("\n") == [
        "The storm brought heavy rain and strong wind to the coast.",
        "Heavy rain and wind from the storm flooded roads on the coast.",
    ]
    assert "bakery" not in out and "concert" not in out


def test_textrank_scores_rank_off_topic_sentences_last() -> None:
    sentences = [
        "The storm hit the coast.",
        "The storm flooded the coast.",
        "A bakery opened.",
        "Rain and storm on the coast.",
    ]
    scores = textrank_scores(sentences)
    assert scores.shape == (4,)
    assert abs(float(scores.sum()) - 1.0) < 1e-9
    assert int(scores.argmin()) == 2


def test_textrank_without_shared_words_falls_back_to_position() -> None:
    source = "Alpha beta. Gamma delta. Epsilon zeta. Eta theta."
    assert TextRank(2).generate([source], ["en"]) == ["Alpha beta.\nGamma delta."]


def test_textrank_is_deterministic_and_multilingual() -> None:
    sources = [ARTICLE, FRENCH, RUSSIAN, "东京下雨了。东京的雨很大。我喜欢猫。"]
    langs: list[str | None] = ["en", "fr", "ru", None]
    first = TextRank(2).generate(sources, langs)
    assert first == TextRank(2).generate(sources, langs)
    assert all(len(out.split("\n")) == 2 for out in first)
    # Han characters count one per token, so the two sentences about Tokyo rain link up.
    assert first[3] == "东京下雨了。\n东京的雨很大。"
