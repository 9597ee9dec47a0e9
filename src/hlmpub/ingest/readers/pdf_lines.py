"""Glyphs → the printed lines of a page: position, size, weight, cells, note marks, text in logical order.

PDFium's own line breaks are not enough for a layout reader: it puts a
footnote's raised number on a line of its own, runs a masthead's two columns
into one line, and keeps a superscript reference on the line it belongs to
only sometimes.  So lines are rebuilt from the glyphs:

1. **fragments**: runs of glyphs in PDFium's order, cut where PDFium breaks
   the line or where the baseline moves (a superscript, another column);
2. **lines**: fragments on one baseline, left to right; a small raised
   fragment (a note mark) joins the line it is raised above;
3. **cells**: a line cut where the gap between two glyphs is wider than
   :data:`CELL_GAP` ems (table columns, a masthead's two sides).

A **mark** is a run of raised glyphs in a smaller size (a note reference
``¹``, ``*``, ``a``).  In the text it is written ``MARK_OPEN + mark +
MARK_CLOSE``; the layout reader turns it into a note reference or back into
plain text once it knows the notes.  Lines holding right-to-left letters are
put in logical order (:mod:`.pdf_linetext`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .pdf_bidi import has_rtl
from .pdf_glyphs import EmBox, Glyph
from .pdf_linetext import MARK_CLOSE, MARK_OPEN, MARK_RAISE, MARK_SIZE, SPACE_GAP, cell_text, gap, is_cjk, is_mark

#: Glyphs further apart than this many ems belong to different cells (a tab in ``1.<tab>Text`` is ~1 em).
CELL_GAP = 2.0
#: Baselines closer than this share of the size are one line.
SAME_BASE = 0.2
#: CJK punctuation that a line breaker never puts at the start of a line (it goes with the character before).
NO_LINE_START = frozenset("、。，．,.：:；;？?！!）)」』】〕〉》’”・·ー…‥々ぁぃぅぇぉっゃゅょァィゥェォッャュョ")
#: What begins like a paragraph or note number (``15.``, ``(b)``, ``三、``, ``2 -``, ``ألف -``).
NUMBERED = re.compile(
    r"^\s*(?:[(（]?(?:\d{1,4}|[A-Za-z]{1,4}|[一二三四五六七八九十]{1,3}|[\u0600-\u06ff]{1,8})[.)．、）]"
    r"|\d{1,4}\s?-\s|[\u0600-\u06ff]{1,8}\s?-\s)"
)
MARKS = re.compile(f"{MARK_OPEN}[^{MARK_CLOSE}]*{MARK_CLOSE}")


class Extent:
    """Something made of parts set left to right (glyphs, cells): its edges are its parts' outermost ones."""

    def parts(self) -> Sequence[Glyph | Cell]:
        """The parts, each with ``x0`` and ``x1``."""
        raise NotImplementedError

    @property
    def x0(self) -> float:
        """Left edge."""
        return min(p.x0 for p in self.parts())

    @property
    def x1(self) -> float:
        """Right edge."""
        return max(p.x1 for p in self.parts())


@dataclass
class Cell(Extent):
    """Glyphs of one line between wide gaps: a table cell, a masthead column, or the whole line."""

    glyphs: list[Glyph]
    text: str = ""

    def parts(self) -> Sequence[Glyph]:
        """The glyphs."""
        return self.glyphs


@dataclass
class Line(EmBox, Extent):
    """One printed line: its cells left to right, baseline, main size and weight, logical text."""

    cells: list[Cell]
    base: float
    size: float
    bold: bool
    rtl: bool
    page: int = 0
    marks: list[str] = field(default_factory=list)  # the marks it holds, in order
    whole: str = ""  # the text of a line of several cells read as one line ("" when it has one cell)

    def parts(self) -> Sequence[Cell]:
        """The cells."""
        return self.cells

    @property
    def reach(self) -> float:
        """Where the line ends in its direction (right, or left when RTL), counting a full-width glyph's whole em.

        CJK punctuation (、。，) is inked on one side of its em box; the line breaker counts the box.
        """
        if self.rtl:
            return self.x0
        return max(g.ox + g.size if is_cjk(g.text) else g.x1 for c in self.cells for g in c.glyphs)

    @property
    def text(self) -> str:
        """The line's text in logical order."""
        return self.whole or self.cells[0].text

    @property
    def lead_mark(self) -> str:
        """The mark the line starts with (a note's own number), or ""."""
        text = self.text
        if text.startswith(MARK_OPEN) and MARK_CLOSE in text:
            return text[1 : text.index(MARK_CLOSE)]
        return ""

    def first_word_width(self) -> float:
        """Width of the first word in reading order (the first glyph for CJK): would it fit on the line before?"""
        glyphs = sorted((g for c in self.cells for g in c.glyphs), key=lambda g: -g.x1 if self.rtl else g.x0)
        if not glyphs:
            return 0.0
        first = glyphs[0]
        if is_cjk(first.text) or not first.text.isalnum():
            # one character, with the punctuation that may not start a line (三、)
            end = first
            for k, g in enumerate(glyphs[1:]):
                if g.text not in NO_LINE_START and (k or first.text.isalnum()):
                    break  # (punctuation that starts the line goes with the character after it)
                end = g
            right = end.ox + end.size if is_cjk(end.text) else end.x1
            return (right - first.x0) if not self.rtl else first.x1 - end.x0
        end = first
        for g in glyphs[1:]:
            if g.space or gap(end, g) > SPACE_GAP * self.size or is_cjk(g.text):
                break
            end = g
        return abs((end.x1 if not self.rtl else end.x0) - (first.x0 if not self.rtl else first.x1))


def plain(text: str) -> str:
    """A line's text without its raised marks."""
    return MARKS.sub("", text)


def fragments(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Runs of glyphs in PDFium's order, cut at its line breaks and where the baseline moves."""
    out: list[list[Glyph]] = []
    for g in glyphs:
        if out:
            p = out[-1][-1]
            moved = abs(g.base - p.base) > SAME_BASE * min(g.size, p.size)
            if not (g.brk or moved or g.size < MARK_SIZE * p.size or p.size < MARK_SIZE * g.size):
                out[-1].append(g)
                continue
        out.append([g])
    return out


def _main_size(glyphs: Sequence[Glyph]) -> float:
    return Counter(g.size for g in glyphs).most_common(1)[0][0]


@dataclass
class _Group:
    """Fragments of one printed line while lines are built: their baseline and main size, kept up to date."""

    frags: list[list[Glyph]]
    base: float
    size: float

    @property
    def glyphs(self) -> list[Glyph]:
        """All glyphs of the group."""
        return [g for f in self.frags for g in f]


def _attach_marks(groups: list[_Group]) -> list[_Group]:
    """A group of small raised fragments (a note mark alone) joins the line it is raised above (the nearest)."""
    keep = [True] * len(groups)
    for i, grp in enumerate(groups):
        glyphs = grp.glyphs
        if len(glyphs) > 4:
            continue
        best, best_dist = -1, 0.0
        for j, other in enumerate(groups):
            if j == i or not keep[j] or grp.size > MARK_SIZE * other.size:
                continue
            if not MARK_RAISE * other.size <= glyphs[0].base - other.base <= 0.8 * other.size:
                continue
            dist = min(gap(a, b) for a in glyphs for b in other.glyphs)
            if dist <= CELL_GAP * other.size and (best < 0 or dist < best_dist):
                best, best_dist = j, dist
        if best >= 0:
            groups[best].frags.extend(grp.frags)
            keep[i] = False
    return [grp for grp, k in zip(groups, keep, strict=True) if k]


def _group_lines(frags: list[list[Glyph]]) -> list[list[list[Glyph]]]:
    """Fragments on one baseline (and of comparable size) as one group each, top to bottom."""
    groups: list[_Group] = []
    for frag in sorted(frags, key=lambda f: -f[0].base):
        size = _main_size(frag)
        home = None
        for grp in reversed(groups):  # groups come top to bottom: only the last few can be on this baseline
            if grp.base - frag[0].base > SAME_BASE * max(size, grp.size):
                break
            if abs(frag[0].base - grp.base) <= SAME_BASE * min(size, grp.size) and not (
                size < MARK_SIZE * grp.size or grp.size < MARK_SIZE * size
            ):
                home = grp
                break
        if home is None:
            groups.append(_Group([frag], frag[0].base, size))
        else:
            home.frags.append(frag)
            if size > home.size:
                home.size, home.base = size, frag[0].base
    return [grp.frags for grp in _attach_marks(groups)]


def _cells(group: list[list[Glyph]], size: float) -> list[list[list[Glyph]]]:
    """The fragments of a line cut into cells at gaps wider than :data:`CELL_GAP` ems (pieces keep PDFium order)."""
    pieces: list[list[Glyph]] = []
    for frag in group:  # a fragment itself may span a wide gap (PDFium's line over two columns)
        ordered = sorted(range(len(frag)), key=lambda k: frag[k].x0)
        wide = CELL_GAP * size
        cuts = {ordered[k + 1] for k in range(len(ordered) - 1) if gap(frag[ordered[k]], frag[ordered[k + 1]]) > wide}
        if not cuts:
            pieces.append(frag)
            continue
        xs = sorted(frag[k].x0 for k in cuts)
        buckets: dict[int, list[Glyph]] = {}
        for g in frag:
            buckets.setdefault(sum(1 for x in xs if g.x0 >= x), []).append(g)
        pieces.extend(buckets[k] for k in sorted(buckets))
    pieces.sort(key=lambda p: min(g.x0 for g in p))
    cells: list[list[list[Glyph]]] = []
    right = float("-inf")
    for piece in pieces:
        left = min(g.x0 for g in piece)
        if cells and left - right <= CELL_GAP * size:
            cells[-1].append(piece)
        else:
            cells.append([piece])
        right = max(right, max(g.x1 for g in piece))
    return cells


def page_lines(glyphs: Sequence[Glyph], page: int, rtl_doc: bool) -> list[Line]:
    """The printed lines of one page, top to bottom (lines on one baseline left to right)."""
    lines = []
    for group in _group_lines(fragments(glyphs)):
        glyph_list = [g for f in group for g in f]
        size = _main_size(glyph_list)
        main = [g for g in glyph_list if g.size == size]
        base = Counter(round(g.base, 1) for g in main).most_common(1)[0][0]
        body = [g for g in glyph_list if not is_mark(g, base, size)] or glyph_list
        rtl = has_rtl("".join(g.text for g in glyph_list))
        cells: list[Cell] = []
        marks: list[str] = []
        for pieces in _cells(group, size):
            text, found = cell_text(pieces, base, size, rtl, rtl_doc)
            cells.append(Cell([g for p in pieces for g in p], text))
            marks.extend(found)
        whole = ""
        if len(cells) > 1:  # the line read as one (a number set apart by a wide tab is still its paragraph's)
            whole = cell_text(list(group), base, size, rtl, rtl_doc)[0]
        bold = all(g.bold for g in body if not g.text.isspace())
        lines.append(Line(cells, base, size, bold, rtl, page, marks, whole))
    lines.sort(key=lambda ln: (-round(ln.base, 0), ln.x0))
    return lines
