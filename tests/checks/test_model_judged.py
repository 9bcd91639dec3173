"""detached_output / omission / addition judged by a user-named model, on tiny models built here:
a bilingual bag-of-concepts encoder (tests/fixtures/tiny_sentence_encoders.py), whose cosines
mean something, and a tiny random COMET-QE checkpoint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import Finding
from evalsuite.checks.runner import run_checks
from evalsuite.cli import main
from evalsuite.errors import UsageError
from evalsuite.models.source_similarity import load_scorer
from evalsuite.models.source_spec import parse_source_model
from tests.fixtures.tiny_sentence_encoders import build_concept_encoder

MODEL_CHECKS = ["detached_output", "omission", "addition"]
POLICE_FR = "La police a arrêté deux hommes après l'attaque"
POLICE_RU = "Полиция арестовала двух мужчин после нападения"
POLICE_EN = "The police arrested two men after the attack"


@pytest.fixture(scope="module")
def concept_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_concept_encoder(tmp_path_factory.mktemp("concept-encoder"))


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EVALSUITE_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def judge(model: Path, hyp: str, src: str | None, src_lang: str = "fr", **kw: str) -> list[Finding]:
    spec = ";".join([str(model), *(f"{k}={v}" for k, v in kw.items())])
    inp = CheckInput(hyp, None, src, "en", src_lang)
    return run_checks([inp], MODEL_CHECKS, source_model=spec)[0]


FIRES = [
    # (source, source language, output, check, the span it points at)
    (f"{POLICE_FR}, selon le ministre de l'intérieur.", "fr", f"{POLICE_EN}.", "omission",
     "selon le ministre de l'intérieur."),
    (f"{POLICE_RU}, сказал министр внутренних дел.", "ru", f"{POLICE_EN}.", "omission",
     "сказал министр внутренних дел."),
    (f"{POLICE_FR}.", "fr", f"{POLICE_EN}, and prices rose sharply in April.", "addition",
     "and prices rose sharply in April."),
    ("De fortes pluies ont provoqué des inondations dans le nord du pays.", "fr",
     "The company reported higher profits this year.", "detached_output", None),
    (f"{POLICE_RU}.", "ru", "Scientists found water on a distant planet.", "detached_output",
     None),
    (f"{POLICE_FR}.", "fr", " ... ", "detached_output", None),
]  # fmt: skip

SILENT = [
    # faithful, reordered, passive, free renderings of the same content
    (f"{POLICE_FR}, a dit le ministre.", "fr", f"{POLICE_EN}, the minister said."),
    (f"{POLICE_FR}, a dit le ministre.", "fr",
     "After the attack, the police arrested two men, according to the minister."),
    (f"{POLICE_FR}, a dit le ministre.", "fr",
     "Two men were arrested by the police after the attack, the minister said."),
    (f"{POLICE_RU}, сказал министр.", "ru",
     "According to the minister, the police arrested two men after the attack."),
    ("Des milliers de personnes se sont rassemblées dans la capitale lundi.", "fr",
     "On Monday, thousands of people gathered in the capital."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "lang", "hyp", "check", "span"), FIRES)
def test_fires(
    src: str, lang: str, hyp: str, check: str, span: str | None, concept_model: Path
) -> None:
    found = judge(concept_model, hyp, src, lang)
    assert [f.check for f in found] == [check]
    finding = found[0]
    assert finding.evidence["method"] == "model" and finding.evidence["kind"] == "encoder"
    assert finding.evidence["model"].startswith(concept_model.name)
    if check == "omission":
        assert finding.ref_span is not None and finding.ref_span.text == span
        assert src[finding.ref_span.start : finding.ref_span.end] == span
        assert finding.evidence["gain"] >= finding.evidence["clause_gain"]
    elif check == "addition":
        assert finding.hyp_span is not None and finding.hyp_span.text == span
        assert hyp[finding.hyp_span.start : finding.hyp_span.end] == span
    else:
        assert finding.severity == "critical"
        assert finding.hyp_span is not None and finding.hyp_span.text == hyp


@pytest.mark.parametrize(("src", "lang", "hyp"), SILENT)
def test_faithful_translations_stay_silent(
    src: str, lang: str, hyp: str, concept_model: Path
) -> None:
    assert judge(concept_model, hyp, src, lang) == []


def test_thresholds_come_from_the_spec(concept_model: Path) -> None:
    hyp, src = f"{POLICE_EN}, the minister said.", f"{POLICE_FR}, a dit le ministre."
    found = judge(concept_model, hyp, src, detached_below="1.01")
    assert [f.check for f in found] == ["detached_output"]
    assert found[0].evidence["detached_below"] == 1.01
    omitted = f"{POLICE_FR}, selon le ministre de l'intérieur."
    assert judge(concept_model, f"{POLICE_EN}.", omitted, clause_gain="0.9") == []


def test_only_translations_with_a_source_are_judged(concept_model: Path) -> None:
    unrelated = "Scientists found water on a distant planet."
    inputs = [
        CheckInput(unrelated, None, None, "en", None),
        CheckInput(unrelated, None, f"{POLICE_EN}.", "en", "en", "summary"),
        CheckInput(unrelated, None, "Trop court.", "en", "fr"),
    ]
    assert run_checks(inputs, MODEL_CHECKS, source_model=str(concept_model)) == [[], [], []]


def test_the_model_replaces_the_alignment_and_other_checks_still_run(concept_model: Path) -> None:
    inp = CheckInput("The company reported profits of 30 million this year.", None,
                     "De fortes pluies ont provoqué des inondations, 20 morts.", "en",
                     "fr")  # fmt: skip
    found = run_checks([inp], ["number_mismatch", *MODEL_CHECKS], source_model=str(concept_model))
    checks = [f.check for f in found[0]]
    assert "number_mismatch" in checks and "detached_output" in checks
    assert checks == sorted(checks, key=["number_mismatch", *MODEL_CHECKS].index)  # registry order
    assert all(f.evidence.get("method") == "model" for f in found[0] if f.check in MODEL_CHECKS)
    assert run_checks([inp], ["number_mismatch"], source_model="/no/such/model") == run_checks(
        [inp], ["number_mismatch"]
    )  # no model check selected: nothing is loaded


def test_scores_are_cached(concept_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hyp, src = f"{POLICE_EN}.", f"{POLICE_FR}, selon le ministre de l'intérieur."
    first = judge(concept_model, hyp, src)
    scorer = load_scorer(parse_source_model(str(concept_model)))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model ran again on unchanged texts")

    monkeypatch.setattr(scorer.runner, "embed", refuse)
    assert judge(concept_model, hyp, src) == first
    with pytest.raises(AssertionError, match="ran again"):
        judge(concept_model, hyp, src, cache="false")


@pytest.fixture(scope="module")
def comet_dirs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from tests.fixtures.tiny_comet import CASES, build_checkpoint, build_encoders

    root = tmp_path_factory.mktemp("tiny-comet")
    encoders = build_encoders(root / "encoders")
    return {case: build_checkpoint(root / case, case, encoders[CASES[case][1]["encoder_model"]])
            for case in ("comet-qe", "comet-da")}  # fmt: skip


def test_a_comet_qe_checkpoint_scores_pairs(comet_dirs: dict[str, Path]) -> None:
    import torch

    from evalsuite.models.comet.checkpoint import find_checkpoint
    from evalsuite.models.comet.network import CometNetwork
    from evalsuite.models.comet.scorer import CometInput, CometScorer

    src, hyp = f"{POLICE_FR}.", f"{POLICE_EN}."
    found = judge(comet_dirs["comet-qe"], hyp, src, detached_below="2")  # above any sigmoid
    assert [f.check for f in found] == ["detached_output"]
    assert found[0].evidence["kind"] == "qe"
    direct = CometScorer(CometNetwork(find_checkpoint(str(comet_dirs["comet-qe"]))),
                         torch.device("cpu"), torch.float32)  # fmt: skip
    expected = direct.predict([CometInput(hyp, src, None)], batch_size=1)[0].score
    assert found[0].evidence["score"] == pytest.approx(expected, abs=1e-4)
    assert judge(comet_dirs["comet-qe"], hyp, src, detached_below="-1") == []


def test_qe_models_need_a_threshold_and_no_reference(comet_dirs: dict[str, Path]) -> None:
    with pytest.raises(UsageError, match="give detached_below"):
        judge(comet_dirs["comet-qe"], f"{POLICE_EN}.", f"{POLICE_FR}.")
    with pytest.raises(UsageError, match="cannot score without a reference"):
        judge(comet_dirs["comet-da"], f"{POLICE_EN}.", f"{POLICE_FR}.", detached_below="0.5")
    with pytest.raises(UsageError, match="is not a transformers encoder"):
        judge(comet_dirs["comet-qe"], f"{POLICE_EN}.", f"{POLICE_FR}.", kind="encoder")


def _records(path: Path) -> Path:
    rows = [
        {"id": "omitted", "source": f"{POLICE_FR}, selon le ministre de l'intérieur.",
         "hypothesis": f"{POLICE_EN}.", "src_lang": "fr", "tgt_lang": "en"},
        {"id": "good", "source": f"{POLICE_FR}, a dit le ministre.",
         "hypothesis": f"{POLICE_EN}, the minister said.", "src_lang": "fr", "tgt_lang": "en"},
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_cli_check_with_a_model(
    concept_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _records(tmp_path / "mt.jsonl")
    args = ["check", "--input", str(data), "--task", "translation", "--checks", "omission"]
    assert main([*args, "--xling-model", str(concept_model)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [[f["check"] for f in line["findings"]] for line in lines] == [["omission"], []]
    assert lines[0]["findings"][0]["evidence"]["method"] == "model"


@pytest.mark.parametrize(
    ("model", "message"),
    [
        ("nobody/no-such-encoder", "not in the Hugging Face cache"),
        ("./missing-dir", "is not a directory"),
        ("m;pooling=first", "pooling 'first'"),
    ],
)
def test_cli_unusable_model_exits_2(
    model: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _records(tmp_path / "mt.jsonl")
    out = tmp_path / "findings.jsonl"
    args = ["check", "--input", str(data), "--task", "translation", "--output", str(out)]
    assert main([*args, "--xling-model", model]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_cli_score_records_the_model(concept_model: Path, tmp_path: Path) -> None:
    data = _records(tmp_path / "mt.jsonl")
    out = tmp_path / "results.json"
    args = ["score", "--input", str(data), "--checks", "omission,detached_output",
            "--xling-model", str(concept_model), "--output", str(out),
            "--bootstrap", "0"]  # fmt: skip
    assert main(args) == 0
    document = json.loads(out.read_text())
    assert document["models"]["xling-model:encoder"].startswith(concept_model.name)
    segments = [json.loads(line) for line in out.with_suffix(".segments.jsonl").open()]
    assert [[f["check"] for f in s["findings"]] for s in segments] == [["omission"], []]


def test_suite_names_the_model_per_dataset(concept_model: Path, tmp_path: Path) -> None:
    from evalsuite.harness import run_suite
    from evalsuite.suite import load_suite

    _records(tmp_path / "mt.jsonl")
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "concepts").symlink_to(concept_model)
    suite_file = tmp_path / "suite.toml"
    suite_file.write_text(
        'name = "xling"\nmetrics = []\nchecks = ["omission", "detached_output"]\n'
        '[[datasets]]\nname = "mt"\npath = "mt.jsonl"\ntask = "translation"\n'
        'outputs = "given"\nxling_model = { model = "models/concepts", clause_gain = 0.05 }\n'
        '[[datasets]]\nname = "plain"\npath = "mt.jsonl"\ntask = "translation"\n'
        'outputs = "given"\n'
    )
    suite = load_suite(suite_file)
    judged, plain = suite.datasets
    assert judged.xling_model == str((tmp_path / "models" / "concepts").resolve())
    assert plain.xling_model is None
    result = run_suite(suite, cache_dir=tmp_path / "outputs", show_progress=False)
    by_dataset = {run.dataset: run for run in result.runs}
    omissions = [[f.evidence.get("method") for f in s.findings] for s in by_dataset["mt"].segments]
    assert omissions == [["model"], []]
    assert all(f.evidence.get("method") != "model"
               for s in by_dataset["plain"].segments for f in s.findings)  # fmt: skip


@pytest.mark.parametrize(
    ("value", "message"),
    [('{ model = "m", pool = "cls" }', r"datasets\[0\]\.xling_model: unknown setting 'pool'"),
     ("3", "expected a model path"), ('"m;kind=nli"', "kind 'nli'")],
)  # fmt: skip
def test_suite_rejects_bad_model_settings(value: str, message: str, tmp_path: Path) -> None:
    from evalsuite.suite import load_suite

    _records(tmp_path / "mt.jsonl")
    suite_file = tmp_path / "suite.toml"
    suite_file.write_text(
        '[[datasets]]\nname = "mt"\npath = "mt.jsonl"\ntask = "translation"\n'
        f'outputs = "given"\nxling_model = {value}\n'
    )
    with pytest.raises(UsageError, match=message):
        load_suite(suite_file)
