"""Tables of an untagged PDF page, from column positions and ruling lines.

A **table** is a run of printed lines cut into two or more cells at wide gaps
(:mod:`.pdf_lines`), with the single-cell lines between them that continue a
cell.  Its **columns** are the x ranges its cells cover (the union of the cell
boxes: a right-aligned number falls under its column heading).  Its **rows**
are its lines, except between two horizontal rules that hold lines of
different baselines (a masthead cell of three lines beside a cell of one):
such a band is one row.  **Header rows** are the rows above the first rule
inside the table when the rows below it are not ruled apart.

The **masthead** of a UN document (page 1, above a thick rule across the
text) is laid out as a table without visible column rules; it is read the
same way and handed over as a ``table`` block (telling it apart is the
segmenter's).

A table that continues on the next page (:func:`merge_continued`) is one
table; the header row repeated there is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .pdf_glyphs import Rule
from .pdf_lines import NUMBERED, Line, plain

#: A rule spans a table when it covers this share of the table's width.
SPANS = 0.5
#: The masthead rule: across this share of the text width, in the top part of page 1, at least this thick.
MASTHEAD_SPAN = 0.6
MASTHEAD_ZONE = 0.45
#: A header may be at most this many rows.
MAX_HEADER_ROWS = 3


@dataclass
class Table:
    """A table found on one page: its rows of cell texts, header rows, extent and the lines it took."""

    rows: list[list[str]]
    header_rows: int
    columns: list[tuple[float, float]]
    top: float
    bottom: float
    page: int
    lines: list[Line] = field(default_factory=list)
    size: float = 0.0


def _columns(lines: Sequence[Line]) -> list[tuple[float, float]]:
    """The x ranges covered by the cells of ``lines`` (overlapping cell boxes merged), left to right."""
    spans = sorted((c.x0, c.x1) for line in lines for c in line.cells)
    out: list[list[float]] = []
    for x0, x1 in spans:
        if out and x0 <= out[-1][1]:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return [(a, b) for a, b in out]


def _column_of(x0: float, x1: float, columns: Sequence[tuple[float, float]]) -> int:
    overlaps = [min(x1, b) - max(x0, a) for a, b in columns]
    return max(range(len(columns)), key=lambda k: overlaps[k])


def _spanning(rules: Sequence[Rule], x0: float, x1: float) -> list[Rule]:
    return [r for r in rules if r.horizontal and min(r.x1, x1) - max(r.x0, x0) >= SPANS * (x1 - x0)]


def _row_groups(lines: list[Line], rules: Sequence[Rule], banded: bool) -> tuple[list[list[Line]], list[int]]:
    """Lines grouped into rows, and the indexes of rows that have a rule right above them.

    ``banded``: every band between two rules is one row (a masthead).
    """
    x0, x1 = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    cuts = sorted({round(r.y, 1) for r in _spanning(rules, x0, x1)}, reverse=True)
    bands: list[list[Line]] = []
    band_of: list[int] = []
    for line in lines:
        below = sum(1 for y in cuts if y > line.base)  # how many rules are above the line
        if not band_of or below != band_of[-1]:
            bands.append([])
            band_of.append(below)
        bands[-1].append(line)
    rows: list[list[Line]] = []
    ruled: list[int] = []
    for k, band in enumerate(bands):
        if k and band_of[k] != band_of[k - 1]:
            ruled.append(len(rows))
        if banded:
            rows.append(band)
        elif all(len(ln.cells) > 1 for ln in band) or len(band) == 1:
            rows.extend([ln] for ln in band)
        elif any(len(ln.cells) > 1 for ln in band) and len({round(ln.base) for ln in band}) == len(band):
            for ln in band:  # a grid with wrapped cells: a one-cell line continues the row above
                if len(ln.cells) > 1 or not rows or not any(rows[-1][0] is other for other in band):
                    rows.append([ln])
                else:
                    rows[-1].append(ln)
        else:
            rows.append(band)  # lines of different baselines beside each other: one row
    return rows, ruled


def _cells(row: list[Line], columns: Sequence[tuple[float, float]], rtl: bool) -> list[str]:
    texts: list[list[str]] = [[] for _ in columns]
    for line in sorted(row, key=lambda ln: -ln.base):
        for cell in line.cells:
            texts[_column_of(cell.x0, cell.x1, columns)].append(cell.text)
    out = ["\n".join(t) for t in texts]
    return out[::-1] if rtl else out


def _header_rows(ruled: list[int], count: int) -> int:
    """Rows above the first rule inside the table, when the rows below it are not all ruled apart."""
    inside = [k for k in ruled if 0 < k < count]
    if not inside or inside[0] > MAX_HEADER_ROWS:
        return 0
    below = set(range(inside[0] + 1, count))
    return 0 if below and below <= set(inside) else inside[0]


def make_table(lines: list[Line], rules: Sequence[Rule], page: int, rtl: bool, *, banded: bool = False) -> Table:
    """The table made of ``lines`` (top to bottom) and the rules across it (``banded``: see :func:`_row_groups`)."""
    columns = _columns(lines)
    groups, ruled = _row_groups(lines, rules, banded)
    rows = [_cells(g, columns, rtl) for g in groups]
    header = 0 if banded else _header_rows(ruled, len(rows))
    size = sorted(ln.size for ln in lines)[len(lines) // 2]
    return Table(rows, header, columns, lines[0].top, lines[-1].bottom, page, list(lines), size)


def find_tables(lines: Sequence[Line], rules: Sequence[Rule]) -> list[tuple[int, int]]:
    """Runs of lines (start, end indexes) that make tables: at least two lines of several cells in columns
    (the gaps of two loosely set lines of text do not line up).

    A one-cell line inside the run continues a cell when it lies under a column other than the first,
    close below the line before.
    """
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if len(lines[i].cells) < 2:
            i += 1
            continue
        j = i + 1
        left = lines[i].x0
        while j < len(lines):
            line, prev = lines[j], lines[j - 1]
            close = prev.bottom - line.top < 1.0 * line.size
            if len(line.cells) > 1 and close:
                j += 1
            elif close and line.x0 > left + 2 * line.size and not line.lead_mark:
                j += 1
            else:
                break
        multi = [ln for ln in lines[i:j] if len(ln.cells) > 1]
        if len(multi) >= 2 and len(_columns(multi)) > 1 and not _numbered_list(multi):
            runs.append((i, j))
        i = j
    return runs


def _numbered_list(lines: Sequence[Line]) -> bool:
    """Lines of two cells whose first cell is only a number (``1.<tab>Text``): paragraphs, not a table."""

    def number_only(text: str) -> bool:
        found = NUMBERED.match(text + " ")
        return found is not None and found.end() >= len(text)

    return all(len(ln.cells) == 2 and number_only(plain(ln.cells[0].text).strip()) for ln in lines)


def masthead_end(lines: Sequence[Line], rules: Sequence[Rule], height: float, text_width: float) -> int:
    """How many lines from the top of page 1 form the masthead (0: none): those above its lowest thick rule."""
    candidates = [
        r
        for r in rules
        if r.horizontal and r.width >= MASTHEAD_SPAN * text_width and r.y >= (1 - MASTHEAD_ZONE) * height
    ]
    if not candidates:
        return 0
    lowest = min(r.y for r in candidates)
    count = 0
    while count < len(lines) and lines[count].base > lowest:
        count += 1
    if count < 2 or len(_columns(lines[:count])) < 2:
        return 0
    return count


def merge_continued(first: Table, more: Table) -> bool:
    """Append ``more`` (the top of the next page) to ``first`` when it continues it; drop a repeated header."""
    if len(more.columns) != len(first.columns) or not first.rows:
        return False
    rows = more.rows
    header = first.rows[: max(first.header_rows, 1)]
    if rows[: len(header)] == header:
        rows = rows[len(header) :]
    elif first.header_rows:
        return False  # a continued table repeats its header; without it this is another table
    first.rows.extend(rows)
    first.lines.extend(more.lines)
    return True
