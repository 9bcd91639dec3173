"""Files in and out: atomic writes (a results file is complete or absent, never half-written),
untrusted JSON read with errors that name file, line and field, and outputs checked for
writability before any work is done."""

from __future__ import annotations

import json
import os
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from evalsuite.errors import InputError, UsageError


def _file_mode() -> int:
    """The mode a plain `open(path, "w")` would give: temporary files start private (0600),
    and results are shared (CI artifacts, other users), so they get the umask's usual mode."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_temporary_beside(target: Path, text: str) -> Path:
    """Write `text` to a new hidden file in `target`'s folder (so that renaming it over
    `target` is atomic), flushed to disk; on any failure nothing is left behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _file_mode())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write to a temporary file in the same directory, then rename over the target."""
    target = Path(path)
    tmp = write_temporary_beside(target, text)
    try:
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def signals_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done (a few renames), then act as usual:
    a stop in the middle would leave a result set half replaced."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    # a handler installed outside Python reads as None and could not be put back: leave it
    wanted = [sig for sig in (signal.SIGINT, signal.SIGTERM) if signal.getsignal(sig) is not None]
    previous = {sig: signal.signal(sig, lambda number, _frame: caught.append(number))
                for sig in wanted}  # fmt: skip
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for number in dict.fromkeys(caught):
            signal.raise_signal(number)


def dumps_json(document: Any) -> str:
    """Stable JSON text: sorted keys would reorder scores, so keep insertion order, indent 2."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def atomic_write_json(path: str | Path, document: Any) -> None:
    atomic_write_text(path, dumps_json(document))


def atomic_write_jsonl(path: str | Path, records: Iterable[Any]) -> None:
    atomic_write_text(
        path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    )


# --- Reading untrusted JSON text ------------------------------------------------------------


class _NotJsonNumber:
    """Stands in for NaN / Infinity while a record is decoded, so the field can be named."""

    def __init__(self, name: str) -> None:
        self.name = name


def _field_path(value: Any, prefix: str = "") -> Iterable[tuple[str, Any]]:
    """(dotted field name, leaf) for every leaf of a decoded JSON value, keys included."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield prefix, key
            yield from _field_path(item, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _field_path(item, f"{prefix}[{index}]")
    else:
        yield prefix, value


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def parse_json(text: str, *, path: str, line: int | None = None) -> Any:
    """Decode one JSON value from an input file; every failure is an InputError that names
    the file, the line (and column), and the field where there is one.

    Refused besides malformed JSON: NaN and Infinity (not JSON, and written back they would make
    our own files non-standard), lone surrogates such as "\\ud800" (not text: they cannot be
    written as UTF-8, and NLP libraries fail on them), integers too long for Python to convert,
    and nesting deeper than the decoder's recursion allows."""
    try:
        value = json.loads(text, parse_constant=_NotJsonNumber)
    except json.JSONDecodeError as err:
        at = line if line is not None else err.lineno
        raise InputError(
            f"invalid JSON at column {err.colno} ({err.msg})", path=path, line=at
        ) from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply", path=path, line=line) from None
    except ValueError as err:  # e.g. "Exceeds the limit (4300 digits) for integer string ..."
        raise InputError(f"invalid JSON ({err})", path=path, line=line) from None
    try:
        leaves = list(_field_path(value))
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply", path=path, line=line) from None
    for field, leaf in leaves:
        if isinstance(leaf, _NotJsonNumber):
            raise InputError(
                f"{leaf.name} is not a JSON number", path=path, line=line, field=field or None
            )
        if isinstance(leaf, str) and _has_surrogate(leaf):
            raise InputError(
                "holds a lone surrogate (an escaped \\ud800-\\udfff that is not text)",
                path=path, line=line, field=field or None,
            )
    return value


def open_text_lines(path: str | Path) -> Iterable[tuple[int, str]]:
    """(line number, text) of a UTF-8 input file; a file that is missing, a directory,
    unreadable or not UTF-8 is an InputError that says which (and on which line)."""
    p = Path(path)
    try:
        handle = p.open("rb")
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=str(path)) from None
    except OSError as err:
        raise InputError(f"cannot read ({err.strerror or err})", path=str(path)) from None
    with handle:
        try:
            for number, raw in enumerate(handle, start=1):
                yield number, decode_utf8(raw, path=str(path), line=number)
        except IsADirectoryError:
            raise InputError("is a directory, not a file", path=str(path)) from None
        except OSError as err:
            raise InputError(f"cannot read ({err.strerror or err})", path=str(path)) from None


def decode_utf8(raw: bytes, *, path: str, line: int | None = None) -> str:
    """`raw` as text, or an InputError naming the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        column = len(raw[: err.start].decode("utf-8", errors="replace")) + 1
        raise InputError(
            f"not UTF-8 text (byte {raw[err.start]:#04x} at column {column}); "
            "save the file as UTF-8",
            path=path, line=line,
        ) from None


def read_text(path: str | Path) -> str:
    """A whole UTF-8 input file; errors as :func:`open_text_lines` (line of a bad byte too)."""
    return "".join(text for _, text in open_text_lines(path))


# --- Checking outputs before any work is done -----------------------------------------------


def _probe_directory(directory: Path, option: str, target: Path) -> None:
    """Raise UsageError unless a file can be created in `directory` or, when it does not exist
    yet, in the nearest folder above it that does."""
    existing = directory
    while not existing.exists():
        if existing.parent == existing:
            break
        existing = existing.parent
    if not existing.is_dir():
        raise UsageError(f"{option} {target}: {existing} is a file, not a directory")
    try:
        fd, probe = tempfile.mkstemp(prefix=".evalsuite-probe-", dir=existing)
    except OSError as err:
        raise UsageError(
            f"{option} {target}: cannot write in {existing} ({err.strerror or err})"
        ) from None
    os.close(fd)
    os.unlink(probe)


def check_output_file(path: str | Path, option: str = "--output") -> Path:
    """Fail now, not after the work, when `path` cannot be written as a file."""
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"{option} {target}: is a directory; give a file name")
    _probe_directory(target.parent, option, target)
    return target


def check_output_directory(path: str | Path, option: str = "--output") -> Path:
    """Fail now, not after the work, when `path` cannot be used as a results directory."""
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise UsageError(f"{option} {target}: is a file; give a directory")
    _probe_directory(target, option, target)
    return target
