"""The DOCX reader: a Word file → one block per paragraph, and its footnotes.

The package is checked first (:mod:`.docx_package`: zip, main part, size, XML
without entities).  Then python-docx walks the body in document order, body
paragraphs and the paragraphs of table cells (a merged cell once), one block
per Word paragraph; headers and footers are page furniture and are not read.

* **Automatic numbering**: a paragraph numbered by Word (``w:numPr``, directly
  or through its style) gets the marker Word prints (``19.``, ``(a)``) as its
  ``layout.marker`` (:mod:`.docx_numbering`); the segmenter puts it in front
  of the text, as it appears in the PDF.
* **Footnotes**: each ``w:footnoteReference`` becomes its number glued to the
  text (``meeting1``) after :data:`~hlmpub.ingest.blocks.REF_MARK`, and the
  note (``word/footnotes.xml``) a ``note`` block after the paragraphs
  (:mod:`.docx_runs`); the segmenter places it after the unit holding the
  reference.

Every non-empty Word paragraph is a ``paragraph`` block, so the segmenter
keeps unnumbered paragraphs apart; the rest (furniture, markers, joining) is
the same as for extracted text.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ...errors import InputError
from ...model import Source
from ...safeio import parse_xml, sha256_file
from ..blocks import NOTE, PARAGRAPH, REF_MARK, Block, Layout, Reading
from .docx_numbering import ListNumbering
from .docx_package import check_package
from .docx_runs import paragraph_text, read_footnotes
from .txt import clean_chars

log = logging.getLogger(__name__)

FORMAT = "docx"
NUMBERING, STYLES, FOOTNOTES = "numbering", "styles", "footnotes"
PART_TYPES = {
    f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{name}": name
    for name in (NUMBERING, STYLES, FOOTNOTES)
}


def _paragraphs(container: Any, seen: set[Any]) -> Iterator[Any]:
    """``w:p`` elements of a document body or a table cell, tables walked row by row, in order."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    if cell._tc in seen:  # a merged cell is returned once per grid column it spans
                        continue
                    seen.add(cell._tc)  # keeping the element keeps its lxml proxy, so identity holds
                    yield from _paragraphs(cell, seen)
        else:
            yield item._p


def _parts(document: Any, path: Path) -> dict[str, Any]:
    """The numbering, styles and footnotes parts of the main document, parsed safely (absent ones left out)."""
    wanted = {}
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype in PART_TYPES:
            wanted[PART_TYPES[rel.reltype]] = str(rel.target_part.partname).lstrip("/")
    parts = {}
    with zipfile.ZipFile(path) as package:
        names = set(package.namelist())
        for kind, name in wanted.items():
            if name in names:
                parts[kind] = parse_xml(package.read(name), path, f"XML part {name} of the DOCX")
    return parts


class _Body:
    """Paragraph texts with their automatic numbers, and the footnotes referenced along the way."""

    def __init__(self, document: Any, path: Path) -> None:
        parts = _parts(document, path)
        self.path = path
        self.lists = ListNumbering(parts.get(NUMBERING), parts.get(STYLES), path)
        self.footnotes = read_footnotes(parts[FOOTNOTES]) if FOOTNOTES in parts else {}
        self.notes: list[Block] = []

    def reference(self, note_id: str, custom_mark: bool) -> str:
        """A footnote reference: the next note number, after :data:`REF_MARK` (nothing for a custom mark)."""
        if note_id not in self.footnotes:
            log.warning("%s: footnote reference %r names no footnote", self.path.name, note_id)
            return ""
        number = len(self.notes) + 1
        lines = [clean_chars(line).strip() for text in self.footnotes[note_id] for line in text.split("\n")]
        layout = Layout(marker=str(number), number=number)
        self.notes.append(Block(NOTE, tuple(line for line in lines if line) or ("",), layout))
        return "" if custom_mark else f"{REF_MARK}{number}"

    def paragraph(self, p: Any) -> tuple[str, str]:
        """The automatic marker of one paragraph (with its suffix; "" if none) and its text."""
        marker = self.lists.marker(p)
        return marker or "", paragraph_text(p, self.reference).strip()


def _open(path: Path) -> Any:
    check_package(path)
    import docx
    from docx.opc.exceptions import OpcError

    try:
        return docx.Document(str(path))
    except (OpcError, KeyError, ValueError) as exc:
        raise InputError(f"cannot open as a Word document: {exc}", path) from None


def docx_body(path: Path) -> tuple[list[tuple[str, str]], list[Block]]:
    """The non-empty paragraphs of a DOCX as (automatic marker, text), and its footnotes as ``note`` blocks."""
    document = _open(path)
    body = _Body(document, path)
    paragraphs = [body.paragraph(p) for p in _paragraphs(document, set())]
    log.debug("%s: %d paragraphs, %d footnotes", path.name, len(paragraphs), len(body.notes))
    kept = [(marker, text) for marker, text in paragraphs if text]
    if not "".join(marker + text for marker, text in kept).replace(REF_MARK, "").strip():
        raise InputError("the Word document has no text in its body", path)
    return kept, body.notes


def docx_text(path: Path) -> str:
    """The body text of a DOCX (paragraphs joined with blank lines), footnote references as plain numbers."""
    paragraphs, _ = docx_body(path)
    return "\n\n".join(marker + text for marker, text in paragraphs).replace(REF_MARK, "")


def read(path: Path, lang: str) -> Reading:
    """Read a Word (.docx) file: its paragraphs, then its footnotes."""
    paragraphs, notes = docx_body(path)
    blocks = [
        Block(PARAGRAPH, tuple(clean_chars(text).split("\n")), Layout(marker=clean_chars(marker)))
        for marker, text in paragraphs
    ]
    return Reading(Source(path=path.name, format=FORMAT, sha256=sha256_file(path)), (*blocks, *notes))
