"""spaCy's matrix products on numpy's BLAS, one thread per process.

thinc multiplies with BLIS by default; on the CPUs measured here numpy's OpenBLAS gives the
same parses for about a quarter less CPU time (benchmarks/checks_speed.py), but only run on
one thread: OpenBLAS spreads every product over all cores and spins while it waits, which on a
busy machine, or beside the forked check workers, costs three times the CPU. So the pipelines
use numpy's BLAS only where its threads can be limited (threadpoolctl), and BLIS otherwise.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import cache
from typing import Any

__all__ = ["one_blas_thread", "spacy_ops_settings"]


@cache
def _controller() -> Any | None:
    """The BLAS libraries loaded now (numpy's among them), or None without threadpoolctl."""
    try:
        import numpy  # noqa: F401  (loads numpy's BLAS, so that it is found)
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    blas = ThreadpoolController().select(user_api="blas")
    return blas if blas.lib_controllers else None


def spacy_ops_settings() -> dict[str, bool]:
    """Settings of thinc's NumpyOps for loading a pipeline: numpy's BLAS where its threads can
    be limited, else BLIS."""
    return {"use_blis": _controller() is None}


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """Limit numpy's BLAS to one thread for the block (nothing to do without threadpoolctl)."""
    blas = _controller()
    if blas is None:
        yield
        return
    with blas.limit(limits=1):
        yield
