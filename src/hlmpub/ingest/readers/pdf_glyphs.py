"""The glyphs of a PDF page with what the layout reader needs of each (PDFium through ``pypdfium2.raw``).

Per character: its text, its box, its baseline, its font size in points and
whether its font is bold; whether PDFium saw a space or a line break before it.
Per page: the ruling lines (thin path objects: table rules, the short rule over
the footnotes, the masthead's thick rules).  Nothing here decides what a line
or a paragraph is (:mod:`.pdf_lines`, :mod:`.pdf_layout`).
"""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .pdf_text import LINE_END_HYPHEN

#: Font names that say bold (PDFium's weight is often 400 or unknown for subset fonts).
BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
BOLD_WEIGHT = 600
FORCE_BOLD_FLAG = 1 << 18
FILL_STROKE = 2  # text render mode "fill, then stroke": a fake bold
#: A path at most this thick (points) and this much longer than thick is a rule.
RULE_THICKNESS = 8.0
RULE_MIN_LENGTH = 15.0
#: Text turned by less than this (tan of the angle) is upright.
UPRIGHT = 0.05


#: An em box's ascent and descent, in ems: an estimate, PDFium gives no font metrics per glyph.
ASCENT, DESCENT = 0.85, 0.25


class EmBox:
    """Type set on a baseline (``base``) at a ``size``: the top and bottom of its em box, for glyphs and lines."""

    __slots__ = ()
    base: float
    size: float

    @property
    def top(self) -> float:
        """Where the em box ends above the baseline."""
        return self.base + ASCENT * self.size

    @property
    def bottom(self) -> float:
        """Where the em box ends below the baseline."""
        return self.base - DESCENT * self.size


@dataclass(frozen=True, slots=True)
class Glyph(EmBox):
    """One character as drawn: text, horizontal extent, baseline, size (points) and weight.

    ``space`` / ``brk``: PDFium put a space / a line break between this glyph
    and the one before it in its reading order.
    """

    text: str
    x0: float
    x1: float
    base: float
    size: float
    bold: bool
    space: bool = False
    brk: bool = False
    ox: float = 0.0  # the origin (pen position) on the baseline; a full-width glyph advances one em from it
    upright: bool = True  # not rotated (a sideways table, vertical text)


@dataclass(frozen=True)
class Rule:
    """A ruling line (or thin filled bar): its box in page coordinates (y up)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        """Wider than high."""
        return self.x1 - self.x0 >= self.y1 - self.y0

    @property
    def width(self) -> float:
        """Horizontal extent."""
        return self.x1 - self.x0

    @property
    def y(self) -> float:
        """Vertical centre."""
        return (self.y0 + self.y1) / 2


class _Fonts:
    """Bold and scale per text object, asked of PDFium once per object."""

    def __init__(self) -> None:
        self.cache: dict[int, tuple[bool, float, bool]] = {}
        self.buf = ctypes.create_string_buffer(256)

    def style(self, textpage: pdfium_c.FPDF_TEXTPAGE, index: int) -> tuple[bool, float, bool]:
        """Bold, the scale of the font size, upright (not rotated) — of the text object drawing char ``index``."""
        obj = pdfium_c.FPDFText_GetTextObject(textpage, index)
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = (self._bold(obj), *self._scale(textpage, index))
        return found

    def _bold(self, obj: pdfium_c.FPDF_PAGEOBJECT) -> bool:
        if not obj:
            return False
        if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == FILL_STROKE:
            return True
        font = pdfium_c.FPDFTextObj_GetFont(obj)
        if not font:
            return False
        size = pdfium_c.FPDFFont_GetBaseFontName(font, self.buf, len(self.buf))
        name = self.buf.raw[: max(size - 1, 0)].decode("latin-1")
        weight = pdfium_c.FPDFFont_GetWeight(font)
        flags = pdfium_c.FPDFFont_GetFlags(font)
        return bool(BOLD_NAME.search(name)) or weight >= BOLD_WEIGHT or bool(flags > 0 and flags & FORCE_BOLD_FLAG)

    @staticmethod
    def _scale(textpage: pdfium_c.FPDF_TEXTPAGE, index: int) -> tuple[float, bool]:
        """How much the page's matrices scale the font size (weasyprint draws in px under a 0.75 matrix), and
        whether the text is upright."""
        matrix = pdfium_c.FS_MATRIX()
        if not pdfium_c.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix)):
            return 1.0, True
        det = abs(matrix.a * matrix.d - matrix.b * matrix.c)
        upright = matrix.a > 0 and abs(matrix.b) <= UPRIGHT * matrix.a
        return (math.sqrt(det) if det > 1e-6 else 1.0), upright


def page_glyphs(textpage: pdfium.PdfTextPage) -> list[Glyph]:
    """The glyphs of a text page in PDFium's reading order (spaces and line breaks folded into flags)."""
    raw = textpage.raw
    fonts = _Fonts()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    ox, oy = ctypes.c_double(), ctypes.c_double()
    box_refs = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    glyphs: list[Glyph] = []
    space = brk = False
    pending_high = ""
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        text = chr(pdfium_c.FPDFText_GetUnicode(raw, i))
        if text in "\r\n":
            brk = True
            continue
        hyphen = text == LINE_END_HYPHEN or bool(pdfium_c.FPDFText_IsHyphen(raw, i))
        if hyphen:  # PDFium joined two lines at a hyphen (and reports it as U+0002 or U+FFFE)
            text = "-"
        if text.isspace() or text == "\x00":
            space = True
            continue
        if "\ud800" <= text <= "\udbff":  # the first half of a surrogate pair: wait for the second
            pending_high = text
            continue
        if pending_high and "\udc00" <= text <= "\udfff":
            text = (pending_high + text).encode("utf-16-le", "surrogatepass").decode("utf-16-le")
        pending_high = ""
        pdfium_c.FPDFText_GetCharBox(raw, i, *box_refs)
        pdfium_c.FPDFText_GetCharOrigin(raw, i, ctypes.byref(ox), ctypes.byref(oy))
        bold, scale, upright = fonts.style(raw, i)
        size = pdfium_c.FPDFText_GetFontSize(raw, i) * scale
        x0, x1 = left.value, right.value
        if x1 <= x0:  # an empty box (a space-like glyph): give it its origin
            x0 = x1 = ox.value
        glyphs.append(Glyph(text, x0, x1, oy.value, round(size, 2), bold, space, brk, ox.value, upright))
        space, brk = False, hyphen  # after a line-end hyphen the next glyph starts a line
    return glyphs


def _object_rules(obj: pdfium_c.FPDF_PAGEOBJECT, out: list[Rule], images: list[int], depth: int = 0) -> None:
    kind = pdfium_c.FPDFPageObj_GetType(obj)
    if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 4:
        for k in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
            _object_rules(pdfium_c.FPDFFormObj_GetObject(obj, k), out, images, depth + 1)
        return
    if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
        images[0] += 1
    if kind != pdfium_c.FPDF_PAGEOBJ_PATH:
        return
    x0, y0, x1, y1 = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (x0, y0, x1, y1))):
        return
    w, h = x1.value - x0.value, y1.value - y0.value
    if min(w, h) <= RULE_THICKNESS and max(w, h) >= max(RULE_MIN_LENGTH, 3 * min(w, h)):
        out.append(Rule(x0.value, y0.value, x1.value, y1.value))


def page_rules(page: pdfium.PdfPage) -> tuple[list[Rule], int]:
    """The ruling lines of a page (thin path objects, also inside form XObjects) top to bottom, and how many
    images it draws."""
    out: list[Rule] = []
    images = [0]
    for k in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        _object_rules(pdfium_c.FPDFPage_GetObject(page.raw, k), out, images)
    return sorted(out, key=lambda r: -r.y), images[0]
