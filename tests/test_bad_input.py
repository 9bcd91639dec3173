"""Every command on every kind of bad input: exit 2, a message naming where, no new file.

Each row writes its inputs into an empty folder, runs the command in-process (`cli.main`),
and asserts the exit code 2, every expected piece of the message (file, line, field or option),
and that the folder and TMPDIR hold nothing the command wrote. Argument errors come from
argparse (SystemExit 2). SIGTERM needs a real process: one subprocess row at the end.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from evalsuite.cli import main

GOOD = {
    "id": "a", "source": "Die Polizei nahm den Mann in Berlin fest.",
    "reference": "Police arrested the man in Berlin.",
    "hypothesis": "Police arrested the man in Munich.", "src_lang": "de", "tgt_lang": "en",
}  # fmt: skip
GOOD_LINE = json.dumps(GOOD).encode()


@dataclass(frozen=True)
class Case:
    """Files to write (name -> bytes), the arguments (with {dir} for the folder), what the
    message must contain, and the exit code (2 unless said)."""

    files: dict[str, bytes]
    argv: list[str]
    expect: list[str]
    code: int = 2
    setup: Callable[[Path, pytest.MonkeyPatch], None] | None = None
    keep: tuple[str, ...] = field(default=())  # files the command may leave (none by default)


def _jsonl(*lines: bytes) -> dict[str, bytes]:
    return {"in.jsonl": b"\n".join(lines) + b"\n"}


def _suite(body: str, data: bytes = GOOD_LINE + b"\n") -> dict[str, bytes]:
    return {"s.toml": body.encode(), "d.jsonl": data}


GIVEN = '[[datasets]]\nname = "d"\npath = "d.jsonl"\ntask = "translation"\noutputs = "given"\n'
SCORE = ["score", "--input", "{dir}/in.jsonl", "--checks", "none", "--output", "{dir}/r.json"]
CHECK = ["check", "--input", "{dir}/in.jsonl", "--task", "translation",
         "--checks", "number_mismatch", "--output", "{dir}/o.jsonl"]  # fmt: skip
RUN = ["run", "{dir}/s.toml", "--output", "{dir}/out", "--no-cache", "--quiet"]


def _unreadable(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root, chmod cannot make a file unreadable: refuse to open this one instead."""
    target = folder / "in.jsonl"
    real_open = Path.open

    def refusing(self: Path, *args: object, **kwargs: object) -> object:
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refusing)


INPUT_CASES: dict[str, Case] = {
    "not-utf8": Case(_jsonl(GOOD_LINE, b'{"hypothesis": "caf\xe9"}'), SCORE,
                     ["in.jsonl:2:", "not UTF-8 text (byte 0xe9 at column 20)"]),
    "binary": Case({"in.jsonl": b"\x89PNG\r\n\x1a\n" + bytes(range(256))}, SCORE,
                   ["in.jsonl:1:", "not UTF-8 text (byte 0x89 at column 1)"]),
    "bom": Case({"in.jsonl": b"\xef\xbb\xbf" + GOOD_LINE}, SCORE, ["in.jsonl:1:", "invalid JSON"]),
    "surrogate-hypothesis": Case(_jsonl(b'{"hypothesis": "x \\ud83d y"}'), CHECK,
                                 ["in.jsonl:1:", "field 'hypothesis'", "lone surrogate"]),
    "surrogate-id": Case(_jsonl(b'{"id": "\\ud800", "hypothesis": "x"}'), SCORE,
                         ["in.jsonl:1:", "field 'id'", "lone surrogate"]),
    "huge-integer": Case(_jsonl(b'{"id": ' + b"7" * 5000 + b', "hypothesis": "x"}'), SCORE,
                         ["in.jsonl:1:", "invalid JSON", "4300 digits"]),
    "deep-nesting": Case(_jsonl(b'{"meta": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"), CHECK,
                         ["in.jsonl:1:", "nested too deeply"]),
    "nan-in-meta": Case(_jsonl(b'{"hypothesis": "x", "meta": {"p": NaN}}'), SCORE,
                        ["in.jsonl:1:", "field 'meta.p'", "NaN is not a JSON number"]),
    "infinity": Case(_jsonl(b'{"hypothesis": "x", "meta": {"p": Infinity}}'), CHECK,
                     ["in.jsonl:1:", "field 'meta.p'", "Infinity"]),
    "control-char": Case(_jsonl(b'{"hypothesis": "a\x01"}'), SCORE,
                         ["in.jsonl:1:", "invalid JSON at column 18", "control character"]),
    "malformed": Case(_jsonl(GOOD_LINE, b"{oops"), CHECK, ["in.jsonl:2:", "column 2"]),
    "wrong-type": Case(_jsonl(b'{"hypothesis": 3}'), SCORE,
                       ["in.jsonl:1:", "field 'hypothesis'", "expected a string or null"]),
    "missing-hypothesis": Case(_jsonl(b'{"source": "s"}'), CHECK,
                               ["in.jsonl:1:", "field 'hypothesis'", "is required"]),
    "duplicate-id": Case(_jsonl(GOOD_LINE, GOOD_LINE), SCORE, ["in.jsonl:2:", "field 'id'"]),
    "empty-file": Case({"in.jsonl": b"\n \n"}, CHECK, ["in.jsonl:", "no records"]),
    "bad-lang": Case(_jsonl(b'{"hypothesis": "x", "tgt_lang": "pwnpkg.x"}'), CHECK,
                     ["in.jsonl:1:", "field 'tgt_lang'", "not a language code"]),
    "option-lang": Case(_jsonl(GOOD_LINE), [*CHECK, "--lang", "--evil"], ["--lang"]),
    "no-such-file": Case({}, SCORE, ["in.jsonl: no such file"]),
    "directory-input": Case({"in.jsonl/x": b""}, CHECK, ["in.jsonl: is a directory"]),
    "unreadable": Case(_jsonl(GOOD_LINE), SCORE, ["in.jsonl: cannot read (Permission denied)"],
                       setup=_unreadable),
    "metrics-without-reference": Case(
        _jsonl(GOOD_LINE, b'{"id": "b", "hypothesis": "x"}'),
        [*SCORE, "--metrics", "bleu"], ["in.jsonl:2:", "field 'reference'"]),
    "unknown-metric": Case(_jsonl(GOOD_LINE), [*SCORE, "--metrics", "bleu,blue"],
                           ["--metrics: unknown metric 'blue'"]),
    "unknown-check": Case(_jsonl(GOOD_LINE), [*CHECK, "--checks", "entity_mising"],
                          ["--checks: unknown check 'entity_mising'", "role_reversal"]),
    "negative-bootstrap": Case(_jsonl(GOOD_LINE), [*SCORE, "--bootstrap", "-1"],
                               ["--bootstrap", "at least 0"]),
    "negative-seed": Case(_jsonl(GOOD_LINE), [*SCORE, "--seed", "-3"], ["--seed"]),
    "score-output-is-dir": Case({**_jsonl(GOOD_LINE), "r.json/x": b""}, SCORE,
                                ["--output", "r.json: is a directory"], keep=("r.json/x",)),
    "check-output-is-dir": Case({**_jsonl(GOOD_LINE), "o.jsonl/x": b""}, CHECK,
                                ["--output", "o.jsonl: is a directory"], keep=("o.jsonl/x",)),
    "read-only-output": Case(
        _jsonl(GOOD_LINE),
        ["score", "--input", "{dir}/in.jsonl", "--output", "/sys/evalsuite/r.json"],
        ["--output /sys/evalsuite/r.json", "cannot write in /sys"]),
}  # fmt: skip

SUITE_CASES: dict[str, Case] = {
    "suite-not-utf8": Case({"s.toml": b'name = "caf\xe9"\n'}, RUN, ["s.toml:1:", "not UTF-8"]),
    "suite-directory": Case({"s.toml/x": b""}, RUN, ["s.toml: is a directory"]),
    "suite-missing": Case({}, RUN, ["s.toml: no such suite file"]),
    "suite-bad-toml": Case({"s.toml": b"name = \n"}, RUN, ["s.toml", "invalid TOML", "line 1"]),
    "suite-unknown-key": Case(_suite(GIVEN + "colour = 1\n"), RUN,
                              ["s.toml", "datasets[0]: unknown key 'colour'"]),
    "suite-unknown-metric": Case(_suite(GIVEN + 'metrics = ["bleu", "meteor"]\n'), RUN,
                                 ["s.toml", "datasets[0].metrics: unknown metric 'meteor'"]),
    "suite-unknown-check": Case(_suite(GIVEN + 'checks = ["negation"]\n'), RUN,
                                ["s.toml", "datasets[0].checks: unknown check 'negation'"]),
    "suite-same-system-twice": Case(
        _suite('[[datasets]]\nname = "d"\npath = "d.jsonl"\ntask = "summary"\n'
               'systems = ["lead", "lead-3"]\n'),
        RUN, ["s.toml", "datasets[0].systems[1]", "same system as 'lead'"]),
    "suite-bad-lang": Case(_suite(GIVEN + 'lang = "this.x"\n'), RUN,
                           ["s.toml", "datasets[0].lang", "not a language code"]),
    "suite-data-path-dir": Case({"s.toml": GIVEN.replace("d.jsonl", ".").encode()}, RUN,
                                ["s.toml", "datasets[0].path: is a directory"]),
    "suite-bad-record": Case(_suite(GIVEN, GOOD_LINE + b'\n{"hypothesis": "\\udc00"}\n'), RUN,
                             ["d.jsonl:2:", "field 'hypothesis'", "lone surrogate"]),
    "suite-group-by-missing": Case(_suite(GIVEN + 'group_by = "meta.sytem"\n'), RUN,
                                   ["d.jsonl:1:", "field 'meta.sytem'", "group_by"]),
    "run-output-is-file": Case({**_suite(GIVEN), "out": b"x"}, RUN,
                               ["--output", "out: is a file"], keep=("out",)),
    "run-output-read-only": Case(
        _suite(GIVEN), ["run", "{dir}/s.toml", "--output", "/sys/evalsuite-out", "--quiet"],
        ["--output /sys/evalsuite-out", "cannot write in /sys"]),
}  # fmt: skip


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real results file (and its segments file) for compare, gate and report."""
    folder = tmp_path_factory.mktemp("results")
    (folder / "in.jsonl").write_bytes(GOOD_LINE + b"\n")
    argv = ["score", "--input", str(folder / "in.jsonl"), "--metrics", "bleu", "--checks",
            "none", "--bootstrap", "0", "--output", str(folder / "r.json")]  # fmt: skip
    assert main(argv) == 0
    return folder / "r.json"


def _scored_copy(
    document: Callable[[dict[str, object]], None] | None = None,
    segments: Callable[[bytes], bytes] | None = None,
) -> Callable[[Path, pytest.MonkeyPatch], None]:
    """A setup that scores GOOD into c.json (+ c.segments.jsonl) and then edits the document
    or the segments file's bytes, as a damaged or foreign result set would look."""

    def setup(folder: Path, _monkeypatch: pytest.MonkeyPatch) -> None:
        (folder / "c.jsonl").write_bytes(GOOD_LINE + b"\n")
        argv = ["score", "--input", str(folder / "c.jsonl"), "--metrics", "bleu", "--checks",
                "none", "--bootstrap", "0", "--output", str(folder / "c.json")]  # fmt: skip
        assert main(argv) == 0
        if document is not None:
            loaded = json.loads((folder / "c.json").read_text(encoding="utf-8"))
            document(loaded)
            (folder / "c.json").write_text(json.dumps(loaded), encoding="utf-8")
        if segments is not None:
            seg_file = folder / "c.segments.jsonl"
            seg_file.write_bytes(segments(seg_file.read_bytes()))

    return setup


def _drop_first_bleu_stat(data: bytes) -> bytes:
    start = data.index(b'"bleu": [', data.index(b'"stats"')) + len(b'"bleu": [')
    end = data.index(b",", start) + 2
    return data[:start] + data[end:]


def _set_first_bleu_stat(value: bytes) -> Callable[[bytes], bytes]:
    def edit(data: bytes) -> bytes:
        start = data.index(b'"bleu": [', data.index(b'"stats"')) + len(b'"bleu": [')
        end = data.index(b",", start)
        return data[:start] + value + data[end:]

    return edit


def _schema(value: object) -> Callable[[dict[str, object]], None]:
    def edit(document: dict[str, object]) -> None:
        document["schema"] = value

    return edit


def _replaced_segments(data: bytes) -> bytes:
    """A segments file of another run: same shape, another hypothesis."""
    return data.replace(b"Munich", b"Hamburg")


C_JSON = "{dir}/c.json"
RESULTS = "{results}"
RESULTS_CASES: dict[str, Case] = {
    "compare-other-schema": Case({}, ["compare", C_JSON, RESULTS], ["c.json: field 'schema'",
                                 "schema 'evalsuite.results/2'; this evalsuite reads"],
                                 setup=_scored_copy(_schema("evalsuite.results/2"))),
    "gate-no-schema": Case({}, ["gate", RESULTS, "--baseline", C_JSON],
                           ["c.json: field 'schema'", "schema none"],
                           setup=_scored_copy(_schema(None))),
    "report-old-schema": Case({}, ["report", C_JSON], ["c.json: field 'schema'",
                              "schema 'evalsuite.results/0'"],
                              setup=_scored_copy(_schema("evalsuite.results/0"))),
    "gate-nan-statistics": Case({}, ["gate", RESULTS, "--baseline", C_JSON],
                                ["c.segments.jsonl:1: field 'stats.bleu[0]'", "NaN"],
                                setup=_scored_copy(segments=_set_first_bleu_stat(b"NaN"))),
    "gate-infinite-statistics": Case({}, ["gate", RESULTS, "--baseline", C_JSON],
                                     ["c.segments.jsonl:1: field 'stats.bleu[0]'", "Infinity"],
                                     setup=_scored_copy(segments=_set_first_bleu_stat(
                                         b"Infinity"))),
    "gate-negative-statistics": Case({}, ["gate", RESULTS, "--baseline", C_JSON],
                                     ["c.segments.jsonl:1: field 'stats.bleu[0]'",
                                      "must not be negative"],
                                     setup=_scored_copy(segments=_set_first_bleu_stat(b"-4"))),
    "compare-short-statistics": Case({}, ["compare", C_JSON, RESULTS],
                                     ["c.segments.jsonl:1: field 'stats.bleu'",
                                      "must hold 10 statistics for bleu, found 9"],
                                     setup=_scored_copy(segments=_drop_first_bleu_stat)),
    "compare-segments-not-utf8": Case({}, ["compare", C_JSON, RESULTS],
                                      ["c.segments.jsonl:2:", "not UTF-8 text (byte 0xe9"],
                                      setup=_scored_copy(segments=lambda d: d + b'{"id": "\xe9"}')),
    "report-segments-huge-integer": Case({}, ["report", C_JSON],
                                         ["c.segments.jsonl:2:", "Exceeds the limit"],
                                         setup=_scored_copy(segments=lambda d: d + b"9" * 5000)),
    "gate-segments-of-another-run": Case({}, ["gate", RESULTS, "--baseline", C_JSON],
                                         ["c.segments.jsonl: is not the segments file c.json"],
                                         setup=_scored_copy(segments=_replaced_segments)),
    "compare-negative-resamples": Case({}, ["compare", RESULTS, RESULTS, "--resamples", "-5"],
                                       ["--resamples", "at least 1"]),
    "compare-zero-resamples": Case({}, ["compare", RESULTS, RESULTS, "--resamples", "0"],
                                   ["--resamples", "at least 1"]),
    "compare-missing": Case({}, ["compare", RESULTS, "{dir}/none.json"],
                            ["none.json", "not found"]),
    "compare-malformed": Case({"b.json": b'{"runs": [\n}'}, ["compare", RESULTS, "{dir}/b.json"],
                              ["b.json:2:", "invalid JSON at column"]),
    "gate-junit-is-dir": Case({"j/x": b""}, ["gate", RESULTS, "--baseline", RESULTS, "--junit",
                                             "{dir}/j"],
                              ["--junit", "j: is a directory"], keep=("j/x",)),
    "gate-markdown-read-only": Case({}, ["gate", RESULTS, "--baseline", RESULTS, "--markdown",
                                         "/sys/comment.md"], ["--markdown", "cannot write"]),
    "gate-negative-resamples": Case({}, ["gate", RESULTS, "--baseline", RESULTS,
                                         "--resamples", "-1"], ["--resamples"]),
    "gate-missing-baseline": Case({}, ["gate", RESULTS, "--baseline", "{dir}/none.json"],
                                  ["none.json"]),
    "report-output-is-dir": Case({"rep/x": b""}, ["report", RESULTS, "--output", "{dir}/rep"],
                                 ["--output", "rep: is a directory"], keep=("rep/x",)),
    "report-malformed": Case({"b.json": b"[1, 2"}, ["report", "{dir}/b.json"],
                             ["b.json:1:", "invalid JSON at column"]),
    "report-not-results": Case({"b.json": b'{"schema": "x"}'}, ["report", "{dir}/b.json"],
                               ["b.json", "field 'schema'"]),
}  # fmt: skip

ALL_CASES = {**INPUT_CASES, **SUITE_CASES, **RESULTS_CASES}


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", list(ALL_CASES))
def test_bad_input(
    name: str, tmp_path: Path, results: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = ALL_CASES[name]
    folder, spool = tmp_path / "work", tmp_path / "tmpdir"
    spool.mkdir()
    folder.mkdir()
    for relative, data in case.files.items():  # "r.json/x" makes r.json a directory
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    monkeypatch.chdir(folder)
    if case.setup is not None:
        case.setup(folder, monkeypatch)
    before = _tree(folder)
    argv = [a.replace("{dir}", str(folder)).replace("{results}", str(results)) for a in case.argv]
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse
        code = int(stop.code or 0)
    err = capsys.readouterr().err
    assert code == case.code, err
    for piece in case.expect:
        assert piece.replace("{dir}", str(folder)) in err, err
    assert "Traceback" not in err
    assert _tree(folder) == before, "a failed command left files behind"
    assert not any(spool.iterdir()), "a failed command left files in TMPDIR"


def test_sigterm_leaves_nothing_behind(tmp_path: Path) -> None:
    """SIGTERM during generation: exit 143, a message, no results and nothing in TMPDIR."""
    slow = tmp_path / "slow.py"
    slow.write_text("import sys, time\ntime.sleep(60)\n", encoding="utf-8")
    suite = tmp_path / "s.toml"
    source = {"id": "1", "source": "One sentence here. Another one there.", "reference": "r"}
    (tmp_path / "d.jsonl").write_text(json.dumps(source) + "\n", encoding="utf-8")
    suite.write_text(
        '[[datasets]]\nname = "d"\npath = "d.jsonl"\ntask = "summary"\nmetrics = ["rouge"]\n'
        f'checks = "none"\nsystems = ["cmd:{sys.executable} {slow}"]\n',
        encoding="utf-8",
    )
    spool = tmp_path / "tmpdir"
    spool.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "evalsuite", "run", str(suite), "--output", str(tmp_path / "out"),
         "--cache-dir", str(tmp_path / "cache"), "--quiet"],
        stderr=subprocess.PIPE, text=True, env={**os.environ, "TMPDIR": str(spool)},
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _child_sleeping(proc.pid):
        time.sleep(0.2)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert "interrupted" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
    assert not any(spool.iterdir())


def _child_sleeping(pid: int) -> bool:
    """True once `pid` has a child process (the cmd: system is running)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return children.exists() and bool(children.read_text().strip())
