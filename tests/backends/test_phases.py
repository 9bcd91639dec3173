"""The two scoring phases give the metric's own corpus numbers, however the corpus is cut."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import numpy as np
import pytest

from evalsuite.cache import OutputCache
from evalsuite.data import Example
from evalsuite.engine.corpus import RunAggregator, StreamedRunRecord
from evalsuite.engine.segments import score_partition
from evalsuite.engine.spec import scoring_spec
from evalsuite.errors import UsageError
from evalsuite.metrics.base import IntervalSettings
from evalsuite.metrics.registry import METRICS, metric_from_name
from evalsuite.stats.intervals import bootstrap_ci
from evalsuite.stats.streamed import streamed_bootstrap_ci
from tests.backends.pairs_suite import pair_records, text_metrics

LANGS = ["en", "fr", "zh", "en-GB", None]


def _examples(n: int, refs: int = 1) -> tuple[list[Example], list[str]]:
    records = pair_records(n)
    examples = []
    for i, r in enumerate(records):
        extra = tuple(records[(i + k) % n]["reference"] for k in range(1, refs + (i % 2)))
        examples.append(Example(
            id=r["id"], source=r["source"], reference=(r["reference"], *extra),
            tgt_lang=LANGS[i % len(LANGS)] if i < n // 2 else "en",
        ))
    return examples, [r["hypothesis"] for r in records]


def _partitioned(
    examples: list[Example], hyps: list[str], metric: str, size: int
) -> StreamedRunRecord:
    spec = scoring_spec(
        examples, dataset="d", task="translation", system="s", system_signature="sig",
        metrics=[metric], checks=[], bootstrap=200,
    )
    parts = (
        score_partition(spec, i, examples[s : s + size], hyps[s : s + size])
        for i, s in enumerate(range(0, len(examples), size))
    )
    return RunAggregator(spec).add_all(parts)


def test_the_text_metrics_include_the_sacrebleu_ones_rouge_and_wer() -> None:
    assert {"bleu", "chrf", "chrf++", "ter", "rouge", "wer"} <= set(text_metrics())


@pytest.mark.parametrize("metric", text_metrics())
@pytest.mark.parametrize("size", [1, 7, 64, 1000])
def test_partitioned_scores_equal_whole_corpus_compute(metric: str, size: int) -> None:
    examples, hyps = _examples(150, refs=2)  # mixed languages, 2-3 references per segment
    run = _partitioned(examples, hyps, metric, size)
    langs = [ex.tgt_lang for ex in examples]
    refs = [list(ex.reference) for ex in examples]
    oracle = metric_from_name(metric).compute(
        hyps, refs, langs, interval=IntervalSettings(200, 12345, 0.95)
    )
    assert run.scores == oracle.scores  # values, signatures and intervals, exactly
    lines = list(run.segment_lines())
    assert [line["scores"] for line in lines] == oracle.segments
    assert [line["stats"] for line in lines] == oracle.segment_stats


def test_entity_scores_pool_counts_over_partitions() -> None:
    examples, hyps = _examples(24)
    oracle = metric_from_name("entity").compute(
        hyps, [list(ex.reference) for ex in examples], [ex.tgt_lang for ex in examples],
        sources=[ex.source for ex in examples], src_langs=[ex.src_lang for ex in examples],
        interval=IntervalSettings(200, 12345, 0.95),
    )  # fmt: skip
    for size in (5, 24):
        run = _partitioned(examples, hyps, "entity", size)
        assert run.scores == oracle.scores
        assert [line["scores"] for line in run.segment_lines()] == oracle.segments


@pytest.fixture(scope="module")
def model_specs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each model metric on a tiny random model (BERTScore with corpus idf, the state that
    `prepare` computes once before partitions are scored)."""
    from tests.fixtures.tiny_comet import build_all
    from tests.fixtures.tiny_encoders import build_tiny_bert, build_tiny_nli

    root = tmp_path_factory.mktemp("phase-models")
    comet = build_all(root / "comet")
    return {
        "bertscore": f"bertscore:model={build_tiny_bert(root / 'bert')};idf=true;cache=false",
        "comet": f"comet:model={comet['xcomet']};cache=false",
        "comet-qe": f"comet-qe:model={comet['cometkiwi']};cache=false",
        "nli": f"nli:model={build_tiny_nli(root / 'nli')};threshold=0.9;cache=false",
    }


@pytest.mark.parametrize("metric", ["bertscore", "comet", "comet-qe", "nli"])
def test_model_metrics_partitioned_equal_whole_corpus_compute(
    metric: str, model_specs: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVALSUITE_CACHE", str(tmp_path / "cache"))  # model hashes
    assert set(model_specs) == {
        name for name, cls in METRICS.items() if name not in text_metrics() and name != "entity"
    }, "a metric that needs a model: add it to model_specs"
    examples, hyps = _examples(12, refs=2)
    spec = model_specs[metric]
    oracle = metric_from_name(spec).compute(
        hyps, [list(ex.reference) for ex in examples], [ex.tgt_lang for ex in examples],
        sources=[ex.source for ex in examples], src_langs=[ex.src_lang for ex in examples],
        interval=IntervalSettings(200, 12345, 0.95),
    )  # fmt: skip
    for size in (1, 5, 12):
        run = _partitioned(examples, hyps, spec, size)
        assert [(s.name, s.signature) for s in run.scores] == [
            (s.name, s.signature) for s in oracle.scores
        ]
        # a model's float32 output moves in its last bits with the batch it was in
        for got, want in zip(run.scores, oracle.scores, strict=True):
            for field in ("value", "ci_low", "ci_high", "ci_mean"):
                assert getattr(got, field) == pytest.approx(getattr(want, field), abs=1e-6)
        lines = list(run.segment_lines())
        assert len(lines) == len(oracle.segments)
        for line, scores, stats in zip(lines, oracle.segments, oracle.segment_stats, strict=True):
            assert line["scores"] == pytest.approx(scores, abs=1e-6)
            assert line["stats"].keys() == stats.keys()
            for name, row in stats.items():
                assert line["stats"][name] == pytest.approx(row, abs=1e-6)


def test_partitions_out_of_order_are_refused() -> None:
    examples, hyps = _examples(4)
    spec = scoring_spec(
        examples, dataset="d", task="translation", system="s", system_signature="sig",
        metrics=["bleu"], checks=[],
    )
    aggregator = RunAggregator(spec)
    with pytest.raises(ValueError, match="expected 0"):
        aggregator.add(score_partition(spec, 1, examples[2:], hyps[2:]))


@pytest.mark.parametrize("n", [1, 3, 250, 1001])
def test_streamed_bootstrap_equals_bootstrap_ci(n: int) -> None:
    rng = np.random.default_rng(n)
    floats = rng.random((n, 3))
    counts = rng.integers(0, 30, size=(n, 10)).astype(np.float64)
    for stats, name in ((floats, "rougeL"), (floats[:, :2], "ter"), (counts, "bleu")):
        expected = bootstrap_ci(stats, name, n_resamples=300, seed=7)
        assert streamed_bootstrap_ci(stats, name, n_resamples=300, seed=7) == expected


def _append_many(args: tuple[str, int]) -> None:
    root, worker = args
    cache = OutputCache(Path(root), "sig")
    for batch in range(20):
        cache.append({f"w{worker}-{batch}-{i}": "x" * (500 + i) for i in range(50)})


def test_concurrent_appends_never_interleave(tmp_path: Path) -> None:
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        pool.map(_append_many, [(str(tmp_path), w) for w in range(4)])
    cache = OutputCache(tmp_path, "sig")
    # A writer that sees another's batch half written adds a newline first: a blank line,
    # which readers skip. Every other line must be one whole record.
    lines = [line for line in cache.path.read_text(encoding="utf-8").splitlines() if line]
    assert len(lines) == 4 * 20 * 50
    assert all(json.loads(line)["signature"] == "sig" for line in lines)
    assert len(cache.load()) == 4 * 20 * 50


def test_duplicate_records_first_one_wins(tmp_path: Path) -> None:
    cache = OutputCache(tmp_path, "sig")
    cache.append({"k": "first"})
    cache.append({"k": "second"})
    assert cache.load() == {"k": "first"}


def test_two_metrics_reporting_one_score_name_are_refused() -> None:
    examples, _ = _examples(3)
    with pytest.raises(UsageError, match="'bleu' and 'bleu:tokenize=intl' both report 'bleu'"):
        scoring_spec(
            examples, dataset="d", task="translation", system="s", system_signature="sig",
            metrics=["bleu", "bleu:tokenize=intl"], checks=[],
        )
