"""The PDF reader: a UN PDF → blocks from its structure tree when it is tagged, else from its layout.

A tagged PDF (Word's and LibreOffice's export of UN documents) is read through
its structure tree (:mod:`.pdf_tagged`): paragraphs, headings, tables, notes
and furniture as the file marks them.  An untagged PDF, or one whose tree
cannot be trusted, is read as below.

An untagged PDF is read by its layout (:mod:`.pdf_layout`: lines with their
size and weight, ruling lines, the footnote zone, tables, running headers and
footers) into ``paragraph``, ``heading``, ``table``, ``note`` and
``furniture`` blocks.  When the layout cannot be read (no font sizes, a
scanned page, a page of one huge line), the text layer is taken page by page
(:mod:`.pdf_text`), the pages joined with form feeds and cut into ``page``
blocks as extracted text is (:func:`.txt.page_blocks`), with a log line saying
why.  Why PDFium: docs/design/pdf-reader.md.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pypdfium2 as pdfium

from ...errors import InputError
from ...model import RTL_LANGS, Source
from ...safeio import sha256_bytes
from ..blocks import Block, Reading
from .pdf_layout import LayoutUnclear, layout_blocks, read_pages
from .pdf_tagged import tagged_blocks
from .pdf_text import open_pdf, pdf_pages
from .txt import page_blocks

log = logging.getLogger(__name__)

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


def layout_reading(data: bytes, path: Path, lang: str) -> tuple[tuple[Block, ...], int]:
    """The blocks of an untagged PDF read by its layout, and its page count (LayoutUnclear when it cannot be)."""
    doc = open_pdf(data, path)
    try:
        pages = read_pages(doc, lang in RTL_LANGS)
    except pdfium.PdfiumError as exc:
        raise InputError(f"damaged PDF: {exc}", path) from None
    finally:
        doc.close()
    try:
        return layout_blocks(pages, lang in RTL_LANGS), len(pages)
    except (ArithmeticError, LookupError, ValueError) as exc:  # a layout no rule foresaw: read it as lines
        log.debug("layout reader failed on %s", path.name, exc_info=True)
        raise LayoutUnclear(f"{type(exc).__name__}: {exc}") from None


def read(path: Path, lang: str) -> Reading:
    """Read a PDF with a text layer: its structure tree, else its layout, else pages of lines; its page count
    goes to the metadata."""
    data = path.read_bytes()
    source = Source(path=path.name, format=FORMAT, sha256=sha256_bytes(data))
    tagged = read_tagged(data, path, lang)
    if tagged is not None:
        blocks, pages = tagged
        return Reading(source, blocks, meta={"pages": str(pages)})
    try:
        blocks, pages = layout_reading(data, path, lang)
    except LayoutUnclear as why:
        log.warning("%s: the layout cannot be read (%s); reading it as pages of lines", path.name, why)
        text, pages = pdf_text(data, path, lang)
        blocks = page_blocks(text)
    return Reading(source, blocks, meta={"pages": str(pages)})
