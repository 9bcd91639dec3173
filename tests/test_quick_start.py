"""A quick start: `evalsuite --help` and argument errors import no heavy library."""

from __future__ import annotations

import subprocess
import sys

from evalsuite import cli
from evalsuite.report.formats import FORMATS

HEAVY = ("numpy", "sacrebleu", "spacy", "torch", "transformers", "datasets", "ray", "rich")


def _imported_by(argv: list[str]) -> list[str]:
    code = "\n".join([
        "import sys",
        "from evalsuite.cli import main",
        "try:",
        f"    main({argv!r})",
        "except SystemExit:",
        "    pass",
        f"print('imported:', *sorted(m for m in {HEAVY!r} if m in sys.modules))",
    ])
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    last = done.stdout.splitlines()[-1].split()
    assert last[0] == "imported:"
    return last[1:]


def test_help_imports_no_heavy_library() -> None:
    assert _imported_by(["--help"]) == []
    assert _imported_by(["score", "--help"]) == []


def test_a_usage_error_imports_no_heavy_library() -> None:
    assert _imported_by(["score", "--no-such-option"]) == []


def test_the_parser_names_what_the_packages_have() -> None:
    """The CLI spells these out so that building the parser imports nothing heavy."""
    assert cli.REPORT_FORMATS == FORMATS
