"""The PDF reader: a UN PDF → blocks from its structure tree when it is tagged, else pages of lines.

A tagged PDF (Word's and LibreOffice's export of UN documents) is read through
its structure tree (:mod:`.pdf_tagged`): paragraphs, headings, tables, notes
and furniture as the file marks them.  An untagged PDF, or one whose tree
cannot be trusted, is read as below.

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
from ..blocks import Block, Reading
from .pdf_tagged import tagged_blocks
from .pdf_text import open_pdf, pdf_pages
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


def read_tagged(data: bytes, path: Path, lang: str) -> tuple[tuple[Block, ...], int] | None:
    """The blocks of a tagged PDF read through its structure tree, and its page count; None to read the layout."""
    doc = open_pdf(data, path)
    try:
        blocks = tagged_blocks(doc, path, lang)
        return None if blocks is None else (blocks, len(doc))
    finally:
        doc.close()


def read(path: Path, lang: str) -> Reading:
    """Read a PDF with a text layer (through its structure tree when tagged); its page count goes to the metadata."""
    data = path.read_bytes()
    source = Source(path=path.name, format=FORMAT, sha256=sha256_bytes(data))
    tagged = read_tagged(data, path, lang)
    if tagged is not None:
        blocks, count = tagged
        return Reading(source, blocks, meta={"pages": str(count)})
    text, pages = pdf_text(data, path, lang)
    return Reading(source, page_blocks(text), meta={"pages": str(pages)})
