"""The command line end to end: the default suite, score, check, and bad input for each."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evalsuite.cli import main

GOOD = [
    {
        "id": "a",
        "source": "Die Polizei nahm den Demonstranten am Montag in Berlin fest.",
        "reference": "Police arrested the protester in Berlin on Monday.",
        "hypothesis": "Police arrested the protester in Munich on Monday.",
        "src_lang": "de",
        "tgt_lang": "en",
    },
    {
        "id": "b",
        "source": "Der Konzern baut 300 Stellen ab.",
        "reference": "The group is cutting 300 jobs.",
        "hypothesis": "The group is cutting 300 jobs.",
        "src_lang": "de",
        "tgt_lang": "en",
    },
]


def _jsonl(path: Path, records: list[dict[str, object]] | list[str]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def default_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("run") / "results"
    cache = tmp_path_factory.mktemp("cache")
    proc = subprocess.run(
        [sys.executable, "-m", "evalsuite", "run", "--output", str(out),
         "--cache-dir", str(cache), "--quiet"],
        capture_output=True, text=True, timeout=600,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert proc.returncode == 0, proc.stderr
    return out, proc.stdout


def test_run_default_suite_writes_results_dir(default_run: tuple[Path, str]) -> None:
    out, stdout = default_run
    document = json.loads((out / "results.json").read_text())
    assert document["schema"] == "evalsuite.results/1"
    assert document["segments_file"] == "segments.jsonl"
    assert document["suite"]["name"] == "default"
    assert document["suite"]["config_hash"].startswith("sha256:")
    assert {"evalsuite", "sacrebleu", "spacy"} <= set(document["versions"])
    datasets = {run["dataset"] for run in document["runs"]}
    assert datasets == {
        "news-summaries", "seed-summary", "seed-as-mt", "mt-faults", "source-only-mt"
    }
    news = [r for r in document["runs"] if r["dataset"] == "news-summaries"]
    assert {r["system"] for r in news} == {"lead-3", "textrank-3"}
    assert set(news[0]["scores"]) == {"rouge1", "rouge2", "rougeL", "rougeLsum"}
    mt = [r for r in document["runs"] if r["dataset"] == "mt-faults"]
    assert {"none", "number_changed", "entity_replaced"} <= {r["system"] for r in mt}
    assert "tok:13a" in mt[0]["scores"]["bleu"]["signature"]
    for header in ("R-1", "R-Lsum", "BLEU", "chrF", "TER", "number"):
        assert header in stdout
    segments = (out / "segments.jsonl").read_text().splitlines()
    n_segments = sum(r["n_segments"] for r in document["runs"])
    assert len(segments) == n_segments
    assert "## Findings" in (out / "report.md").read_text()


def test_number_faults_found_more_than_clean(default_run: tuple[Path, str]) -> None:
    out, _ = default_run
    runs = json.loads((out / "results.json").read_text())["runs"]
    mt = {r["system"]: r for r in runs if r["dataset"] == "mt-faults"}
    changed = mt["number_changed"]["findings"]["number_mismatch"]["total"]
    clean = mt["none"]["findings"]["number_mismatch"]["total"]
    assert changed >= 0.9 * mt["number_changed"]["n_segments"]
    assert clean <= 0.1 * mt["none"]["n_segments"]


def test_run_bad_suite_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    suite = tmp_path / "bad.toml"
    suite.write_text('[[datasets]]\nname = "x"\npath = "missing.jsonl"\ntask = "summary"\n')
    assert main(["run", str(suite), "--output", str(tmp_path / "out")]) == 2
    assert "missing.jsonl" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    assert main(["run", str(tmp_path / "nope.toml")]) == 2


def test_score_writes_results_and_segments(tmp_path: Path) -> None:
    data = _jsonl(tmp_path / "in.jsonl", GOOD)
    out = tmp_path / "res.json"
    args = ["--metrics", "bleu,chrf,rouge", "--output", str(out)]
    assert main(["score", "--input", str(data), *args]) == 0
    document = json.loads(out.read_text())
    (run,) = document["runs"]
    assert set(run["scores"]) == {"bleu", "chrf", "rouge1", "rouge2", "rougeL", "rougeLsum"}
    assert run["findings"]["entity_missing"]["total"] >= 1
    assert document["segments_file"] == "res.segments.jsonl"
    lines = (tmp_path / "res.segments.jsonl").read_text().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"]


@pytest.mark.parametrize(
    ("lines", "args", "expected"),
    [
        (["{bad"], [], "in.jsonl:1: invalid JSON"),
        ([GOOD[0], {"id": "c", "reference": "x"}], [], "in.jsonl:2: field 'hypothesis'"),
        ([GOOD[0], {"id": "c", "hypothesis": "x"}], ["--metrics", "bleu"],
         "in.jsonl:2: field 'reference'"),
        ([GOOD[0]], ["--metrics", "blue"], "unknown metric 'blue'"),
        ([GOOD[0]], ["--checks", "entity_mising"], "unknown check 'entity_mising'"),
        ([GOOD[0], {"id": "a", "hypothesis": "x"}], [], "in.jsonl:2: field 'id'"),
    ],
)
def test_score_bad_input_exits_2_without_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lines: list, args: list[str],
    expected: str,
) -> None:
    data = _jsonl(tmp_path / "in.jsonl", lines)
    out = tmp_path / "res.json"
    assert main(["score", "--input", str(data), "--output", str(out), *args]) == 2
    assert expected in capsys.readouterr().err
    assert not out.exists()


def test_an_unknown_metric_lists_every_registered_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from evalsuite.metrics.registry import METRIC_NAMES

    data = _jsonl(tmp_path / "in.jsonl", [GOOD[0]])
    assert main(["score", "--input", str(data), "--metrics", "blue"]) == 2
    assert f"(valid: {', '.join(METRIC_NAMES)})" in capsys.readouterr().err


def test_score_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--input", str(tmp_path / "none.jsonl")]) == 2
    assert "none.jsonl: no such file" in capsys.readouterr().err


def test_check_one_line_per_record(tmp_path: Path) -> None:
    records = [*GOOD, {"id": "free", "hypothesis": "Zelensky met Zelenskiy in Kyiv."}]
    data = _jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "found.jsonl"
    assert main(["check", "--input", str(data), "--task", "translation", "--output", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["a", "b", "free"]
    checks = {f["check"] for f in lines[0]["findings"]}
    assert "entity_missing" in checks
    assert lines[1]["findings"] == []
    finding = lines[0]["findings"][0]
    assert set(finding) == {"check", "severity", "message", "hyp_span", "ref_span", "evidence"}


def test_check_fail_on_severity_exits_1(tmp_path: Path) -> None:
    data = _jsonl(tmp_path / "in.jsonl", GOOD)
    args = ["check", "--input", str(data), "--task", "translation", "--fail-on", "critical"]
    assert main([*args, "--output", str(tmp_path / "o.jsonl")]) == 1
    clean = _jsonl(tmp_path / "clean.jsonl", [GOOD[1]])
    args = ["check", "--input", str(clean), "--task", "translation", "--fail-on", "minor"]
    assert main([*args, "--output", str(tmp_path / "o2.jsonl")]) == 0


def test_check_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _jsonl(tmp_path / "in.jsonl", [GOOD[0], {"id": "z", "hypothesis": ["x"]}])
    out = tmp_path / "o.jsonl"
    assert main(["check", "--input", str(data), "--task", "summary", "--output", str(out)]) == 2
    assert "in.jsonl:2: field 'hypothesis'" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(SystemExit) as info:
        main(["check", "--input", str(data)])  # --task missing: argparse usage error
    assert info.value.code == 2


def test_module_entry_point_version() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "evalsuite", "--version"], capture_output=True, text=True
    )
    assert proc.returncode == 0 and proc.stdout.startswith("evalsuite ")


def test_quiet_silences_library_progress_bars(monkeypatch: pytest.MonkeyPatch) -> None:
    from evalsuite import cli

    for name in cli._QUIET_ENV:
        monkeypatch.delenv(name, raising=False)
    cli.quiet_libraries()
    assert all(os.environ[name] == "1" for name in cli._QUIET_ENV)


def test_interrupt_message_says_what_is_cached_only_for_run() -> None:
    from evalsuite import cli

    score = cli.build_parser().parse_args(["score", "--input", "x.jsonl"])
    run = cli.build_parser().parse_args(["run"])
    uncached = cli.build_parser().parse_args(["run", "--no-cache"])
    assert cli._interrupted(score) == "interrupted; no results were written"
    assert "cached" in cli._interrupted(run) and "cached" not in cli._interrupted(uncached)
