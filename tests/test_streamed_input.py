"""`evalsuite score` reads its input in passes, never whole: the same numbers and findings as
the whole-list path, partitions read lazily, and the bad-input contract kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evalsuite import streamed_input
from evalsuite.cli import main
from evalsuite.data import load_jsonl
from evalsuite.engine.run import score_run
from evalsuite.errors import InputError

RECORDS = [
    {"id": f"r{i}", "reference": f"Police arrested {n} protesters in {city} on Monday.",
     "hypothesis": f"Police arrested {n + i % 2} protesters in {city} on Tuesday.",
     "tgt_lang": "en"}
    for i, (n, city) in enumerate(
        [(300, "Berlin"), (12, "Paris"), (7, "Madrid"), (45, "Rome"), (3, "Oslo")]
    )
]


def _jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_streamed_score_equals_the_whole_list_run(tmp_path: Path) -> None:
    data = _jsonl(tmp_path / "in.jsonl", [*RECORDS, {"id": "e", "reference": "A b.",
                                                     "hypothesis": ""}])
    out = tmp_path / "res.json"
    assert main(["score", "--input", str(data), "--output", str(out), "--checks", "all"]) == 0
    examples = load_jsonl(data, require=("hypothesis",))
    whole = score_run(
        examples, [ex.hypothesis or "" for ex in examples], dataset="in", task="translation",
        system="given", system_signature="given-outputs",
        metrics=["bleu", "chrf", "ter", "rouge"], checks=None,
    )
    (run,) = json.loads(out.read_text())["runs"]
    expected = json.loads(json.dumps(whole.to_dict()))
    expected["notes"] = run["notes"]  # the CLI adds its own notes
    assert {k: run[k] for k in expected} == expected
    lines = (tmp_path / "res.segments.jsonl").read_text().splitlines()
    wanted = [json.dumps(line, ensure_ascii=False) for line in whole.segment_lines()]
    assert [json.loads(a) for a in lines] == [json.loads(b) for b in wanted]
    assert any("1 of 6 output(s) empty" in note for note in run["notes"])


def test_partitions_are_read_one_at_a_time(tmp_path: Path) -> None:
    data = _jsonl(tmp_path / "in.jsonl", RECORDS)
    found = streamed_input.survey(data)
    assert found.records == 5
    parts = streamed_input.partitions(data, "en", "translation", found.records, size=2)
    assert [[ex.id for ex in examples] for examples, _ in parts] == [["r0", "r1"], ["r2", "r3"],
                                                                     ["r4"]]
    # Nothing is read ahead: a partition comes before a later line is decoded.
    lines = data.read_text().splitlines()
    data.write_text("\n".join([*lines[:4], "{bad"]) + "\n", encoding="utf-8")
    parts = streamed_input.partitions(data, "en", "translation", found.records, size=2)
    assert [ex.id for ex in next(parts)[0]] == ["r0", "r1"]
    assert [ex.id for ex in next(parts)[0]] == ["r2", "r3"]
    with pytest.raises(InputError, match="in.jsonl:5"):
        next(parts)


def test_a_file_that_changes_between_the_passes_is_refused(tmp_path: Path) -> None:
    data = _jsonl(tmp_path / "in.jsonl", RECORDS)
    found = streamed_input.survey(data)
    _jsonl(data, RECORDS[:4])
    with pytest.raises(InputError, match="changed while it was read"):
        list(streamed_input.partitions(data, None, "translation", found.records))
    _jsonl(data, [*RECORDS, {"id": "extra", "hypothesis": "x", "reference": "y"}])
    with pytest.raises(InputError, match="changed while it was read"):
        list(streamed_input.partitions(data, None, "translation", found.records, size=5))


def test_a_bad_last_record_stops_the_run_before_any_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _jsonl(tmp_path / "in.jsonl", [*RECORDS, {"id": "x", "reference": 3,
                                                     "hypothesis": "y"}])
    out = tmp_path / "res.json"
    assert main(["score", "--input", str(data), "--output", str(out)]) == 2
    assert "in.jsonl:6: field 'reference'" in capsys.readouterr().err
    assert not out.exists()
    assert not (tmp_path / "res.segments.jsonl").exists()
