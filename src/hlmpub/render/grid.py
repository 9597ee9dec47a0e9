"""Table units laid out for the editions: cells padded to a grid, figure columns, the width each column needs.

Widths are estimated in *ems of body text* (9.5 pt, edition.css) from the characters
(:func:`text_ems`), the same estimate the language columns are sized by.  A column
needs its widest cell, a figure unbroken and text wrapped over at most
:data:`TEXT_LINES` lines (never narrower than its longest word).  The PDF sets a
table with those widths (``table-layout: fixed``), so what is measured here is what
is drawn; ``rows.table_layout`` compares a table's width with its language column to
choose between a table in the column and a full-width band (docs/design/render.md).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..model import Unit

#: Body text size in pt (the bundled edition.css's ``--base``); an em of body text in pt.
BODY_PT = 9.5
#: Table cells are set at 8.5 pt (edition.css ``table.cells``; Arabic larger, as in the text: the estimate of an
#: Arabic letter already allows for that) with 1 mm padding a side.
TABLE_SCALE = 8.5 / 9.5
CELL_PADDING_EMS = 0.6
#: What the estimate leaves out, per column: real glyphs a little wider than the estimate (digits of the CJK
#: face, bold header text); without it a header or a date on the edge wrapped after all (looked at, render.md).
SLACK_EMS = 0.8
#: Header cells are bold.
BOLD = 1.08
#: A text cell may wrap over this many lines before its column counts as too narrow.
TEXT_LINES = 2

#: A cell that is a figure: digits of any script with separators, signs, per cent, brackets, and at most a
#: trailing note reference (``975,500``, ``(12.5)``, ``2015a``, ``2015 (أ)``, ``١٢٣``).
_FIGURE = re.compile(r"^[\s(−–+\-]*\d[\d\s.,'٫٬%٪)\u00a0\u202f\u2009]*(?:\s*(?:[a-z*]|\(\S{1,3}\)))?$")
#: Characters a line may break before or after without a space (ideographs, full-width forms).
_CJK = re.compile(r"[\u2e80-\u9fff\uff00-\uffef]")


def text_ems(text: str) -> float:
    """Rough set width in ems: ideographs and full-width forms 1, Arabic 0.62 (set larger), Cyrillic 0.56, else 0.5."""
    width = 0.0
    for char in text:
        code = ord(char)
        if 0x2E80 <= code <= 0x9FFF or 0xFF00 <= code <= 0xFFEF:
            width += 1.0
        elif 0x0600 <= code <= 0x06FF:
            width += 0.62
        elif 0x0400 <= code <= 0x04FF:
            width += 0.56
        else:
            width += 0.5
    return width


def is_figure(text: str) -> bool:
    """True for a cell holding one figure (see :data:`_FIGURE`)."""
    return bool(_FIGURE.match(text.strip()))


def word_ems(text: str) -> float:
    """Width of the longest piece of ``text`` no line can break: a word; around ideographs, one character."""
    widest = 0.0
    for word in text.split():
        pieces = _CJK.split(word)
        widest = max(widest, *(text_ems(piece) for piece in pieces), 1.0 if len(pieces) > 1 else 0.0)
    return widest


def cell_ems(text: str, figure: bool) -> float:
    """The width a cell needs: a figure whole, text over at most :data:`TEXT_LINES` lines."""
    if figure:
        return text_ems(text)
    return max(word_ems(text), text_ems(text) / TEXT_LINES)


@dataclass(frozen=True)
class Grid:
    """A table unit ready for a template.

    ``header`` and ``body``: its rows, each padded to the same number of cells; ``numeric``: per column,
    whether every filled body cell is a figure (set unbroken, to the column's end edge, as figures are
    in UN tables); ``widths``: per column, the ems of body text it needs (figures whole, text over at
    most :data:`TEXT_LINES` lines); ``natural``: what it takes with every cell on one line.  Both
    include the cell padding.
    """

    header: tuple[tuple[str, ...], ...]
    body: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    widths: tuple[float, ...]
    natural: tuple[float, ...]

    @property
    def cols(self) -> int:
        return len(self.widths)

    @property
    def ems(self) -> float:
        """The width the whole table needs."""
        return sum(self.widths)

    def fit(self, room: float) -> tuple[float, tuple[float, ...]]:
        """The table's width in ems and each column's share of it in per cent, in ``room`` ems.

        Every cell on one line when that fits; else each column gets what it needs and the rest of the room
        goes to the columns that wrap, in proportion to what they lack; a table that needs more than the
        room gets all of it, shared as the needs are (its text wraps further).
        """
        wide = sum(self.natural)
        if wide <= room:
            cols = self.natural
        elif self.ems <= room:
            lack = [n - w for n, w in zip(self.natural, self.widths, strict=True)]
            spare = room - self.ems
            cols = tuple(w + spare * d / sum(lack) for w, d in zip(self.widths, lack, strict=True))
        else:
            cols = self.widths
        total = sum(cols) or 1.0
        return min(total, room), tuple(100 * w / total for w in cols)

    def css(self, room: float, base_pt: float = BODY_PT) -> tuple[str, tuple[str, ...]]:
        """:meth:`fit` as CSS: the table's width (in pt, or ``100%`` when it takes the room) and ``col`` widths.

        ``base_pt``: the stylesheet's base size, the size of an em here.
        """
        width, shares = self.fit(room)
        table = "100%" if width >= room else f"{width * base_pt:.1f}pt"
        return table, tuple(f"{share:.2f}%" for share in shares)


@functools.lru_cache(maxsize=256)
def grid(unit: Unit) -> Grid:
    """The :class:`Grid` of a table unit (ragged rows padded with empty cells)."""
    cols = unit.shape[1]
    rows = tuple(tuple(row) + ("",) * (cols - len(row)) for row in unit.rows)
    header, body = rows[: unit.header_rows], rows[unit.header_rows :]
    numeric = tuple(
        any(r[c].strip() for r in body) and all(is_figure(r[c]) for r in body if r[c].strip()) for c in range(cols)
    )
    need, natural = [0.0] * cols, [0.0] * cols
    for in_body, part in ((False, header), (True, body)):
        weight = 1.0 if in_body else BOLD
        for row in part:
            for c, text in enumerate(row):
                need[c] = max(need[c], weight * cell_ems(text, in_body and numeric[c]))
                natural[c] = max(natural[c], weight * text_ems(text))
    return Grid(header, body, numeric, _padded(need), _padded(natural))


def _padded(ems: list[float]) -> tuple[float, ...]:
    return tuple(n * TABLE_SCALE + CELL_PADDING_EMS + SLACK_EMS for n in ems)


def table_ems(unit: Unit) -> float:
    """The width a table unit needs, in ems of body text (:attr:`Grid.ems`)."""
    return grid(unit).ems
