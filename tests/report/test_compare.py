"""`evalsuite compare`: paired tests from two results documents, exit 2 when incomparable."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from evalsuite.cli import main
from evalsuite.report.compare import compare_results, format_comparison
from tests.results.edit_sets import reseal
from tests.stats.test_paired import WORDS

REFS = [
    "Police arrested the protester in Berlin on Monday.",
    "The group is cutting 300 jobs.",
    "Antony Blinken visited Kyiv.",
    "The council approved the budget on Tuesday.",
    "Floods closed two roads near the river.",
    "The minister resigned after the vote.",
]
WORSE = [
    "Police arrested the protester in Munich on Monday.",
    "The group is cutting 30 jobs.",
    "Anthony Blinken visited Kiev.",
    "The council rejected the budget on Friday.",
    "Floods closed roads.",
    "The minister stayed after the vote.",
]


def _score(
    tmp: Path, name: str, hyps: list[str], *extra: str, ids: list[str] | None = None
) -> Path:
    data = tmp / f"{name}.jsonl"
    rows = [
        {"id": i, "reference": r, "hypothesis": h, "tgt_lang": "en"}
        for i, r, h in zip(ids or [str(k) for k in range(len(hyps))], REFS, hyps, strict=False)
    ]
    data.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    out = tmp / f"{name}.json"
    code = main(
        ["score", "--input", str(data), "--checks", "none", "--output", str(out),
         "--metrics", "bleu,chrf,ter,rouge", "--bootstrap", "200", *extra]
    )
    assert code == 0
    return out


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("compare")
    return _score(tmp, "base", WORSE), _score(tmp, "new", REFS)


def test_results_carry_intervals_and_segment_stats(scored: tuple[Path, Path]) -> None:
    base, _ = scored
    document = json.loads(base.read_text())
    bleu = document["runs"][0]["scores"]["bleu"]
    assert bleu["signature"].endswith("|bs:200|seed:12345|ci:95")
    assert bleu["ci_low"] <= bleu["value"] <= bleu["ci_high"]
    segments = [json.loads(line) for line in base.with_suffix(".segments.jsonl").open()]
    assert len(segments[0]["stats"]["bleu"]) == 10
    assert len(segments[0]["stats"]["rougeL"]) == 3  # precision, recall, F


def test_compare_prints_table_and_is_reproducible(
    scored: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    base, new = scored
    assert main(["compare", str(base), str(new), "--resamples", "300"]) == 0
    first = capsys.readouterr().out
    assert main(["compare", str(base), str(new), "--resamples", "300"]) == 0
    assert capsys.readouterr().out == first
    header, row = first.splitlines()[:2]
    assert header.split() == [
        "dataset", "system", "bleu", "chrf", "ter", "rouge1", "rouge2", "rougeL", "rougeLsum",
    ]
    cells = row.split()[2:]
    assert cells[0].startswith("+") and cells[2].startswith("-")  # BLEU up, TER down
    assert "Lower is better: ter." in first


def test_api_matches_cli(scored: tuple[Path, Path]) -> None:
    base, new = scored
    comparisons = compare_results(base, new, test="ar", n_samples=500, seed=1)
    assert {c.metric for c in comparisons} >= {"bleu", "chrf", "ter", "rouge1"}
    assert all(0 < c.result.p_value <= 1 for c in comparisons)
    assert "approximate randomization, 500 samples, seed 1" in format_comparison(comparisons)


def test_same_results_show_no_difference(
    scored: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    base, _ = scored
    assert main(["compare", str(base), str(base)]) == 0
    assert "*" not in capsys.readouterr().out.splitlines()[1]


def test_different_signatures_exit_2(
    scored: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, _ = scored
    stemmed = _score(tmp_path, "stemmed", REFS, "--rouge-stemmer")
    capsys.readouterr()
    assert main(["compare", str(base), str(stemmed)]) == 2
    assert "metric signatures differ" in capsys.readouterr().err


def test_different_segment_ids_exit_2(
    scored: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, _ = scored
    other = _score(tmp_path, "other", REFS, ids=["a", "b", "c", "d", "e", "f"])
    capsys.readouterr()
    assert main(["compare", str(base), str(other)]) == 2
    assert "segment ids differ" in capsys.readouterr().err


def test_bad_files_exit_2(
    scored: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, _ = scored
    assert main(["compare", str(base), str(tmp_path / "missing.json")]) == 2
    assert "file not found" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main(["compare", str(broken), str(base)]) == 2
    assert "broken.json:1: invalid JSON at column" in capsys.readouterr().err
    old = tmp_path / "old.json"
    document = json.loads(base.read_text())
    document["segments_file"] = "old.segments.jsonl"
    old.write_text(json.dumps(document), encoding="utf-8")
    lines = [json.loads(line) for line in base.with_suffix(".segments.jsonl").open()]
    (tmp_path / "old.segments.jsonl").write_text(
        "".join(json.dumps({k: v for k, v in rec.items() if k != "stats"}) + "\n" for rec in lines)
    )
    reseal(old)
    assert main(["compare", str(old), str(base)]) == 2
    assert "no segment statistics" in capsys.readouterr().err


def test_score_rejects_bad_confidence(scored: tuple[Path, Path]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["score", "--input", "x.jsonl", "--confidence", "95"])
    assert exit_info.value.code == 2


def test_metrics_without_statistics_are_left_out(scored: tuple[Path, Path], tmp_path: Path) -> None:
    base, new = scored
    for path in (base, new):
        document = json.loads(path.read_text())
        document["runs"][0]["scores"]["entity"] = {"value": 1.0, "signature": "entity|v1"}
        (tmp_path / path.name).write_text(json.dumps(document), encoding="utf-8")
        (tmp_path / path.with_suffix(".segments.jsonl").name).write_text(
            path.with_suffix(".segments.jsonl").read_text()
        )
    comparisons = compare_results(tmp_path / base.name, tmp_path / new.name, n_samples=100)
    assert "entity" not in {c.metric for c in comparisons}
    assert "bleu" in {c.metric for c in comparisons}


def _integer_id_corpus(n: int = 400) -> tuple[list[str], list[str], list[str]]:
    """References, a lightly edited baseline and a more edited candidate (seeded)."""
    rng = random.Random(400)
    refs, base, cand = [], [], []
    for _ in range(n):
        ref = [rng.choice(WORDS) for _ in range(rng.randint(3, 18))]
        refs.append(" ".join(ref))
        for out, keep in ((base, 0.75), (cand, 0.74)):
            out.append(" ".join(w if rng.random() < keep else rng.choice(WORDS) for w in ref))
    return refs, base, cand


def _score_integer_ids(tmp: Path, name: str, refs: list[str], hyps: list[str]) -> Path:
    data = tmp / f"{name}.jsonl"
    data.write_text(
        "".join(
            json.dumps({"id": i, "reference": r, "hypothesis": h, "tgt_lang": "en"}) + "\n"
            for i, (r, h) in enumerate(zip(refs, hyps, strict=True), start=1)
        ),
        encoding="utf-8",
    )
    out = tmp / f"{name}.json"
    assert main(["score", "--input", str(data), "--metrics", "bleu,chrf", "--checks", "none",
                 "--bootstrap", "0", "--output", str(out)]) == 0  # fmt: skip
    return out


@pytest.mark.parametrize(("test", "sacrebleu_test", "samples"), [
    ("bootstrap", "bs", 1000), ("ar", "ar", 2000),
])  # fmt: skip
def test_compare_p_values_equal_sacrebleu_with_integer_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], test: str, sacrebleu_test: str,
    samples: int,
) -> None:
    """`evalsuite compare` on plain integer ids 1..400 (which sort "1", "10", "100", ... as
    strings) pairs segments in input order, so its p-values are sacrebleu's at the same seed."""
    from sacrebleu.metrics import BLEU, CHRF
    from sacrebleu.significance import PairedTest

    refs, base, cand = _integer_id_corpus()
    a = _score_integer_ids(tmp_path, "a", refs, base)
    b = _score_integer_ids(tmp_path, "b", refs, cand)
    capsys.readouterr()
    assert main(["compare", str(a), str(b), "--test", test, "--resamples", str(samples),
                 "--format", "json"]) == 0  # fmt: skip
    ours = {row["metric"]: row for row in json.loads(capsys.readouterr().out)["comparisons"]}
    for metric, scorer in (("bleu", BLEU()), ("chrf", CHRF())):
        _, scores = PairedTest([("a", base), ("b", cand)], {metric: scorer}, [refs],
                               test_type=sacrebleu_test, n_samples=samples)()  # fmt: skip
        (name,) = [key for key in scores if key != "System"]
        base_result, cand_result = scores[name]
        assert ours[metric]["p_value"] == cand_result.p_value, metric
        assert ours[metric]["baseline"] == pytest.approx(base_result.score, abs=1e-9)
        assert ours[metric]["candidate"] == pytest.approx(cand_result.score, abs=1e-9)
