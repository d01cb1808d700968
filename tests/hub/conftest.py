"""A real JupyterHub (deploy/server/jupyterhub_config.py) on loopback, and a simulated Moodle."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hub_process import MEM_LIMIT_MB, Hub, running_hub, skip_reason

__all__ = ["MEM_LIMIT_MB", "Hub"]


@pytest.fixture(scope="session")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    with running_hub(tmp_path_factory.mktemp("hub")) as running:
        yield running
