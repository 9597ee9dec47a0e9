"""The zones of a page that are not body text: running header and footer, the footnotes.

* **Furniture**: lines in the top or bottom tenth of the page that stand
  apart from the text (a gap of more than a line): running header (the
  symbol), footer (page number, job number, barcode, recycling line).  A line
  of the masthead or of the body close to the edge is not apart, so it stays.
* **Footnotes**: the lines under a short rule at the page foot, set smaller
  than the body; each note starts with its raised number or mark.  A page
  whose zone starts without a mark continues the last note of the page before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .pdf_glyphs import Rule
from .pdf_lines import MARK_CLOSE, Line

#: The top and bottom share of a page where running headers and footers sit.
EDGE_BAND = 0.1
#: Furniture stands apart from the text by more than this many ems of the nearer line.
APART = 1.2
#: The rule over the footnotes: between these shares of the text width, in the bottom part of the page, thin.
NOTE_RULE_MIN, NOTE_RULE_MAX = 0.1, 0.5
NOTE_ZONE = 0.6
NOTE_RULE_THICKNESS = 2.0


def _apart(upper: Line, lower: Line) -> bool:
    return upper.bottom - lower.top > APART * max(upper.size, lower.size)


def furniture_split(lines: Sequence[Line], height: float) -> tuple[int, int]:
    """How many lines at the top and at the bottom of a page (top to bottom) are running header / footer."""
    top = 0
    while top < len(lines) and lines[top].top >= (1 - EDGE_BAND) * height:
        top += 1
    while 0 < top < len(lines) and not _apart(lines[top - 1], lines[top]):
        top -= 1
    bottom = 0
    while bottom < len(lines) - top and lines[-1 - bottom].bottom <= EDGE_BAND * height:
        bottom += 1
    while 0 < bottom < len(lines) - top and not _apart(lines[-1 - bottom], lines[-bottom]):
        bottom -= 1
    return top, bottom


def note_zone_start(
    lines: Sequence[Line], rules: Sequence[Rule], height: float, text_width: float, body: float, continuing: bool
) -> int:
    """Index of the first footnote line (len(lines) when none): the lines under a short rule, set small.

    The zone starts with a note's mark, or (``continuing``: the document has notes already) with the rest
    of the last note.
    """
    short = [
        r
        for r in rules
        if r.horizontal
        and NOTE_RULE_MIN * text_width <= r.width <= NOTE_RULE_MAX * text_width
        and r.y1 - r.y0 <= NOTE_RULE_THICKNESS
        and r.y <= NOTE_ZONE * height
    ]
    for rule in sorted(short, key=lambda r: -r.y):
        start = next((k for k, ln in enumerate(lines) if ln.top < rule.y), len(lines))
        zone = lines[start:]
        if zone and all(ln.size < body for ln in zone) and (zone[0].lead_mark or continuing):
            return start
    return len(lines)


@dataclass
class FoundNote:
    """A footnote: its mark as printed and its lines (the mark taken off the first)."""

    mark: str
    lines: list[str]
    page: int
    size: float


def without_lead_mark(text: str) -> str:
    """A note's first line without the mark it starts with."""
    return text[text.index(MARK_CLOSE) + 1 :].lstrip() if text and text.find(MARK_CLOSE) >= 0 else text


def split_notes(zone: Sequence[Line], page: int, notes: list[FoundNote]) -> list[FoundNote]:
    """The notes of one footnote zone appended to ``notes``; lines before the first mark continue the last note."""
    added: list[FoundNote] = []
    for line in zone:
        mark = line.lead_mark
        if mark:
            added.append(FoundNote(mark, [without_lead_mark(line.text)], page, line.size))
        elif added:
            added[-1].lines.append(line.text)
        elif notes:
            notes[-1].lines.append(line.text)
    notes.extend(added)
    return added
