"""The ROUGE tests run on both cores: the C one (when built) and the pure-Python fallback."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest

from evalsuite.metrics import rouge


def native_core() -> ModuleType | None:
    """The built C core, whatever EVALSUITE_ROUGE_CORE says; None when it is not built."""
    try:
        return importlib.import_module("evalsuite.metrics._rouge_native")
    except ImportError:
        return None


def require_native() -> ModuleType:
    """The C core, or a skip; in CI (where the install builds it) a failure instead."""
    native = native_core()
    if native is None:
        if os.environ.get("CI"):
            pytest.fail("the C ROUGE core is not built: `pip install -e .` compiles it")
        pytest.skip("the C ROUGE core is not built (no C compiler at install?)")
    return native


@pytest.fixture(params=["native", "python"])
def rouge_core(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test once with each core."""
    core = require_native() if request.param == "native" else None
    monkeypatch.setattr(rouge, "_NATIVE", core)
    return str(request.param)


@pytest.fixture
def python_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the test on the pure-Python core only (tests of its own code paths)."""
    monkeypatch.setattr(rouge, "_NATIVE", None)
