"""Entity precision-source and recall-target (Nan et al. 2021), per segment and per corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evalsuite.checks.api import CheckInput
from evalsuite.checks.entity_scores import entity_scores
from evalsuite.checks.runner import parse_segments
from evalsuite.cli import main
from evalsuite.metrics.entity import EntityScores, precision_basis
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
    assert "ner:en=en_core_web_sm" in str(scores["entity_recall_target"].signature)
    assert scores["entity_prec_source"].signature.get("prec") == "reference"
    assert out.segments[1]["entity_recall_target"] == pytest.approx(0.5)


def test_precision_falls_back_to_the_reference_for_an_untransliterable_source() -> None:
    [row] = entity_scores(
        parse_segments([
            CheckInput("Biden met Macron.", "Biden met Macron.", "拜登会见了马克龙。", "en", "zh")
        ])
    )  # fmt: skip
    assert row["precision_against"] == "reference" and row["entity_prec_source"] == 1.0


# A name the German source supports and the English reference does not ("the protester").
_SOURCED = {
    "id": "a", "source": "Die Polizei nahm Anna Weber in Berlin fest.",
    "reference": "Police arrested the protester in Berlin.",
    "hypothesis": "Police arrested Anna Weber in Berlin.", "src_lang": "de", "tgt_lang": "en",
}  # fmt: skip


def _score_file(tmp_path: Path, records: list[dict[str, str]]) -> dict[str, Any]:
    data = tmp_path / "in.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "res.json"
    args = ["score", "--input", str(data), "--metrics", "entity", "--checks", "none"]
    assert main([*args, "--output", str(out)]) == 0
    (run,) = json.loads(out.read_text())["runs"]
    return dict(run["scores"])


def test_cli_scores_precision_against_the_sources(tmp_path: Path) -> None:
    scores = _score_file(tmp_path, [_SOURCED])
    assert scores["entity_prec_source"]["value"] == 1.0  # Anna Weber: in the source
    assert "prec:source" in scores["entity_prec_source"]["signature"]
    without = {k: v for k, v in _SOURCED.items() if k not in ("source", "src_lang")}
    scores = _score_file(tmp_path, [without])
    assert scores["entity_prec_source"]["value"] == 0.5  # against the reference: unsupported
    assert "prec:reference" in scores["entity_prec_source"]["signature"]


def test_cli_signature_says_mixed_when_some_segments_lack_a_source(tmp_path: Path) -> None:
    other = {"id": "b", "reference": "Scholz spoke.", "hypothesis": "Scholz spoke."}
    scores = _score_file(tmp_path, [_SOURCED, other])
    assert "prec:mixed" in scores["entity_prec_source"]["signature"]


def test_suite_run_scores_against_the_sources(tmp_path: Path) -> None:
    data = tmp_path / "mt.jsonl"
    data.write_text(json.dumps(_SOURCED) + "\n", encoding="utf-8")
    suite = tmp_path / "s.toml"
    suite.write_text(
        'name = "s"\n[[datasets]]\nname = "mt"\npath = "mt.jsonl"\ntask = "translation"\n'
        'outputs = "given"\nmetrics = ["entity"]\nchecks = "none"\n',
        encoding="utf-8",
    )
    out = tmp_path / "results"
    args = ["run", str(suite), "--output", str(out), "--cache-dir", str(tmp_path / "c")]
    assert main([*args, "--quiet"]) == 0
    (run,) = json.loads((out / "results.json").read_text())["runs"]
    assert run["scores"]["entity_prec_source"]["value"] == 1.0
    assert "prec:source" in run["scores"]["entity_prec_source"]["signature"]


def test_compute_with_sources_signs_prec_source() -> None:
    out = metric_from_name("entity").compute(
        [_SOURCED["hypothesis"]], [[_SOURCED["reference"]]], ["en"],
        sources=[_SOURCED["source"]], src_langs=["de"],
    )  # fmt: skip
    prec = next(s for s in out.scores if s.name == "entity_prec_source")
    assert prec.value == 1.0 and prec.signature.get("prec") == "source"


@pytest.mark.parametrize(
    ("against_source", "against_reference", "basis"),
    [(3, 0, "source"), (0, 3, "reference"), (2, 1, "mixed"), (0, 0, "reference")],
)
def test_precision_basis(against_source: int, against_reference: int, basis: str) -> None:
    assert precision_basis(against_source, against_reference) == basis
