"""Joining a Ray cluster that is not there: a usage error within seconds, not a traceback."""

from __future__ import annotations

import socket
import time
from types import SimpleNamespace
from typing import Any

import pytest

from evalsuite.backends import ray_session
from evalsuite.backends.ray_session import RaySession
from evalsuite.errors import UsageError


def _fake_ray(monkeypatch: pytest.MonkeyPatch, init: Any) -> None:
    fake = SimpleNamespace(is_initialized=lambda: False, init=init, shutdown=lambda: None)
    monkeypatch.setattr(ray_session, "import_ray", lambda: fake)


def _closed_port() -> int:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("form", ["127.0.0.1:{port}", "ray://127.0.0.1:{port}"])
def test_an_address_nobody_answers_on_fails_fast(
    form: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def must_not_run(**kwargs: Any) -> None:
        raise AssertionError("ray.init must not wait on an address nobody answers on")

    _fake_ray(monkeypatch, must_not_run)
    address = form.format(port=_closed_port())
    started = time.monotonic()
    with pytest.raises(UsageError, match=r"cannot join a Ray cluster at .*nothing answers"):
        RaySession(address)
    assert time.monotonic() - started < ray_session.CONNECT_TIMEOUT_S + 1


def test_no_running_cluster_for_auto_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_cluster(**kwargs: Any) -> None:
        raise ConnectionError("Could not find any running Ray instance. Please specify ...")

    _fake_ray(monkeypatch, no_cluster)
    with pytest.raises(UsageError, match="cannot join a Ray cluster at 'auto': Could not find"):
        RaySession("auto")
