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


def _listener(reply: bytes | None) -> tuple[socket.socket, int]:
    """A local TCP server that is not Ray: it accepts, then sends `reply` (None: stays silent)."""
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)

    def serve() -> None:
        kept = []
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            if reply is not None:
                conn.sendall(reply)
            kept.append(conn)

    threading.Thread(target=serve, daemon=True).start()
    return server, int(server.getsockname()[1])


@pytest.mark.parametrize("reply", [None, b"HTTP/1.1 400 Bad Request\r\n\r\n", b""])
def test_a_listener_that_is_not_ray_fails_fast(
    reply: bytes | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def must_not_run(**kwargs: Any) -> None:
        raise AssertionError("ray.init must not wait on a port where no Ray answers")

    _fake_ray(monkeypatch, must_not_run)
    server, port = _listener(reply)
    started = time.monotonic()
    with server, pytest.raises(UsageError, match=r"something listens on .* not answer as a Ray"):
        RaySession(f"127.0.0.1:{port}")
    assert time.monotonic() - started < ray_session.CONNECT_TIMEOUT_S + 1


def test_a_server_answering_http2_settings_is_passed_on_to_ray(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    joined: list[str] = []
    _fake_ray(monkeypatch, lambda **kwargs: joined.append(kwargs["address"]))
    server, port = _listener(b"\x00\x00\x00\x04\x00\x00\x00\x00\x00")  # empty SETTINGS
    with server:
        RaySession(f"127.0.0.1:{port}")
    assert joined == [f"127.0.0.1:{port}"]


def test_no_address_starts_a_new_local_ray_not_the_last_ray_start_cluster(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ray joins the cluster recorded by the last `ray start` when init gets no address (and
    then refuses num_cpus); evalsuite's own local instance must not depend on that file."""
    calls: list[dict[str, Any]] = []
    _fake_ray(monkeypatch, lambda **kwargs: calls.append(kwargs))
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    session = RaySession()
    assert session.started
    (kwargs,) = calls
    assert kwargs["address"] == "local" and kwargs["num_cpus"] >= 1
