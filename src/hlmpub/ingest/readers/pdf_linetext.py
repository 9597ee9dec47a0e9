"""The text of a cell of a printed line, in logical order, its raised marks written between reference signs.

Chars keep PDFium's order (an Arabic word's letters overlap, so only their
order tells it).  Left-to-right text is read as it comes; a line with
right-to-left letters goes through :func:`.pdf_bidi.logical_line`, each mark
standing in as one placeholder with the bidi class of its first letter, a
space PDFium reports put in the widest free visual gap next to its two
neighbours, combining marks kept on the letter they are drawn over.
"""

from __future__ import annotations

import unicodedata

from ..blocks import REF_END, REF_MARK
from .pdf_bidi import Char, bidi_class, logical_line, orient_brackets
from .pdf_glyphs import Glyph

MARK_OPEN, MARK_CLOSE = REF_MARK, REF_END
#: A mark is at most this share of the line's size and raised at least this share of it.
MARK_SIZE = 0.8
MARK_RAISE = 0.15
#: A gap between two fragments of one line wider than this share of an em is a space.
SPACE_GAP = 0.2
MARK_CHARS = frozenset("*†‡§¶#")
#: Marks stand in the text builder as noncharacters from U+FDD2 on (bidi-neutral, never text).
PLACEHOLDER = 0xFDD2


def gap(a: Glyph, b: Glyph) -> float:
    """Horizontal distance between two glyph boxes (negative when they overlap)."""
    return max(b.x0 - a.x1, a.x0 - b.x1)


def is_cjk(ch: str) -> bool:
    """CJK ideographs, kana, CJK punctuation, full-width forms (as the joiner counts them)."""
    code = ord(ch[0])
    return 0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF or code >= 0x20000


def is_mark(g: Glyph, base: float, size: float) -> bool:
    """Is ``g`` part of a note mark on a line of this baseline and size: smaller, raised, a letter or a sign?"""
    raised = g.size <= MARK_SIZE * size and g.base - base >= MARK_RAISE * size
    return raised and (g.text.isalnum() or g.text in MARK_CHARS)


def _space_box(prev: Glyph, g: Glyph, visual: list[Glyph], used: set[int]) -> tuple[float, float] | None:
    """Where a space between two glyphs (neighbours in logical order) is drawn: the widest free gap next to either."""
    where = {id(v): i for i, v in enumerate(visual)}
    best = -1
    for glyph in (prev, g):
        i = where.get(id(glyph), -1)
        for a in (i - 1, i):
            if i >= 0 and 0 <= a < len(visual) - 1 and a not in used:
                if best < 0 or visual[a + 1].x0 - visual[a].x1 > visual[best + 1].x0 - visual[best].x1:
                    best = a
    if best < 0 or visual[best + 1].x0 - visual[best].x1 <= 0:
        return None  # no visible gap: PDFium's space is not printed
    used.add(best)
    return visual[best].x1, visual[best + 1].x0


def _marks_on_bases(piece: list[Glyph]) -> list[Glyph]:
    """Each combining mark right after the letter it is drawn over (PDFium may report it after a full stop)."""
    out: list[Glyph] = []
    for g in piece:
        if not unicodedata.category(g.text[0]).startswith("M") or not out:
            out.append(g)
            continue
        bases = [k for k, b in enumerate(out) if not unicodedata.category(b.text[0]).startswith("M")]
        at = max(bases, key=lambda k: min(out[k].x1, g.x1) - max(out[k].x0, g.x0), default=len(out) - 1)
        out.insert(at + 1, g)
    return out


def _cell_chars(pieces: list[list[Glyph]], base: float, size: float, rtl: bool) -> tuple[list[Char], list[str]]:
    """The chars of a cell for the text builder: spaces where PDFium or the gaps say, each mark one char.

    Chars keep PDFium's order (an Arabic word's letters overlap, so only their order tells it); a space
    PDFium reports between two glyphs of a right-to-left line is put in the widest visual gap next to them.
    """
    chars: list[Char] = []
    marks: list[str] = []
    order = sorted(pieces, key=lambda p: -max(g.x1 for g in p) if rtl else min(g.x0 for g in p))
    visual = sorted((g for p in pieces for g in p), key=lambda g: g.x0) if rtl else []
    used: set[int] = set()
    prev: Glyph | None = None
    run: list[Glyph] = []

    def flush() -> None:
        if run:
            marks.append("".join(g.text for g in sorted(run, key=lambda g: g.x0)))
            holder = chr(PLACEHOLDER + len(marks) - 1)  # one char per mark, ordered as the mark's first letter
            chars.append(Char(holder, min(g.x0 for g in run), max(g.x1 for g in run), bidi=bidi_class(marks[-1][0])))
            run.clear()

    def space(prev: Glyph, g: Glyph) -> None:
        box = _space_box(prev, g, visual, used) if rtl else (prev.x1, g.x0)
        if box is not None:
            chars.append(Char(" ", *box))

    for piece in order:
        if rtl:
            piece = _marks_on_bases(piece)
        elif any(b.x0 < a.x0 - 0.5 * size for a, b in zip(piece, piece[1:], strict=False)):
            piece = sorted(piece, key=lambda g: g.x0)  # a left-to-right line PDFium gave out of order
        for k, g in enumerate(piece):
            # inside a fragment PDFium's spaces are right; between fragments the gap decides
            spaced = prev is not None and (g.space or (k == 0 and gap(prev, g) > SPACE_GAP * size))
            if is_mark(g, base, size):
                if not run and g.space and prev is not None:  # a gap before a raised mark is no space
                    space(prev, g)
                run.append(g)
                prev = g
                continue
            flush()
            if spaced and prev is not None and not unicodedata.category(g.text[0]).startswith("M"):
                space(prev, g)
            chars.append(Char(g.text, g.x0, g.x1))
            prev = g
    flush()
    return chars, marks


def _rtl_base(chars: list[Char], rtl_doc: bool) -> bool:
    """Right-to-left paragraph direction in a right-to-left document, else the first strong letter's."""
    if rtl_doc:
        return True
    for c in chars:
        cls = bidi_class(c.text[0])
        if cls in ("L", "R", "AL"):
            return cls != "L"
    return False


def _text(chars: list[Char], marks: list[str], rtl_line: bool, rtl_doc: bool) -> str:
    if rtl_line:
        text = logical_line(chars, _rtl_base(chars, rtl_doc)).strip()
    else:
        text = "".join(c.text for c in chars).strip()
        text = orient_brackets(text) if rtl_doc else text
    for i, mark in enumerate(marks):
        text = text.replace(chr(PLACEHOLDER + i), MARK_OPEN + mark + MARK_CLOSE)
    return text


def cell_text(pieces: list[list[Glyph]], base: float, size: float, rtl: bool, rtl_doc: bool) -> tuple[str, list[str]]:
    """The logical text of glyph pieces (marks between reference signs) and the marks in it."""
    chars, marks = _cell_chars(pieces, base, size, rtl)
    return _text(chars, marks, rtl, rtl_doc), marks
