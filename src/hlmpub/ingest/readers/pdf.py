"""The PDF reader: a UN PDF → :class:`Version`.

The text layer is taken page by page with PDFium (:mod:`.pdf_text`; why PDFium:
docs/design/pdf-reader.md), the pages are joined with form feeds and the text
goes through the same segmenter as extracted text (:func:`.text.parse_text`),
so page furniture, line joining, markers, keys and ids are handled once.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ...errors import InputError
from ...model import Source, Version
from ...safeio import sha256_bytes
from ..segment.units import parse_text
from .pdf_text import pdf_pages

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


def read(path: Path, lang: str) -> Version:
    """Read a PDF with a text layer."""
    data = path.read_bytes()
    text, pages = pdf_text(data, path, lang)
    version = parse_text(text, lang, Source(path=path.name, format=FORMAT, sha256=sha256_bytes(data)))
    return dataclasses.replace(version, meta={**version.meta, "pages": str(pages)})
