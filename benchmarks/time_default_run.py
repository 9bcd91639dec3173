"""Time `evalsuite run` on the built-in suite, cold (empty output cache) and warm (cached).

Usage: .venv/bin/python benchmarks/time_default_run.py
Prints wall-clock seconds for each, the CPU seconds the run itself used (user + system, its
children included: far less sensitive than wall time to other jobs on a shared machine), and
the machine's load average before and after: on a shared machine wall times are only comparable
between runs at a similar load (quote the load with them). Goals: a cold run under 60 s and a
warm one under 6 s on 2 cores.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time


def timed_run(output: str, cache: str) -> tuple[float, float]:
    """Wall and CPU seconds of one `evalsuite run`."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
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
    wall = time.perf_counter() - started
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime
    return wall, cpu


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
    print(f"  cold cache: {cold[0]:6.1f} s  ({cold[1]:5.1f} s CPU)")
    print(f"  warm cache: {warm[0]:6.1f} s  ({warm[1]:5.1f} s CPU)")
    print(f"  goal: cold < 60 s -> {'met' if cold[0] < 60 else 'NOT met'}")
    print(f"  goal: warm < 6 s -> {'met' if warm[0] < 6 else 'NOT met'}")


if __name__ == "__main__":
    main()
