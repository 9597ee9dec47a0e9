"""Renderers: Edition → side-by-side PDF and DOCX editions.

``rows`` lays the edition out as table rows (shared by both formats), ``pdf``
renders them through Jinja2 HTML + CSS and weasyprint, ``docx`` through
python-docx on a Word reference document.  Both are registered as pipeline
writers (``write(edition, out_dir, settings)``).
"""

from __future__ import annotations

from pathlib import Path

from ..config import Settings
from ..errors import RenderError
from ..model import Edition

FORMATS = ("pdf", "docx")


def render_edition(
    edition: Edition,
    fmt: str,
    target: Path,
    settings: Settings,
    tei_path: Path | None = None,
    *,
    review: bool = False,
    tei_bytes: bytes | None = None,
) -> Path:
    """Render one edition as ``fmt`` (pdf or docx) into ``target``.

    ``review`` adds the findings column, flags the cells findings name and shades
    rows by alignment confidence.  ``tei_path`` / ``tei_bytes`` are attached to a
    PDF/A-3 edition (``settings.render.pdf_variant``).
    """
    if fmt == "pdf":
        from .pdf import write_pdf

        return write_pdf(edition, Path(target), settings, review=review, tei_path=tei_path, tei_bytes=tei_bytes)
    if fmt == "docx":
        from .docx import write_docx

        return write_docx(edition, Path(target), settings, review=review)
    raise RenderError(f"unknown edition format {fmt!r}; known: {', '.join(FORMATS)}", target)


__all__ = ["FORMATS", "render_edition"]
