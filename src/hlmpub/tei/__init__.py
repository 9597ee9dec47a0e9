"""TEI P5: write, read back, validate, export.

Contract: ``read_tei(path) -> Edition``, ``validate_file(path) -> list[Finding]``,
``export_edition(edition, fmt, target) -> list[Path]``; ``hlmpub.tei.writer.write``
and ``hlmpub.tei.export.write`` for the pipeline's writer registry.

Modules: ``writer`` / ``header`` (Edition → teiCorpus), ``reader`` (teiCorpus →
Edition), ``validate`` (tei_all + hlmpub rules), ``schema`` (install and compile
tei_all), ``export`` (TMX, XCES), ``names``.
The encoding is described in docs/design/tei.md.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Edition, Finding


def read_tei(path: str | Path) -> Edition:
    """Read a TEI edition back into the model."""
    from .reader import read_tei as _read

    return _read(path)


def write_tei(edition: Edition, path: str | Path) -> Path:
    """Write the TEI of an edition to ``path`` (atomically)."""
    from .writer import write_tei as _write

    return _write(edition, path)


def validate_file(path: str | Path) -> list[Finding]:
    """Validate against tei_all and the project rules; ``Finding.evidence`` is the line."""
    from .validate import validate_file as _validate

    return _validate(path)


def export_edition(edition: Edition, fmt: str, target: Path) -> list[Path]:
    """Export as ``tmx`` or ``xces``."""
    from .export import export_edition as _export

    return _export(edition, fmt, target)


__all__ = ["export_edition", "read_tei", "validate_file", "write_tei"]
