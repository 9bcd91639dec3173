"""Connecting to Ray: an existing cluster when given an address, else a local instance.

Ray is an optional extra, imported only here and only when the ray backend is asked for, so
evalsuite installs and runs without it; asking for it without it installed is a usage error
(exit 2) that says how to install it.
"""

from __future__ import annotations

import logging
import os
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
            self.ray.init(address=target, logging_level=logging.ERROR, log_to_driver=False)
        else:
            self.ray.init(
                num_cpus=os.cpu_count(),
                include_dashboard=False,
                logging_level=logging.ERROR,
                log_to_driver=False,
            )
        self.started = True

    def resources(self) -> dict[str, float]:
        """The cluster's total resources (CPU, GPU, memory...)."""
        return dict(self.ray.cluster_resources())

    def close(self) -> None:
        if self.started:
            self.ray.shutdown()
            self.started = False
