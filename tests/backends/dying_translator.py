"""A `cmd:` translator (reverses words) that, once, kills the process that started it.

Run by a Ray system actor, its parent is that actor: on its `--kill-at`-th batch, if the marker
file does not exist yet, it creates it and SIGKILLs the actor mid-partition. With `--fail-at`
instead it just exits 3 once (a run that stops as a whole). Every line it translates is
appended to `--log`, so tests can count what was generated twice.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path


def _option(argv: list[str], name: str) -> str | None:
    return argv[argv.index(name) + 1] if name in argv else None


def main(argv: list[str]) -> int:
    lines = sys.stdin.read().splitlines()
    marker = Path(_option(argv, "--marker") or "marker")
    batches = marker.with_suffix(".batches")
    with batches.open("a", encoding="utf-8") as handle:
        handle.write("batch\n")
    seen = len(batches.read_text(encoding="utf-8").splitlines())
    for flag in ("--kill-at", "--fail-at"):
        at = _option(argv, flag)
        if at is not None and seen >= int(at) and not marker.exists():
            marker.write_text("done", encoding="utf-8")
            if flag == "--kill-at":
                os.kill(os.getppid(), signal.SIGKILL)
            return 3
    with open(_option(argv, "--log") or os.devnull, "a", encoding="utf-8") as log:
        log.writelines(line + "\n" for line in lines)
    for line in lines:
        print(" ".join(word[::-1] for word in line.split(" ")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
