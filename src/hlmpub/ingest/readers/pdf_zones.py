"""The zones of a page that are not body text: running header and footer, the footnotes.

* **Furniture**: lines in the top or bottom twelfth of the page that stand
  apart from the text (a gap of more than a line): running header (the
  symbol), footer (page number, job number, barcode, recycling line).  A line
  of the masthead or of the body close to the edge is not apart, so it stays.
* **Footnotes**: the lines under a short rule at the page foot, set smaller
  than the body; each note starts with its raised number or mark.  A page
  whose zone starts without a mark continues the last note of the page before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .pdf_glyphs import Rule
from .pdf_lines import MARK_CLOSE, Line

#: The top and bottom share of a page where running headers and footers sit (UN: about 5 %; text from 9 %).
EDGE_BAND = 0.08
#: Lines this close in height (points) on two pages are at the same place.
SAME_PLACE = 3.0
DIGITS = re.compile(r"\d+")
#: A note number typed at the start of a footnote line (not raised): a number or asterisks, a space, text.
TYPED_MARK = re.compile(r"^\s*(\d{1,3}|\*{1,3}|[†‡])\s+\S")
#: On a lone page, furniture stands apart from the text by more than this many ems of the nearer line.
APART = 1.2
#: The rule over the footnotes: between these shares of the text width, in the bottom part of the page, thin.
NOTE_RULE_MIN, NOTE_RULE_MAX = 0.1, 0.5
NOTE_ZONE = 0.6
NOTE_RULE_THICKNESS = 2.0


def _apart(upper: Line, lower: Line) -> bool:
    return upper.bottom - lower.top > APART * max(upper.size, lower.size)


def _key(line: Line) -> tuple[str, int]:
    """A line's text with its numbers blanked (page 2/9 and 3/9 alike) and its height on the page."""
    return DIGITS.sub("#", line.text.strip()), round(line.base / SAME_PLACE)


def furniture_split(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> list[tuple[int, int]]:
    """How many lines at the top and at the bottom of each page (lines top to bottom) are running header / footer.

    A line near the edge is furniture when the same line (numbers aside) sits at the same height on another
    page, or when it stands apart from the text by more than a line's height and lies wholly outside the
    text of the other pages (page 1's own footer; not a heading that starts a page).  A document of one
    page has no other pages: there standing apart is enough.
    """
    seen: dict[tuple[str, int], set[int]] = {}
    for number, lines in enumerate(pages):
        for line in lines:
            seen.setdefault(_key(line), set()).add(number)
    repeated = {key for key, where in seen.items() if len(where) > 1}
    apart = [_apart_split(lines, height) for lines, height in zip(pages, heights, strict=True)]
    tops, bottoms = [], []
    for lines, (top, bottom) in zip(pages, apart, strict=True):
        body = [ln for ln in lines[top : len(lines) - bottom] if _key(ln) not in repeated]
        tops.append(max((ln.top for ln in body), default=None))
        bottoms.append(min((ln.bottom for ln in body), default=None))
    out = []
    for number, (lines, height) in enumerate(zip(pages, heights, strict=True)):
        others_top = [t for k, t in enumerate(tops) if k != number and t is not None]
        others_bottom = [b for k, b in enumerate(bottoms) if k != number and b is not None]
        if not others_top or not others_bottom:
            out.append(apart[number])
            continue
        text_top, text_bottom = max(others_top), min(others_bottom)
        apart_top, apart_bottom = apart[number]
        top = 0
        while top < len(lines) and lines[top].top >= (1 - EDGE_BAND) * height:
            line = lines[top]
            if _key(line) not in repeated and not (top < apart_top and line.bottom > text_top):
                break
            top += 1
        bottom = 0
        while bottom < len(lines) - top and lines[-1 - bottom].bottom <= EDGE_BAND * height:
            line = lines[-1 - bottom]
            if _key(line) not in repeated and not (bottom < apart_bottom and line.top < text_bottom):
                break
            bottom += 1
        out.append((top, bottom))
    return out


def _apart_split(lines: Sequence[Line], height: float) -> tuple[int, int]:
    """Furniture of a lone page: lines in the edge bands standing apart from the text."""
    top = 0
    while top < len(lines) and lines[top].top >= (1 - EDGE_BAND) * height:
        top += 1
    while 0 < top < len(lines) and not _apart(lines[top - 1], lines[top]):
        top -= 1
    bottom = 0
    while bottom < len(lines) - top and lines[-1 - bottom].bottom <= EDGE_BAND * height:
        if note_mark(lines[-1 - bottom], 0):
            break  # a footnote, not a footer
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
        if zone and all(ln.size <= body for ln in zone) and (note_mark(zone[0], 0) or continuing):
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


def note_mark(line: Line, last: int) -> str:
    """The mark a footnote line starts with: raised, or typed (``1 See…``, ``* Reissued…``) when it is the next
    number after ``last`` (0: any number) or asterisks; "" when it starts none."""
    if line.lead_mark:
        return line.lead_mark
    typed = TYPED_MARK.match(line.text)
    if typed is None:
        return ""
    mark = typed.group(1)
    return mark if not mark.isdigit() or not last or int(mark) == last + 1 else ""


def split_notes(zone: Sequence[Line], page: int, notes: list[FoundNote]) -> list[FoundNote]:
    """The notes of one footnote zone appended to ``notes``; lines before the first mark continue the last note."""
    added: list[FoundNote] = []
    last = next((int(n.mark) for n in reversed(notes) if n.mark.isdigit()), 0)
    for line in zone:
        mark = note_mark(line, last)
        if mark.isdigit():
            last = int(mark)
        if mark:
            text = without_lead_mark(line.text) if line.lead_mark else line.text.lstrip()[len(mark) :].lstrip()
            added.append(FoundNote(mark, [text], page, line.size))
        elif added:
            added[-1].lines.append(line.text)
        elif notes:
            notes[-1].lines.append(line.text)
    notes.extend(added)
    return added
