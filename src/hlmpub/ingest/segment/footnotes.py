"""Footnotes at the foot of a page: found conservatively, taken out of the running text.

In text extracted from a UN PDF a page's footnotes follow its body text and
come before the footer furniture (or the form feed)::

    ... the committee held its first meeting1 in the city and
    1 See resolution 67/39.
    13-53431 (E)
    \\f

Left alone, the footnote would join the paragraph it interrupts.  A run of
lines at the end of a page is taken as footnotes only when all of this holds:

* the page ends (a form feed or page furniture follows: :class:`Cleaned.page_ends`);
* its first line starts with a note number and a space (``1 See``, ``1 见``,
  ``1 انظر``; a superscript ``¹`` needs no space; Arabic-Indic digits count)
  and every further line either starts with the next number or continues the
  note before it;
* the numbers continue the document's footnote numbering (the first at most
  ``MAX_SKIP`` ahead of the last note seen, or a restart at 1);
* every one of them is referenced in the body of the same page: the number
  glued to the end of a word (``meeting1``, ``会议1``, ``الاجتماع1``) and not
  followed by a letter, digit, ``/`` or CJK character (so ``1月``, ``第1号``,
  ``A1/2`` are not references), or written as superscript digits.

The note keeps its number as its marker and its text; the reference digit
stays in the body text.  Anything else stays text.

A reader that knows its notes and where they are referenced (DOCX) does not
need any of this: it writes :data:`~hlmpub.ingest.blocks.REF_MARK` before each
reference number and hands the notes over as ``note`` blocks
(:func:`place_marked_notes`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ...numerals import ascii_digits
from ..blocks import REF_MARK

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
SUP = "[⁰¹²³⁴⁵⁶⁷⁸⁹]"

#: A note line: a number (then a space), then text that does not start like an Arabic marker (``1 - ``).
NOTE_LINE = re.compile(rf"^(?P<n>\d{{1,3}}(?=\s)|{SUP}{{1,3}})\s*(?P<rest>(?![-–—.)]).+)$")

#: A reference: digits glued after a letter, not followed by a word character, ``/`` or a decimal part.
REFERENCE = re.compile(rf"(?<=[^\W\d_])(?P<n>\d{{1,3}})(?![\w/]|[.,]\d)|(?P<sup>{SUP}{{1,3}})")

MARKED_REFERENCE = re.compile(REF_MARK + r"(\d+)")

#: How many note numbers may be skipped (notes we failed to see), and the longest zone and note.
MAX_SKIP = 3
MAX_ZONE_LINES = 20
MAX_NOTE_LINES = 8


@dataclass
class Note:
    """A footnote: its number, its number as printed, its lines, and the body line that references it."""

    number: int
    marker: str
    lines: list[str] = field(default_factory=list)
    ref_line: int = -1


def note_number(text: str) -> int:
    """``1``, ``١``, ``¹`` → 1."""
    return int(ascii_digits(text).translate(SUPERSCRIPTS))


def references(line: str) -> set[int]:
    """The footnote numbers referenced in a body line."""
    return {note_number(m.group("n") or m.group("sup")) for m in REFERENCE.finditer(line)}


def _parse_zone(lines: list[str], start: int, first: int) -> list[Note] | None:
    """Notes from ``lines[start:]`` if they read as consecutive footnotes starting at ``first``."""
    notes: list[Note] = []
    for line in lines[start:]:
        text = line.strip()
        if not text:
            continue
        m = NOTE_LINE.match(text)
        expected = notes[-1].number + 1 if notes else first
        if m and note_number(m.group("n")) == expected:
            notes.append(Note(expected, m.group("n"), [m.group("rest")]))
        elif not notes or len(notes[-1].lines) >= MAX_NOTE_LINES:
            return None
        else:
            notes[-1].lines.append(text)
    return notes


def _referenced(notes: list[Note], body: list[str], offset: int) -> bool:
    """Every note referenced in the body; set each note's ``ref_line`` (first referencing line + offset)."""
    for note in notes:
        found = [i for i, line in enumerate(body) if note.number in references(line)]
        if not found:
            return False
        note.ref_line = offset + found[0]
    return True


def find_zone(page: list[str], last: int, offset: int = 0) -> tuple[int, list[Note]] | None:
    """Where the footnotes of one page start and what they are; None when the page has none.

    Of the readings that fit, the one with the smallest first number wins, and
    of those the one that starts lowest on the page (the fewest lines taken).
    """
    content = [i for i, line in enumerate(page) if line.strip()]
    best: tuple[int, int, list[Note]] | None = None
    for start in reversed(content[-MAX_ZONE_LINES:]):
        m = NOTE_LINE.match(page[start].strip())
        if not m:
            continue
        first = note_number(m.group("n"))
        if not (last < first <= last + 1 + MAX_SKIP or first == 1) or (best and first >= best[0]):
            continue
        notes = _parse_zone(page, start, first)
        if notes and _referenced(notes, page[:start], offset):
            best = (first, start, notes)
    return (best[1], best[2]) if best else None


def split_notes(lines: list[str], page_ends: list[int]) -> tuple[list[str], list[Note]]:
    """Body lines without the page-foot notes, and the notes (``ref_line`` indexes the body lines)."""
    body: list[str] = []
    notes: list[Note] = []
    start = 0
    for end in [*page_ends, len(lines)]:
        page = lines[start:end]
        zone = find_zone(page, notes[-1].number if notes else 0, len(body)) if end in page_ends else None
        if zone is None:
            body.extend(page)
        else:
            cut, found = zone
            kept = page[:cut]
            while kept and not kept[-1].strip():
                kept.pop()
            body.extend(kept)
            notes.extend(found)
        start = end
    return body, notes


def place_marked_notes(lines: list[str], notes: Sequence[Note]) -> tuple[list[str], list[Note]]:
    """Lines without :data:`REF_MARK`, and ``notes`` with ``ref_line`` at their first marked reference.

    A note whose reference was not found (its paragraph was dropped as
    furniture) goes after the note before it.
    """
    first: dict[int, int] = {}
    body = []
    for i, line in enumerate(lines):
        for m in MARKED_REFERENCE.finditer(line):
            first.setdefault(int(m.group(1)), i)
        body.append(line.replace(REF_MARK, ""))
    placed: list[Note] = []
    for note in notes:
        ref = first.get(note.number, placed[-1].ref_line if placed else 0)
        placed.append(replace(note, ref_line=ref))
    return body, sorted(placed, key=lambda n: n.ref_line)
