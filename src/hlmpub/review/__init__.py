"""Translator review: QA checks → findings, report and review edition.  (stub: being written)"""

from __future__ import annotations

from pathlib import Path

from ..config import Settings
from ..model import Edition, Finding


def review_edition(edition: Edition, settings: Settings, accept_dir: Path | None = None) -> list[Finding]:
    """Run every configured check."""
    raise NotImplementedError


def write_review(edition: Edition, findings: list[Finding], out_dir: Path, settings: Settings) -> list[Path]:
    """Write <doc>.review.json and the review edition."""
    raise NotImplementedError
