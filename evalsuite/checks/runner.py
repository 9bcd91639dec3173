"""The check registry and the batch runner: parse every text once, run the chosen checks.

Checks are plain functions of a `ParsedSegment`; the registry names them, says what each
needs (a reference or source to compare with, or nothing), and whether it reads the spaCy
parse, so that a run of number checks alone never loads a model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Literal

from evalsuite.checks.addition import addition
from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import Finding, Severity
from evalsuite.checks.consistency import inconsistent_entity
from evalsuite.checks.detached import detached_output
from evalsuite.checks.entities import entity_missing, entity_unsupported, entity_variant
from evalsuite.checks.injected import injected_content
from evalsuite.checks.negation import negation_flip
from evalsuite.checks.numbers import number_mismatch
from evalsuite.checks.omission import omission
from evalsuite.checks.page_artifacts import page_artifact
from evalsuite.checks.parallel import map_chunks, worker_count
from evalsuite.checks.roles import role_reversal
from evalsuite.heartbeat import stage
from evalsuite.text.blas_threads import one_blas_thread
from evalsuite.text.nlp import ParsedSegment, load_pipeline, normalize_lang, parse_texts

if TYPE_CHECKING:
    from evalsuite.models.source_spec import SourceModelSpec

__all__ = ["CHECKS", "Check", "available_checks", "parse_segments", "run_checks"]

Needs = Literal["reference_or_source", "none"]


@dataclass(frozen=True)
class Check:
    """A registered check: what it is called, how bad its findings are, what it needs."""

    name: str
    severity: Severity
    run: Callable[[ParsedSegment], list[Finding]]
    needs: Needs = "reference_or_source"
    uses_parse: bool = True
    description: str = ""


CHECKS: dict[str, Check] = {
    check.name: check
    for check in (
        Check(
            "entity_missing", "critical", entity_missing,
            description="an entity of the reference (or the source's salient ones) is dropped",
        ),
        Check(
            "entity_variant", "minor", entity_variant,
            description="an entity is kept with a different spelling (Kiev/Kyiv)",
        ),
        Check(
            "entity_unsupported", "major", entity_unsupported,
            description="an entity of the hypothesis is in neither the reference nor the source",
        ),
        Check(
            "number_mismatch", "critical", number_mismatch, uses_parse=False,
            description="a number is changed, dropped or added",
        ),
        Check(
            "negation_flip", "critical", negation_flip,
            description="a clause is negated, or its negation dropped, against the reference",
        ),
        Check(
            # It reads the hypothesis's entities (names anchor a sentence across languages),
            # so it must see the same parse whichever other checks are selected.
            "injected_content", "major", injected_content, needs="none",
            description="site boilerplate, or a sentence nothing in the reference/source supports",
        ),
        Check(
            "inconsistent_entity", "minor", inconsistent_entity, needs="none",
            description="one document spells one name two ways (Zelensky/Zelenskiy)",
        ),
        Check(
            "role_reversal", "critical", role_reversal, needs="none",
            description="who did what to whom is reversed (reference, source, or own body)",
        ),
        # Cross-lingual alignment with the source (evalsuite.align); translations only.
        Check(
            "detached_output", "critical", detached_output, uses_parse=False,
            description="the output does not translate its source at all (or is empty)",
        ),
        Check(
            "omission", "major", omission, uses_parse=False,
            description="a source clause has no counterpart in the output",
        ),
        Check(
            "addition", "major", addition, uses_parse=False,
            description="an output clause has no counterpart in the source",
        ),
        Check(
            "page_artifact", "major", page_artifact, needs="none", uses_parse=False,
            description="page labels copied into the text ('image caption,'), fused words",
        ),
    )
}  # fmt: skip


def available_checks() -> list[str]:
    """Names of every registered check, sorted."""
    return sorted(CHECKS)


def _selected(names: Sequence[str] | None) -> list[Check]:
    from evalsuite.names import validate_checks

    chosen = validate_checks(names)
    return [CHECKS[name] for name in (available_checks() if chosen is None else chosen)]


def run_checks(
    inputs: Sequence[CheckInput],
    names: Sequence[str] | None = None,
    *,
    workers: int | None = None,
    source_model: SourceModelSpec | str | None = None,
) -> list[list[Finding]]:
    """Findings for each input, in input order, from the named checks (default: all).

    `workers`: processes to spread large inputs over (None: every core from a few hundred
    inputs, see `checks.parallel`); the findings and their order never depend on it.
    `source_model` (a spec or its `--xling-model` text): a model judges `detached_output`,
    `omission` and `addition` instead of the word alignment (checks/model_judged.py)."""
    checks = _selected(names)
    if source_model is not None:
        return _with_model(inputs, checks, source_model, workers)
    n_workers = worker_count(workers, len(inputs))
    if n_workers == 1:
        return _run_here(inputs, checks)
    if any(c.uses_parse for c in checks):  # loaded once here, shared by the forked workers
        for lang in dict.fromkeys(_segment_texts(inputs)[1]):
            load_pipeline(lang)
    run = partial(_run_here, checks=checks)
    return map_chunks(inputs, run, n_workers, kind=_input_kind, group=_shared_texts)


def _input_kind(inp: CheckInput) -> tuple[object, ...]:
    """Inputs of one kind load the same lexicons and models: one of each warms the workers."""
    return (inp.hyp_lang, inp.src_lang, inp.task, inp.reference is None, inp.source is None)


def _shared_texts(inp: CheckInput) -> tuple[object, ...]:
    """What inputs share besides their hypotheses: the outputs of many systems for one
    reference and source are parsed and read once when one process checks them all."""
    return (inp.reference, inp.source, inp.hyp_lang, inp.src_lang)


def _with_model(
    inputs: Sequence[CheckInput], checks: list[Check], spec: SourceModelSpec | str,
    workers: int | None,
) -> list[list[Finding]]:
    """The model's checks by the model (loaded first: a bad name fails before any parsing),
    the rest as usual; each input's findings in registry order."""
    from evalsuite.checks.model_judged import MODEL_CHECKS, model_findings
    from evalsuite.models.source_similarity import load_scorer
    from evalsuite.models.source_spec import parse_source_model

    judged = frozenset(c.name for c in checks if c.name in MODEL_CHECKS)
    if not judged:
        return run_checks(inputs, [c.name for c in checks], workers=workers)
    scorer = load_scorer(parse_source_model(spec) if isinstance(spec, str) else spec)
    rest = [c.name for c in checks if c.name not in judged]
    found = run_checks(inputs, rest, workers=workers)
    order = {name: i for i, name in enumerate(CHECKS)}
    return [
        sorted([*mine, *theirs], key=lambda f: order.get(f.check, len(order)))
        for mine, theirs in zip(found, model_findings(inputs, scorer, judged), strict=True)
    ]


def _run_here(inputs: Sequence[CheckInput], checks: Sequence[Check]) -> list[list[Finding]]:
    with one_blas_thread():  # checks that parse a sentence again (text/reparse.py) too
        return _check_here(inputs, checks)


def _check_here(inputs: Sequence[CheckInput], checks: Sequence[Check]) -> list[list[Finding]]:
    with stage("checks: parsing"):
        segments = parse_segments(inputs, with_nlp=any(c.uses_parse for c in checks))
    results: list[list[Finding]] = []
    for segment in segments:
        compared = segment.ref is not None or segment.src is not None
        findings: list[Finding] = []
        for check in checks:
            if check.needs == "none" or compared:
                with stage(f"checks: {check.name}"):  # what a long input's heartbeat names
                    findings.extend(check.run(segment))
        results.append(findings)
    return results


def parse_segments(inputs: Sequence[CheckInput], *, with_nlp: bool = True) -> list[ParsedSegment]:
    """Parse hypotheses, references and sources of all inputs in one batch per language."""
    texts, langs, slots = _segment_texts(inputs)
    parsed = parse_texts(texts, langs, with_nlp=with_nlp)
    return [
        ParsedSegment(
            parsed[h],
            parsed[r] if r is not None else None,
            parsed[s] if s is not None else None,
            inp.task,
        )
        for inp, (h, r, s) in zip(inputs, slots, strict=True)
    ]


def _segment_texts(
    inputs: Sequence[CheckInput],
) -> tuple[list[str], list[str], list[tuple[int, int | None, int | None]]]:
    """Every text to parse, its language, and each input's (hyp, ref, src) slots."""
    texts: list[str] = []
    langs: list[str] = []
    slots: list[tuple[int, int | None, int | None]] = []
    for inp in inputs:
        hyp_lang = normalize_lang(inp.hyp_lang, inp.hypothesis or inp.reference or "")
        slot_hyp = _add(texts, langs, inp.hypothesis, hyp_lang)
        slot_ref = _add(texts, langs, _present(inp.reference), hyp_lang)
        src_lang = inp.src_lang or (hyp_lang if inp.task == "summary" else None)
        source = _present(inp.source)
        slot_src = _add(texts, langs, source, normalize_lang(src_lang, source or ""))
        assert slot_hyp is not None
        slots.append((slot_hyp, slot_ref, slot_src))
    return texts, langs, slots


def _present(text: str | None) -> str | None:
    """A blank reference or source is no reference or source."""
    return text if text is not None and text.strip() else None


def _add(texts: list[str], langs: list[str], text: str | None, lang: str) -> int | None:
    """Queue a text for parsing; returns its slot (None for an absent text)."""
    if text is None:
        return None
    texts.append(text)
    langs.append(lang)
    return len(texts) - 1
