"""BERTScore: parity with the `bert-score` package on tiny local encoders, caching, errors."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from evalsuite.errors import UsageError
from evalsuite.metrics.bertscore import BertScore, BertScoreSettings, read_baseline
from evalsuite.models.options import ModelOptions

bert_score = pytest.importorskip("bert_score", reason="bert-score==0.3.13 is a dev dependency")

HYPS = [
    "The police arrested two men after the attack.",
    "Prices rose in April.",
    "Le président a rencontré son homologue.",
    "Heavy rain caused floods in the north.",
    "Учёные нашли воду на планете.",
]
REFS = [
    "Police arrested two men after the attack.",
    "Prices rose sharply in April and May.",
    "Le président a rencontré son homologue à Paris.",
    "Floods hit the north of the country after heavy rain.",
    "Учёные нашли воду на далёкой планете.",
]
SECOND_REFS = [
    "Two men were arrested by the police.",
    "In April prices went up.",
    "Le président a vu son homologue.",
    "The north was flooded.",
    "Вода найдена на планете.",
]


def ours(
    model: Path, hyps: Sequence[str], refs: Sequence[Sequence[str]], tmp_path: Path, **kw: object
) -> list[dict[str, float]]:
    options = ModelOptions(cache_dir=tmp_path / "cache", progress=False, batch_size=2)
    metric = BertScore(BertScoreSettings(str(model), **kw), options)  # type: ignore[arg-type]
    return metric.compute(hyps, refs, [None] * len(hyps)).segments


def reference(model: Path, hyps: Sequence[str], refs: object, **kw: object) -> list[list[float]]:
    p, r, f = bert_score.score(
        list(hyps), refs, model_type=str(model), use_fast_tokenizer=True, nthreads=0,
        device="cpu", batch_size=3, **kw,
    )
    return [[float(x) for x in col] for col in (p, r, f)]


def assert_parity(mine: list[dict[str, float]], theirs: list[list[float]]) -> None:
    for column, name in enumerate(("bertscore_p", "bertscore_r", "bertscore_f")):
        assert [s[name] for s in mine] == pytest.approx(theirs[column], abs=2e-6), name


@pytest.mark.parametrize("model_name", ["tiny_bert_path", "tiny_xlmr_path"])
@pytest.mark.parametrize("layer", [1, 2])
@pytest.mark.parametrize("idf", [False, True])
def test_parity_with_bert_score(
    model_name: str, layer: int, idf: bool, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    model = request.getfixturevalue(model_name)
    mine = ours(model, HYPS, [[r] for r in REFS], tmp_path, layer=layer, idf=idf)
    assert_parity(mine, reference(model, HYPS, REFS, num_layers=layer, idf=idf))


@pytest.mark.parametrize("idf", [False, True])
def test_multi_reference_takes_the_best_of_each(
    tiny_bert_path: Path, idf: bool, tmp_path: Path
) -> None:
    refs = [[a, b] for a, b in zip(REFS, SECOND_REFS, strict=True)]
    mine = ours(tiny_bert_path, HYPS, refs, tmp_path, layer=3, idf=idf)
    assert_parity(mine, reference(tiny_bert_path, HYPS, refs, num_layers=3, idf=idf))


def test_last_layer_by_default(tiny_bert_path: Path, tmp_path: Path) -> None:
    mine = ours(tiny_bert_path, HYPS, [[r] for r in REFS], tmp_path)
    assert_parity(mine, reference(tiny_bert_path, HYPS, REFS, num_layers=3))


def test_baseline_rescaling(tiny_bert_path: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.tsv"
    baseline.write_text("LAYER,P,R,F\n0,0.1,0.2,0.3\n1,0.5,0.6,0.55\n2,0.8,0.7,0.75\n")
    mine = ours(tiny_bert_path, HYPS, [[r] for r in REFS], tmp_path, layer=2,
                baseline=str(baseline))  # fmt: skip
    theirs = reference(tiny_bert_path, HYPS, REFS, num_layers=2, lang="en",
                       rescale_with_baseline=True, baseline_path=str(baseline))  # fmt: skip
    assert_parity(mine, theirs)


def test_reads_the_packaged_baselines_like_the_package() -> None:
    import pandas as pd

    path = Path(bert_score.__file__).parent / "rescale_baseline" / "en" / "roberta-large.tsv"
    expected = pd.read_csv(path).iloc[17].to_numpy()[1:]
    assert read_baseline(path, 17) == pytest.approx([float(x) for x in expected], abs=0)


def test_empty_hypothesis_scores_zero(tiny_bert_path: Path, tmp_path: Path) -> None:
    # bert-score 0.3.13 cannot encode an empty text under transformers 5; it scores 0 under 4.
    mine = ours(tiny_bert_path, ["", "  "], [["Prices rose."], ["Prices rose."]], tmp_path)
    assert all(s == {"bertscore_f": 0.0, "bertscore_p": 0.0, "bertscore_r": 0.0} for s in mine)


def test_second_run_reads_the_cache(tiny_bert_path: Path, tmp_path: Path) -> None:
    options = ModelOptions(cache_dir=tmp_path, progress=False)
    first = BertScore(BertScoreSettings(str(tiny_bert_path)), options)
    expected = first.compute(HYPS, [[r] for r in REFS], [None] * 5).segments
    second = BertScore(BertScoreSettings(str(tiny_bert_path)), options)

    def no_model(*args: object) -> None:
        raise AssertionError("the model ran although every output was cached")

    second._run = no_model  # type: ignore[assignment,method-assign]
    assert second.compute(HYPS, [[r] for r in REFS], [None] * 5).segments == expected


def test_signature_names_model_hash_layer_and_idf(tiny_bert_path: Path, tmp_path: Path) -> None:
    metric = BertScore(
        BertScoreSettings(str(tiny_bert_path), layer=2, idf=True),
        ModelOptions(cache_dir=tmp_path, progress=False),
    )
    signature = metric.compute(HYPS[:2], [[r] for r in REFS[:2]], [None] * 2).scores[0].signature
    fields = dict(signature.fields)
    assert fields["model"].startswith(f"{tiny_bert_path.name}#") and len(fields["model"]) > 13
    assert (fields["layer"], fields["idf"], fields["nrefs"]) == ("2", "yes", "1")


def test_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="bertscore: model '.*nowhere' is not a directory"):
        BertScore(BertScoreSettings(str(tmp_path / "nowhere"))).compute(["a"], [["a"]], [None])


def test_hub_id_offline_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    metric = BertScore(BertScoreSettings("someone/no-such-bert"), ModelOptions(cache_dir=tmp_path))
    with pytest.raises(UsageError, match="'someone/no-such-bert'.*offline mode is on"):
        metric.compute(["a"], [["a"]], [None])


def test_layer_out_of_range(tiny_bert_path: Path, tmp_path: Path) -> None:
    metric = BertScore(BertScoreSettings(str(tiny_bert_path), layer=7),
                       ModelOptions(cache_dir=tmp_path))  # fmt: skip
    with pytest.raises(UsageError, match="layer 7 is out of range .* has 3 layers"):
        metric.compute(["a"], [["a"]], [None])


def test_not_a_model_directory(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "weights.bin").write_bytes(b"\0")
    metric = BertScore(BertScoreSettings(str(tmp_path / "model")), ModelOptions(cache_dir=tmp_path))
    with pytest.raises(UsageError, match="has no config.json"):
        metric.compute(["a"], [["a"]], [None])
