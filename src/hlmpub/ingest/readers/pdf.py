"""The PDF reader: a UN PDF → pages of lines.

The text layer is taken page by page with PDFium (:mod:`.pdf_text`; why PDFium:
docs/design/pdf-reader.md), the pages are joined with form feeds and cut into
``page`` blocks as extracted text is (:func:`.txt.page_blocks`), so the
segmenter handles page furniture, line joining, markers, keys and ids once for
both.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import InputError
from ...model import Source
from ...safeio import sha256_bytes
from ..blocks import Reading
from .pdf_text import pdf_pages
from .txt import page_blocks

FORMAT = "pdf"


def pdf_text(data: bytes, path: Path, lang: str) -> tuple[str, int]:
    """The whole text layer (pages joined with ``\\f``) and the page count; refuse a PDF without text."""
    pages = pdf_pages(data, path, lang)
    text = "\f".join(pages)
    if not text.strip():
        raise InputError(
            f"the PDF has {len(pages)} page(s) but no text layer (scanned?); run OCR on it first, e.g. ocrmypdf", path
        )
    return text, len(pages)


def read(path: Path, lang: str) -> Reading:
    """Read a PDF with a text layer; its page count goes to the metadata."""
    data = path.read_bytes()
    text, pages = pdf_text(data, path, lang)
    source = Source(path=path.name, format=FORMAT, sha256=sha256_bytes(data))
    return Reading(source, page_blocks(text), meta={"pages": str(pages)})
