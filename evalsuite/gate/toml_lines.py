"""Line numbers for TOML tables and keys, which `tomllib` does not report.

A policy error should name the line to fix. This scans the text for table headers and
`key = value` lines; it understands the plain layout the docs show (one key per line), and
returns None where it cannot tell, so an error then names the table without a line.
"""

from __future__ import annotations

import re

_DECODE_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)\s*$")


def header_lines(text: str, table: str, *, array: bool) -> list[int]:
    """1-based lines of every `[[table]]` (array) or `[table]` header, in order."""
    name = r"\s*\.\s*".join(re.escape(part) for part in table.split("."))
    opening, closing = (r"\[\[", r"\]\]") if array else (r"\[", r"\]")
    pattern = re.compile(rf"^\s*{opening}\s*{name}\s*{closing}\s*(#.*)?$")
    return [n for n, line in enumerate(text.splitlines(), start=1) if pattern.match(line)]


def key_line(text: str, header_line: int | None, key: str) -> int | None:
    """Line of `key = ...` in the table whose header is on `header_line` (None: top level)."""
    lines = text.splitlines()
    start = header_line or 0  # index of the first line after the header
    pattern = re.compile(rf"^\s*(\"{re.escape(key)}\"|{re.escape(key)})\s*=")
    for number in range(start, len(lines)):
        line = lines[number]
        if line.lstrip().startswith("["):
            break
        if pattern.match(line):
            return number + 1
    return None


def decode_error_position(message: str) -> tuple[str, int | None]:
    """tomllib's message without its '(at line L, column C)' suffix, and L."""
    match = _DECODE_POSITION.search(message)
    if not match:
        return message, None
    return message[: match.start()], int(match.group(1))
