"""Entity precision-source and recall-target (Nan et al. 2021), per segment and per corpus."""

from __future__ import annotations

import pytest

from evalsuite.checks.api import CheckInput
from evalsuite.checks.entity_scores import EntityScores, entity_scores
from evalsuite.checks.runner import parse_segments
from evalsuite.metrics.registry import metric_from_name


def test_segment_scores_count_each_entity_once() -> None:
    [row] = entity_scores(
        parse_segments([
            CheckInput(
                "Mr Blinken met Zelensky in Kyiv and then flew to Paris.",
                "Antony Blinken met Volodymyr Zelensky in Kiev.",
                "Antony Blinken met Volodymyr Zelensky in Kiev. Blinken left.",
                "en",
                "en",
            )
        ])
    )  # fmt: skip
    assert row["hyp_entities"] == 4 and row["hyp_supported"] == 3  # Paris is unsupported
    assert row["entity_prec_source"] == pytest.approx(0.75)
    assert row["entity_recall_target"] == 1.0
    assert row["precision_against"] == "source"


def test_no_entities_gives_no_score() -> None:
    [row] = entity_scores(parse_segments([CheckInput("it rained", "it rained", None, "en")]))
    assert row["entity_prec_source"] is None and row["entity_recall_target"] is None


def test_metric_is_registered_and_pools_over_the_corpus() -> None:
    metric = metric_from_name("entity")
    assert isinstance(metric, EntityScores) and metric.name == "entity"
    out = metric.compute(
        ["Biden met Macron.", "Scholz spoke."],
        [["Biden met Macron."], ["Olaf Scholz and Giorgia Meloni spoke."]],
        ["en", "en"],
    )
    scores = {s.name: s for s in out.scores}
    assert scores["entity_prec_source"].value == 1.0
    assert scores["entity_recall_target"].value == pytest.approx(3 / 4)
    assert "ner:en=en_core_web_sm" in scores["entity_recall_target"].signature
    assert "prec:reference" in scores["entity_prec_source"].signature
    assert out.segments[1]["entity_recall_target"] == pytest.approx(0.5)


def test_precision_falls_back_to_the_reference_for_an_untransliterable_source() -> None:
    [row] = entity_scores(
        parse_segments([
            CheckInput("Biden met Macron.", "Biden met Macron.", "拜登会见了马克龙。", "en", "zh")
        ])
    )  # fmt: skip
    assert row["precision_against"] == "reference" and row["entity_prec_source"] == 1.0
