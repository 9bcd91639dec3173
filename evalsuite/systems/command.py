"""An external program as a System: segments in on stdin, outputs out on stdout, one per line.

This covers rule-based MT such as Apertium (`cmd:apertium eng-spa`) and any script. A segment
with line breaks is sent as several lines and joined again afterwards (escape sequences do not
survive programs that translate them). `{src}` and `{tgt}` in the command are replaced by each
batch's language codes (only values shaped like language tags: they come from the data). A
timeout or an interrupt kills the command's whole process group. A failing program or a wrong
number of output lines stops the run with an error that names the command; nothing is cached
from a failed batch.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import subprocess
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import evalsuite
from evalsuite.errors import EvalsuiteError, UsageError
from evalsuite.systems.base import batch_targets
from evalsuite.text.language_codes import is_language_code

__all__ = ["CommandError", "CommandSystem"]


class CommandError(EvalsuiteError):
    """The external command failed or broke the one-line-per-segment contract."""


class CommandSystem:
    """Runs `command` once per batch of `batch_size` segments."""

    def __init__(
        self,
        command: str,
        *,
        batch_size: int = 64,
        cwd: Path | None = None,
        name: str | None = None,
        version: str = "",
        timeout: float = 600.0,
    ) -> None:
        if batch_size < 1:
            raise UsageError(f"cmd system '{command}': batch_size must be at least 1")
        try:
            self.argv = shlex.split(command)
        except ValueError as error:
            raise UsageError(
                f"cmd system '{command}': cannot parse the command ({error})"
            ) from None
        if not self.argv:
            raise UsageError("cmd system: give a command line after 'cmd:'")
        self.command = command
        self.batch_size = batch_size
        self.cwd = cwd
        self.version = version
        self.timeout = timeout
        self.name = name or f"cmd:{command}"
        self.uses_target_lang = "{src}" in command or "{tgt}" in command

    @property
    def signature(self) -> str:
        return f"cmd:{self.command}|tool-version:{self.version}|version:{evalsuite.__version__}"

    @property
    def versions(self) -> dict[str, str]:
        return {"command": self.command, **({"version": self.version} if self.version else {})}

    def generate(
        self,
        sources: Sequence[str],
        langs: Sequence[str | None],
        tgt_langs: Sequence[str | None] | None = None,
    ) -> list[str]:
        targets = batch_targets(sources, langs, tgt_langs)
        outputs = [""] * len(sources)
        groups: dict[tuple[str | None, str | None], list[int]] = defaultdict(list)
        for i, source in enumerate(sources):
            if source.strip():
                key = (langs[i], targets[i]) if self.uses_target_lang else (None, None)
                groups[key].append(i)
        for (src, tgt), members in groups.items():
            for start in range(0, len(members), self.batch_size):
                batch = members[start : start + self.batch_size]
                for i, text in zip(
                    batch, self._run([sources[i] for i in batch], src, tgt), strict=True
                ):
                    outputs[i] = text
        return outputs

    def _argv(self, src: str | None, tgt: str | None) -> list[str]:
        """The command with `{src}` and `{tgt}` filled in; only language tags are substituted
        (they come from the data: a value such as `--evil-flag` must never become an option)."""
        codes = {"{src}": src or "", "{tgt}": tgt or ""}
        for placeholder, code in codes.items():
            if code and placeholder in self.command and not is_language_code(code):
                raise CommandError(
                    f"cmd system '{self.command}': {placeholder} would be {code[:40]!r}, "
                    "which is not a language code"
                )
        src, tgt = codes["{src}"], codes["{tgt}"]
        return [a.replace("{src}", src).replace("{tgt}", tgt) for a in self.argv]

    def _call(self, argv: list[str], text: str) -> tuple[int, bytes, bytes]:
        """Run one batch in a process group of its own, so that a timeout or an interrupt
        ends everything the command started (`sleep 1000 &` in a script too)."""
        try:
            process = subprocess.Popen(
                argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                cwd=self.cwd, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
                start_new_session=True,
            )
        except FileNotFoundError:
            raise CommandError(
                f"cmd system: command not found: '{argv[0]}' (in '{shlex.join(argv)}')"
            ) from None
        except PermissionError:
            raise CommandError(
                f"cmd system: '{argv[0]}' is not executable (in '{shlex.join(argv)}')"
            ) from None
        try:
            stdout, stderr = process.communicate(text.encode("utf-8"), timeout=self.timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            raise CommandError(
                f"cmd system: '{shlex.join(argv)}' ran past {self.timeout:g} s"
            ) from None
        except BaseException:  # an interrupt, above all: leave nothing running
            _kill_group(process)
            raise
        return process.returncode, stdout, stderr

    def _run(self, segments: list[str], src: str | None, tgt: str | None) -> list[str]:
        pieces = [segment.splitlines() or [""] for segment in segments]
        lines = [line for piece in pieces for line in piece]
        argv = self._argv(src, tgt)
        shown = shlex.join(argv)
        returncode, stdout, stderr = self._call(argv, "".join(line + "\n" for line in lines))
        if returncode != 0:
            message = stderr.decode("utf-8", errors="replace").strip()
            detail = message.splitlines()[-1:] or ["no message"]
            raise CommandError(
                f"cmd system: '{shown}' exited with status {returncode}: {detail[0]}"
            )
        out = _decoded(stdout, shown).splitlines()
        if len(out) != len(lines):
            raise CommandError(
                f"cmd system: '{shown}' returned {len(out)} lines for {len(lines)} input lines "
                "(it must print exactly one line per input line)"
            )
        results, position = [], 0
        for piece in pieces:
            results.append(
                "\n".join(line.strip() for line in out[position : position + len(piece)])
            )
            position += len(piece)
        return results


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the command's process group, then reap the command itself."""
    with contextlib.suppress(ProcessLookupError, PermissionError):  # the group is gone already
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _decoded(data: bytes, shown: str) -> str:
    """The command's output as text; invalid UTF-8 is an error that says where it is."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise CommandError(
            f"cmd system: '{shown}' printed invalid UTF-8 on output line {line} "
            f"(byte {data[err.start]:#04x}); it must write UTF-8"
        ) from None
