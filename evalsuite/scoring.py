"""Score given outputs: corpus metrics, segment scores and findings of one system on one dataset."""

from __future__ import annotations

from collections.abc import Sequence

from evalsuite.checks.api import CheckInput, Task
from evalsuite.checks.base import Finding
from evalsuite.checks.runner import available_checks, run_checks
from evalsuite.data import Example
from evalsuite.metrics.base import CorpusScore
from evalsuite.metrics.intervals import with_intervals
from evalsuite.metrics.registry import metric_from_name
from evalsuite.results import RunRecord, SegmentRecord
from evalsuite.text.sentences import split_sentences


def output_lang(example: Example, task: str) -> str | None:
    """The language the hypothesis is written in."""
    if task == "summary":
        return example.tgt_lang or example.src_lang
    return example.tgt_lang


def one_sentence_per_line(text: str, lang: str | None) -> str:
    """ROUGE-Lsum reads sentences from newlines, as rouge-score does; split them first."""
    return "\n".join(split_sentences(text, lang))


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


def score_run(
    examples: Sequence[Example],
    hypotheses: Sequence[str],
    *,
    dataset: str,
    task: Task,
    system: str,
    system_signature: str,
    metrics: Sequence[str],
    checks: Sequence[str] | None,
    rouge_stemmer: bool = False,
    bootstrap: int = 1000,
    seed: int | None = 12345,
    confidence: float = 0.95,
) -> RunRecord:
    """Everything evalsuite measures for one system's outputs on one dataset.

    Corpus scores get seeded bootstrap intervals (`bootstrap` resamples; 0 turns them off) from
    the segment statistics, which the segments keep so later tests need no texts.
    """
    if len(examples) != len(hypotheses):
        raise ValueError(f"{len(examples)} examples but {len(hypotheses)} outputs")
    langs = [output_lang(ex, task) for ex in examples]
    references = [list(ex.reference) for ex in examples]
    notes: list[str] = []
    corpus_scores: list[CorpusScore] = []
    segment_scores: list[dict[str, float]] = [{} for _ in examples]
    segment_stats: list[dict[str, list[float]]] = [{} for _ in examples]
    without_reference = sum(1 for refs in references if not refs)
    for name in metrics:
        metric = metric_from_name(name, rouge_stemmer=rouge_stemmer)
        if without_reference:
            notes.append(f"{name}: not computed, {without_reference} segment(s) have no reference")
            continue
        hyps, refs = list(hypotheses), references
        if metric.name == "rouge":
            hyps = [one_sentence_per_line(h, lang) for h, lang in zip(hyps, langs, strict=True)]
            refs = [
                [one_sentence_per_line(r, lang) for r in rs]
                for rs, lang in zip(refs, langs, strict=True)
            ]
        output = metric.compute(hyps, refs, langs)
        output = with_intervals(
            output, n_resamples=bootstrap, seed=seed, confidence=confidence
        )
        corpus_scores.extend(output.scores)
        notes.extend(output.notes)
        for row, values in zip(segment_scores, output.segments, strict=True):
            row.update(values)
        for stats_row, stats in zip(segment_stats, output.segment_stats, strict=True):
            stats_row.update(stats)
    findings: list[list[Finding]] = [[] for _ in examples]
    check_names: list[str] = []
    if checks is None or checks:
        inputs = check_inputs(examples, hypotheses, task)
        findings = run_checks(inputs, list(checks) if checks is not None else None)
        check_names = list(checks) if checks is not None else available_checks()
    rows = zip(examples, hypotheses, segment_scores, segment_stats, findings, strict=True)
    segments = [
        SegmentRecord(
            id=ex.id, hypothesis=hyp, scores=scores, findings=found, meta=dict(ex.meta),
            stats=stats,
        )
        for ex, hyp, scores, stats, found in rows
    ]
    return RunRecord(
        dataset=dataset,
        task=task,
        system=system,
        system_signature=system_signature,
        scores=corpus_scores,
        checks=check_names,
        segments=segments,
        notes=notes,
    )
