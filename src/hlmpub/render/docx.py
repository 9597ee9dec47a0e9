"""Edition → side-by-side DOCX: one real Word table on top of ``templates/docx/reference.docx``.

The reference document brings the styles (Word's own names: Normal, Title,
Heading 1, Heading 2, Header, Footer, Table Grid), the page set-up (size,
margins, orientation: turned only when the edition needs landscape or the
``orientation`` setting says so, :func:`.docx_page.orientation`), the header (``{symbol}`` /
``{title}`` placeholders) and the footer (PAGE / NUMPAGES); this module only
replaces the body.  Script-specific run properties (East Asian and
complex-script fonts, language tags, right-to-left) go through :mod:`.docx_oxml`.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT, WD_TABLE_DIRECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.table import _Cell

from ..config import Settings
from ..findings import finding_id
from ..model import RTL_LANGS, Edition, Finding, Unit
from ..safeio import atomic_path
from . import docx_oxml as ox
from . import fonts
from .docx_page import TWIPS_PER_EMU, fill_placeholders, open_reference, orientation, set_properties, set_up_page
from .grid import BODY_PT, grid
from .rows import Cell, Row, Table, build_table

log = logging.getLogger(__name__)

GUTTER_MM = 11  # Word's default cell margins (1.9 mm each side) leave room for "79." at 8 pt
REVIEW_MM = 38
#: A finding's id, as the PDF sets it (edition.css ``.fid``): a monospaced face of a font the editions need anyway.
ID_FONT = "Noto Sans Mono CJK SC"


#: Cell fills (hex RGB): heading bands, review confidence bands, flagged cells, table header rows.
FILLS = {
    "chapter": "EEF0F4",
    "section": "F6F7F9",
    "mid": "FFF7DD",
    "low": "FDE2D8",
    "flagged": "FBD3C9",
    "table-header": "EEF0F4",
}
#: Table cells at 8.5 pt, Arabic at 9.5 (the PDF's 9.4 in half points); an em of body text (9.5 pt) in twips;
#: Word's default cell margins (what a table nested in a cell has less).
TABLE_HALF_POINTS = 17
TABLE_HALF_POINTS_CS = 19
TWIPS_PER_EM = int(BODY_PT * 20)
CELL_MARGIN_TWIPS = 108
#: Word and LibreOffice set a table's text wider than weasyprint (digits in Chinese cells, Amiri): a table that
#: has room is given this much more than it measures (a date on the edge wrapped in LibreOffice without it).
WORD_WIDER = 1.12
#: A table unit's cells: 1 mm margins left and right, as the PDF's padding (grid.CELL_PADDING_EMS).
TABLE_CELL_MARGIN_TWIPS = 57
#: C0 controls XML 1.0 forbids (python-docx refuses them); tab and newline are kept.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
HEADING_STYLES = {"title": "Title", "chapter": "Heading 1", "section": "Heading 2"}


class _Builder:
    """Writes the table of one edition into a document opened from the reference."""

    def __init__(self, doc: Any, table: Table) -> None:
        self.doc = doc
        self.table = table
        self.bookmarks = 0
        self.columns = 1 + len(table.langs) + (1 if table.review else 0)
        self.word_table: Any = None
        self.widths: list[int] = []
        self.short_rows: frozenset[int] = frozenset()
        # The reference's Normal size is the base: the gutter, findings and table units follow it, as in the PDF.
        normal = doc.styles["Normal"].font.size
        self.scale = normal.pt / BODY_PT if normal else 1.0

    def pt(self, size: float) -> Any:
        """``size`` (points at the bundled 9.5 pt body) at the reference document's body size."""
        return Pt(size * self.scale)

    # ---- text ----------------------------------------------------------------

    def text(self, paragraph: Any, text: str, lang: str, bold: bool = False) -> Any:
        """Append ``text`` as one run carrying the properties its script needs (XML-illegal controls dropped)."""
        run = paragraph.add_run(_XML_ILLEGAL.sub("", text))
        if bold:
            run.bold = True
        if lang == "ar":
            ox.run_rtl(run)
            ox.run_fonts(run, cs=fonts.DOCX_FONTS["cs"])
            ox.run_lang(run, bidi=fonts.WORD_LANG["ar"])
            if bold:
                ox.run_bold_cs(run)
        elif lang == "zh":
            ox.run_fonts(run, east_asia=fonts.CJK)
            ox.run_lang(run, east_asia=fonts.WORD_LANG["zh"])
        else:
            ox.run_lang(run, val=fonts.WORD_LANG.get(lang, lang))
        return run

    def paragraph(self, cell: Any, index: int, lang: str, style: str | None = None) -> Any:
        """The ``index``-th paragraph of a cell (the first one exists already), aligned for ``lang``."""
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        if style:
            paragraph.style = self.doc.styles[style]
        if lang == "ar":
            ox.paragraph_bidi(paragraph)
            # In a bidi paragraph LEFT is drawn at the right (the start edge).
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        elif lang == "zh" and style is None:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        return paragraph

    def bookmark(self, paragraph: Any, unit_id: str) -> None:
        """A bookmark per unit; Word allows letters, digits and ``_`` only, so ``zh-p19`` → ``zh_p19``."""
        self.bookmarks += 1
        ox.bookmark(paragraph, unit_id.replace("-", "_").replace(".", "_")[:40], self.bookmarks)

    # ---- rows ----------------------------------------------------------------

    def new_row(self) -> Any:
        if self.word_table is None:  # after bands: the side-by-side table goes on under a new head
            self.start_table()
        row = self.word_table.add_row()
        for cell, width in zip(row.cells, self.widths, strict=True):
            ox.cell_width(cell, width)
        return row

    def header_row(self) -> None:
        row = self.word_table.rows[0]
        ox.repeat_header(row)
        ox.cant_split(row)
        cells = row.cells
        for cell, lang in zip(cells[1:], self.table.langs, strict=False):
            paragraph = self.paragraph(cell, 0, lang)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.text(paragraph, self.table.names[lang], lang, bold=True)
        if self.table.review:
            self.text(cells[-1].paragraphs[0], "findings", "en", bold=True)

    def title_row(self, row: Row) -> None:
        word_row = self.new_row()
        ox.cant_split(word_row)
        cells = word_row.cells
        last = len(self.table.langs)
        merged = cells[0].merge(cells[last])
        for extra in merged.paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
        units = [(c.lang, u) for c in row.cells for u in c.units]
        for index, (lang, unit) in enumerate(units):
            paragraph = self.paragraph(merged, index, lang, "Title" if unit.key == "meta:title" else "Subtitle")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.text(paragraph, unit.text, lang)
            self.bookmark(paragraph, unit.id)
        self.review_cell(row, cells)

    def heading_row(self, row: Row) -> None:
        word_row = self.new_row()
        ox.cant_split(word_row)
        cells = word_row.cells
        for cell in cells[: 1 + len(row.cells)]:
            ox.shade(cell, FILLS[row.kind])
        for cell, word_cell in zip(row.cells, cells[1:], strict=False):
            self.units(row, cell, word_cell, HEADING_STYLES[row.kind])
            for paragraph in word_cell.paragraphs:
                ox.keep_with_next(paragraph)
        self.review_cell(row, cells)

    def body_row(self, row: Row) -> None:
        if row.bands:
            self.band_rows(row)
            return
        word_row = self.new_row()
        if row.index in self.short_rows:  # too short to split inside a cell: kept whole, as in the PDF
            ox.cant_split(word_row)
        cells = word_row.cells
        number = cells[0].paragraphs[0]
        number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if row.number:
            number.add_run(row.number).font.size = self.pt(8)
        if row.marked:
            shape = cells[0].add_paragraph()
            shape.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            shape.add_run(row.shape).font.size = self.pt(6)
        for cell, word_cell, width in zip(row.cells, cells[1:], self.widths[1:], strict=False):
            self.units(row, cell, word_cell, None, width)
        self.review_cell(row, cells)

    def band_rows(self, row: Row) -> None:
        """A row of tables too wide for the language columns: per language a label and its table, across the page.

        The bands stand between two side-by-side tables, not in a row of one: Word and LibreOffice repeat
        the header rows of a table that breaks across pages only when it is not inside another table.
        The side-by-side table goes on after them under its own repeated head (:meth:`new_row`).
        """
        if self.word_table is not None and len(self.word_table.rows) == 1:  # nothing under its head yet
            self.word_table._tbl.getparent().remove(self.word_table._tbl)
        self.word_table = None
        width = sum(self.widths)
        for cell in row.cells:
            label = self.paragraph(self.doc, 1, cell.lang)
            self.text(label, self.table.names[cell.lang], cell.lang).font.size = self.pt(7)
            label.paragraph_format.space_before = Pt(4)
            ox.keep_with_next(label)
            self.units(row, cell, self.doc, None, width, first=1)
        if self.table.review:
            for f in row.findings:
                self.finding_line(self.doc.add_paragraph(), f)
        ox.mark_size(self.doc.add_paragraph(), 8)  # Word joins two tables with nothing between them

    def units(self, row: Row, cell: Cell, word_cell: Any, style: str | None, width: int = 0, first: int = 0) -> None:
        """Every unit of a cell as its own paragraph (a table unit as a table); an empty cell shows a dash.

        ``word_cell``: a Word table cell, or the document (a band); ``width``: its width in twips (what a
        table may take); ``first``: paragraphs already there (1 for the document: always add).
        """
        if cell.empty:
            dash = self.paragraph(word_cell, first, cell.lang)
            dash.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.text(dash, "—", cell.lang)
        for index, unit in enumerate(cell.units, start=first):
            if unit.kind == "table":
                self.table_unit(word_cell, unit, cell.lang, index, width)
                continue
            paragraph = self.paragraph(word_cell, index, cell.lang, style)
            if row.show_marker(unit):
                self.text(paragraph, unit.marker + " ", cell.lang, bold=style is None)
            self.text(paragraph, unit.text, cell.lang)
            self.bookmark(paragraph, unit.id)
        if self.table.review and cell.flagged and isinstance(word_cell, _Cell):
            ox.shade(word_cell, FILLS["flagged"])

    def table_unit(self, word_cell: Any, unit: Unit, lang: str, index: int, width: int) -> None:
        """A table unit as a Word table in the cell: header rows bold on a shaded band (and marked to repeat),
        figures at the end edge, the columns of a right-to-left language from right to left."""
        g = grid(unit)
        em = int(TWIPS_PER_EM * self.scale)
        room = max(width - 2 * CELL_MARGIN_TWIPS, em) / em
        ems, shares = g.fit(room)
        total = int(min(ems * WORD_WIDER, room) * em)
        if unit.marker:
            self.text(self.paragraph(word_cell, index, lang), unit.marker, lang, bold=True)
        word_table = word_cell.add_table(rows=len(g.header) + len(g.body), cols=g.cols)
        in_cell = isinstance(word_cell, _Cell)
        if in_cell and index == 0 and not unit.marker:  # the table opens the cell: no empty paragraph above it
            first = word_cell.paragraphs[0]._p
            first.getparent().remove(first)
        ox.cell_margins(word_table, TABLE_CELL_MARGIN_TWIPS)
        word_table.style = self.doc.styles["Table Grid"]
        word_table.autofit = False
        if lang in RTL_LANGS:
            word_table.table_direction = WD_TABLE_DIRECTION.RTL
            word_table.alignment = WD_TABLE_ALIGNMENT.RIGHT
        widths = [int(total * share / 100) for share in shares]
        ox.fixed_widths(word_table, widths)
        for r, (word_row, cells) in enumerate(zip(word_table.rows, g.header + g.body, strict=True)):
            header = r < len(g.header)
            ox.cant_split(word_row)
            if header:
                ox.repeat_header(word_row)
            for c, (word_cell_c, text, twips) in enumerate(zip(word_row.cells, cells, widths, strict=True)):
                ox.cell_width(word_cell_c, twips)
                paragraph = self.paragraph(word_cell_c, 0, lang)
                if lang == "zh":
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT  # not justified: a cell is a line or two
                    ox.no_autospace(paragraph)
                if g.numeric[c]:
                    # In a bidi paragraph RIGHT is drawn at the left: the end edge either way.
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if header:
                    ox.shade(word_cell_c, FILLS["table-header"])
                run = self.text(paragraph, text, lang, bold=header)
                size, size_cs = round(TABLE_HALF_POINTS * self.scale), round(TABLE_HALF_POINTS_CS * self.scale)
                ox.rpr_size(run._r.get_or_add_rPr(), size, size_cs if lang == "ar" else None)
                if r == c == 0:
                    self.bookmark(paragraph, unit.id)
        if in_cell:
            spacer = word_cell.paragraphs[-1]  # Word ends every cell with a paragraph: keep it small
            spacer.paragraph_format.space_after = Pt(0)
            ox.mark_size(spacer, 4)

    def review_cell(self, row: Row, cells: Any) -> None:
        """The findings column, and the confidence band of the row (review edition only)."""
        if not self.table.review:
            return
        if row.confidence != "high":
            for cell, data in zip(cells[1:], row.cells, strict=False):
                if not data.flagged:
                    ox.shade(cell, FILLS[row.confidence])
        self.findings(row, cells[-1])

    def findings(self, row: Row, word_cell: Any) -> None:
        """The row's findings in the review column, one paragraph each."""
        for index, f in enumerate(row.findings):
            self.finding_line(word_cell.paragraphs[0] if index == 0 else word_cell.add_paragraph(), f)

    def finding_line(self, paragraph: Any, f: Finding, size: float = 7) -> None:
        """One finding: its id (monospaced: what a reviser copies into review-accepted.toml), then severity,
        code, language and message."""
        fid = paragraph.add_run(finding_id(f))
        fid.font.name = ID_FONT
        fid.font.size = self.pt(size)
        where = f" [{f.lang}]" if f.lang else ""
        paragraph.add_run(f" {f.severity} {f.code}{where}: {f.message}").font.size = self.pt(size)

    def loose_findings(self) -> None:
        """The findings about the document as a whole, before the table (review edition only)."""
        if not (self.table.review and self.table.loose_findings):
            return
        self.doc.add_paragraph().add_run("Findings not tied to a row").bold = True
        for f in self.table.loose_findings:
            self.finding_line(self.doc.add_paragraph(), f, 8)

    # ---- table -----------------------------------------------------------------

    def start_table(self) -> None:
        """A side-by-side table with its head row (language names, repeated on every page)."""
        self.word_table = self.doc.add_table(rows=1, cols=self.columns)
        self.word_table.style = self.doc.styles["Table Grid"]
        self.word_table.autofit = False
        ox.fixed_widths(self.word_table, self.widths)
        for cell, width in zip(self.word_table.rows[0].cells, self.widths, strict=True):
            ox.cell_width(cell, width)
        self.header_row()

    def build(self, usable_twips: int) -> None:
        gutter = int(Mm(GUTTER_MM) * TWIPS_PER_EMU)
        review = int(Mm(REVIEW_MM) * TWIPS_PER_EMU) if self.table.review else 0
        room = usable_twips - gutter - review
        shares = [int(room * share) for share in self.table.shares]
        self.widths = [gutter] + shares + ([review] if review else [])
        self.loose_findings()
        self.start_table()
        self.short_rows = self.table.short_rows
        for row in self.table.rows:
            {"title": self.title_row, "chapter": self.heading_row, "section": self.heading_row}.get(
                row.kind, self.body_row
            )(row)


def build_document(table: Table, settings: Settings, doc: Any = None) -> Any:
    """The python-docx Document of a laid-out table, on ``doc`` (the reference document opened) or a fresh copy."""
    doc = open_reference(settings) if doc is None else doc
    usable = set_up_page(doc, table)
    fill_placeholders(doc, table)
    set_properties(doc, table)
    _Builder(doc, table).build(usable)
    return doc


def write_docx(edition: Edition, target: Path, settings: Settings, *, review: bool = False) -> Path:
    """Write the DOCX edition atomically; return ``target``."""
    doc = open_reference(settings)
    # The rows are laid out for the page the reference sets (a landscape reference: wider columns).
    turned = orientation(doc, settings.render.orientation)
    table = build_table(edition, settings.langs, review=review, orientation=turned)
    doc = build_document(table, settings, doc)
    with atomic_path(target) as tmp:
        doc.save(str(tmp))
    return Path(target)
