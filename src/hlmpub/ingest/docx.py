"""The DOCX reader: a Word file → :class:`Version`.

The package is checked first (:mod:`.docx_package`: zip, main part, size, XML
without entities).  Then python-docx walks the body in document order, body
paragraphs and the paragraphs of table cells (a merged cell once), one block
per Word paragraph; headers, footers and footnotes are page furniture and are
not read.  The blocks are joined with blank lines and go through the same
segmenter as extracted text (:func:`.text.parse_text`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Source, Version
from ..safeio import sha256_file
from .docx_package import check_package
from .text import parse_text

log = logging.getLogger(__name__)

FORMAT = "docx"


def _blocks(container: Any, seen: set[Any]) -> Iterator[str]:
    """Paragraph texts of a document body or a table cell, tables walked row by row, in order."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    if cell._tc in seen:  # a merged cell is returned once per grid column it spans
                        continue
                    seen.add(cell._tc)  # keeping the element keeps its lxml proxy, so identity holds
                    yield from _blocks(cell, seen)
        else:
            yield item.text


def docx_text(path: Path) -> str:
    """The body text of a DOCX: one Word paragraph per block, blocks joined with blank lines."""
    check_package(path)
    import docx
    from docx.opc.exceptions import OpcError

    try:
        document = docx.Document(str(path))
    except (OpcError, KeyError, ValueError) as exc:
        raise InputError(f"cannot open as a Word document: {exc}", path) from None
    blocks = [b.strip() for b in _blocks(document, set())]
    text = "\n\n".join(b for b in blocks if b)
    log.debug("%s: %d paragraphs", path.name, len(blocks))
    if not text.strip():
        raise InputError("the Word document has no text in its body", path)
    return text


def read(path: Path, lang: str) -> Version:
    """Read a Word (.docx) file."""
    text = docx_text(path)
    return parse_text(text, lang, Source(path=path.name, format=FORMAT, sha256=sha256_file(path)))
