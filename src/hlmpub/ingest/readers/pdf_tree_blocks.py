"""A tagged PDF's structure tree → blocks, in the tree's reading order.

A PDF exported from Word or LibreOffice as tagged PDF says what each piece of
text is.  The merged document tree (:mod:`.pdf_struct`) is walked in its
``/K`` order and each element becomes a block (:mod:`..blocks`):

* ``P`` and other paragraph-level elements → ``paragraph``; ``H1``–``H6`` →
  ``heading`` with ``layout.level`` (``H``: level 0), ``Title`` → ``title``;
* ``Table`` (rows ``TR`` under it or under ``THead``/``TBody``/``TFoot``,
  cells ``TH``/``TD``) → one ``table`` block, also when the table runs over
  several pages; leading rows of ``TH`` cells (or ``THead`` rows) are header
  rows.  A header row repeated on the next page is drawn as an artifact and
  so is not in the tree;
* ``L``/``LI``: each item a ``paragraph`` with its ``Lbl`` as ``layout.marker``;
* ``Note`` → ``note`` (:mod:`.pdf_notes` pairs notes and references), also
  when it sits inside the paragraph that references it (Word);
* a mark set smaller and higher in a table cell (``Article 13a``) is a note
  reference, and the paragraph after the table that begins with it raised is
  that table's ``note`` (``layout.marker`` ``a``);
* ``Figure`` → nothing; grouping elements (``Document``, ``Sect``, ``Div``, …)
  → their kids;
* ``/Artifact`` content is not in the tree: :mod:`.pdf_tagged` makes it
  ``furniture`` blocks.

Text comes from the marked-content pieces (:mod:`.pdf_pieces`); how each block
is printed (main font size, bold) goes into its ``Layout``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..blocks import HEADING, NOTE, PARAGRAPH, TABLE, TITLE, Block, Layout
from .pdf_marked import PageContent, Style
from .pdf_notes import Notes, is_mark
from .pdf_pieces import Piece, PieceText
from .pdf_struct import Content, Element

GROUPS = frozenset(
    {"StructTreeRoot", "Document", "DocumentFragment", "Part", "Art", "Sect", "Div", "NonStruct", "Private",
     "TOC", "Index", "Aside", "BlockQuote"}
)  # fmt: skip
HEADINGS = {"H": 0, "H1": 1, "H2": 2, "H3": 3, "H4": 4, "H5": 5, "H6": 6}
ROW_GROUPS = frozenset({"THead", "TBody", "TFoot"})
CELLS = frozenset({"TH", "TD"})
SKIPPED = frozenset({"Figure", "Artifact"})
LISTS = frozenset({"L"})
BLOCK_LEVEL = GROUPS | set(HEADINGS) | {"P", "Title", "Table", "L", "LI", "Note", "Figure", "Caption", "TOCI"}
#: Kids that make an element a group of blocks; a Note inside a paragraph stays there (Word puts it next to its
#: reference) and becomes a note block after it.
NESTED_BLOCKS = BLOCK_LEVEL - {"Note"}
#: A superscript mark is drawn this much smaller than the text around it, and raised.
SUPERSCRIPT_RATIO = 0.8


@dataclass
class TreeBlocks:
    """The blocks of one document tree, built in reading order (one instance per document)."""

    pages: Mapping[int, PageContent]
    lang: str
    notes: Notes
    blocks: list[Block] = field(default_factory=list)
    pages_of: list[int] = field(default_factory=list)  # the first page of each block (for placing furniture)
    table_marks: set[str] = field(default_factory=set)  # superscript marks met in the last table's cells

    def __post_init__(self) -> None:
        self.text = PieceText(self.pages, self.lang)

    def walk(self, element: Element) -> None:
        """Blocks for an element and everything under it, in reading order."""
        kind = element.kind
        if kind in SKIPPED:
            return
        if kind == "Table":
            self._table(element)
        elif kind == "Note":
            self._note(element)
        elif kind in LISTS:
            self._list(element)
        elif kind in GROUPS or any(isinstance(k, Element) and k.kind in NESTED_BLOCKS for k in element.children()):
            loose: list[Content] = []  # content straight under a group: a paragraph of its own
            for kid in element.children():
                if isinstance(kid, Content):
                    loose.append(kid)
                    continue
                self._loose(loose)
                self.walk(kid)
            self._loose(loose)
        else:
            self._leaf(element)

    # ------------------------------------------------------------------------------------------- paragraphs

    def _loose(self, contents: list[Content]) -> None:
        if contents:
            self._add(PARAGRAPH, [Piece(c) for c in contents])
            contents.clear()

    def _leaf(self, element: Element, marker: str = "") -> None:
        pieces, inline_notes = self._pieces(element)
        kind = TITLE if element.kind == "Title" else HEADING if element.kind in HEADINGS else PARAGRAPH
        level = HEADINGS.get(element.kind, 0)
        if kind == PARAGRAPH and self.table_marks and self._table_note(pieces):
            return
        self.table_marks = set()
        self._add(kind, pieces, level=level, marker=marker)
        for note in inline_notes:
            self._note(note)

    def _pieces(self, element: Element) -> tuple[list[Piece], list[Element]]:
        """An element's pieces in reading order (references marked), and the notes nested in it."""
        pieces: list[Piece] = []
        notes: list[Element] = []
        for kid in element.children():
            if isinstance(kid, Content):
                pieces.append(Piece(kid))
            elif kid.kind == "Note":
                notes.append(kid)
            elif kid.kind in SKIPPED:
                continue
            elif kid.kind in ("Link", "Reference") and (mark := self.notes.reference(kid, self.text)):
                first = next(kid.contents(), None)  # the reference is written once, where the mark begins
                if first is not None:
                    pieces.append(Piece(first, mark))
            else:
                inner, inner_notes = self._pieces(kid)
                pieces.extend(inner)
                notes.extend(inner_notes)
        return pieces, notes

    def _add(self, kind: str, pieces: list[Piece], level: int = 0, marker: str = "", number: int = 0) -> None:
        lines = self.text.lines(pieces)
        if not lines:
            return
        lines[0] = lines[0].lstrip()
        size, bold = self._print(pieces)
        page = pieces[0].content.page
        layout = Layout(page=page, marker=marker, number=number, level=level, size=size, bold=bold)
        self.blocks.append(Block(kind, tuple(lines), layout))
        self.pages_of.append(page)

    def _print(self, pieces: list[Piece]) -> tuple[float, bool]:
        """The main font size of some pieces (most characters) and whether all of them are bold."""
        sizes: dict[float, int] = {}
        bold = True
        for piece in pieces:
            for style, count in self.text.styles(piece.content):
                sizes[style.size] = sizes.get(style.size, 0) + count
                bold = bold and style.bold
        if not sizes:
            return 0.0, False
        return max(sizes, key=lambda s: sizes[s]), bold

    # ------------------------------------------------------------------------------------------- lists

    def _list(self, element: Element) -> None:
        for item in element.children():
            if isinstance(item, Content):
                self._add(PARAGRAPH, [Piece(item)])
            elif item.kind == "LI":
                labels = [k for k in item.children() if isinstance(k, Element) and k.kind == "Lbl"]
                marker = " ".join(self.text.plain(c) for label in labels for c in label.contents())
                body = Element("LBody", item.path, {i: k for i, k in item.kids.items() if k not in labels})
                nested = [k for k in body.children() if isinstance(k, Element) and k.kind in LISTS]
                body.kids = {i: k for i, k in body.kids.items() if k not in nested}
                self._leaf(body, marker=f"{marker} " if marker else "")
                for inner in nested:
                    self._list(inner)
            else:
                self.walk(item)

    # ------------------------------------------------------------------------------------------- tables

    def _table(self, element: Element) -> None:
        rows: list[tuple[str, ...]] = []
        header_rows, in_header = 0, True
        marks: set[str] = set()
        for row, head in _rows(element):
            cells = [self._cell(cell, marks) for cell in row.children() if isinstance(cell, Element)]
            if not any(text for text, _ in cells):
                continue
            is_header = head or all(kind == "TH" for _, kind in cells)
            in_header = in_header and is_header
            header_rows += in_header
            rows.append(tuple(text for text, _ in cells))
        if not rows:
            return
        first = next(element.contents(), None)
        page = first.page if first else 0
        self.blocks.append(Block(TABLE, (), Layout(page=page, header_rows=header_rows), tuple(rows)))
        self.pages_of.append(page)
        self.table_marks = marks

    def _cell(self, cell: Element, marks: set[str]) -> tuple[str, str]:
        """A cell's text and its kind (TH, TD): its paragraphs one per line, a paragraph's wrapped lines joined."""
        paragraphs: list[str] = []
        for part in _paragraphs(cell):
            pieces, _ = self._pieces(part)
            text = ""
            for line in self.text.lines(self._superscripts(pieces, marks)):
                text = _join(text, line.strip())
            if text:
                paragraphs.append(text)
        return "\n".join(paragraphs), cell.kind if cell.kind in CELLS else "TD"

    def _superscripts(self, pieces: list[Piece], marks: set[str]) -> list[Piece]:
        """Pieces with each raised, smaller mark (a table note's ``a``) turned into a reference."""
        out = []
        for n, piece in enumerate(pieces):
            mark = self.text.plain(piece.content)
            if not piece.ref and is_mark(mark) and not mark.isdigit() and self._raised(pieces[:n][::-1], piece):
                marks.add(mark)
                piece = Piece(piece.content, mark)
            out.append(piece)
        return out

    def _raised(self, around: list[Piece], piece: Piece) -> bool:
        """True when a piece is set smaller and higher than the first piece with text in ``around``."""
        mark = _main_style(self.text.styles(piece.content))
        main = next((s for p in around if (s := _main_style(self.text.styles(p.content)))), None)
        if main is None or mark is None:
            return False
        return mark.size <= SUPERSCRIPT_RATIO * main.size and mark.baseline > main.baseline + 0.1 * main.size

    def _table_note(self, pieces: list[Piece]) -> bool:
        """A paragraph after a table that begins with a mark its cells carry: that table's note."""
        if len(pieces) < 2:
            return False
        mark = self.text.plain(pieces[0].content)
        if mark not in self.table_marks or not self._raised(pieces[1:], pieces[0]):
            return False
        self.table_marks.discard(mark)
        self._add(NOTE, pieces[1:], marker=mark)
        return True

    # ------------------------------------------------------------------------------------------- notes

    def _note(self, element: Element) -> None:
        pieces, _ = self._pieces(element)
        mark, number, body = self.notes.label(element, pieces, self.text)
        self._add(NOTE, body, marker=mark, number=number)


def _rows(table: Element) -> Iterator[tuple[Element, bool]]:
    """The rows of a table in order, each with whether it is in a ``THead``."""
    for kid in table.children():
        if not isinstance(kid, Element):
            continue
        if kid.kind == "TR":
            yield kid, False
        elif kid.kind in ROW_GROUPS:
            for row in kid.children():
                if isinstance(row, Element) and row.kind == "TR":
                    yield row, kid.kind == "THead"


def _paragraphs(cell: Element) -> list[Element]:
    """The paragraphs of a table cell: its block-level kids, and the rest of it as one more."""
    blocks = [k for k in cell.children() if isinstance(k, Element) and k.kind in BLOCK_LEVEL]
    rest = {i: k for i, k in cell.kids.items() if k not in blocks}
    return [*blocks, Element(cell.kind, cell.path, rest)] if rest else blocks


def _main_style(styles: list[tuple[Style, int]]) -> Style | None:
    return max(styles, key=lambda s: s[1])[0] if styles else None


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"


def _join(text: str, line: str) -> str:
    """A cell's wrapped lines joined: no space between CJK characters, one elsewhere."""
    if not text or not line:
        return text or line
    glue = "" if _is_cjk(text[-1]) or _is_cjk(line[0]) else " "
    return text + glue + line
