"""Fetch the official language versions of a document by symbol.  (stub: being written)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class FetchReport:
    """Which languages arrived and which failed, with why."""

    folder: Path
    fetched: dict[str, Path] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)


def fetch_document(
    symbol: str, langs: Sequence[str], fmt: str, out_dir: Path, base_url: str | None = None, console: Any = None
) -> FetchReport:
    """Download each language version."""
    raise NotImplementedError
