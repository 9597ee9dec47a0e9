"""What a reader hands to the segmenter: blocks of lines with the layout the reader knows.

The readers (:mod:`hlmpub.ingest.readers`) and the segmenter
(:mod:`hlmpub.ingest.segment`) speak only this module, so neither imports the
other; :func:`hlmpub.ingest.read_version` composes them::

    file ──reader──▶ Reading(source, blocks, meta) ──segmenter──▶ Version(units)

A reader says what the file tells: its lines, where a page ends, which lines
make a paragraph, the number Word prints before a paragraph, the footnotes it
holds apart from the body, the articles an XML file marks.  It never decides
what a unit is: page furniture, markers, keys and ids are the segmenter's.

Block kinds (:data:`KINDS`):

* ``page`` — the lines of one page, paragraphs unknown (text between form
  feeds, a PDF page); a page ends after it.
* ``paragraph`` — one paragraph the file marks as such (a Word paragraph); its
  lines are the lines of its manual line breaks.
* ``note`` — a note the file holds apart from the body: a DOCX footnote
  (``layout.number``, referenced in the body by :data:`REF_MARK` and the
  number), a UDHR ``<note>`` paragraph.
* ``title``, ``heading``, ``item`` — the document title, a heading, a list item,
  where the file marks them (UDHR XML, a tagged PDF's ``H1``–``H6``, a Word
  heading style: ``layout.level``).
* ``table`` — a table: its cells in ``Block.rows`` (header rows first,
  ``layout.header_rows`` of them), ``lines`` empty.  A table that breaks across
  pages is one block, its repeated header row given once.  The masthead of a
  UN document is often a table too: telling it apart is the segmenter's.
* ``furniture`` — lines the file itself marks as page furniture (a tagged
  PDF's ``/Artifact`` content, DOCX headers and footers): never a unit, but the
  segmenter reads the facts they carry (symbol, job number).

Readers that know paragraphs (DOCX, tagged PDF, the layout of an untagged PDF)
give ``paragraph``, ``heading``, ``table``, ``note`` and ``furniture`` blocks
with what the layout says (:class:`Layout`: size, weight, indent, heading
level); readers that know only lines give ``page`` blocks.  The same document
read by any of them gives the same blocks, and so the same units.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..model import Source

PAGE = "page"
PARAGRAPH = "paragraph"
NOTE = "note"
TITLE = "title"
HEADING = "heading"
ITEM = "item"
TABLE = "table"
FURNITURE = "furniture"
KINDS = frozenset({PAGE, PARAGRAPH, NOTE, TITLE, HEADING, ITEM, TABLE, FURNITURE})

#: Parts of a document a file may name (``Layout.part``).
PREAMBLE = "preamble"
ARTICLE = "article"

#: Written by a reader before a reference number whose note it hands over as a ``note`` block (a Unicode
#: noncharacter, never text).  A reference by a mark that is not a number (``*``, ``a``) is written
#: ``REF_MARK + mark + REF_END``.
REF_MARK = "\ufdd0"
REF_END = "\ufdd1"


@dataclass(frozen=True)
class Layout:
    """What the reader knows about where a block sits and how it is printed; empty when it does not know.

    ``page``: the page the block is on (1 for the first), 0 when the format has
    no pages.  ``marker``: a number the format prints before the text instead
    of holding it as text (Word list numbering with its tab, a UDHR list tag,
    a DOCX footnote's number).  ``part`` and ``number``: the part of the
    document the file puts the block in (:data:`ARTICLE` 3, :data:`PREAMBLE`);
    for a ``note``, ``number`` is its number (0 when its mark is not a number:
    ``marker`` is then the mark, ``*`` or ``a``).  ``level``, ``size``,
    ``bold`` and ``indent`` are how the block is printed, where the reader
    knows; a segmenter uses them to tell a title or a heading from body text.
    """

    page: int = 0
    marker: str = ""
    part: str = ""
    number: int = 0
    level: int = 0  # a heading's level, 1 the highest, where the file says (H1, "Heading 1")
    size: float = 0.0  # the main font size in points; 0: unknown
    bold: bool = False  # set in bold throughout
    indent: float = 0.0  # the first line's left indent from the text column, in points
    header_rows: int = 0  # a table: how many of its rows are header rows


@dataclass(frozen=True)
class Block:
    """One block of a file in reading order: its kind, its lines, its layout.

    ``lines`` are as the file gives them, characters cleaned (newlines
    unified, bidi controls dropped, ligatures folded) but not stripped; ``""``
    is a blank line.
    """

    kind: str
    lines: tuple[str, ...]
    layout: Layout = Layout()
    rows: tuple[tuple[str, ...], ...] = ()  # a table's cells, row by row (header rows first)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}")


@dataclass(frozen=True)
class Reading:
    """A file as its reader read it: where it came from, its blocks in reading order, what the reader learnt.

    ``meta`` is metadata of the file itself (a PDF's page count); the segmenter
    adds what the page furniture says.
    """

    source: Source
    blocks: tuple[Block, ...]
    meta: Mapping[str, str] = field(default_factory=dict)
