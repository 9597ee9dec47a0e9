"""Renderers: Edition → side-by-side PDF and DOCX.  (stub: being written)"""

from __future__ import annotations

from pathlib import Path

from ..config import Settings
from ..model import Edition


def render_edition(edition: Edition, fmt: str, target: Path, settings: Settings, tei_path: Path | None = None) -> Path:
    """Render one edition as ``fmt`` (pdf or docx) into ``target``."""
    raise NotImplementedError
