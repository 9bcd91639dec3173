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
            self.ray.init(
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


def _require_listening(target: str, host: str, port: int) -> None:
    try:
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT_S):
            pass
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise UsageError(
            f"cannot join a Ray cluster at '{target}': nothing answers on {host}:{port} "
            f"({reason}); start one with `ray start --head`, or fix --address / $RAY_ADDRESS"
        ) from None
