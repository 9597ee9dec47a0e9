"""TEI P5: write, read back, validate, export.

Contract: ``read_tei(path) -> Edition``, ``validate_file(path) -> list[Finding]``,
``export_edition(edition, fmt, target) -> list[Path]``; ``hlmpub.tei.writer.write``
for the pipeline.  (stub: being written)
"""

from __future__ import annotations

from pathlib import Path

from ..model import Edition, Finding


def read_tei(path: str | Path) -> Edition:
    """Read a TEI edition back into the model."""
    raise NotImplementedError


def validate_file(path: str | Path) -> list[Finding]:
    """Validate against tei_all and the project rules."""
    raise NotImplementedError


def export_edition(edition: Edition, fmt: str, target: Path) -> list[Path]:
    """Export as tmx or xces."""
    raise NotImplementedError
