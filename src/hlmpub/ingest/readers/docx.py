"""The DOCX reader: a Word file → its paragraphs, headings, tables, footnotes and headers/footers as blocks.

The package is checked first (:mod:`.docx_package`: zip, main part, size, XML
without entities).  Then the body is walked in document order (content
controls opened):

* a **paragraph** → a ``paragraph`` block, or a ``heading`` block with its
  level when Word gives it an outline level (:mod:`.docx_styles`: ``Heading
  1``–``9``, ``Title``, the UN templates' ``HCh``/``H1``/``H23``), with its
  weight, size and indent; an empty paragraph is nothing;
* a **table** → a ``table`` block: one cell per ``w:tc`` (a cell merged across
  columns once, a cell merged down empty below its first row), the cell's
  paragraphs one per line; the rows marked ``w:tblHeader`` at its top are its
  header rows.  The masthead table is a table like any other: telling it
  apart is the segmenter's;
* **automatic numbering**: the marker Word prints (``19.``, ``(a)``) is the
  block's ``layout.marker`` (:mod:`.docx_numbering`), also inside cells;
* **footnotes**: each ``w:footnoteReference`` becomes
  :data:`~hlmpub.ingest.blocks.REF_MARK` + its number (Word numbers the notes
  in order, custom-mark notes left out), or, for a custom mark
  (``w:customMarkFollows``, the mark typed after it: ``*``),
  ``REF_MARK + mark + REF_END``; the note (``word/footnotes.xml``) is a
  ``note`` block after the body (:mod:`.docx_runs`);
* **headers and footers** (every one a section defines) → ``furniture``
  blocks: the segmenter reads the symbol and the job number from them.
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
from ..blocks import FURNITURE, HEADING, NOTE, PARAGRAPH, REF_END, REF_MARK, TABLE, Block, Layout, Reading
from .docx_numbering import ListNumbering, w
from .docx_package import check_package
from .docx_runs import paragraph_text, read_footnotes
from .docx_styles import StyleSheet
from .txt import clean_chars

log = logging.getLogger(__name__)

FORMAT = "docx"
NUMBERING, STYLES, FOOTNOTES = "numbering", "styles", "footnotes"
PART_TYPES = {
    f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{name}": name
    for name in (NUMBERING, STYLES, FOOTNOTES)
}
P, TBL, TR, TC, SDT, SDT_CONTENT = w("p"), w("tbl"), w("tr"), w("tc"), w("sdt"), w("sdtContent")
ON = ("1", "true", "on")


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


def _children(element: Any, tags: tuple[str, ...]) -> Iterator[Any]:
    """Child elements with one of ``tags``, content controls (``w:sdt``) opened, in order."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _children(content, tags)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(clean_chars(text).split("\n"))


class _Body:
    """Walks a document body: blocks in order, and the footnotes referenced along the way."""

    def __init__(self, document: Any, path: Path) -> None:
        parts = _parts(document, path)
        self.path = path
        self.lists = ListNumbering(parts.get(NUMBERING), parts.get(STYLES), path)
        self.styles = StyleSheet(parts.get(STYLES))
        self.footnotes = read_footnotes(parts[FOOTNOTES]) if FOOTNOTES in parts else {}
        self.notes: list[Block] = []
        self.numbered = 0

    def reference(self, note_id: str, mark: str | None) -> str:
        """A footnote reference: its number after :data:`REF_MARK`, or its custom mark between REF_MARK and REF_END."""
        if note_id not in self.footnotes:
            log.warning("%s: footnote reference %r names no footnote", self.path.name, note_id)
            return mark or ""
        lines = [clean_chars(line).strip() for text in self.footnotes[note_id] for line in text.split("\n")]
        lines = [line for line in lines if line]
        if mark is None:
            self.numbered += 1
            layout, written = Layout(marker=str(self.numbered), number=self.numbered), f"{REF_MARK}{self.numbered}"
        else:
            mark = mark or "*"
            if lines and lines[0].startswith(mark):  # the note repeats its mark as text
                lines[0] = lines[0][len(mark) :].strip()
            layout, written = Layout(marker=mark), f"{REF_MARK}{mark}{REF_END}"
        self.notes.append(Block(NOTE, tuple(line for line in lines if line) or ("",), layout))
        return written

    def text(self, p: Any) -> tuple[str, str]:
        """The automatic marker of paragraph ``p`` (with its suffix; "" if none) and its text."""
        marker = self.lists.marker(p)  # counted for every paragraph, in order, also empty ones
        return clean_chars(marker or ""), paragraph_text(p, self.reference).strip()

    def paragraph(self, p: Any) -> Block | None:
        marker, text = self.text(p)
        if not text:
            return None
        printed = self.styles.printed(p)
        layout = Layout(marker=marker, level=printed.level, size=printed.size, bold=printed.bold, indent=printed.indent)
        return Block(HEADING if printed.level else PARAGRAPH, _lines(text), layout)

    def cell(self, tc: Any) -> str:
        """A cell's paragraphs (nested tables too), one per line; a cell merged down from above is empty."""
        tcpr = tc.find(w("tcPr"))
        merge = tcpr.find(w("vMerge")) if tcpr is not None else None
        texts = [marker + text for marker, text in (self.text(p) for p in tc.iter(P))]
        if merge is not None and merge.get(w("val"), "continue") != "restart":
            return ""
        return clean_chars("\n".join(t for t in texts if t))

    def table(self, tbl: Any) -> Block | None:
        rows, header, in_header = [], 0, True
        for tr in _children(tbl, (TR,)):
            trpr = tr.find(w("trPr"))
            marked = trpr is not None and any(el.get(w("val"), "1") in ON for el in trpr.iter(w("tblHeader")))
            in_header = in_header and marked
            header += in_header
            rows.append(tuple(self.cell(tc) for tc in _children(tr, (TC,))))
        if not any(cell.strip() for row in rows for cell in row):
            return None
        return Block(TABLE, (), Layout(header_rows=header), tuple(rows))

    def blocks(self, body: Any) -> Iterator[Block]:
        for element in _children(body, (P, TBL)):
            block = self.paragraph(element) if element.tag == P else self.table(element)
            if block is not None:
                yield block


def _furniture(document: Any) -> list[Block]:
    """Every header and footer a section defines, first-page ones first, each part once."""
    blocks, seen = [], set()
    kinds = ("first_page_header", "first_page_footer", "header", "footer", "even_page_header", "even_page_footer")
    for section in document.sections:
        for kind in kinds:
            part = getattr(section, kind)
            if part.is_linked_to_previous or id(part._element) in seen:
                continue
            seen.add(id(part._element))
            lines = [clean_chars(paragraph_text(p)).strip() for p in part._element.iter(P)]
            if any(lines):
                blocks.append(Block(FURNITURE, tuple(line for line in lines if line)))
    return blocks


def _open(path: Path) -> Any:
    check_package(path)
    import docx
    from docx.opc.exceptions import OpcError

    try:
        return docx.Document(str(path))
    except (OpcError, KeyError, ValueError) as exc:
        raise InputError(f"cannot open as a Word document: {exc}", path) from None


def read(path: Path, lang: str) -> Reading:
    """Read a Word (.docx) file: its body blocks, its footnotes, its headers and footers."""
    document = _open(path)
    body = _Body(document, path)
    blocks = list(body.blocks(document.element.body))
    text = "".join(
        block.layout.marker + "".join(block.lines) + "".join("".join(row) for row in block.rows) for block in blocks
    )
    if not text.replace(REF_MARK, "").replace(REF_END, "").strip():
        raise InputError("the Word document has no text in its body", path)
    log.debug("%s: %d blocks, %d footnotes", path.name, len(blocks), len(body.notes))
    furniture = _furniture(document)
    return Reading(Source(path=path.name, format=FORMAT, sha256=sha256_file(path)), (*blocks, *body.notes, *furniture))
