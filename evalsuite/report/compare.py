"""Compare two results documents with paired significance tests on stored segment statistics.

The baseline is A, the candidate B. Runs are matched by (dataset, system) and segments by id, so
neither the texts nor the metrics need to be run again. Scores compare only when their metric
signatures (without the interval settings) are equal and both runs cover the same segment ids.
Segments pair up in the baseline's file order (the order of its input), never in the order
their ids sort in: resampling draws segments by position, so the order is part of the test,
and in input order the p-values are sacrebleu's at the same seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evalsuite.errors import InputError
from evalsuite.metrics.registry import score_kind
from evalsuite.metrics.signature import Signature
from evalsuite.report.metric_display import metric_scale, scale_note
from evalsuite.results import LoadedRun, load_runs
from evalsuite.stats.paired import PairedResult, TestName, paired_test

ALPHA = 0.05


@dataclass(frozen=True)
class Comparison:
    """B against A on one metric of one (dataset, system)."""

    dataset: str
    system: str
    metric: str
    higher_is_better: bool
    result: PairedResult

    def cell(self, alpha: float = ALPHA) -> str:
        """Delta with a star when significant, e.g. `+1.23*` (ROUGE in points of 100 too)."""
        scale = metric_scale(self.metric)
        star = "*" if self.result.significant(alpha) else ""
        return f"{self.result.delta * scale:+.2f}{star}"


def pair_runs(
    runs_a: dict[tuple[str, str], LoadedRun],
    runs_b: dict[tuple[str, str], LoadedRun],
) -> list[tuple[LoadedRun, LoadedRun]]:
    """Runs of A and B with the same (dataset, system); two documents of one run each pair up
    whatever their names (e.g. two `evalsuite score` files)."""
    pairs = [(runs_a[key], runs_b[key]) for key in runs_b if key in runs_a]
    if not pairs and len(runs_a) == len(runs_b) == 1:
        pairs = [(next(iter(runs_a.values())), next(iter(runs_b.values())))]
    return pairs


def _where(run: LoadedRun, metric: str) -> str:
    return f"dataset '{run.dataset}', system '{run.system}', metric '{metric}'"


def require_same_signature(
    a: LoadedRun, b: LoadedRun, metric: str, a_path: str, b_path: str
) -> None:
    """Refuse (InputError) a metric computed with other settings (interval settings aside)."""
    sig_a = Signature.parse(str(a.scores[metric].get("signature", ""))).metric
    sig_b = Signature.parse(str(b.scores[metric].get("signature", ""))).metric
    if sig_a != sig_b:
        raise InputError(
            f"{_where(a, metric)}: metric signatures differ ({sig_a} vs {sig_b} in {b_path})",
            path=a_path, field="signature",
        )


def segment_id_difference(a: LoadedRun, b: LoadedRun) -> tuple[list[str], list[str]]:
    """Up to three segment ids only A has and up to three only B has (both empty: same ids)."""
    return sorted(set(a.stats) - set(b.stats))[:3], sorted(set(b.stats) - set(a.stats))[:3]


def paired_ids(baseline: LoadedRun, only: set[str] | None = None) -> list[str]:
    """The segment ids to pair, in the baseline's file order; only those in `only` if given."""
    if only is None:
        return list(baseline.stats)
    return [seg for seg in baseline.stats if seg in only]


def check_comparable(a: LoadedRun, b: LoadedRun, metric: str, a_path: str, b_path: str) -> None:
    """Refuse (InputError) a metric whose signatures, segment ids or statistics differ."""
    require_same_signature(a, b, metric, a_path, b_path)
    where = _where(a, metric)
    only_a, only_b = segment_id_difference(a, b)
    if only_a or only_b:
        raise InputError(
            f"{where}: segment ids differ (only in A: {only_a}, only in B: {only_b}; B is "
            f"{b_path})",
            path=a_path, field="id",
        )
    missing = [seg for run in (a, b) for seg, st in run.stats.items() if metric not in st]
    if missing or not a.stats:
        raise InputError(
            f"{where}: no segment statistics (segment {missing[0] if missing else 'none'}); "
            "re-score with this evalsuite version",
            path=a_path, field="stats",
        )


def has_scorer(metric: str) -> bool:
    """Only scores a registered metric reports can be rebuilt from segment statistics."""
    return score_kind(metric) is not None


def compare_results(
    a_path: str | Path,
    b_path: str | Path,
    *,
    test: TestName = "bootstrap",
    n_samples: int | None = None,
    seed: int | None = 12345,
) -> list[Comparison]:
    """Paired tests of B against A for every metric of every run both documents hold.

    Runs pair up by (dataset, system); two documents of one run each pair up whatever the names.
    """
    pairs = pair_runs(load_runs(a_path), load_runs(b_path))
    if not pairs:
        raise InputError(
            f"no (dataset, system) run in common with {b_path}", path=str(a_path), field="runs"
        )
    out: list[Comparison] = []
    for a, b in pairs:
        key = (b.dataset, b.system)
        for metric in [m for m in a.scores if m in b.scores and has_scorer(m)]:
            check_comparable(a, b, metric, str(a_path), str(b_path))
            ids = paired_ids(a)
            kind = score_kind(metric)
            assert kind is not None
            result = paired_test(
                [a.stats[i][metric] for i in ids],
                [b.stats[i][metric] for i in ids],
                kind.from_stats,
                test=test,
                n_samples=n_samples,
                seed=seed,
            )
            higher = bool(a.scores[metric].get("higher_is_better", True))
            out.append(Comparison(key[0], key[1], metric, higher, result))
    return out


def comparison_document(comparisons: list[Comparison], alpha: float = ALPHA) -> dict[str, Any]:
    """`compare --format json`: every comparison with its exact p-value, on the results
    document's scale (ROUGE 0-1, BLEU/chrF/TER 0-100)."""
    first = comparisons[0].result if comparisons else None
    return {
        "test": first.test if first else None,
        "n_samples": first.n_samples if first else None,
        "seed": first.seed if first else None,
        "alpha": alpha,
        "comparisons": [
            {
                "dataset": c.dataset,
                "system": c.system,
                "metric": c.metric,
                "higher_is_better": c.higher_is_better,
                "baseline": c.result.baseline,
                "candidate": c.result.system,
                "delta": c.result.delta,
                "p_value": c.result.p_value,
                "significant": c.result.significant(alpha),
            }
            for c in comparisons
        ],
    }


def format_comparison(comparisons: list[Comparison], alpha: float = ALPHA) -> str:
    """Plain-text table: one row per dataset/system, one column per metric, B minus A."""
    if not comparisons:
        return "no metric in common\n"
    metrics = list(dict.fromkeys(c.metric for c in comparisons))
    rows = list(dict.fromkeys((c.dataset, c.system) for c in comparisons))
    cells = {(c.dataset, c.system, c.metric): c for c in comparisons}
    header = ["dataset", "system", *metrics]
    table = [header]
    for dataset, system in rows:
        line = [dataset, system]
        for metric in metrics:
            found = cells.get((dataset, system, metric))
            line.append(found.cell(alpha) if found else "-")
        table.append(line)
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    text = "\n".join(
        "  ".join(
            cell.ljust(w) if i < 2 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in table
    )
    first = comparisons[0].result
    lower = sorted({c.metric for c in comparisons if not c.higher_is_better})
    test = "paired bootstrap" if first.test == "bootstrap" else "approximate randomization"
    note = scale_note(metrics)
    legend = (
        f"B minus A{f' ({note})' if note else ''}. * p < {alpha} ({test}, {first.n_samples} "
        f"samples, seed {first.seed})."
    )
    if lower:
        legend += f" Lower is better: {', '.join(lower)}."
    return f"{text}\n{legend}\n"
