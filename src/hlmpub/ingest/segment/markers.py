"""Segmentation: content lines → segments (the lines of one unit each), each opened by a numbering marker or a gap.

A line opens a new segment when it starts with a marker that continues the
document's numbering (:class:`Numbering`: the next chapter, section, paragraph
or sub-paragraph, allowing a small gap); so a wrapped line that happens to
start with ``2013.`` or ``A.`` stays inside its paragraph.  A marker that
fits but stands inside a running sentence (``三、`` after ``…安倍晋``) is
judged by :mod:`.continuation`: the line before, the level's form, and the
sequence after it.  A run of blank lines also opens a segment: two blank lines
when the text has a blank line between every wrapped line (as text extracted
from UN PDFs often does), one otherwise; in extracted text not after a marker
alone on its line, nor inside a sentence that runs on.  Before the first marker (the front matter: session, agenda item,
titles) a short line also ends its segment, since titles are set one per line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Literal

from ...conventions import Marker, chapter_key, marker_candidates, para_key, section_key, subpara_key, subsub_key
from ...model import Kind
from .continuation import Context, Judge, display_width
from .frontmatter import is_front_line

log = logging.getLogger(__name__)

#: Largest step forward accepted for each kind of number (a gap means a missing item).
MAX_STEP = {"chapter": 2, "section": 2, "para": 3, "subpara": 2, "subsub": 2}

#: How far ahead to look for the next list marker when ``(i)`` may be a letter or a roman numeral.
LOOKAHEAD_LINES = 30

Option = tuple[int, int, Marker, int]  # rank, order, marker, value

#: A front-matter line shorter than this share of the full line width ends its segment.
SHORT_LINE = 0.75

#: A segment before the first marker with this many lines, or this many columns, is body text, not a title.
FRONT_MAX_LINES = 3
FRONT_MAX_WIDTH = 250


#: The unit kind of each marker kind: a sub-sub-paragraph is a sub-paragraph with a deeper key.
UNIT_KIND: dict[str, Kind] = {
    "chapter": "chapter",
    "section": "section",
    "para": "para",
    "subpara": "subpara",
    "subsub": "subpara",
}


@dataclass
class Segment:
    """Wrapped lines of one unit, with its marker when it has one."""

    kind: Kind | Literal["front"]  # front: a line of the front matter, a meta unit once its key is known
    marker: str = ""
    key: str = ""
    lines: list[str] = field(default_factory=list)
    start: int = -1  # index of its first line in the segmenter's input


@dataclass
class Numbering:
    """Where the numbering stands; decides whether a marker continues it."""

    chapter: int = 0
    section: int = 0
    para: int = 0
    sub: int = 0
    subsub: int = 0
    last: str = ""

    def current(self, kind: str) -> int:
        """The last number of this kind."""
        numbers = {"chapter": self.chapter, "section": self.section, "para": self.para, "subpara": self.sub}
        return numbers[kind] if kind in numbers else self.subsub

    def _rank(self, kind: str, value: int) -> int | None:
        """0 for the very next number, larger for a small gap, None when it does not fit."""
        current = self.current(kind)
        step = value - current
        if kind == "subsub" and (self.sub == 0 or self.last not in ("subpara", "subsub")):
            return None  # (i) (ii) only inside a sub-paragraph, right after it or after a sibling
        if kind == "para" and value == 1 and self.para > 1 and self.last in ("chapter", "section"):
            return MAX_STEP["para"]  # numbering restarts (an annex)
        if kind == "chapter" and value == 1 and self.chapter > 1:
            return MAX_STEP["chapter"]  # chapters restart (an annex)
        if kind == "chapter" and self.chapter == 0 and self.section > 0:
            return None
        if current == 0 and kind != "para":
            return 0 if value == 1 else None
        return step - 1 if 1 <= step <= MAX_STEP[kind] else None

    def options(self, candidates: list[Marker]) -> list[Option]:
        """Every reading that continues the numbering, best (smallest gap, then table order) first."""
        found = []
        for order, marker in enumerate(candidates):
            for value in marker.values:
                rank = self._rank(marker.kind, value)
                if rank is not None:
                    found.append((rank, order, marker, value))
        return sorted(found, key=lambda o: o[:2])

    def choose(
        self, candidates: list[Marker], following: Callable[[], list[Marker]] = list
    ) -> tuple[Marker, int] | None:
        """The reading that best continues the numbering, if any.

        When a marker reads both as a letter and as a roman numeral (``(i)``
        after ``(h)``, ``(v)`` after ``(iv)`` inside ``(u)``), ``following()``
        gives the next list marker's readings: the letter wins if the next
        marker is the next letter, the numeral if it is the next numeral;
        otherwise the smaller gap, and on a tie the numeral only inside a
        running roman list.
        """
        found = self.options(candidates)
        if not found:
            return None
        best = found[0]
        letter = next((o for o in found if o[2].kind == "subpara"), None)
        roman = next((o for o in found if o[2].kind == "subsub"), None)
        if letter and roman:
            best = roman if self._roman_wins(letter, roman, following()) else letter
        return best[2], best[3]

    def _roman_wins(self, letter: Option, roman: Option, nxt: list[Marker]) -> bool:
        if any(m.kind == "subpara" and letter[3] + 1 in m.values for m in nxt):
            return False
        if any(m.kind == "subsub" and roman[3] + 1 in m.values for m in nxt):
            return True
        if letter[0] != roman[0]:
            return roman[0] < letter[0]
        return self.subsub > 0

    def advance(self, kind: str, value: int) -> str:
        """Move the numbering on and return the key of the unit."""
        self.last = kind
        if kind == "subsub":
            self.subsub = value
            return subsub_key(self.para, self.sub, value)
        self.subsub = 0
        if kind == "chapter":
            self.chapter, self.section, self.sub = value, 0, 0
            return chapter_key(value)
        if kind == "section":
            self.section, self.sub = value, 0
            return section_key(self.chapter, value)
        if kind == "para":
            self.para, self.sub = value, 0
            return para_key(value)
        self.sub = value
        return subpara_key(self.para, value)


def full_width(lines: list[str]) -> int:
    """The width of a full (wrapped) line: the 95th percentile of line widths."""
    widths = sorted(display_width(line.strip()) for line in lines if line.strip())
    return widths[int(0.95 * (len(widths) - 1))] if widths else 0


def gap_threshold(lines: list[str]) -> int:
    """2 when most wrapped lines are separated by one blank line, else 1."""
    gaps: dict[int, int] = {}
    run, seen = 0, False
    for line in lines:
        if not line.strip():
            run += 1
            continue
        if seen:
            gaps[run] = gaps.get(run, 0) + 1
        run, seen = 0, True
    return 2 if gaps.get(1, 0) > gaps.get(0, 0) else 1


def segment(lines: list[str], lang: str, gap: int | None = None) -> list[Segment]:
    """Cut content lines into segments (see the module docstring).

    ``gap`` is the number of blank lines that ends a segment; None: detect it.
    """
    needed, width = gap or gap_threshold(lines), full_width(lines)
    judge = Judge(lines, lang, width, needed, known_paragraphs=gap is not None, steps=MAX_STEP)
    blocks: list[Segment] = []
    numbering = Numbering()
    gap, front, prev = 0, True, ""
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            gap += 1
            continue
        chosen = numbering.choose(marker_candidates(line, lang), partial(_next_list_marker, lines, index, lang))
        if chosen is not None and blocks:
            context = Context(blocks[-1].kind, prev, gap)
            if judge.is_wrapped_line(index, chosen, numbering.current(chosen[0].kind), context):
                chosen = None
        if chosen is not None:
            marker, value = chosen
            front = False
            judge.settle(marker)
            _log_gap(numbering, marker.kind, value, lang)
            key = numbering.advance(marker.kind, value)
            rest = [marker.rest] if marker.rest else []
            blocks.append(Segment(UNIT_KIND[marker.kind], marker.printed, key, rest, index))
        elif (
            not blocks
            or (gap >= needed and not _bridges(judge, blocks[-1], prev))
            or (front and _ends_front_block(prev, line, width, lang))
        ):
            blocks.append(Segment("front" if front else "other", lines=[line], start=index))
        else:
            blocks[-1].lines.append(line)
        gap, prev = 0, line
    return _end_front_at_body_text(blocks)


def _bridges(judge: Judge, open_segment: Segment, prev: str) -> bool:
    """Do blank lines stay inside the open segment?

    Only in extracted text (a reader's paragraphs are certain): after a marker
    alone on its line; after the first text line of such a paragraph, which
    was printed beside its number (pdftotext gives ``3.``, blank, the first
    line, blank, the rest); inside a paragraph whose sentence runs on.
    """
    if judge.known_paragraphs or open_segment.kind not in ("chapter", "section", "para", "subpara"):
        return False
    if not open_segment.lines:
        return True
    if open_segment.kind not in ("para", "subpara"):
        return False
    beside = len(open_segment.lines) == 1 and judge.lines[open_segment.start].strip() == open_segment.marker
    return beside or judge.runs_on(prev)


def _next_list_marker(lines: list[str], index: int, lang: str) -> list[Marker]:
    """Readings of the next line after ``index`` that starts with a marker (empty if it is not a list item)."""
    for raw in lines[index + 1 : index + 1 + LOOKAHEAD_LINES]:
        found = marker_candidates(raw.strip(), lang) if raw.strip() else []
        if found:
            return [m for m in found if m.kind in ("subpara", "subsub")]
    return []


def _log_gap(numbering: Numbering, kind: str, value: int, lang: str) -> None:
    current = numbering.current(kind)
    if value > current + 1:
        log.warning("%s: %s numbering jumps from %d to %d", lang, kind, current, value)


def _end_front_at_body_text(blocks: list[Segment]) -> list[Segment]:
    """Front matter is titles: from the first segment that reads like body text on, segments are ``other``."""
    in_body = False
    for block in blocks:
        if block.kind != "front":
            continue
        if not in_body and (
            len(block.lines) >= FRONT_MAX_LINES or display_width(" ".join(block.lines)) > FRONT_MAX_WIDTH
        ):
            in_body = True
        if in_body:
            block.kind = "other"
    return blocks


def _ends_front_block(prev: str, line: str, width: int, lang: str) -> bool:
    """In the front matter, titles are one per line: a short line or a known front line ends a segment."""
    if display_width(prev) < SHORT_LINE * width:
        return True
    return is_front_line(prev, lang) or is_front_line(line, lang)
