"""Command line: `evalsuite run | score | check | compare | gate | report`.

Exit codes: 0 ok, 1 a limit or the gate failed, 2 bad usage or input.

Each command imports what it needs when it runs: `--help` and a mistyped option must not wait
for numpy, sacrebleu, the checks or spaCy (tests/test_quick_start.py).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

import evalsuite
from evalsuite.checks.base import SEVERITIES, Finding, Severity
from evalsuite.data import Example, load_jsonl, with_lang
from evalsuite.errors import EvalsuiteError, InputError
from evalsuite.heartbeat import heartbeat
from evalsuite.io import (
    atomic_write_jsonl,
    check_output_directory,
    check_output_file,
)
from evalsuite.names import parse_name_list, validate_checks, validate_metrics
from evalsuite.text.language_codes import LanguageCodeError, check_language_code

if TYPE_CHECKING:
    from evalsuite.checks.api import Task
    from evalsuite.harness import SuiteRun

# report.formats' names, spelled out so that building the parser imports it not
# (tests/test_quick_start.py keeps them equal). Metric names are not spelled out: the registry
# is their one list, and an unknown name prints it.
REPORT_FORMATS = ("md", "csv", "json", "html", "junit")

EXIT_OK, EXIT_LIMIT, EXIT_USAGE = 0, 1, 2
DEFAULT_SCORE_METRICS = ("bleu", "chrf", "ter", "rouge")


def _check_names(value: str) -> list[str] | None:
    """'all' -> None (every check), 'none' -> [], else a validated list."""
    if value == "all":
        return None
    if value == "none":
        return []
    return validate_checks(parse_name_list(value), "--checks")


def _with_lang(examples: list[Example], lang: str | None, task: str) -> list[Example]:
    """Fill in missing languages from --lang."""
    return [with_lang(ex, lang, task) for ex in examples]


_QUIET_ENV = ("HF_DATASETS_DISABLE_PROGRESS_BARS", "HF_HUB_DISABLE_PROGRESS_BARS")


def quiet_libraries() -> None:
    """--quiet: no progress bars from `datasets` or the hub client either (workers that start
    later inherit the environment)."""
    for name in _QUIET_ENV:
        os.environ[name] = "1"
    if "datasets" in sys.modules:
        sys.modules["datasets"].disable_progress_bars()


def cmd_run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from evalsuite.harness import run_suite
    from evalsuite.report.markdown import render_markdown
    from evalsuite.report.terminal import print_summary
    from evalsuite.results import results_document, write_results_dir
    from evalsuite.suite import load_suite

    suite = load_suite(args.suite)
    check_output_directory(args.output)
    if args.quiet:
        quiet_libraries()
    result: SuiteRun = run_suite(
        suite,
        cache_dir=Path(args.cache_dir) if args.cache_dir else None,
        use_cache=not args.no_cache,
        show_progress=not args.quiet,
        backend=args.backend,
        address=args.address,
    )
    document = results_document(
        result.runs,
        suite={"name": suite.name, "path": str(suite.path), "config_hash": suite.config_hash},
        models=result.models,
        timing={"seconds": round(result.seconds, 3)},
    )
    report = render_markdown(result.runs, title=f"evalsuite: {suite.name}")
    out = write_results_dir(args.output, document, result.runs, report)
    print_summary(result.runs, Console())
    for run in result.runs:  # e.g. truncated inputs: never silent
        for note in run.notes:
            print(f"note: {run.dataset} / {run.system}: {note}", file=sys.stderr)
    print(f"results written to {out}/ (results.json, segments.jsonl, report.md)", file=sys.stderr)
    return EXIT_OK


def cmd_score(args: argparse.Namespace) -> int:
    from rich.console import Console

    from evalsuite import streamed_input
    from evalsuite.engine.run import score_partitions
    from evalsuite.engine.spec import scoring_spec
    from evalsuite.harness import empty_output_note
    from evalsuite.metrics.spec import metric_needs_reference
    from evalsuite.report.terminal import print_summary
    from evalsuite.results import results_document, write_results_file

    started = time.monotonic()
    metrics = validate_metrics(parse_name_list(args.metrics), "--metrics") if args.metrics else None
    checks = _check_names(args.checks)
    xling_model = _xling_model(args.xling_model)
    output = check_output_file(args.output) if args.output else None
    if output is not None:
        check_output_file(output.with_suffix(".segments.jsonl"))
    # The input is read in passes, never held whole: one to validate and count, one for the
    # corpus profile, one partition at a time to score.
    found = streamed_input.survey(args.input)
    notes = []
    if metrics is None:
        metrics = [] if found.without_reference else list(DEFAULT_SCORE_METRICS)
        if found.without_reference and found.without_reference < found.records:
            notes.append(
                f"metrics not computed: {found.without_reference} of {found.records} records "
                "have no reference (the checks ran on every record; --metrics asks for them, "
                "and then every record needs a reference)"
            )
    needing = [m for m in metrics if metric_needs_reference(m)]
    if needing and found.without_reference:
        raise InputError(
            f"is required for metrics {', '.join(needing)}", path=args.input,
            line=found.first_without_line, field="reference",
        )
    spec = scoring_spec(
        streamed_input.records(args.input, args.lang, args.task),
        dataset=Path(args.input).stem,
        task=cast("Task", args.task),
        system=args.system,
        system_signature="given-outputs",
        metrics=metrics,
        checks=checks,
        rouge_stemmer=args.rouge_stemmer,
        bootstrap=args.bootstrap,
        seed=args.seed,
        confidence=args.confidence,
        xling_model=xling_model,
    )
    run = score_partitions(
        spec, streamed_input.partitions(args.input, args.lang, args.task, found.records)
    )
    run.notes[:0] = notes
    run.notes.extend(
        empty_output_note(found.records, found.empty_outputs, found.first_empty_ids)
    )
    from evalsuite.models.source_similarity import loaded_models
    from evalsuite.text.nlp import model_versions

    segments_file = output.with_suffix(".segments.jsonl").name if output else "segments.jsonl"
    document = results_document(
        [run],
        suite={"name": "score", "input": str(args.input), "config_hash": None},
        models={**model_versions(), **loaded_models()},
        timing={"seconds": round(time.monotonic() - started, 3)},
        segments_file=segments_file,
    )
    if output:
        write_results_file(output, document, [run])
    print_summary([run], Console())
    for note in run.notes:
        print(f"note: {note}", file=sys.stderr)
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    """Paired tests of B against A from the stored segment statistics; exit 2 if incomparable."""
    from evalsuite.io import dumps_json
    from evalsuite.report.compare import (
        compare_results,
        comparison_document,
        format_comparison,
    )

    _note_other_versions(args.a, args.b)
    comparisons = compare_results(
        args.a, args.b, test=args.test, n_samples=args.resamples, seed=args.seed
    )
    if args.format == "json":
        sys.stdout.write(dumps_json(comparison_document(comparisons)))
    else:
        sys.stdout.write(format_comparison(comparisons))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """Render a results document (and its segments file) as md, csv, json, html or junit."""
    from evalsuite.io import atomic_write_text
    from evalsuite.report.formats import render_report

    if args.output:
        check_output_file(args.output)
    _note_other_versions(args.results)
    text = render_report(args.results, args.format)
    if args.output:
        atomic_write_text(args.output, text)
        print(f"{args.format} report written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _note_other_versions(*paths: str) -> None:
    """Say when a results document comes from another evalsuite version: its schema is this
    version's (else it is refused), but its numbers may have been computed otherwise."""
    from evalsuite import __version__
    from evalsuite.results.reading import written_by

    for path in paths:
        version = written_by(path)
        if version != __version__:
            print(
                f"note: {path} was written by evalsuite {version or '(version not recorded)'}, "
                f"this is {__version__}; scores compare only where their metric signatures "
                "agree",
                file=sys.stderr,
            )


def _at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: an integer no smaller than `minimum`."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected an integer, got {value!r}") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {number}")
        return number

    return parse


def _confidence(value: str) -> float:
    try:
        level = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {value!r}") from None
    if not 0 < level < 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {value}")
    return level


def _language(value: str) -> str:
    try:
        return check_language_code(value)
    except LanguageCodeError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def cmd_check(args: argparse.Namespace) -> int:
    from evalsuite.checks.runner import run_checks
    from evalsuite.engine.segments import check_inputs

    checks = _check_names(args.checks)
    xling_model = _xling_model(args.xling_model)
    if args.output:
        check_output_file(args.output)
    examples = _with_lang(load_jsonl(args.input, require=("hypothesis",)), args.lang, args.task)
    inputs = check_inputs(examples, [ex.hypothesis or "" for ex in examples], args.task)
    findings = run_checks(inputs, checks, source_model=xling_model)
    lines = [
        {"id": ex.id, "findings": [f.to_dict() for f in found]}
        for ex, found in zip(examples, findings, strict=True)
    ]
    if args.output:
        atomic_write_jsonl(args.output, lines)
        total = sum(len(found) for found in findings)
        print(f"{total} findings in {len(lines)} records -> {args.output}", file=sys.stderr)
    else:
        for line in lines:
            print(json.dumps(line, ensure_ascii=False))
    if args.fail_on and _over_limit(findings, args.fail_on):
        print(f"evalsuite: findings at or above '{args.fail_on}' severity", file=sys.stderr)
        return EXIT_LIMIT
    return EXIT_OK


def _xling_model(value: str | None) -> str | None:
    """--xling-model, checked before any input is read (its canonical spec text)."""
    if value is None:
        return None
    from evalsuite.models.source_spec import parse_source_model

    return parse_source_model(value).text()


QUIET_HELP = "no heartbeat lines (a long input's stage, every 10 s, on stderr)"
XLING_MODEL_HELP = (
    "a sentence encoder or COMET QE model (directory or hub id; 'PATH;key=value' settings) that "
    "judges detached_output, omission and addition against the source (README: model-backed)"
)


def _over_limit(findings: list[list[Finding]], fail_on: str) -> bool:
    blocking = SEVERITIES[: SEVERITIES.index(cast(Severity, fail_on)) + 1]
    return any(f.severity in blocking for found in findings for f in found)


def cmd_gate(args: argparse.Namespace) -> int:
    """Gate results on a baseline: exit 0 when every rule holds, 1 when one fails."""
    from evalsuite.gate import run_gate

    for option, value in (("--junit", args.junit), ("--markdown", args.markdown)):
        if value:
            check_output_file(value, option)
    _note_other_versions(args.baseline, args.results)
    return run_gate(
        args.results, args.baseline, policy=args.policy, junit=args.junit,
        markdown=args.markdown, seed=args.seed, resamples=args.resamples, verbose=args.verbose,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="evalsuite",
        description="Evaluate summaries and translations: metrics and fault checks.",
    )
    parser.add_argument("--version", action="version", version=f"evalsuite {evalsuite.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run a suite (the built-in default without an argument)")
    run.add_argument("suite", nargs="?", help="suite TOML file (default: the built-in suite)")
    run.add_argument("--output", default="evalsuite-results", help="results directory")
    run.add_argument(
        "--cache-dir", help="cache of outputs and findings (default: ~/.cache/evalsuite)"
    )
    run.add_argument(
        "--no-cache", action="store_true", help="generate every output and check it afresh"
    )
    run.add_argument("--quiet", action="store_true", help="no progress bars")
    run.add_argument(
        "--backend", choices=("local", "ray"),
        help="where to run: this process, or Ray (default: the suite's `backend`, else local)",
    )
    run.add_argument(
        "--address", help="Ray cluster to join (default: suite's ray_address, $RAY_ADDRESS, "
        "else a local Ray on this machine's cores)",
    )
    run.set_defaults(func=cmd_run)

    tasks = ("translation", "summary")
    score = sub.add_parser("score", help="score outputs that already exist")
    score.add_argument("--input", required=True, help="JSONL: id, source, reference, hypothesis")
    score.add_argument(
        "--metrics",
        help=f"comma list of metric names (default: {','.join(DEFAULT_SCORE_METRICS)}; an unknown "
        "name lists every registered one); model metrics name their model: bertscore:PATH, "
        "comet:PATH, comet-qe:PATH, nli:PATH (options: name:model=PATH;k=v)",
    )
    score.add_argument("--checks", default="all", help="'all', 'none' or a comma list")
    score.add_argument("--xling-model", metavar="MODEL", help=XLING_MODEL_HELP)
    score.add_argument(
        "--lang", type=_language, help="target language for records without tgt_lang"
    )
    score.add_argument("--task", choices=tasks, default="translation")
    score.add_argument("--system", default="given", help="name for this system in the table")
    score.add_argument("--rouge-stemmer", action="store_true", help="Porter/Snowball stemming")
    score.add_argument("--output", help="results JSON (segments go to NAME.segments.jsonl)")
    score.add_argument(
        "--bootstrap", type=_at_least(0), default=1000, metavar="N",
        help="bootstrap resamples for confidence intervals (0: none; default 1000)",
    )
    score.add_argument(
        "--seed", type=_at_least(0), default=12345, help="resampling seed (default 12345)"
    )
    score.add_argument(
        "--confidence", type=_confidence, default=0.95, help="interval level (default 0.95)"
    )
    score.add_argument("--quiet", action="store_true", help=QUIET_HELP)
    score.set_defaults(func=cmd_score)

    compare = sub.add_parser(
        "compare", help="paired significance tests between two results documents"
    )
    compare.add_argument("a", help="baseline results.json")
    compare.add_argument("b", help="candidate results.json")
    compare.add_argument("--test", choices=("bootstrap", "ar"), default="bootstrap")
    compare.add_argument(
        "--resamples", type=_at_least(1), default=None, metavar="N",
        help="resamples (bootstrap, default 1000) or trials (ar, default 10000)",
    )
    compare.add_argument(
        "--seed", type=_at_least(0), default=12345, help="resampling seed (default 12345)"
    )
    compare.add_argument(
        "--format", choices=("text", "json"), default="text",
        help="text: a table of differences (default); json: each test with its exact p-value",
    )
    compare.set_defaults(func=cmd_compare)

    gate = sub.add_parser("gate", help="exit 1 when results regress against a baseline")
    gate.add_argument("results", help="candidate results.json")
    gate.add_argument("--baseline", required=True, help="baseline results.json")
    gate.add_argument("--policy", help="policy TOML (docs/gate-policy.md; default: built in)")
    gate.add_argument("--junit", metavar="FILE", help="write JUnit XML, one case per rule")
    gate.add_argument("--markdown", metavar="FILE", help="write a Markdown summary (PR comment)")
    gate.add_argument(
        "--seed", type=_at_least(0), help="paired-test seed (default: policy, 12345)"
    )
    gate.add_argument(
        "--resamples", type=_at_least(1), metavar="N", help="paired-test resamples"
    )
    gate.add_argument("-v", "--verbose", action="store_true", help="print passing rules too")
    gate.set_defaults(func=cmd_gate)

    check = sub.add_parser("check", help="list faults per record as JSONL")
    check.add_argument("--input", required=True, help="JSONL with hypothesis (+ reference/source)")
    check.add_argument("--task", choices=tasks, required=True)
    check.add_argument("--checks", default="all", help="'all', 'none' or a comma list")
    check.add_argument(
        "--lang", type=_language, help="target language for records without tgt_lang"
    )
    check.add_argument("--xling-model", metavar="MODEL", help=XLING_MODEL_HELP)
    check.add_argument("--output", help="output JSONL (default: stdout)")
    check.add_argument(
        "--fail-on", choices=SEVERITIES, help="exit 1 if any finding has this severity or worse"
    )
    check.add_argument("--quiet", action="store_true", help=QUIET_HELP)
    check.set_defaults(func=cmd_check)

    report = sub.add_parser("report", help="render a results.json as md, csv, json, html, junit")
    report.add_argument("results", help="results.json (its segments file beside it)")
    report.add_argument("--format", choices=REPORT_FORMATS, default="md", help="default: md")
    report.add_argument("--output", help="file to write (default: stdout)")
    report.set_defaults(func=cmd_report)
    return parser


class Terminated(BaseException):
    """SIGTERM, raised like an interrupt so that every `finally` and temp-file cleanup runs."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated()


EXIT_INTERNAL = 3  # a bug: never 1, which a CI job reads as "the gate failed"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    # One long pair runs for minutes as one item: a line on stderr says which stage runs.
    beating = args.command in ("check", "score") and not args.quiet
    try:
        with heartbeat(enabled=beating):
            return int(args.func(args))
    except EvalsuiteError as err:
        print(f"evalsuite: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as err:  # the disk filled up, a file vanished: the environment, not a bug
        where = f"{err.filename}: " if err.filename else ""
        print(f"evalsuite: error: {where}{err.strerror or err}", file=sys.stderr)
        return EXIT_USAGE
    except (KeyboardInterrupt, Terminated) as stop:
        print(f"evalsuite: {_interrupted(args)}", file=sys.stderr)
        return 130 if isinstance(stop, KeyboardInterrupt) else 128 + signal.SIGTERM
    except Exception:
        traceback.print_exc()
        print(
            "evalsuite: internal error (a bug: please report it with the traceback above)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupted(args: argparse.Namespace) -> str:
    """What an interrupt leaves: only `run` caches generated outputs; no command has written
    a half results file (every one is written to a temporary file, then renamed)."""
    if args.command == "run" and not getattr(args, "no_cache", False):
        return "interrupted; outputs generated so far are cached, a re-run resumes from them"
    return "interrupted; no results were written"


if __name__ == "__main__":
    sys.exit(main())
