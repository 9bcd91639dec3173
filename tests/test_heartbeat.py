"""The heartbeat of one long input: a line on stderr every interval while a stage runs, none
with --quiet; and a Ctrl-C during a long check ends it soon, with exit 130 and no output.

The clock is injected and the thread left out (the test calls `beat`, as the thread would),
so nothing here waits for the interval."""

from __future__ import annotations

import json
import os
import random
import signal
import time
from pathlib import Path

import pytest

from evalsuite import cli, heartbeat
from evalsuite.checks import runner
from evalsuite.checks.api import CheckInput
from evalsuite.checks.runner import Check, run_checks
from evalsuite.text.nlp import load_pipeline
from tests.fixtures.interrupt import sigint_after


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_line_once_a_stage_runs_an_interval_then_every_interval() -> None:
    clock, lines = FakeClock(), []
    beat = heartbeat.Heartbeat(lines.append, interval=10, clock=clock)
    assert beat.beat() is None  # no stage: nothing to say
    beat.enter("checks: entity_variant")
    clock.now += 9
    assert beat.beat() is None
    clock.now += 1
    assert beat.beat() == (
        "evalsuite: still working: checks: entity_variant (10 s in this stage, 10 s in all)"
    )
    clock.now += 5
    assert beat.beat() is None
    beat.enter("inner")
    clock.now += 12
    assert beat.beat() == (
        "evalsuite: still working: checks: entity_variant > inner (12 s in this stage, "
        "27 s in all)"
    )
    beat.leave()
    beat.leave()
    clock.now += 60
    assert beat.beat() is None
    assert len(lines) == 2


def test_a_slow_check_is_named_by_the_heartbeat(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fake check that takes 25 s of the injected clock: the heartbeat names it, with its
    time, twice (at 10 s and 20 s), and a fast check before it (1 s) never shows."""
    clock, lines = FakeClock(), []

    def slow(seg: object) -> list[object]:
        beat = heartbeat.current()
        assert beat is not None
        for _ in range(25):  # the thread would ask once a second
            clock.now += 1
            beat.beat()
        return []

    def fast(seg: object) -> list[object]:
        clock.now += 1
        assert heartbeat.current() is not None and heartbeat.current().beat() is None  # type: ignore[union-attr]
        return []

    checks = [Check("fast_fake", "minor", fast, needs="none", uses_parse=False),
              Check("slow_fake", "minor", slow, needs="none", uses_parse=False)]  # fmt: skip
    with heartbeat.heartbeat(write=lines.append, clock=clock, thread=False):
        runner._run_here([CheckInput("One long summary.", task="summary")], checks)
    assert lines == [
        "evalsuite: still working: checks: slow_fake (10 s in this stage, 11 s in all)",
        "evalsuite: still working: checks: slow_fake (20 s in this stage, 21 s in all)",
    ]
    assert heartbeat.current() is None


@pytest.mark.parametrize("command", ["check", "score"])
def test_quiet_keeps_no_heartbeat(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[object] = []

    def checked(inputs: list[CheckInput], checks: object) -> list[list[object]]:
        seen.append(heartbeat.current())
        return [[] for _ in inputs]

    monkeypatch.setattr(runner, "_run_here", checked)
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": "1", "hypothesis": "A cat sat.", "reference": "A cat sat."})
                    + "\n", encoding="utf-8")  # fmt: skip
    args = [command, "--input", str(data), "--output", str(tmp_path / "out.json"),
            "--checks", "number_mismatch"]  # fmt: skip
    if command == "check":
        args += ["--task", "translation"]
    else:
        args += ["--metrics", "chrf", "--bootstrap", "0"]
    assert cli.main(args) == 0
    assert cli.main([*args, "--quiet"]) == 0
    assert isinstance(seen[0], heartbeat.Heartbeat) and seen[1] is None


def test_an_interrupt_during_a_check_exits_130_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(inputs: list[CheckInput], checks: object) -> list[list[object]]:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(5)  # the signal ends this at once
        raise AssertionError("not interrupted")

    monkeypatch.setattr(runner, "_run_here", interrupted)
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": "1", "hypothesis": "A cat sat."}) + "\n", encoding="utf-8")
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # see test_io
    try:
        code = cli.main(["check", "--input", str(data), "--task", "summary",
                         "--output", str(tmp_path / "out.jsonl")])  # fmt: skip
    finally:
        signal.signal(signal.SIGINT, previous)
    assert code == 130
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


@pytest.mark.skipif(load_pipeline("en") is None, reason="no English spaCy model")
def test_a_sigint_stops_a_long_summary_check_within_two_seconds() -> None:
    """A 20,000-word summary against its article takes many seconds to check; a SIGINT sent
    by another process (as a terminal would) one second in ends it soon after, whichever
    stage it is in (parsing, then the checks)."""
    rng = random.Random(0)
    vocab = [f"{rng.choice('bdfgklmnprst')}{rng.choice('aeiou')}{rng.choice('nrst')}"
             for _ in range(400)]  # fmt: skip
    names = ["Anna Berg", "Tomas Novak", "the Kolin Council", "Mexico", "Brno"]
    sentences = [
        f"{rng.choice(names)} {' '.join(rng.choices(vocab, k=12))} {rng.choice(names)}."
        for _ in range(1400)
    ]
    article, summary = " ".join(sentences[:700]), " ".join(sentences[300:])
    for wait in (0.5, 3.0):
        finished = False
        with sigint_after(wait) as start:
            with pytest.raises(KeyboardInterrupt):
                run_checks([CheckInput(summary, source=article, task="summary")], workers=1)
                finished = True
                time.sleep(10)  # the signal must not reach a later test
            stopped = time.perf_counter()
        assert not finished
        assert stopped - start - wait < 2.0
