"""Render an HTML report in headless Chromium: screenshots for the docs, the DOM for tests.

The HTML report is only as good as what a browser makes of it, so the tests and the README's
screenshot go through a real one (Debian's `chromium`) rather than an HTML parser alone.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The path of a Chromium-family browser on PATH, or None."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(args: list[str], timeout: float) -> str:
    browser = find_chromium()
    if browser is None:
        raise FileNotFoundError(f"no Chromium browser on PATH (tried {', '.join(CANDIDATES)})")
    with tempfile.TemporaryDirectory(prefix="evalsuite-chromium-") as profile:
        command = [
            browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
            "--hide-scrollbars", "--disable-extensions", f"--user-data-dir={profile}", *args,
        ]  # fmt: skip
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False
        )
    if done.returncode != 0:
        raise RuntimeError(f"{browser} exited {done.returncode}: {done.stderr[-2000:]}")
    return done.stdout


def screenshot(
    page: str | Path, png: str | Path, *, width: int = 1400, height: int = 1800,
    timeout: float = 120.0,
) -> Path:
    """Save what a `width` x `height` window shows of the page (its top) as a PNG."""
    target = Path(png).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    url = Path(page).resolve().as_uri()
    _run([f"--screenshot={target}", f"--window-size={width},{height}", url], timeout)
    if not target.is_file():
        raise RuntimeError(f"the browser wrote no screenshot to {target}")
    return target


def dump_dom(page: str | Path, *, timeout: float = 120.0) -> str:
    """The page's DOM after its scripts ran, serialized as HTML."""
    return _run(["--dump-dom", Path(page).resolve().as_uri()], timeout)
