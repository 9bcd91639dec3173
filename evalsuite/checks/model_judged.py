"""`detached_output`, `omission` and `addition` judged by a user-named model (off by default).

With `--xling-model` (suite: `xling_model`), these three checks compare a translation with its
source through the model's score (the cosine of sentence embeddings, or a COMET QE score)
instead of the word alignment:

- `detached_output` (critical): the (source, output) score is below `detached_below`, or the
  output has no words;
- `omission` (major): with one clause taken out of the source, the output matches it better by
  at least `clause_gain`: the output reads as a translation of the source without that clause;
- `addition` (major): with one clause taken out of the output, it matches its source better by
  `clause_gain`: nothing in the source asks for that clause.

The clause test is the leave-one-out idea of contrastive conditioning (Vamvas and Sennrich,
2022), with a similarity or QE score where they used a translation model's probability. Each
finding carries the scores as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import Finding, Span
from evalsuite.checks.source_alignment import clause_spans
from evalsuite.models.source_similarity import SimilarityScorer

__all__ = ["MODEL_CHECKS", "model_findings"]

MODEL_CHECKS = ("detached_output", "omission", "addition")
MIN_CLAUSE_WORDS = 3
"""A clause shorter than this is left alone: taking out two words moves any score a little."""
MIN_SOURCE_WORDS = 3
MAX_CLAUSES = 24
"""Per side, the longest ones: each costs one more pass of the model over the whole text."""
_WORD = re.compile(r"[^\W_]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass(frozen=True)
class _Probe:
    """One clause taken out of one side of one input, and the pair that is then scored."""

    item: int
    side: str  # "src" or "hyp"
    clause: Span
    pair: tuple[str, str]


def words(text: str) -> int:
    """Rough word count; CJK text counts a word per two characters."""
    count = 0
    for token in _WORD.findall(text):
        cjk = len(_CJK.findall(token))
        count += max(1, cjk // 2) if cjk else 1
    return count


def judged(inp: CheckInput) -> bool:
    """Translations with a source of a few words: what the model judges."""
    return inp.task == "translation" and bool(inp.source and words(inp.source) >= MIN_SOURCE_WORDS)


def model_findings(
    inputs: Sequence[CheckInput], scorer: SimilarityScorer, names: frozenset[str]
) -> list[list[Finding]]:
    """Findings of the checks in `names` (a subset of MODEL_CHECKS) for every input."""
    out: list[list[Finding]] = [[] for _ in inputs]
    scored = [i for i, inp in enumerate(inputs) if judged(inp) and words(inp.hypothesis)]
    for i, inp in enumerate(inputs):
        if judged(inp) and not words(inp.hypothesis) and "detached_output" in names:
            out[i].append(_detached(inp, scorer, None))
    pairs = [(str(inputs[i].source), inputs[i].hypothesis) for i in scored]
    full = dict(zip(scored, scorer.scores(pairs), strict=True))
    threshold = scorer.detached_below
    probes: list[_Probe] = []
    for i in scored:
        if full[i] < threshold:
            if "detached_output" in names:
                out[i].append(_detached(inputs[i], scorer, full[i]))
            continue
        probes += _probes(i, inputs[i], names)
    if not probes:
        return out
    gained = scorer.scores([p.pair for p in probes])
    for probe, score in zip(probes, gained, strict=True):
        gain = score - full[probe.item]
        if gain >= scorer.spec.clause_gain:
            out[probe.item].append(_clause_finding(probe, scorer, full[probe.item], score))
    return out


def _probes(item: int, inp: CheckInput, names: frozenset[str]) -> list[_Probe]:
    source, output = str(inp.source), inp.hypothesis
    probes = []
    for side, check, text in (("src", "omission", source), ("hyp", "addition", output)):
        if check not in names:
            continue
        for clause in _clauses(text):
            rest = _without(text, clause)
            pair = (rest, output) if side == "src" else (source, rest)
            probes.append(_Probe(item, side, clause, pair))
    return probes


def _clauses(text: str) -> list[Span]:
    """Clauses long enough to test, longest MAX_CLAUSES, in text order; none for one clause."""
    spans = clause_spans(text)
    if len(spans) < 2:
        return []
    long_enough = [s for s in spans if words(s.text) >= MIN_CLAUSE_WORDS]
    kept = sorted(long_enough, key=lambda s: -len(s.text))[:MAX_CLAUSES]
    return sorted(kept, key=lambda s: s.start)


def _without(text: str, clause: Span) -> str:
    return f"{text[: clause.start].rstrip()} {text[clause.end :].lstrip()}".strip()


def _evidence(scorer: SimilarityScorer) -> dict[str, object]:
    return {"against": "source", "method": "model", "model": scorer.identity,
            "kind": scorer.kind}  # fmt: skip


def _detached(inp: CheckInput, scorer: SimilarityScorer, score: float | None) -> Finding:
    source, output = str(inp.source), inp.hypothesis
    if score is None:
        why, extra = "the output has no words", {}
    else:
        threshold = scorer.detached_below
        what = "similarity" if scorer.kind == "encoder" else "QE score"
        why = f"the model's {what} with the source is {score:.3f} (detached below {threshold:g})"
        extra = {"score": round(score, 4), "detached_below": threshold}
    return Finding(
        "detached_output", "critical", f"the output does not translate its source: {why}",
        hyp_span=Span(0, len(output), output), ref_span=Span(0, len(source), source),
        evidence={**_evidence(scorer), **extra},
    )  # fmt: skip


def _clause_finding(
    probe: _Probe, scorer: SimilarityScorer, full: float, without: float
) -> Finding:
    evidence = {**_evidence(scorer), "score": round(full, 4),
                "score_without_clause": round(without, 4), "gain": round(without - full, 4),
                "clause_gain": scorer.spec.clause_gain}  # fmt: skip
    text = probe.clause.text[:80]
    scores = f"{full:.3f} -> {without:.3f} without it"
    if probe.side == "src":
        return Finding(
            "omission", "major",
            f"source clause '{text}' seems untranslated: the output matches the source better "
            f"without it ({scores})",
            ref_span=probe.clause, evidence=evidence,
        )  # fmt: skip
    return Finding(
        "addition", "major",
        f"output clause '{text}' has no counterpart in the source: the output matches the source "
        f"better without it ({scores})",
        hyp_span=probe.clause, evidence=evidence,
    )  # fmt: skip
