"""report.md and the shared table: columns follow what was measured; findings show evidence."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from evalsuite.checks.base import Finding, Span
from evalsuite.metrics.base import CorpusScore
from evalsuite.metrics.signature import Signature
from evalsuite.report.markdown import render_markdown
from evalsuite.report.markdown_text import code_span, md_text
from evalsuite.report.summary_table import build_summary_table
from evalsuite.results import RunRecord, SegmentRecord


def _runs() -> list[RunRecord]:
    finding = Finding(
        check="number_mismatch",
        severity="critical",
        message="300 | in the reference is 30 in the output",
        hyp_span=Span(10, 12, "30"),
        ref_span=Span(10, 13, "300"),
        evidence={"against": "reference", "missing": ["300"], "extra": ["30"]},
    )
    translation = RunRecord(
        dataset="mt",
        task="translation",
        system="sys-a",
        system_signature="given-outputs",
        scores=[
            CorpusScore("bleu", 41.234, Signature.parse("nrefs:1|tok:13a")),
            CorpusScore("rouge1", 0.5, Signature.parse("r")),
        ],
        checks=["number_mismatch", "entity_missing"],
        segments=[SegmentRecord(id="s1", hypothesis="x", findings=[finding])],
    )
    summary = RunRecord(
        dataset="news",
        task="summary",
        system="lead-3",
        system_signature="lead-3|v",
        scores=[],
        checks=["number_mismatch"],
        segments=[SegmentRecord(id="n1", hypothesis="y")],
        notes=["rouge: not computed, 1 segment(s) have no reference"],
    )
    return [translation, summary]


def test_table_columns_and_values() -> None:
    table = build_summary_table(_runs())
    assert table.headers == ["dataset", "system", "n", "R-1", "BLEU", "number", "ent.missing"]
    assert table.rows[0] == ["mt", "sys-a", "1", "50.0", "41.2", "1", "0"]
    assert table.rows[1] == ["news", "lead-3", "1", "-", "-", "0", "-"]


def test_markdown_has_table_notes_and_evidence() -> None:
    text = render_markdown(_runs(), title="demo")
    assert text.startswith("# demo")
    assert "| dataset | system | n | R-1 | BLEU | number | ent.missing |" in text
    assert "300 \\| in the reference" in text  # pipes escaped inside table-safe text
    assert '"missing": ["300"]' in text
    assert "not computed" in text


HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "**bold** [link](http://evil.example) ![i](http://evil.example/x.png)",
    "`code` ``two`` | pipe",
    "line\nbreak <b>x</b>",
    "&lt;img src=x&gt;",
]


def _hostile_runs(text: str) -> list[RunRecord]:
    finding = Finding(
        check=text, severity="critical", message=f"says {text}", hyp_span=None, ref_span=None,
        evidence={"quote": text},
    )
    return [
        RunRecord(
            dataset=text, task="translation", system=text, system_signature="given-outputs",
            scores=[CorpusScore("bleu", 41.2, "nrefs:1")], checks=[text],
            segments=[SegmentRecord(id=text, hypothesis=text, findings=[finding])],
            notes=[f"note {text}"],
        )
    ]


@pytest.mark.parametrize("text", HOSTILE)
def test_untrusted_names_render_as_text_not_markup(text: str) -> None:
    """Names, ids, messages and evidence from data files stay inert in report.md (S4)."""
    html = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(
        render_markdown(_hostile_runs(text), title=text)
    )
    for markup in ("<img", "<script", "<a ", "<strong>bold", "<b>"):
        assert markup not in html
    assert html.count("<code>") == 2  # the check name and the evidence stay code spans
    assert html.count("<h1>") == 1 and html.count("<table>") == 1


def test_markdown_text_keeps_words_readable() -> None:
    assert md_text("entity_missing lead-3 0.50") == "entity_missing lead-3 0.50"
    assert md_text("_x_ *y* a|b <c> &") == "\\_x\\_ \\*y\\* a\\|b &lt;c&gt; &amp;"
    assert code_span("a `b` c") == "`` a `b` c ``"
