"""segments.jsonl keeps the texts findings point into: the reference, and the source when short
or cited, so `evalsuite report` can show the evidence from the results files alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evalsuite.checks.base import Finding, Span
from evalsuite.cli import main
from evalsuite.results import SOURCE_KEEP_CHARS, RunRecord, SegmentRecord

LONG = "word " * (SOURCE_KEEP_CHARS // 5 + 1)


def _line(segment: SegmentRecord) -> dict[str, object]:
    run = RunRecord("d", "summary", "s", "sig", [], [], [segment])
    return next(iter(run.segment_lines()))


def test_long_source_kept_only_when_a_finding_points_into_it() -> None:
    cited = Finding("entity_missing", "critical", "m", ref_span=Span(0, 4, "word"),
                    evidence={"against": "source"})  # fmt: skip
    other = Finding("entity_missing", "critical", "m", ref_span=Span(0, 4, "word"),
                    evidence={"against": "reference"})  # fmt: skip
    assert "source" not in _line(SegmentRecord("1", "h", source=LONG, findings=[other]))
    assert _line(SegmentRecord("1", "h", source=LONG, findings=[cited]))["source"] == LONG
    assert _line(SegmentRecord("1", "h", source="short"))["source"] == "short"
    assert _line(SegmentRecord("1", "h", reference="r"))["reference"] == "r"
    assert _line(SegmentRecord("1", "h"))["reference"] is None


def test_score_output_then_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "in.jsonl"
    records = [
        {"id": "a", "source": "Der Hund schläft.", "reference": "The dog sleeps.",
         "hypothesis": "The dog is sleeping.", "tgt_lang": "en"},
        {"id": "b", "source": LONG, "reference": "The cat <b>eats</b>.",
         "hypothesis": "The cat eats.", "tgt_lang": "en"},
    ]  # fmt: skip
    data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "R.json"
    args = ["score", "--input", str(data), "--metrics", "bleu", "--checks", "none"]
    assert main([*args, "--bootstrap", "0", "--output", str(out)]) == 0
    lines = [json.loads(t) for t in (tmp_path / "R.segments.jsonl").read_text().splitlines()]
    assert [line["reference"] for line in lines] == ["The dog sleeps.", "The cat <b>eats</b>."]
    assert lines[0]["source"] == "Der Hund schläft." and "source" not in lines[1]
    capsys.readouterr()
    assert main(["report", str(out), "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert "The cat &lt;b&gt;eats&lt;/b&gt;." in page and "Der Hund schläft." in page
