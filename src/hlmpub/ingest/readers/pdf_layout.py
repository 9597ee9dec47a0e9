"""An untagged PDF read by its layout: paragraph, heading, table, note and furniture blocks.

Each page is read as printed lines (:mod:`.pdf_lines`) and ruling lines
(:mod:`.pdf_glyphs`), then cut into zones, top to bottom:

1. running header and footer → ``furniture`` (:mod:`.pdf_zones`);
2. on page 1, the masthead above its thick rule → a ``table`` block
   (:func:`.pdf_tables.masthead_end`);
3. the footnotes under the short rule at the foot → ``note`` blocks;
4. the body: tables (:mod:`.pdf_tables`) and paragraphs between them
   (:mod:`.pdf_paragraphs`); an all-bold paragraph is a ``heading`` (level 1
   when set larger than the body, else 2); a paragraph that starts with a
   raised mark (a table's note) keeps it as printed, as a Word paragraph
   does: the segmenter pairs it with the table before it.

Across pages a paragraph or a table may continue (the table's repeated
header row is dropped).  Last, the raised marks in the text become note
references (``REF_MARK``) where a note of that mark exists, else plain text.

:class:`LayoutUnclear` says the layout cannot be read (no font sizes, a
page without text among pages with text, a page that is one huge line); the
PDF reader then falls back to pages of lines.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium

from ..blocks import FURNITURE, HEADING, NOTE, PARAGRAPH, REF_END, REF_MARK, TABLE, Block, Layout
from .pdf_glyphs import Rule, page_glyphs, page_rules
from .pdf_lines import MARK_CLOSE, MARK_OPEN, Line, page_lines
from .pdf_paragraphs import Frame, Metrics, Paragraph, continues_page, frame, measure, paragraphs
from .pdf_tables import Table, find_tables, make_table, masthead_end, merge_continued
from .pdf_zones import FoundNote, furniture_split, note_zone_start, split_notes, without_lead_mark
from .txt import clean_chars

log = logging.getLogger(__name__)

#: A heading set this much larger than the body is of level 1 (a title), else 2.
LARGER = 1.05
#: One line holding this many glyphs, alone on its page, is no layout to read.
HUGE_LINE = 400
#: A page whose glyphs are this share rotated (a sideways table) is not read by its layout.
ROTATED = 0.2
MARK = re.compile(f"{MARK_OPEN}([^{MARK_CLOSE}]*){MARK_CLOSE}")


class LayoutUnclear(Exception):
    """The layout of the PDF cannot be read; the message says why."""


@dataclass
class PageLayout:
    """One page: its number, size, printed lines (top to bottom) and ruling lines."""

    number: int
    width: float
    height: float
    lines: list[Line]
    rules: list[Rule]
    images: int = 0


def read_pages(doc: pdfium.PdfDocument, rtl: bool) -> list[PageLayout]:
    """The printed lines and rules of every page."""
    pages = []
    for index in range(len(doc)):
        page = doc[index]
        textpage = page.get_textpage()
        try:
            width, height = page.get_size()
            lines = page_lines(page_glyphs(textpage), index + 1, rtl)
            rules, images = page_rules(page)
            pages.append(PageLayout(index + 1, width, height, lines, rules, images))
        finally:
            textpage.close()
            page.close()
    return pages


def _check(pages: Sequence[PageLayout]) -> None:
    if not any(p.lines for p in pages):
        raise LayoutUnclear("no text on any page")
    scanned = [p.number for p in pages if not p.lines and p.images]
    if scanned:
        raise LayoutUnclear(f"page {scanned[0]} has images but no text (scanned?)")
    glyphs = [g for p in pages for ln in p.lines for c in ln.cells for g in c.glyphs]
    if sum(1 for g in glyphs if g.size <= 1.0) > len(glyphs) / 2:
        raise LayoutUnclear("no font sizes")
    for p in pages:
        if len(p.lines) == 1 and sum(len(c.glyphs) for c in p.lines[0].cells) > HUGE_LINE:
            raise LayoutUnclear(f"page {p.number} is one line")
        turned = [g.upright for ln in p.lines for c in ln.cells for g in c.glyphs]
        if turned.count(False) > ROTATED * len(turned):
            raise LayoutUnclear(f"page {p.number} has rotated text")


@dataclass
class _Page:
    """What one page gives, in order: header, masthead, body items, notes, footer."""

    header: list[Line]
    footer: list[Line]
    body: list[Line]
    notes: list[Line]
    masthead: Table | None


def _zones(page: PageLayout, edge: tuple[int, int], metrics: Metrics, rtl: bool, continuing: bool) -> _Page:
    lines = page.lines
    top, bottom = edge
    first = page.number == 1
    header, footer = lines[:top], lines[len(lines) - bottom :]
    rest = lines[top : len(lines) - bottom]
    edges = frame(rest, metrics.body_size)
    width = max(edges.right - edges.left, 1.0)
    masthead = None
    if first:
        count = masthead_end(rest, page.rules, page.height, width)
        if count:
            masthead = make_table(rest[:count], page.rules, page.number, rtl, banded=True)
            rest = rest[count:]
    start = note_zone_start(rest, page.rules, page.height, width, metrics.body_size, continuing)
    return _Page(header, footer, rest[:start], rest[start:], masthead)


class _Builder:
    """Walks the pages in order and collects blocks; paragraphs and tables may continue on the next page."""

    def __init__(self, metrics: Metrics, rtl: bool) -> None:
        self.metrics = metrics
        self.rtl = rtl
        self.out: list[Paragraph | Table | FoundNote | Block] = []
        self.notes: list[FoundNote] = []
        self.open: Paragraph | Table | None = None  # what the last page ended with

    def page(self, page: PageLayout, zones: _Page) -> None:
        if zones.header:
            self.out.append(_furniture(zones.header, page.number))
        if zones.masthead is not None:
            self.out.append(zones.masthead)
        edges = frame(zones.body, self.metrics.body_size)
        runs = find_tables(zones.body, page.rules)
        at = 0
        for start, end in [*runs, (len(zones.body), len(zones.body))]:
            self._lines(zones.body[at:start], edges, page.number, at == 0)
            if start < end:
                self._table(make_table(zones.body[start:end], page.rules, page.number, self.rtl), start == 0)
            at = end
        self.out.extend(split_notes(zones.notes, page.number, self.notes))
        if zones.footer:
            self.out.append(_furniture(zones.footer, page.number))

    def _lines(self, lines: list[Line], edges: Frame, number: int, top: bool) -> None:
        """Paragraphs of a stretch of lines; at the ``top`` of a page the first may continue the page before."""
        if not lines:
            return
        found = paragraphs(lines, edges, self.metrics, number)
        held = self.open
        if top and isinstance(held, Paragraph):
            if continues_page(held.last, found[0].lines[0], held.edges, held.lines[0]):
                held.lines.extend(found[0].lines)
                found = found[1:]
        self.out.extend(found)
        self.open = found[-1] if found else held

    def _table(self, table: Table, top: bool) -> None:
        """A table; at the ``top`` of a page it may continue the table the page before ended with."""
        held = self.open
        if top and isinstance(held, Table) and merge_continued(held, table):
            return
        self.out.append(table)
        self.open = table


def _furniture(lines: list[Line], page: int) -> Block:
    return Block(FURNITURE, tuple(clean_chars(ln.text) for ln in lines), Layout(page=page))


def _paragraph_block(para: Paragraph, metrics: Metrics, margin: float, front: bool) -> Block:
    """A paragraph or a heading; ``front``: before the title, bold is no heading."""
    first = para.lines[0]
    texts = [clean_chars(ln.text) for ln in para.lines]
    sizes = [ln.size for ln in para.lines]
    size = max(set(sizes), key=sizes.count)
    indent = round((margin - first.x1) if first.rtl else (first.x0 - margin), 1)
    if first.lead_mark:  # a note set in the body (a table's note): its mark as printed, the segmenter pairs it
        texts[0] = f"{first.lead_mark} {without_lead_mark(texts[0])}"
    bold = all(ln.bold for ln in para.lines)
    if bold and not front:
        level = 1 if _large(para, metrics) else 2
        return Block(HEADING, tuple(texts), Layout(page=para.page, level=level, size=size, bold=True, indent=indent))
    return Block(PARAGRAPH, tuple(texts), Layout(page=para.page, size=size, bold=bold, indent=indent))


def _large(para: Paragraph, metrics: Metrics) -> bool:
    """Set in bold larger than the body: a title."""
    return all(ln.bold and ln.size > LARGER * metrics.body_size for ln in para.lines)


def _margin(pages: Sequence[Sequence[Line]], body_size: float, rtl: bool) -> float:
    """Where the text column starts (left, or right in a right-to-left document): the outermost start that at
    least two body-size lines share."""
    starts: dict[int, list[float]] = {}
    for lines in pages:
        for ln in lines:
            if abs(ln.size - body_size) <= 0.5:
                x = -ln.x1 if rtl else ln.x0
                starts.setdefault(round(x / 2), []).append(x)
    shared = [min(xs) for xs in starts.values() if len(xs) > 1] or [min(xs) for xs in starts.values()] or [0.0]
    return -min(shared) if rtl else min(shared)


def _note_block(note: FoundNote) -> Block:
    number = int(note.mark) if note.mark.isdigit() else 0
    lines = tuple(clean_chars(t) for t in note.lines)
    return Block(NOTE, lines, Layout(page=note.page, marker=note.mark, number=number, size=note.size))


def _table_block(table: Table) -> Block:
    rows = tuple(tuple(clean_chars(c) for c in row) for row in table.rows)
    return Block(TABLE, (), Layout(page=table.page, header_rows=table.header_rows, size=table.size), rows)


def _references(blocks: list[Block]) -> list[Block]:
    """Raised marks → note references where a note of that mark exists (``REF_MARK`` + number, or
    ``REF_MARK`` + mark + ``REF_END``); other raised marks stay as plain text."""
    marks = {b.layout.marker for b in blocks if b.kind == NOTE}

    def ref(m: re.Match[str]) -> str:
        mark = m.group(1)
        if mark not in marks:
            return mark
        return REF_MARK + mark if mark.isdigit() else REF_MARK + mark + REF_END

    def fix(text: str) -> str:
        return MARK.sub(ref, text)

    out = []
    for b in blocks:
        rows = tuple(tuple(fix(c) for c in row) for row in b.rows)
        out.append(Block(b.kind, tuple(fix(t) for t in b.lines), b.layout, rows))
    return out


def layout_blocks(pages: Sequence[PageLayout], rtl: bool) -> tuple[Block, ...]:
    """The blocks of a document from its pages (see the module docstring); LayoutUnclear when unreadable."""
    _check(pages)
    metrics = measure(p.lines for p in pages)
    builder = _Builder(metrics, rtl)
    edges = furniture_split([p.lines for p in pages], [p.height for p in pages])
    for page, edge in zip(pages, edges, strict=True):
        builder.page(page, _zones(page, edge, metrics, rtl, bool(builder.notes)))
    paras = [item for item in builder.out if isinstance(item, Paragraph)]
    margin = _margin([p.lines for p in paras], metrics.body_size, rtl)
    title = next((p for p in paras if _large(p, metrics)), None)
    front = title is not None
    blocks: list[Block] = []
    for item in builder.out:
        if isinstance(item, Paragraph):
            front = front and item is not title
            blocks.append(_paragraph_block(item, metrics, margin, front))
        elif isinstance(item, Table):
            blocks.append(_table_block(item))
        elif isinstance(item, FoundNote):
            blocks.append(_note_block(item))
        else:
            blocks.append(item)
    return tuple(_references(blocks))
