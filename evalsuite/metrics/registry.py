"""Every metric, by the name suites and the command line use: one line per metric.

Adding a metric is its module (a `Metric` subclass, see `metrics/base.py`) and one line in
`METRICS`; tests/metrics/test_contract.py fails until the metric gives every part of the
contract. The order here is the order of columns in every report. Options and the
`name:VALUE` form are in `metrics/spec.py`.
"""

from __future__ import annotations

from evalsuite.errors import UsageError
from evalsuite.metrics.base import Metric, ScoreKind
from evalsuite.metrics.bertscore_metric import BertScoreMetric
from evalsuite.metrics.comet_metric import CometMetric, CometQeMetric
from evalsuite.metrics.entity import EntityScores
from evalsuite.metrics.nli_metric import NliMetric
from evalsuite.metrics.rouge_metric import Rouge
from evalsuite.metrics.sacrebleu_metrics import Bleu, Chrf, ChrfPlusPlus, Ter
from evalsuite.metrics.wer import Wer

METRICS: dict[str, type[Metric]] = {
    "rouge": Rouge,
    "bleu": Bleu,
    "chrf": Chrf,
    "chrf++": ChrfPlusPlus,
    "ter": Ter,
    "wer": Wer,
    "entity": EntityScores,
    "bertscore": BertScoreMetric,
    "comet": CometMetric,
    "comet-qe": CometQeMetric,
    "nli": NliMetric,
}

METRIC_NAMES = tuple(METRICS)


def metric_class(name: str) -> type[Metric]:
    """The registered metric of a name ("bleu", " ROUGE "); unknown names list the valid ones."""
    found = METRICS.get(name.strip().lower())
    if found is None:
        raise UsageError(f"unknown metric '{name.strip()}' (valid: {', '.join(METRIC_NAMES)})")
    return found


def metric_from_name(name: str, *, rouge_stemmer: bool = False) -> Metric:
    """Build a metric from its name or spec (`bleu`, `bertscore:PATH`, `nli:model=P;...`)."""
    from evalsuite.metrics.spec import build_metric

    return build_metric(name.strip(), rouge_stemmer)


def score_kind(name: str) -> ScoreKind | None:
    """How a stored score is displayed, gated and resampled, by its name in results.json;
    None for a score no registered metric reports."""
    for cls in METRICS.values():
        kind = cls.score_kind(name)
        if kind is not None:
            return kind
    return None


def known_scores() -> list[ScoreKind]:
    """Every score of every registered metric (with its default settings), in report order."""
    return [kind for cls in METRICS.values() for kind in cls.SCORES]
