"""Readers: a file of one language version → :class:`hlmpub.model.Version`.

Contract: ``read_version(path, lang, fmt=None) -> Version`` and ``READERS``
(name → reader function).  (stub: being written)
"""

from __future__ import annotations

from pathlib import Path

from ..model import Version


def read_version(path: str | Path, lang: str, fmt: str | None = None) -> Version:
    """Read one language version."""
    raise NotImplementedError
