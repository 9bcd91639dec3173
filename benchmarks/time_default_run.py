"""Time `evalsuite run` on the built-in suite, cold (empty output cache) and warm (cached).

Usage: .venv/bin/python benchmarks/time_default_run.py
Prints wall-clock seconds for each, and the machine's load average before and after: on a
shared machine the numbers are only comparable between runs at a similar load (quote the load
with them). The issue's goal is a cold run under 60 s on 2 cores.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time


def timed_run(output: str, cache: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "evalsuite",
            "run",
            "--output",
            output,
            "--cache-dir",
            cache,
            "--quiet",
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    return time.perf_counter() - started


def load() -> str:
    """The 1-, 5- and 15-minute load averages (runnable processes per core count)."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def main() -> None:
    before = load()
    with tempfile.TemporaryDirectory() as tmp:
        cold = timed_run(f"{tmp}/out1", f"{tmp}/cache")
        warm = timed_run(f"{tmp}/out2", f"{tmp}/cache")
    print(f"evalsuite run (default suite), {os.cpu_count()} cores")
    print(f"  load average (1/5/15 min) before: {before}, after: {load()}")
    print(f"  cold cache: {cold:6.1f} s")
    print(f"  warm cache: {warm:6.1f} s")
    print(f"  goal: cold < 60 s -> {'met' if cold < 60 else 'NOT met'}")


if __name__ == "__main__":
    main()
