"""Printed lines → paragraphs, by the layout: gaps, type, indents and where lines end.

A line starts a new paragraph when (:func:`starts_paragraph`):

* it starts with a raised note mark (a note under a table);
* the type changes (size, weight): a heading, a title, a note zone;
* the gap above it is wider than the line pitch of its type (paragraph spacing);
* the line before it ended early: the first word of this line would have fitted
  there (so the line before was ended on purpose) — not for bold lines, which
  are titles and headings wrapped short on purpose;
* the line before it ends a sentence and it begins like a numbered paragraph
  (``15.``, ``(b)``, ``三、``), where the text edge is not sure (a page of
  one-line paragraphs) or across a page break;
* it is indented further than the turnover lines of the paragraph so far.

A line that begins like a marker (``三、``, ``2099.``) after a full line is
therefore a continuation: the layout, not the text, decides.  A paragraph open
at the foot of a page continues at the top of the next when the line there is
not indented, is of the same type and the last line before the page break
was full.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .pdf_lines import NUMBERED, Line, plain

#: Sizes closer than this (points) are one type.
SAME_SIZE = 0.5
#: A gap wider than the pitch by this many ems (at least MIN_EXTRA points) is paragraph spacing.
EXTRA_GAP = 0.25
MIN_EXTRA = 2.0
#: A first line indented by more than this many ems (against the turnover lines) starts a paragraph.
INDENT = 0.8
#: What ends a sentence.
SENTENCE_END = tuple(".。!?！？:：;；")
#: Line ends this close (points) are one place; a place or a step this common (share of the most common) counts;
#: an edge where fewer lines end is not sure (a page of one-line paragraphs).
EDGE_BUCKET = 2.0
COMMON = 0.3
SURE = 3
#: Room for the space before a word that would have fitted, in ems.
SPACE = 0.3


@dataclass
class Frame:
    """The left and right edges of a page's body text: where its full lines end (the right edge of a
    left-to-right text, the left edge of a right-to-left one)."""

    left: float
    right: float
    sure: bool = True  # enough full lines end there to trust it


@dataclass
class Metrics:
    """What the whole document says about its type: the body size, the line pitch of each type."""

    body_size: float
    pitches: dict[float, float]

    def pitch(self, line: Line) -> float:
        """The usual distance between baselines of two lines of this line's size."""
        return self.pitches.get(line.size) or 1.2 * line.size


def measure(pages: Iterable[Sequence[Line]]) -> Metrics:
    """Body size (the size covering the most width: CJK glyphs are wide, table digits narrow) and the most
    common baseline distance per type."""
    widths: dict[float, float] = {}
    steps: dict[float, Counter[float]] = {}
    for lines in pages:
        for a, b in zip(lines, lines[1:], strict=False):
            step = round(2 * (a.base - b.base)) / 2
            if a.size == b.size and a.bold == b.bold and 0.9 * a.size <= step <= 2.5 * a.size:
                steps.setdefault(a.size, Counter())[step] += 1
        for line in lines:
            width = sum(g.x1 - g.x0 for c in line.cells for g in c.glyphs)
            widths[line.size] = widths.get(line.size, 0.0) + width
    body = max(widths, key=lambda size: widths[size]) if widths else 0.0
    return Metrics(body, {key: _usual(counts) for key, counts in steps.items()})


def _usual(steps: Counter[float]) -> float:
    """The line pitch: the smallest step that is common (paragraph gaps are larger steps, and may be more
    common than the pitch in a text of short paragraphs)."""
    top = steps.most_common(1)[0][1]
    return min(s for s, n in steps.items() if n >= max(2, COMMON * top) or n == top)


def frame(lines: Sequence[Line], body_size: float) -> Frame:
    """The edges of the body text (where full body-size lines end, :func:`_edge`)."""
    body = [ln for ln in lines if abs(ln.size - body_size) <= SAME_SIZE] or list(lines)
    if not body:
        return Frame(0.0, 0.0)
    rtl = [-ln.x0 for ln in body if ln.rtl]
    ltr = [ln.reach for ln in body if not ln.rtl]
    left, left_count = _edge(rtl) if rtl else (-min(ln.x0 for ln in body), 0)
    right, right_count = _edge(ltr) if ltr else (max(ln.x1 for ln in body), 0)
    return Frame(-left, right, max(left_count, right_count) >= SURE)


def _edge(ends: list[float]) -> tuple[float, int]:
    """Where full lines end — the furthest place where many lines end (one line's hanging comma is not it) —
    and how many lines end there."""
    places: list[list[float]] = []
    for x in sorted(ends):
        if places and x - places[-1][0] <= EDGE_BUCKET:
            places[-1].append(x)
        else:
            places.append([x])
    most = max(len(p) for p in places)
    common = [p for p in places if len(p) >= max(2, COMMON * most) or len(p) == most]
    place = max(common, key=lambda p: p[-1])
    return place[-1], len(place)


def _same_type(a: Line, b: Line) -> bool:
    return abs(a.size - b.size) <= SAME_SIZE and a.bold == b.bold


def ended_early(a: Line, b: Line, edges: Frame) -> bool:
    """Would the first word of ``b`` have fitted at the end of ``a`` (so ``a`` ended its paragraph)?"""
    room = (a.x0 - edges.left) if a.rtl else (edges.right - a.reach)
    return room > b.first_word_width() + SPACE * b.size


def _indent(line: Line, rtl: bool) -> float:
    return -line.x1 if rtl else line.x0


def starts_paragraph(a: Line, b: Line, first: Line, edges: Frame, metrics: Metrics) -> bool:
    """Does ``b`` start a new paragraph after ``a`` (``first``: the first line of ``a``'s paragraph)?"""
    if b.lead_mark or not _same_type(a, b):
        return True
    gap = a.base - b.base
    if gap < 0 or gap > metrics.pitch(a) + max(MIN_EXTRA, EXTRA_GAP * a.size):
        return True
    if not a.bold and (ended_early(a, b, edges) or (not edges.sure and _numbered_after_sentence(a, b))):
        return True
    return a is not first and _indent(b, b.rtl) - _indent(a, a.rtl) > INDENT * b.size


def _numbered_after_sentence(a: Line, b: Line) -> bool:
    """``a`` ends a sentence and ``b`` begins like a numbered paragraph (``15.``, ``(b)``, ``三、``, ``2 -``)."""
    return plain(a.text).rstrip().endswith(SENTENCE_END) and bool(NUMBERED.match(plain(b.text)))


def continues_page(a: Line, b: Line, edges: Frame, first: Line) -> bool:
    """Does ``b``, the first body line of a page, continue the paragraph whose last line ``a`` ended the page before?

    No gap tells across a page break: a full line that ends a sentence, followed by a line that begins like a
    numbered paragraph, ends its paragraph.
    """
    if b.lead_mark or not _same_type(a, b) or a.bold or ended_early(a, b, edges) or _numbered_after_sentence(a, b):
        return False
    turnover = a if a is not first else None
    if turnover is None:
        return abs(_indent(b, b.rtl) - _indent(first, first.rtl)) <= INDENT * b.size or (
            _indent(b, b.rtl) < _indent(first, first.rtl)
        )
    return _indent(b, b.rtl) - _indent(turnover, turnover.rtl) <= INDENT * b.size


@dataclass
class Paragraph:
    """Lines of one paragraph (possibly over a page break), and the page it starts on."""

    lines: list[Line]
    page: int
    edges: Frame

    @property
    def last(self) -> Line:
        """Its last line so far."""
        return self.lines[-1]


def paragraphs(lines: Sequence[Line], edges: Frame, metrics: Metrics, page: int) -> list[Paragraph]:
    """The lines of one stretch of body text (no table between) cut into paragraphs."""
    out: list[Paragraph] = []
    for line in lines:
        if out and not starts_paragraph(out[-1].last, line, out[-1].lines[0], edges, metrics):
            out[-1].lines.append(line)
        else:
            out.append(Paragraph([line], page, edges))
    return out
