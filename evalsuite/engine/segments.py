"""Phase one of scoring a run: one partition of segments, scored on its own.

A partition's result is everything the driver needs and nothing more: the partition's lines of
segments.jsonl, already serialized (texts and findings never travel back as objects), each
score's statistics matrix, summable counts, and finding counts. This runs wherever the backend
puts it (in-process, or a Ray task) and depends only on its inputs, so a retried partition
returns the same result.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from evalsuite.checks.api import CheckInput, Task
from evalsuite.checks.base import SEVERITIES, Finding
from evalsuite.checks.findings_cache import FindingsCache
from evalsuite.checks.runner import run_checks
from evalsuite.data import Example
from evalsuite.engine.profile import output_lang
from evalsuite.engine.spec import ScoringSpec, scoring_metric
from evalsuite.heartbeat import stage
from evalsuite.metrics.base import FloatMatrix, SegmentBatch
from evalsuite.results import RunRecord, SegmentRecord
from evalsuite.text.nlp import model_versions


def check_inputs(
    examples: Sequence[Example], hypotheses: Sequence[str], task: Task
) -> list[CheckInput]:
    return [
        CheckInput(
            hypothesis=hyp,
            reference=ex.first_reference,
            source=ex.source,
            hyp_lang=output_lang(ex, task),
            src_lang=ex.src_lang,
            task=task,
        )
        for ex, hyp in zip(examples, hypotheses, strict=True)
    ]


FindingCounts = dict[str, dict[str, int]]
Partition = tuple[Sequence[Example], Sequence[str]]  # examples and their hypotheses
_SEGMENT_FIELDS = {f.name for f in dataclasses.fields(SegmentRecord)}


@dataclass
class PartitionScores:
    """One partition's share of a run, in the partition's segment order."""

    index: int
    n_segments: int
    lines: str  # the partition's segments.jsonl lines
    stats: dict[str, dict[str, FloatMatrix]] = field(default_factory=dict)  # metric -> score
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # metric -> summable counts
    seen: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # metric -> labels seen
    findings: FindingCounts = field(default_factory=dict)  # check -> severity -> count
    models: dict[str, str] = field(default_factory=dict)  # NLP models loaded where it ran


def count_findings(findings: Sequence[Sequence[Finding]], into: FindingCounts) -> None:
    """Add findings to per-check severity counts, in the order checks first appear."""
    for found in findings:
        for finding in found:
            row = into.setdefault(finding.check, dict.fromkeys((*SEVERITIES, "total"), 0))
            row[finding.severity] += 1
            row["total"] += 1


def _texts_kept(example: Example, task: str) -> dict[str, Any]:
    """The output language, first reference and source, where this version's SegmentRecord has
    them (segment_lines decides whether a long source is written)."""
    wanted = {
        "lang": output_lang(example, task),
        "reference": example.first_reference,
        "source": example.source,
    }
    return {k: v for k, v in wanted.items() if k in _SEGMENT_FIELDS}


def serialize_segments(spec: ScoringSpec, segments: list[SegmentRecord]) -> str:
    """segments.jsonl lines exactly as `RunRecord.segment_lines` writes them."""
    shell = RunRecord(spec.dataset, spec.task, spec.system, spec.system_signature, [], [], segments)
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in shell.segment_lines())


def _checked(
    spec: ScoringSpec, inputs: list[CheckInput]
) -> tuple[list[list[Finding]], dict[str, str]]:
    """Findings of the inputs, from the findings cache where the run has one (not for a model
    judge, whose weights it does not fingerprint), and the NLP models behind cached ones."""
    if spec.findings_cache is None or spec.xling_model is not None:
        return run_checks(inputs, spec.checks, source_model=spec.xling_model), {}
    cache = FindingsCache(Path(spec.findings_cache), spec.checks)
    return cache.run(inputs, partial(run_checks, names=spec.checks), model_versions)


def score_partition(
    spec: ScoringSpec, index: int, examples: Sequence[Example], hypotheses: Sequence[str]
) -> PartitionScores:
    """Segment scores, statistics and findings of one partition, with the corpus's settings."""
    if len(examples) != len(hypotheses):
        raise ValueError(f"{len(examples)} examples but {len(hypotheses)} outputs")
    batch = SegmentBatch(
        hypotheses=list(hypotheses),
        references=[list(ex.reference) for ex in examples],
        langs=[output_lang(ex, spec.task) for ex in examples],
        sources=[ex.source for ex in examples],
        src_langs=[ex.src_lang for ex in examples],
        task=spec.task,
    )
    scores: list[dict[str, float]] = [{} for _ in examples]
    stats: list[dict[str, list[float]]] = [{} for _ in examples]
    result = PartitionScores(index=index, n_segments=len(examples), lines="")
    metric_findings: list[list[Finding]] = [[] for _ in examples]
    for name in spec.scored_metrics:
        metric = scoring_metric(name, spec.rouge_stemmer)
        prepared = dataclasses.replace(batch, prepared=spec.prepared.get(name))
        with stage(f"metric {name}"):
            part = metric.segment_statistics(prepared, spec.profile)
        for found, extra in zip(metric_findings, part.findings, strict=False):
            found.extend(extra)
        for row, values in zip(scores, part.scores, strict=True):
            row.update(values)
        for score_name, matrix in part.stats.items():
            for row_stats, values in zip(stats, matrix.tolist(), strict=True):
                row_stats[score_name] = values
        result.stats[name] = part.stats
        result.counts[name] = part.counts
        result.seen[name] = part.seen
    findings: list[list[Finding]] = [[] for _ in examples]
    cached_models: dict[str, str] = {}
    if spec.runs_checks:
        findings, cached_models = _checked(spec, check_inputs(examples, hypotheses, spec.task))
    findings = [[*found, *extra] for found, extra in zip(findings, metric_findings, strict=True)]
    if spec.runs_checks or any(metric_findings):
        count_findings(findings, result.findings)
    segments = [
        SegmentRecord(
            id=ex.id, hypothesis=hyp, scores=seg_scores, findings=found, meta=dict(ex.meta),
            stats=seg_stats, **_texts_kept(ex, spec.task),
        )
        for ex, hyp, seg_scores, seg_stats, found in zip(
            examples, hypotheses, scores, stats, findings, strict=True
        )
    ]
    result.lines = serialize_segments(spec, segments)
    result.models = {**cached_models, **model_versions()}
    if spec.xling_model is not None:
        from evalsuite.models.source_similarity import loaded_models

        result.models.update(loaded_models())
    return result
