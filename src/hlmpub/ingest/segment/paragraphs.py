"""Units of a reading made of paragraphs, headings, tables, notes and furniture (DOCX, tagged PDF, PDF layout).

The reader has already cut the text into paragraphs; what is left is to tell
what each one is, from the blocks alone (no file format is known here):

1. **Furniture**: ``furniture`` blocks, the masthead table (the first table,
   before any body text, holding ``United Nations``, an organ, a symbol or
   ``Distr.``) and paragraphs made only of masthead or running-header lines
   give facts to ``Version.meta`` (:mod:`.furniture`, :mod:`.facts`), never units.
2. **Front matter** (before the first numbered heading or paragraph): session,
   agenda item, agenda title, title, subtitle (:mod:`.frontmatter`); title
   blocks that continue one another (two heading blocks of one level and size,
   two bold blocks of one size, the first not ending a sentence) are one title.
3. **Body**: a paragraph's marker (from the start of its text, or
   ``layout.marker``) is read with the document's numbering
   (:class:`.markers.Numbering`): chapter, section, paragraph, sub-paragraph.
   An unnumbered heading (a ``heading`` block, or a short bold paragraph) is a
   ``section`` with no key; other unnumbered paragraphs are ``other``.
4. **Tables**: one ``table`` unit each (``table:N``), cells as plain text;
   paragraphs right after a table that start with a mark one of its cells
   ends with (``Article 13a`` … ``a Nul ne peut …``) are the table's notes
   (``note:t1.a``).  A table whose every cell starts with the next paragraph
   number is layout, not data: its cells are read as paragraphs.
5. **Notes** (:mod:`.blocknotes`): each ``note`` block after the unit holding
   its reference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial

from ...conventions import IdAllocator, marker_candidates, table_key, table_note_key
from ...model import Kind, Unit, table_unit
from ..blocks import FURNITURE, HEADING, ITEM, NOTE, PARAGRAPH, TABLE, TITLE, Block, Reading
from .blocknotes import place_notes, references, strip_references
from .frontmatter import front_keys, is_front_line, is_subtitle
from .furniture import ORGANS, FurnitureFilter, classify
from .items import Item
from .joining import join_lines, vocabulary
from .markers import FRONT_MAX_WIDTH, UNIT_KIND, Numbering, _log_gap, _next_list_marker, display_width

#: A bold paragraph this short (columns, CJK counting double), on one line, may be an unnumbered heading.
SHORT_HEADING = 100

#: Where a title line ends a sentence, the next block is not its continuation.
SENTENCE_END = tuple(".。!?！？؟…")

#: A table note: its mark (a letter, asterisks, a dagger) at the start, then its text.
TABLE_NOTE = re.compile(r"^(?P<m>[a-z]|\*{1,3}|[†‡])(?:\s+|(?=[^\x00-\x7f]))(?P<rest>\S.*)$", re.DOTALL)

BODY_KINDS = frozenset({HEADING, TITLE})

#: Units a paragraph broken by a page end may continue, and the line ends that close a paragraph.
CONTINUED = frozenset({"para", "subpara", "other"})
CLOSING_ENDS = (*SENTENCE_END, ":", ";", "：", "；")


@dataclass
class _State:
    lang: str
    filter: FurnitureFilter = field(default_factory=FurnitureFilter)
    numbering: Numbering = field(default_factory=Numbering)
    items: list[Item] = field(default_factory=list)
    front: bool = True
    tables: int = 0


def uses_paragraphs(blocks: Sequence[Block]) -> bool:
    """Does this reading need the paragraph path: headings, tables, furniture, or paragraphs with layout (page too)?"""
    for block in blocks:
        if block.kind in (HEADING, TABLE, FURNITURE, TITLE, ITEM):
            return True
        layout = block.layout
        if block.kind == PARAGRAPH and (layout.page or layout.level or layout.size or layout.bold or layout.indent):
            return True
    return False


def _cell_text(cell: str, lang: str) -> str:
    return join_lines(strip_references(cell).split("\n"), lang)


def _is_masthead(block: Block) -> bool:
    """A table holding ``United Nations`` or an organ name, a symbol or ``Distr.``: facts only, no text."""
    probe: dict[str, str] = {}
    lines = [line.strip() for row in block.rows for cell in row for line in cell.split("\n") if line.strip()]
    organ = any(line.casefold() in ORGANS for line in lines)
    for line in lines:
        classify(line, probe)
    return organ or "symbol" in probe or "distribution" in probe


def _first_line(block: Block) -> str:
    text = block.layout.marker + "\n".join(block.lines)
    return next((line.strip() for line in text.split("\n") if line.strip()), "")


class _Segmenter:
    """Walks the body blocks in order, keeping the numbering and the front-matter state."""

    def __init__(self, lang: str) -> None:
        self.state = _State(lang)

    def run(self, body: list[Block]) -> list[Item]:
        body = join_continued_tables(body)
        firsts = [strip_references(_first_line(b)) for b in body]
        for index, block in enumerate(body):
            if block.kind == TABLE:
                self.table(block)
            else:
                self.paragraph(block, partial(_next_list_marker, firsts, index, self.state.lang))
        return self.state.items

    # ------------------------------------------------------------ tables

    def table(self, block: Block) -> None:
        state = self.state
        if not state.items and _is_masthead(block):  # the masthead comes first
            for row in block.rows:
                for cell in row:
                    for line in cell.split("\n"):
                        if line.strip():
                            state.filter.is_furniture(line.strip())
            return
        cells = [cell for row in block.rows for cell in row if cell.strip()]
        if cells and self._numbered_cells(cells):
            for cell in cells:
                self.paragraph(Block("paragraph", tuple(cell.split("\n"))), list)
            return
        state.front = False
        state.tables += 1
        rows = tuple(tuple(_cell_text(cell, state.lang) for cell in row) for row in block.rows)
        refs = tuple(r for row in block.rows for cell in row for r in references(cell))
        refs += tuple(_glued_marks(rows))
        item = Item("table", table_key(state.tables), "", [], refs, rows, block.layout.header_rows, block)
        state.items.append(item)

    def _numbered_cells(self, cells: list[str]) -> bool:
        """Every cell starts with the next number of the document's numbering (a table used for layout)."""
        numbering = replace(self.state.numbering)
        for cell in cells:
            chosen = numbering.choose(marker_candidates(strip_references(cell).strip(), self.state.lang))
            if chosen is None:
                return False
            numbering.advance(chosen[0].kind, chosen[1])
        return True

    # -------------------------------------------------------- paragraphs

    def paragraph(self, block: Block, following: partial[list] | type[list]) -> None:
        state = self.state
        if not strip_references("".join(block.lines)).strip():
            return  # nothing but a number the format prints (an empty Word list paragraph)
        text = block.layout.marker + "\n".join(block.lines)
        lines = [line.strip() for line in text.split("\n")]
        kept = [line for line in lines if line and not self._furniture(strip_references(line))]
        if not kept:
            return
        if self._table_note(kept):
            return
        first = strip_references(kept[0])
        chosen = state.numbering.choose(marker_candidates(first, state.lang), following)
        if chosen is not None:
            marker, value = chosen
            state.front = False
            _log_gap(state.numbering, marker.kind, value, state.lang)
            key = state.numbering.advance(marker.kind, value)
            rest = _after_marker(kept[0], marker.printed)
            lines = [rest, *kept[1:]] if rest else kept[1:]
            state.items.append(Item(UNIT_KIND[marker.kind], key, marker.printed, lines, _refs(kept), block=block))
            return
        if state.front and display_width(" ".join(kept)) > FRONT_MAX_WIDTH:
            state.front = False
        if not state.front and self._continues(block):
            state.items[-1].lines.extend(kept)
            state.items[-1].refs += _refs(kept)
            return
        kind = "front" if state.front else "section" if _is_heading(block, kept) else "other"
        state.items.append(Item(kind, "", "", kept, _refs(kept), block=block))

    def _continues(self, block: Block) -> bool:
        """An unnumbered paragraph at the top of a page that goes on with the sentence the last one left open."""
        last = self.state.items[-1] if self.state.items else None
        if block.kind in BODY_KINDS or last is None or last.block is None or last.kind not in CONTINUED:
            return False
        before, page = last.block.layout.page, block.layout.page
        text = strip_references(last.lines[-1]) if last.lines else ""
        return 0 < before < page and not text.endswith(CLOSING_ENDS)

    def _furniture(self, line: str) -> bool:
        """A furniture line; before anything else, also a masthead row read as one line (``联合国 A/99/999``)."""
        state = self.state
        first = not state.items and state.front
        return state.filter.is_masthead_row(line) if first else state.filter.is_furniture(line)

    def _table_note(self, lines: list[str]) -> bool:
        """A paragraph right after a table (or its notes) that starts with a mark one of its cells carries."""
        items = self.state.items
        table = next((i for i in reversed(items) if i.kind != "note" or not i.key.startswith("note:t")), None)
        if table is None or table.kind != "table":
            return False
        m = TABLE_NOTE.match(strip_references(lines[0]))
        if m is None or m.group("m") not in table.refs:
            return False
        mark = m.group("m")
        items.append(Item("note", table_note_key(self.state.tables, mark), mark, [m.group("rest"), *lines[1:]]))
        return True


#: A note mark glued to the end of a cell: a lower-case letter after a digit or a non-Latin letter, or asterisks.
GLUED_MARK = re.compile(r"(?:(?<=[^\sA-Za-z])(?P<letter>[a-z])|(?<=\S)(?P<sign>\*{1,3}|[†‡]))$")


def join_continued_tables(body: list[Block]) -> list[Block]:
    """A table continued on the next page under its repeated header rows, given as two blocks, is one table."""
    out: list[Block] = []
    for block in body:
        prev = out[-1] if out else None
        header = prev.layout.header_rows if prev is not None and prev.kind == TABLE else 0
        if block.kind == TABLE and prev is not None and header and block.rows[:header] == prev.rows[:header]:
            out[-1] = replace(prev, rows=prev.rows + block.rows[header:])
            continue
        out.append(block)
    return out


def _glued_marks(rows: tuple[tuple[str, ...], ...]) -> list[str]:
    """Note marks glued to the end of a cell (``Article 13a``, ``第十三条a``, ``1 000*``)."""
    found = (GLUED_MARK.search(cell) for row in rows for cell in row)
    return [m.group("letter") or m.group("sign") for m in found if m]


def _after_marker(line: str, printed: str) -> str:
    """The rest of the first line after its marker, note references kept."""
    at = line.find(printed)
    return line[at + len(printed) :].strip() if at >= 0 else strip_references(line)[len(printed) :].strip()


def _refs(lines: list[str]) -> tuple[str, ...]:
    return tuple(r for line in lines for r in references(line))


def _is_heading(block: Block, lines: list[str]) -> bool:
    """A heading block, or a short bold paragraph on one line."""
    if block.kind in BODY_KINDS:
        return True
    return block.layout.bold and len(lines) == 1 and display_width(lines[0]) <= SHORT_HEADING


def _continues_title(prev: Item, item: Item, lang: str) -> bool:
    """Is ``item`` the next line of the title block ``prev`` (same heading level and size, or same bold size)?"""
    a, b = prev.block, item.block
    if a is None or b is None:
        return False
    text_a, text_b = (strip_references(" ".join(i.lines)) for i in (prev, item))
    if text_a.endswith(SENTENCE_END) or is_subtitle(text_b, lang) or is_subtitle(text_a, lang):
        return False
    if is_front_line(text_a, lang) or is_front_line(text_b, lang) or a.kind != b.kind:
        return False
    la, lb = a.layout, b.layout
    if a.kind in BODY_KINDS:
        return la.level == lb.level and la.size == lb.size
    return la.bold and lb.bold and la.size > 0 and la.size == lb.size


def _merge_front(items: list[Item], lang: str) -> list[Item]:
    """Front-matter blocks that continue one another become one (a title wrapped over two blocks)."""
    out: list[Item] = []
    for item in items:
        if out and item.kind == "front" and out[-1].kind == "front" and _continues_title(out[-1], item, lang):
            out[-1].lines.extend(item.lines)
            out[-1].refs += item.refs
            continue
        out.append(item)
    return out


def _units(items: list[Item], lang: str) -> list[Unit]:
    vocab = vocabulary(strip_references(line) for item in items for line in item.lines)
    texts = [join_lines([strip_references(line) for line in item.lines], lang, vocab) for item in items]
    meta_keys = iter(front_keys([t for i, t in zip(items, texts, strict=True) if i.kind == "front"], lang))
    ids = IdAllocator(lang)
    units = []
    for item, text in zip(items, texts, strict=True):
        if item.kind == "table":
            units.append(table_unit(ids.assign("table", item.key), lang, item.rows, item.header_rows, item.key))
            continue
        kind: Kind = "meta" if item.kind == "front" else item.kind  # type: ignore[assignment]
        key = next(meta_keys) if item.kind == "front" else item.key
        units.append(Unit(ids.assign(kind, key), lang, kind, key, item.marker, text))
    return units


def paragraph_units(reading: Reading, lang: str) -> tuple[list[Unit], dict[str, str]]:
    """The units of a reading of paragraph, heading, table, note and furniture blocks, and the masthead facts."""
    body = [b for b in reading.blocks if b.kind not in (NOTE, FURNITURE)]
    segmenter = _Segmenter(lang)
    items = _merge_front(segmenter.run(body), lang)
    items = place_notes(items, [b for b in reading.blocks if b.kind == NOTE])
    meta = segmenter.state.filter.meta
    furniture = FurnitureFilter(meta)
    for block in reading.blocks:
        if block.kind == FURNITURE:
            for line in block.lines:
                if line.strip():
                    furniture.is_furniture(line.strip())
    return _units(items, lang), meta
