"""Errors that the CLI turns into exit code 2 with a message naming where the problem is."""

from __future__ import annotations


class EvalsuiteError(Exception):
    """Base class for errors a user can fix (bad input, bad usage)."""


class InputError(EvalsuiteError):
    """Bad input data: names the file, the line (1-based) and the field."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.detail = message
        where = ":".join(str(p) for p in (path, line) if p is not None)
        prefix = f"{where}: " if where else ""
        field_part = f"field '{field}': " if field else ""
        super().__init__(f"{prefix}{field_part}{message}")


class UsageError(EvalsuiteError):
    """Bad command-line usage or configuration."""
