"""The metric contract: what a metric gives, and what everything else derives from it.

A metric is one module holding one subclass of `Metric`, plus one line in
`evalsuite.metrics.registry.METRICS`. The subclass says

- which scores it reports (`SCORES`: one `ScoreKind` each, with its display label and scale,
  `higher_is_better`, and `from_stats`, the corpus score from summed segment statistics);
- what each segment contributes (`segment_statistics`: a row of statistics per score, and the
  segment's own score for the reports);
- each score's `Signature` (every setting that changes the number).

The engine scores partitions with `segment_statistics` and the corpus with `corpus_scores`;
confidence intervals and paired tests resample the statistics through `from_stats`; reports,
`compare` and the gate read labels, scales and directions from the score kinds. Nothing
outside the metric's module knows its name.

A metric must be cheap to construct (models load on first use) and importing its module must
not import torch, transformers or spaCy: the registry imports every metric module.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Literal

import numpy as np
from numpy.typing import NDArray

from evalsuite.checks.base import Finding
from evalsuite.metrics.signature import Signature
from evalsuite.stats.aggregate import StatScorer
from evalsuite.stats.row_checks import RowCheck
from evalsuite.stats.streamed import streamed_bootstrap_ci

FloatMatrix = NDArray[np.float64]
Task = Literal["translation", "summary"]
Text = Literal["reference", "source"]


@dataclass(frozen=True)
class ScoreKind:
    """One score a metric reports, and everything a consumer needs to treat it.

    `scale` turns the stored value into display points (ROUGE is stored 0-1 and shown x100, as
    BLEU is 0-100); the gate's thresholds are in the same points. `columns` is the width of
    each segment's statistics row; `nonnegative` says no statistic can be below 0 (counts,
    lengths, ROUGE's P/R/F) and `row_check` what else a row must satisfy (matches within
    totals...), both checked by readers of stored statistics. `in_summary` False
    keeps a secondary score (BERTScore's precision and recall) out of the summary table; every
    other report shows it.
    """

    name: str  # the key in results.json ("rougeL")
    label: str  # table header ("R-L")
    family: str  # the metric as reports name it ("ROUGE"), e.g. in "ROUGE x100"
    columns: int
    from_stats: StatScorer
    scale: float = 1.0
    higher_is_better: bool = True
    in_summary: bool = True
    nonnegative: bool = False
    row_check: RowCheck | None = None


@dataclass(frozen=True)
class CorpusScore:
    """One corpus-level number on the metric's natural scale (ROUGE 0-1, sacrebleu 0-100).

    `signature` holds every setting that changes the number; with a bootstrap interval it also
    holds the interval's settings (rendered `...|bs:1000|seed:12345|ci:95`).
    """

    name: str
    value: float
    signature: Signature
    higher_is_better: bool = True
    ci_low: float | None = None
    ci_high: float | None = None
    ci_mean: float | None = None  # mean of the bootstrap resamples (sacrebleu's "mu")


@dataclass(frozen=True)
class MetricOutput:
    """What `Metric.compute` returns: corpus scores, and per segment each score's value and
    statistics row (what the corpus score is aggregated from)."""

    scores: list[CorpusScore]
    segments: list[dict[str, float]] = field(default_factory=list)
    segment_stats: list[dict[str, list[float]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    findings: list[list[Finding]] = field(default_factory=list)  # per segment, when any


@dataclass(frozen=True)
class CorpusProfile:
    """What a metric may know about the whole corpus before it scores any partition of it.

    BLEU's tokenizer follows the set of output languages, sacrebleu's signature counts
    references: a partition scored on its own would guess these from its own segments. `langs`
    holds each distinct output language once, ordered by its last occurrence, so a mapping
    built from it in order keeps the same value per key as one built from the full list.
    """

    n_segments: int
    langs: tuple[str | None, ...]
    without_reference: int
    reference_counts: tuple[int, ...]  # distinct numbers of references per segment
    without_source: int = 0

    @classmethod
    def of(cls, segments: Iterable[tuple[str | None, int, bool]]) -> CorpusProfile:
        """From (output language, number of references, has a source) per segment."""
        last_seen: dict[str | None, int] = {}
        counts: set[int] = set()
        n = without_ref = without_src = 0
        for lang, n_refs, has_source in segments:
            last_seen.pop(lang, None)
            last_seen[lang] = n
            counts.add(n_refs)
            without_ref += not n_refs
            without_src += not has_source
            n += 1
        return cls(n, tuple(last_seen), without_ref, tuple(sorted(counts)), without_src)

    def lacking(self, text: Text) -> int:
        """How many segments lack a reference (or a source)."""
        return self.without_reference if text == "reference" else self.without_source


@dataclass(frozen=True)
class SegmentBatch:
    """The segments a metric scores at once: a partition in the engine, or a whole corpus."""

    hypotheses: Sequence[str]
    references: Sequence[Sequence[str]]
    langs: Sequence[str | None]  # each hypothesis's language
    sources: Sequence[str | None]
    src_langs: Sequence[str | None]
    task: Task = "translation"
    prepared: Any = None  # what the metric's `prepare` computed on the whole corpus

    def __len__(self) -> int:
        return len(self.hypotheses)


@dataclass
class SegmentPart:
    """What a batch of segments contributes, in segment order.

    `stats` has one (segments x columns) matrix per score; `scores` the segment's own value of
    each score that has one (reports show them). `counts` are summed and `seen` united over
    partitions, for signatures and notes (TER: segments that skipped the shift search; entity
    scores: the languages parsed). `findings` (per segment, or empty) are what a metric finds
    in the texts (COMET's error spans); they join the checks' findings.
    """

    scores: list[dict[str, float]]
    stats: dict[str, FloatMatrix]
    counts: dict[str, int] = field(default_factory=dict)
    seen: dict[str, set[str]] = field(default_factory=dict)
    findings: list[list[Finding]] = field(default_factory=list)


@dataclass(frozen=True)
class CorpusStats:
    """Everything a corpus score is computed from: all segments' statistics, in order."""

    profile: CorpusProfile
    stats: dict[str, FloatMatrix]
    counts: dict[str, int] = field(default_factory=dict)
    seen: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def n_segments(self) -> int:
        return self.profile.n_segments

    @classmethod
    def of(cls, profile: CorpusProfile, part: SegmentPart) -> CorpusStats:
        """The corpus of one part that holds every segment."""
        return cls(profile, part.stats, dict(part.counts), sorted_seen(part.seen))


def sorted_seen(seen: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
    return {key: tuple(sorted(values)) for key, values in seen.items()}


@dataclass(frozen=True)
class RunSettings:
    """Run-wide settings a metric may take its defaults from (suite keys, CLI flags)."""

    rouge_stemmer: bool = False


@dataclass(frozen=True)
class IntervalSettings:
    """Seeded percentile bootstrap over segment statistics; `n_resamples` 0 turns it off."""

    n_resamples: int = 1000
    seed: int | None = 12345
    confidence: float = 0.95


def stats_matrix(rows: Sequence[Sequence[float]], columns: int) -> FloatMatrix:
    """Segment statistics as a float matrix, (0 x columns) when there are no segments."""
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), columns)


class Metric(ABC):
    """Segment statistics in, corpus scores with signatures out; see the module docstring."""

    name: ClassVar[str]  # as suites and the command line name it ("bleu")
    SCORES: ClassVar[tuple[ScoreKind, ...]]  # every score it reports, in report order
    NEEDS: ClassVar[tuple[Text, ...]] = ("reference",)  # texts every segment must have
    OPTIONS: ClassVar[Mapping[str, type]] = {}  # option name -> str, int, float or bool
    argument: ClassVar[str | None] = None  # the option `name:VALUE` sets ("model")

    @classmethod
    def from_options(cls, options: Mapping[str, Any], settings: RunSettings) -> Metric:
        """The metric with these options (already typed as `OPTIONS` says); by default the
        constructor's keyword arguments. Raise UsageError for a bad value."""
        return cls(**options)

    @property
    def needs(self) -> tuple[Text, ...]:
        """The texts every segment must have for this configured metric; without them the
        engine skips it with a note."""
        return self.NEEDS

    @property
    def finding_checks(self) -> tuple[str, ...]:
        """The kinds of finding it can report (they get zero rows when none is found)."""
        return ()

    def prepare(self, references: Sequence[Sequence[str]]) -> Any:
        """State computed once from every segment's references before any partition is
        scored (BERTScore's idf table); it reaches `segment_statistics` as `batch.prepared`.
        It must pickle: partitions may be scored in other processes."""
        return None

    @property
    def scores(self) -> tuple[ScoreKind, ...]:
        """The scores this configured instance reports (a subset of SCORES, or of those
        `score_kind` knows)."""
        return self.SCORES

    @classmethod
    def score_kind(cls, name: str) -> ScoreKind | None:
        """The kind of a stored score of this metric, by its name in results.json."""
        return next((kind for kind in cls.SCORES if kind.name == name), None)

    @abstractmethod
    def segment_statistics(self, batch: SegmentBatch, profile: CorpusProfile) -> SegmentPart:
        """Each segment's statistics and score, using the corpus's settings (`profile`),
        never settings guessed from this batch alone."""

    @abstractmethod
    def signature(self, kind: ScoreKind, corpus: CorpusStats) -> Signature:
        """Every setting that changed this score's number."""

    def corpus_value(self, kind: ScoreKind, corpus: CorpusStats) -> float:
        """The corpus score; by default `from_stats` of the column sums. Override to follow a
        reference implementation's own arithmetic to the last bit."""
        matrix = corpus.stats[kind.name]
        sums = matrix.sum(axis=0, keepdims=True)
        return float(kind.from_stats(sums, corpus.n_segments)[0])

    def notes(self, corpus: CorpusStats) -> list[str]:
        """Run notes a reader must see (e.g. a safeguard that changed how scores were made)."""
        return []

    # -- derived from the above; subclasses do not override these -------------------------

    def corpus_scores(
        self, corpus: CorpusStats, interval: IntervalSettings | None = None
    ) -> list[CorpusScore]:
        """Every score of the corpus, each with its signature and, unless `interval` is None
        or has 0 resamples, its seeded bootstrap interval."""
        scores = []
        for kind in _unique(self.scores):
            score = CorpusScore(
                name=kind.name,
                value=self.corpus_value(kind, corpus),
                signature=self.signature(kind, corpus),
                higher_is_better=kind.higher_is_better,
            )
            scores.append(with_interval(score, kind, corpus.stats.get(kind.name), interval))
        return scores

    def compute(
        self,
        hypotheses: Sequence[str],
        references: Sequence[Sequence[str]],
        langs: Sequence[str | None],
        *,
        sources: Sequence[str | None] | None = None,
        src_langs: Sequence[str | None] | None = None,
        task: Task = "translation",
        interval: IntervalSettings | None = None,
    ) -> MetricOutput:
        """Score a whole corpus in one batch: the engine's two phases on a single partition."""
        n = len(hypotheses)
        if not len(references) == len(langs) == n:
            raise ValueError(
                f"{n} hypotheses, {len(references)} reference lists and {len(langs)} "
                "languages: need one of each per segment"
            )
        if not n:
            raise ValueError(f"{self.name}: no segments to score")
        srcs = list(sources) if sources is not None else [None] * n
        src_langs_ = list(src_langs) if src_langs is not None else [None] * n
        if not len(srcs) == len(src_langs_) == n:
            raise ValueError(f"{self.name}: need one source and source language per segment")
        batch = SegmentBatch(hypotheses, references, langs, srcs, src_langs_, task)
        self.require(batch)
        batch = replace(batch, prepared=self.prepare(references))
        profile = CorpusProfile.of(
            (lang, len(refs), bool(src))
            for lang, refs, src in zip(langs, references, srcs, strict=True)
        )
        part = self.segment_statistics(batch, profile)
        corpus = CorpusStats.of(profile, part)
        names = [kind.name for kind in _unique(self.scores)]
        return MetricOutput(
            scores=self.corpus_scores(corpus, interval),
            segments=part.scores,
            segment_stats=[
                {name: part.stats[name][i].tolist() for name in names} for i in range(n)
            ],
            notes=self.notes(corpus),
            findings=part.findings,
        )

    def require(self, batch: SegmentBatch) -> None:
        """ValueError naming the first segment that lacks a text this metric needs."""
        for text in self.needs:
            present = batch.references if text == "reference" else batch.sources
            missing = next((i for i, value in enumerate(present) if not value), None)
            if missing is not None:
                raise ValueError(f"segment {missing} has no {text}")


def _unique(kinds: Iterable[ScoreKind]) -> list[ScoreKind]:
    return list({kind.name: kind for kind in kinds}.values())


def with_interval(
    score: CorpusScore,
    kind: ScoreKind,
    matrix: FloatMatrix | None,
    interval: IntervalSettings | None,
) -> CorpusScore:
    """The score with its seeded bootstrap interval over the segment statistics."""
    if interval is None or interval.n_resamples <= 0 or matrix is None or not len(matrix):
        return score
    ci = streamed_bootstrap_ci(
        matrix, kind.from_stats, n_resamples=interval.n_resamples, seed=interval.seed,
        confidence=interval.confidence,
    )
    signature = score.signature.with_interval(interval.n_resamples, interval.seed,
                                              interval.confidence)
    return replace(score, signature=signature, ci_low=ci.low, ci_high=ci.high, ci_mean=ci.mean)


def fsum_mean(column: FloatMatrix, n_segments: int) -> float:
    """The exactly rounded mean of a statistics column (ROUGE's corpus value)."""
    return math.fsum(column.tolist()) / n_segments


def mean_segment_score(kind: ScoreKind, corpus: CorpusStats) -> float:
    """The corpus value of a metric that stores one score per segment (the model metrics)."""
    return fsum_mean(corpus.stats[kind.name][:, 0], corpus.n_segments or 1)
