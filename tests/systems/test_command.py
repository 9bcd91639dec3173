"""External-command systems: batching, line breaks inside segments, and clear failures."""

from __future__ import annotations

import shlex
import sys
import time
from pathlib import Path

import pytest

from evalsuite.systems.base import System
from evalsuite.systems.command import CommandError, CommandSystem
from evalsuite.systems.registry import system_from_spec
from tests.fixtures.apertium import apertium_skip_reason

SCRIPT = Path(__file__).parent.parent / "fixtures" / "fake_translator.py"
PYTHON = shlex.quote(sys.executable)


def _command(*flags: str) -> str:
    return " ".join([PYTHON, shlex.quote(str(SCRIPT)), *flags])


def test_one_line_per_segment_in_batches(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    system = CommandSystem(_command("--log", str(log)), batch_size=2)
    assert isinstance(system, System)
    sources = ["Hello world", "", "two\nlines here", "last one"]
    outputs = system.generate(sources, ["en"] * 4)
    assert outputs == ["olleH dlrow", "", "owt\nsenil ereh", "tsal eno"]
    assert len(log.read_text().splitlines()) == 4, "empty segments are not sent"


def test_language_placeholders_group_batches(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    system = system_from_spec(f"cmd:{_command('--log', str(log), '{src}-{tgt}')}")
    assert getattr(system, "uses_target_lang", False)
    outputs = system.generate(["ab", "cd"], ["en", "de"], ["fr", "fr"])  # type: ignore[call-arg]
    assert outputs == ["ba", "dc"]


@pytest.mark.parametrize(
    ("flag", "match"),
    [
        ("--fail", r"exited with status 3: fake_translator: model not found"),
        ("--drop", r"returned 1 lines for 2 input lines"),
    ],
)
def test_failures_name_the_command(flag: str, match: str) -> None:
    system = CommandSystem(_command(flag))
    with pytest.raises(CommandError, match=match) as error:
        system.generate(["a b", "c"], ["en", "en"])
    assert "fake_translator.py" in str(error.value)


def test_missing_program_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="command not found: 'no-such-mt-program'"):
        CommandSystem("no-such-mt-program --fast").generate(["x"], ["en"])


def test_spec_options_and_signature() -> None:
    system = system_from_spec("cmd:apertium eng-spa", {"batch_size": 5, "version": "3.8"})
    assert isinstance(system, CommandSystem)
    assert system.batch_size == 5 and system.name == "cmd:apertium eng-spa"
    assert system.signature.startswith("cmd:apertium eng-spa|tool-version:3.8|")


APERTIUM_SKIP = apertium_skip_reason("eng-spa")


@pytest.mark.skipif(APERTIUM_SKIP is not None, reason=APERTIUM_SKIP or "")
def test_apertium_translates_english_to_spanish() -> None:
    system = system_from_spec("cmd:apertium eng-spa")
    outputs = system.generate(["The cat is black.", "I have two dogs.\nHello."], ["en", "en"])
    assert outputs[0] == "El gato es negro."
    assert outputs[1].count("\n") == 1 and "perros" in outputs[1]


@pytest.mark.parametrize("code", ["--fail", "-x", "en us", "$(id)"])
def test_only_language_codes_are_substituted(code: str, tmp_path: Path) -> None:
    """A language code from the data never reaches the program as an option (S2)."""
    log = tmp_path / "log.txt"
    system = CommandSystem(_command("--log", str(log), "{tgt}"))
    with pytest.raises(CommandError, match="not a language code"):
        system.generate(["ab"], ["en"], [code])
    assert not log.exists(), "the program must not run"


def _alive(pid: int) -> bool:
    """True while `pid` runs (a zombie that nobody reaped counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_timeout_ends_everything_the_command_started(tmp_path: Path) -> None:
    """`sleep &` inside the command dies with it (S5)."""
    pid_file = tmp_path / "pid"
    script = f"sleep 30 </dev/null >/dev/null 2>&1 & echo $! > {pid_file}; sleep 30"
    system = CommandSystem(f"sh -c {shlex.quote(script)}", timeout=1)
    with pytest.raises(CommandError, match="ran past 1 s"):
        system.generate(["x"], ["en"])
    pid = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)


def test_invalid_utf8_output_is_an_error_naming_the_line() -> None:
    system = CommandSystem("sh -c " + shlex.quote(r"cat >/dev/null; printf 'ok\nbad \377\n'"))
    with pytest.raises(CommandError, match=r"invalid UTF-8 on output line 2 \(byte 0xff\)"):
        system.generate(["a", "b"], ["en", "en"])
