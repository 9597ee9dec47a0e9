"""TEI P5: write, read back, validate, export.

Contract: ``read_tei(path) -> Edition``, ``validate_file(path) -> list[Finding]``,
``export_edition(edition, fmt, target, settings) -> list[Path]``, ``tei_bytes(edition)``,
``read_edition(path)`` (TEI or model JSON).

Modules: ``writer`` / ``header`` (Edition → teiCorpus), ``reader`` (teiCorpus →
Edition), ``validate`` (tei_all + hlmpub rules), ``schema`` (install and compile
tei_all), ``export`` (TMX, XCES), ``names``.
The encoding is described in docs/design/tei.md.
"""

from __future__ import annotations

from pathlib import Path

from ..config import Settings
from ..errors import InputError, ModelError
from ..model import Edition, Finding, load


def read_tei(path: str | Path) -> Edition:
    """Read a TEI edition back into the model."""
    from .reader import read_tei as _read

    return _read(path)


def read_edition(path: str | Path) -> Edition:
    """An edition from its TEI archive, or from the model's JSON (:func:`hlmpub.model.dump`) for ``*.json``."""
    path = Path(path)
    if path.suffix.lower() != ".json":
        return read_tei(path)
    try:
        return load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path) from None
    except ModelError as exc:
        raise InputError(f"not a hlmpub model JSON file: {exc.message}", path) from None


def write_tei(edition: Edition, path: str | Path) -> Path:
    """Write the TEI of an edition to ``path`` (atomically)."""
    from .writer import write_tei as _write

    return _write(edition, path)


def tei_bytes(edition: Edition) -> bytes:
    """The TEI of an edition as hlmpub writes it (what a PDF/A-3 edition attaches)."""
    from .writer import to_bytes

    return to_bytes(edition)


def validate_file(path: str | Path) -> list[Finding]:
    """Validate against tei_all and the project rules; ``Finding.evidence`` is the line."""
    from .validate import validate_file as _validate

    return _validate(path)


def export_edition(edition: Edition, fmt: str, target: Path, settings: Settings | None = None) -> list[Path]:
    """Export as ``tmx`` or ``xces``; ``settings``: the TMX language codes and pivot."""
    from .export import export_edition as _export

    return _export(edition, fmt, target, settings)


__all__ = ["export_edition", "read_edition", "read_tei", "tei_bytes", "validate_file", "write_tei"]
