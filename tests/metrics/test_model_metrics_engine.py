"""Model metrics through the whole engine: `score` and suites with `bertscore:PATH`,
`comet:PATH`, `comet-qe:PATH` and `nli:PATH`, signatures and intervals, findings in the
segments, paired comparisons, the HTML report, and exit 2 for a model that cannot be loaded.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from evalsuite.cli import main
from evalsuite.data import Example
from evalsuite.engine.run import score_run
from evalsuite.report.formats import render_report
from tests.fixtures.tiny_comet import SAMPLES, build_all


@pytest.fixture(scope="module")
def comet_paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("engine-comet"))


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVALSUITE_CACHE", str(tmp_path / "cache"))


def examples() -> list[Example]:
    return [
        Example(id=str(i), source=s["src"], reference=(s["ref"],), hypothesis=s["mt"],
                src_lang="de", tgt_lang="en")  # fmt: skip
        for i, s in enumerate(SAMPLES)
    ]


def write_jsonl(path: Path, with_reference: bool = True) -> Path:
    lines = [
        {"id": str(i), "source": s["src"], "hypothesis": s["mt"], "src_lang": "de",
         "tgt_lang": "en", **({"reference": s["ref"]} if with_reference else {})}  # fmt: skip
        for i, s in enumerate(SAMPLES)
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def test_score_run_gives_scores_intervals_and_findings(
    tiny_bert_path: Path, tiny_nli_path: Path, comet_paths: dict[str, Path]
) -> None:
    exs = examples()
    metrics = [
        f"bertscore:{tiny_bert_path}", f"comet:{comet_paths['xcomet']}",
        f"comet-qe:{comet_paths['cometkiwi']}", f"nli:model={tiny_nli_path};threshold=0.4",
    ]  # fmt: skip
    run = score_run(exs, [e.hypothesis or "" for e in exs], dataset="d", task="translation",
                    system="s", system_signature="given", metrics=metrics, checks=[])  # fmt: skip
    scores = {s.name: s for s in run.scores}
    assert set(scores) == {"bertscore_f", "bertscore_p", "bertscore_r", "comet", "comet_qe", "nli"}
    for score in scores.values():
        assert score.ci_low is not None and score.ci_low <= score.value <= score.ci_high
        assert "|bs:1000|seed:12345|ci:95" in str(score.signature)
    assert "model:xcomet#" in str(scores["comet"].signature)
    assert "family:unified|ref:no" in str(scores["comet_qe"].signature)
    assert run.checks == ["comet_error_span", "nli_unsupported"]
    kinds = {f.check for seg in run.segments for f in seg.findings}
    assert kinds == {"comet_error_span", "nli_unsupported"}
    span = next(f for seg in run.segments for f in seg.findings if f.check == "comet_error_span")
    assert span.hyp_span is not None and span.severity in ("minor", "major", "critical")
    segment = run.segments[0]
    assert segment.stats["comet"] == [segment.scores["comet"]]


def test_cli_score_with_model_metrics_and_compare(
    tiny_bert_path: Path, comet_paths: dict[str, Path], tmp_path: Path
) -> None:
    data = write_jsonl(tmp_path / "mt.jsonl")
    out = tmp_path / "a.json"
    metrics = f"bertscore:{tiny_bert_path},comet:{comet_paths['comet-da']}"
    assert main(["score", "--input", str(data), "--metrics", metrics, "--checks", "none",
                 "--output", str(out)]) == 0  # fmt: skip
    document = json.loads(out.read_text())
    assert {"bertscore_f", "comet"} <= set(document["runs"][0]["scores"])
    assert main(["compare", str(out), str(out)]) == 0


def test_qe_metrics_score_records_without_references(
    tiny_nli_path: Path, comet_paths: dict[str, Path], tmp_path: Path
) -> None:
    data = write_jsonl(tmp_path / "qe.jsonl", with_reference=False)
    out = tmp_path / "qe.json"
    metrics = f"comet-qe:{comet_paths['xcomet']},nli:{tiny_nli_path}"
    assert main(["score", "--input", str(data), "--metrics", metrics, "--checks", "none",
                 "--output", str(out)]) == 0  # fmt: skip
    scores = json.loads(out.read_text())["runs"][0]["scores"]
    assert {"comet_qe", "nli"} == set(scores)


def test_reference_based_comet_needs_references(
    comet_paths: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = write_jsonl(tmp_path / "qe.jsonl", with_reference=False)
    assert main(["score", "--input", str(data), "--metrics",
                 f"comet:{comet_paths['comet-da']}"]) == 2  # fmt: skip
    assert "field 'reference'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("bertscore:someone/not-cached", "'someone/not-cached'.*offline mode is on"),
        ("comet:{tmp}", "is not a COMET checkpoint: hparams.yaml is missing"),
        ("nli:{bert}", "has no entailment label"),
        ("bertscore:model={bert};layer=x", "option 'layer' must be a number"),
        ("comet", "comet: needs a model"),
    ],
)
def test_unloadable_models_exit_2_naming_them(
    spec: str, message: str, tiny_bert_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = write_jsonl(tmp_path / "mt.jsonl")
    spec = spec.format(tmp=tmp_path, bert=tiny_bert_path)
    assert main(["score", "--input", str(data), "--metrics", spec, "--checks", "none"]) == 2
    assert re.search(message, capsys.readouterr().err)


def test_suite_metrics_tables_and_html_highlights(
    comet_paths: dict[str, Path], tiny_bert_path: Path, tiny_nli_path: Path, tmp_path: Path
) -> None:
    data = write_jsonl(tmp_path / "mt.jsonl")
    suite = tmp_path / "suite.toml"
    suite.write_text(
        'name = "learned"\n'
        "[[datasets]]\n"
        f'name = "mt"\npath = "{data.name}"\ntask = "translation"\noutputs = "given"\n'
        'checks = "none"\n'
        "[[datasets.metrics]]\n"
        f'name = "comet"\nmodel = "{comet_paths["xcomet"]}"\nbatch_size = 4\n'
        "[[datasets.metrics]]\n"
        f'name = "bertscore"\nmodel = "{tiny_bert_path}"\nlayer = 2\n'
        "[[datasets.metrics]]\n"
        f'name = "comet-qe"\nmodel = "{comet_paths["cometkiwi"]}"\n'
        "[[datasets.metrics]]\n"
        f'name = "nli"\nmodel = "{tiny_nli_path}"\nthreshold = 0.4\n'
    )
    out = tmp_path / "out"
    assert main(["run", str(suite), "--output", str(out), "--quiet"]) == 0
    document = json.loads((out / "results.json").read_text())
    scores = document["runs"][0]["scores"]
    assert {"comet", "bertscore_f", "comet_qe", "nli"} <= set(scores)
    assert "layer:2" in scores["bertscore_f"]["signature"]
    assert "threshold:0.4" in scores["nli"]["signature"]
    assert all("ci_low" in scores[name] for name in ("comet", "bertscore_f", "comet_qe", "nli"))
    page = render_report(out / "results.json", "html")
    assert "comet_error_span" in page and 'class="sev-' in page


def test_paired_tests_and_gate_for_every_learned_metric(
    tiny_bert_path: Path, tiny_nli_path: Path, comet_paths: dict[str, Path], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Two systems (the fixture's outputs, then the references as outputs): compare gives each
    learned score a paired p-value under both tests, and the gate reads each of them."""
    metrics = (f"bertscore:{tiny_bert_path},comet:{comet_paths['comet-da']},"
               f"comet-qe:{comet_paths['cometkiwi']},nli:{tiny_nli_path}")  # fmt: skip
    results = {}
    for system in ("a", "b"):
        (tmp_path / system).mkdir()
        data = write_jsonl(tmp_path / system / "mt.jsonl")
        if system == "b":
            lines = [json.loads(line) for line in data.read_text().splitlines()]
            data.write_text("".join(json.dumps({**r, "hypothesis": r["reference"]}) + "\n"
                                    for r in lines))  # fmt: skip
        results[system] = tmp_path / system / "results.json"
        assert main(["score", "--input", str(data), "--metrics", metrics, "--checks", "none",
                     "--output", str(results[system])]) == 0  # fmt: skip
    learned = {"bertscore_f", "bertscore_p", "bertscore_r", "comet", "comet_qe", "nli"}
    for test in ("bootstrap", "ar"):
        capsys.readouterr()
        assert main(["compare", str(results["a"]), str(results["b"]), "--test", test,
                     "--resamples", "200", "--format", "json"]) == 0  # fmt: skip
        rows = json.loads(capsys.readouterr().out)["comparisons"]
        assert {r["metric"] for r in rows} == learned
        for row in rows:
            assert row["delta"] != 0 and 0 < row["p_value"] <= 1
    # the references as outputs score higher on BERTScore: as the candidate, a is a regression
    assert main(["gate", str(results["a"]), "--baseline", str(results["b"]), "-v",
                 "--resamples", "200"]) == 1  # fmt: skip
    verdicts = capsys.readouterr().out
    assert re.search(r"^FAIL mt/\S+ bertscore_f: ", verdicts, re.MULTILINE), verdicts
    for name in ("bertscore_f", "comet", "comet_qe", "nli"):
        assert re.search(rf"^(PASS|FAIL) mt/\S+ {name}: .*p=", verdicts, re.MULTILINE), verdicts
