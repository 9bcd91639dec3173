"""Every registered metric gives every part of the metric contract (metrics/base.py).

This test runs over `METRICS`, so a metric added there is checked without a line here unless
it cannot be built without arguments (a model metric): then `BUILDS` must say how to build it
for a test, on a tiny model made on the spot.
"""

from __future__ import annotations

import inspect
import math
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from evalsuite.metrics.base import IntervalSettings, Metric, MetricOutput, ScoreKind
from evalsuite.metrics.registry import METRICS, known_scores, metric_class, score_kind
from evalsuite.metrics.signature import Signature
from evalsuite.metrics.spec import parse_spec


def _model(spec: str, build: Callable[[Path], Path]) -> Callable[[Path], Metric]:
    """A model metric on a tiny random model built on the spot (outputs not cached)."""
    return lambda tmp: parse_spec(spec.format(build(tmp))).build()


def _comet(case: str) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        from tests.fixtures.tiny_comet import build_all

        return build_all(tmp)[case]

    return build


def _encoder(name: str) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        from tests.fixtures import tiny_encoders

        built: Path = getattr(tiny_encoders, name)(tmp)
        return built

    return build


# name -> how to build it for a test, for metrics that need more than their defaults.
BUILDS: dict[str, Callable[[Path], Metric]] = {
    "bertscore": _model("bertscore:model={};idf=true;cache=false", _encoder("build_tiny_bert")),
    "comet": _model("comet:model={};cache=false", _comet("xcomet")),
    "comet-qe": _model("comet-qe:model={};cache=false", _comet("cometkiwi")),
    "nli": _model("nli:model={};threshold=0.9;cache=false", _encoder("build_tiny_nli")),
}

HYPS = [
    "Police arrested the protester in Munich on Monday.",
    "The group is cutting 30 jobs.",
    "Anthony Blinken visited Kiev.",
    "Le président a visité Paris hier.",
    "",
]
REFS = [
    ["Police arrested the protester in Berlin on Monday."],
    ["The group is cutting 300 jobs.", "The company cuts 300 jobs."],
    ["Antony Blinken visited Kyiv."],
    ["Le président s'est rendu à Paris hier."],
    ["Nothing happened."],
]
SOURCES = [
    "Die Polizei nahm den Demonstranten am Montag in Berlin fest.",
    "Der Konzern baut 300 Stellen ab.",
    "Antony Blinken besuchte Kiew.",
    "The president visited Paris yesterday.",
    "Nichts geschah.",
]
LANGS = ["en", "en", "en", "fr", "en"]
SRC_LANGS = ["de", "de", "de", "en", "de"]


def _build(name: str, tmp_path: Path) -> Metric:
    cls = METRICS[name]
    if name in BUILDS:
        return BUILDS[name](tmp_path)
    required = [
        p.name for p in inspect.signature(cls).parameters.values()
        if p.default is inspect.Parameter.empty
        and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]  # fmt: skip
    assert not required, f"{name} needs {required}: add how to build it for a test to BUILDS"
    return cls()


@pytest.fixture(scope="module", params=sorted(METRICS))
def scored(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[
    str, Metric, MetricOutput
]:
    name = request.param
    tmp = tmp_path_factory.mktemp(name.replace("+", "p"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EVALSUITE_CACHE", str(tmp / "cache"))  # model hashes
        metric = _build(name, tmp)
        out = metric.compute(
            HYPS, REFS, LANGS, sources=SOURCES, src_langs=SRC_LANGS,
            interval=IntervalSettings(100, 7, 0.9),
        )  # fmt: skip
    return name, metric, out


@pytest.mark.parametrize("name", sorted(METRICS))
def test_declares_its_scores(name: str) -> None:
    cls = METRICS[name]
    assert cls.name == name and metric_class(name) is cls
    assert not inspect.isabstract(cls), f"{name} leaves abstract methods unimplemented"
    assert cls.SCORES, f"{name} declares no scores"
    assert set(cls.NEEDS) <= {"reference", "source"}
    assert all(kind in (str, int, float, bool) for kind in cls.OPTIONS.values())
    assert cls.argument is None or cls.argument in cls.OPTIONS
    for kind in cls.SCORES:
        assert isinstance(kind, ScoreKind)
        assert kind.name and kind.label and kind.family
        assert kind.columns >= 1 and kind.scale > 0 and callable(kind.from_stats)
        assert cls.score_kind(kind.name) == kind
        assert score_kind(kind.name) == kind, f"score '{kind.name}' is claimed by another metric"


def test_score_names_are_unique_across_metrics() -> None:
    names = [kind.name for kind in known_scores()]
    assert len(names) == len(set(names))


def test_every_score_comes_with_statistics_a_signature_and_an_interval(
    scored: tuple[str, Metric, MetricOutput],
) -> None:
    name, metric, out = scored
    kinds = {kind.name: kind for kind in metric.scores}
    assert [s.name for s in out.scores] == list(kinds), name
    assert len(out.segments) == len(out.segment_stats) == len(HYPS)
    for segment, stats in zip(out.segments, out.segment_stats, strict=True):
        assert set(segment) <= set(kinds)
        assert set(stats) == set(kinds)
        for score_name, row in stats.items():
            assert len(row) == kinds[score_name].columns
    for score in out.scores:
        kind = kinds[score.name]
        assert score.higher_is_better == kind.higher_is_better
        assert isinstance(score.signature, Signature)
        assert Signature.parse(str(score.signature)) == score.signature
        assert score.signature.interval, f"{score.name}: no interval settings signed"
        assert score.ci_low is not None and score.ci_high is not None
        assert score.ci_low <= score.ci_high
        matrix = np.asarray([row[score.name] for row in out.segment_stats], dtype=np.float64)
        rebuilt = float(kind.from_stats(matrix.sum(axis=0, keepdims=True), len(matrix))[0])
        assert math.isfinite(score.value)
        assert rebuilt == pytest.approx(score.value, rel=1e-9, abs=1e-9), score.name
    for found in out.findings:
        assert {f.check for f in found} <= set(metric.finding_checks), name


def test_segments_without_a_needed_text_are_refused(
    scored: tuple[str, Metric, MetricOutput],
) -> None:
    name, metric, _ = scored
    for text in metric.needs:
        refs = [[]] + REFS[1:] if text == "reference" else REFS
        sources = [None] + SOURCES[1:] if text == "source" else SOURCES
        with pytest.raises(ValueError, match=f"segment 0 has no {text}"):
            metric.compute(HYPS, refs, LANGS, sources=sources, src_langs=SRC_LANGS)


def test_listing_metrics_loads_no_model_library() -> None:
    code = (
        "import sys, evalsuite.metrics.registry, evalsuite.report.compare; "
        "print(sorted(m for m in ('torch', 'transformers', 'spacy') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root,
        env={"PYTHONPATH": str(root), "PATH": ""},
    )  # fmt: skip
    assert done.stdout.strip() == "[]"
