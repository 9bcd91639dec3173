"""Results computed with different settings are refused with exit 2 and an explanation."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalsuite.cli import main
from evalsuite.errors import InputError
from evalsuite.gate import evaluate_gate
from tests.gate.builders import clean_system, score
from tests.gate.conftest import Scored

FEW = 8  # settings tests need no checks and few segments: they stay fast


def _gate(candidate: Path, baseline: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()  # drop what scoring printed
    code = main(["gate", str(candidate), "--baseline", str(baseline)])
    captured = capsys.readouterr()
    assert code == 2, captured.out
    assert captured.out == ""  # no verdict is printed for results that do not compare
    return captured.err


def test_rouge_stemming_on_one_side_only_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = clean_system()[:FEW]
    plain = score(tmp_path, "plain", records, metrics="rouge", checks="none")
    stemmed = score(tmp_path, "stemmed", records, "--rouge-stemmer", metrics="rouge",
                    checks="none")
    err = _gate(stemmed, plain, capsys)
    assert "field 'signature'" in err and "metric signatures differ" in err
    assert "stem:no" in err and "stem:porter" in err
    assert err.startswith(f"evalsuite: error: {plain}:")  # names the file


def test_other_segment_ids_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = clean_system()[:FEW]
    full = score(tmp_path, "full", records, metrics="chrf", checks="none")
    fewer = score(tmp_path, "fewer", records[1:], metrics="chrf", checks="none")
    err = _gate(fewer, full, capsys)
    assert "field 'id'" in err and "segment ids differ" in err
    assert records[0]["id"] in err


def test_other_metrics_or_checks_are_refused(tmp_path: Path) -> None:
    records = clean_system()[:FEW]
    chrf = score(tmp_path, "chrf", records, metrics="chrf", checks="none")
    both = score(tmp_path, "both", records, metrics="chrf,bleu", checks="none")
    with pytest.raises(InputError, match=r"scored with other metrics .*only here: \['bleu'\]"):
        evaluate_gate(both, chrf)
    numbers = score(tmp_path, "numbers", records, metrics="chrf", checks="number_mismatch")
    with pytest.raises(InputError, match=r"other checks ran .*only here: \['number_mismatch'\]"):
        evaluate_gate(numbers, chrf)


def test_interval_settings_alone_do_not_matter(scored: Scored) -> None:
    # The rerun was scored with 50 bootstrap resamples, the baseline with 100.
    assert "bs:50|" in scored.rerun.read_text() and "bs:100|" in scored.baseline.read_text()
    assert evaluate_gate(scored.rerun, scored.baseline).passed


def test_missing_or_broken_files_exit_2(
    scored: Scored, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _gate(tmp_path / "nothing.json", scored.baseline, capsys)
    assert "nothing.json: file not found" in err
    broken = tmp_path / "broken.json"
    broken.write_text('{"runs": [\n', encoding="utf-8")
    err = _gate(broken, scored.baseline, capsys)
    assert "broken.json:2: invalid JSON at column 1" in err
