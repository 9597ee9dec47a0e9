"""Build many documents at once: processes on one machine, or a Dask cluster.  (stub: being written)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .config import Settings


def build_parallel(folders: list[Path], settings: Settings, cluster: str | None = None, console: Any = None) -> list:
    """Build every folder in parallel."""
    raise NotImplementedError
