"""Connecting to Ray: an existing cluster when given an address, else a local instance.

Ray is an optional extra, imported only here and only when the ray backend is asked for, so
evalsuite installs and runs without it; asking for it without it installed is a usage error
(exit 2) that says how to install it.
"""

from __future__ import annotations

import logging
import os
import socket
from types import ModuleType

from evalsuite.errors import UsageError

INSTALL_HINT = "pip install 'evalsuite[ray]'"


def import_ray() -> ModuleType:
    """The ray module, or a usage error naming the extra to install."""
    try:
        import ray
    except ImportError:
        raise UsageError(
            f"the ray backend needs Ray, which is not installed here: {INSTALL_HINT}"
        ) from None
    return ray


class RaySession:
    """Joins `address` (or $RAY_ADDRESS), or starts a local Ray with this machine's cores.

    A Ray that is already initialized in this process (a test fixture, a notebook) is used as
    it is. Only an instance this session started is shut down by `close`.
    """

    def __init__(self, address: str | None = None) -> None:
        self.ray = import_ray()
        self.started = False
        if self.ray.is_initialized():
            return
        target = address or os.environ.get("RAY_ADDRESS")
        if target:
            self._join(target)
        else:
            # "local": a new instance, never the last `ray start` cluster of this machine
            # (Ray joins that one when given no address, and then refuses num_cpus).
            self.ray.init(
                address="local",
                num_cpus=os.cpu_count(),
                include_dashboard=False,
                logging_level=logging.ERROR,
                log_to_driver=False,
            )
        self.started = True

    def _join(self, target: str) -> None:
        """Join the cluster at `target`; one that is not there is a usage error within seconds,
        not a traceback after Ray's own retries (minutes for an address nobody answers on)."""
        endpoint = _endpoint(target)
        if endpoint is not None:
            _require_listening(target, *endpoint)
        try:
            self.ray.init(address=target, logging_level=logging.ERROR, log_to_driver=False)
        except (ConnectionError, TimeoutError, RuntimeError, ValueError) as err:
            first = (str(err).strip().splitlines() or [type(err).__name__])[0]
            raise UsageError(f"cannot join a Ray cluster at '{target}': {first}") from None

    def resources(self) -> dict[str, float]:
        """The cluster's total resources (CPU, GPU, memory...)."""
        return dict(self.ray.cluster_resources())

    def close(self) -> None:
        if self.started:
            self.ray.shutdown()
            self.started = False


CONNECT_TIMEOUT_S = 3.0


def _endpoint(target: str) -> tuple[str, int] | None:
    """(host, port) of `HOST:PORT` or `ray://HOST:PORT`; None for `auto`, `local` and others
    that Ray resolves itself."""
    rest = target.removeprefix("ray://")
    host, sep, port = rest.rpartition(":")
    if not sep or not host or not port.isdigit():
        return None
    return host.strip("[]"), int(port)


# HTTP/2's client connection preface and an empty SETTINGS frame (RFC 9113, 3.4 and 6.5).
HTTP2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + b"\x00\x00\x00\x04\x00\x00\x00\x00\x00"
SETTINGS_FRAME = 0x04
FIX_HINT = "start one with `ray start --head`, or fix --address / $RAY_ADDRESS"


def _require_listening(target: str, host: str, port: int) -> None:
    """A Ray head (its GCS, or the Ray Client server of `ray://`) is a gRPC server: it answers
    HTTP/2's preface with a SETTINGS frame at once. Something else on the port (a web server,
    a silent socket) would keep `ray.init` in Ray's own retries for half a minute or more."""
    try:
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT_S) as conn:
            if os.environ.get("RAY_USE_TLS", "0").lower() in ("1", "true"):
                return  # a TLS gRPC server waits for a TLS hello: plain HTTP/2 proves nothing
            conn.sendall(HTTP2_PREFACE)
            header = _read_some(conn, 9)
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise UsageError(
            f"cannot join a Ray cluster at '{target}': nothing answers on {host}:{port} "
            f"({reason}); {FIX_HINT}"
        ) from None
    if len(header) < 9 or header[3] != SETTINGS_FRAME:
        raise UsageError(
            f"cannot join a Ray cluster at '{target}': something listens on {host}:{port} but "
            f"does not answer as a Ray cluster (no gRPC reply within {CONNECT_TIMEOUT_S:g} s); "
            f"{FIX_HINT}"
        )


def _read_some(conn: socket.socket, size: int) -> bytes:
    """Up to `size` bytes, fewer when the peer closes or stays silent past the timeout."""
    data = b""
    try:
        while len(data) < size:
            chunk = conn.recv(size - len(data))
            if not chunk:
                break
            data += chunk
    except OSError:  # silent past the timeout, or reset: no gRPC server either way
        pass
    return data
