"""The characters of a tagged PDF page, each with the marked content it was drawn in (PDFium).

A tagged PDF draws its text inside marked-content sequences: ``/Span
<</MCID 7>> BDC … EMC`` for text a structure element owns (the element names
the page and the marked-content id, MCID), ``/Artifact BMC … EMC`` for page
furniture.  PDFium's text page gives the characters in drawing order, with the
spaces and line breaks it infers between them (*generated* characters, which
belong to no page object); :func:`page_content` keeps, for every character,
the MCID of its text object (or :data:`ARTIFACT`, :data:`UNMARKED`,
:data:`GENERATED`), so that :mod:`.pdf_tagged` can gather an element's text
with the spaces and line breaks PDFium found, and can check the tree against
the page: every MCID the tree names must be drawn, and every drawn character
must belong to an element or to an artifact.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .pdf_bidi import Char, has_rtl

#: Owner codes of characters that belong to no element (MCIDs are >= 0).
UNMARKED = -1  # drawn outside any marked content
ARTIFACT = -2  # drawn inside /Artifact: page furniture
GENERATED = -3  # a space or line break PDFium inferred

#: What PDFium puts for a hyphen at the end of a line, joining the two lines itself (see .pdf_text).
LINE_END_HYPHEN = "\ufffe"
#: Page objects looked at per page, form XObjects included: a bound against hostile files.
MAX_OBJECTS = 200_000
BOLD_WEIGHT = 600
FORCE_BOLD = 0x40000  # PDF font descriptor flag
#: The share of the page height at its top and at its bottom where stray text may be furniture.
MARGIN_SHARE = 0.09
BOLD_NAME = re.compile(r"Bold|Black|Heavy|Semibold|Demi", re.IGNORECASE)


@dataclass(frozen=True)
class Style:
    """How a text object is printed: font size in points, bold, baseline (y of its first character)."""

    size: float
    bold: bool
    baseline: float


@dataclass
class PageContent:
    """One page's characters (``text``, one per PDFium char index), the owner of each, their styles.

    ``owner[i]`` is the MCID of character ``i`` or one of the codes above;
    ``style[i]`` the :class:`Style` of its text object (None for generated
    characters); ``runs[mcid]`` the index ranges ``(start, end)`` holding that
    MCID's characters, in drawing order; ``drawn`` every MCID a page object
    carries (text, images, paths), so the tree can be checked against it.
    """

    number: int
    text: str
    owner: list[int]
    style: list[Style | None]
    runs: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    drawn: set[int] = field(default_factory=set)
    line: list[int] = field(default_factory=list)  # PDFium's line of each character (a line break ends its line)
    height: float = 0.0  # the page's height in points
    boxes: list[tuple[float, float]] = field(default_factory=list)  # left and right edges, pages with RTL text only

    def generated(self, index: int) -> bool:
        """True for a space or line break PDFium inferred (also where it now counts as part of an MCID)."""
        return self.style[index] is None

    def text_mcids(self) -> set[int]:
        """The MCIDs of the page's text (characters that are not spaces)."""
        return {mcid for mcid, runs in self.runs.items() if mcid >= 0 and any(self.text[s:e].strip() for s, e in runs)}

    def margins_as_artifacts(self, reached: set[int]) -> int:
        """Stray text in the page's top or bottom margin becomes an artifact; how many characters did.

        PDF/UA wants running headers and footers marked ``/Artifact``; some producers leave them outside
        marked content, or mark them with an MCID no structure element names (weasyprint's tagged PDF).
        Text that no element reaches (``reached``: the MCIDs the tree names) is taken for such furniture when
        it lies above or below all reached text and within :data:`MARGIN_SHARE` of the page's top or bottom;
        anywhere else it stays stray, and the tree is not trusted (:mod:`.pdf_tagged`).
        """
        styles = zip(self.owner, self.style, strict=True)
        band = [s.baseline for o, s in styles if o in reached and s is not None]
        if not band:
            return 0
        top = max(max(band), (1 - MARGIN_SHARE) * self.height)  # stray text above this (y grows upwards) …
        bottom = min(min(band), MARGIN_SHARE * self.height)  # … or below this is in a margin
        moved = 0
        for i, (owner, style) in enumerate(zip(self.owner, self.style, strict=True)):
            stray = owner == UNMARKED or owner >= 0 and owner not in reached
            if stray and style is not None and not top >= style.baseline >= bottom:
                self.owner[i] = ARTIFACT
                moved += 1
        if moved:
            _absorb_generated(self.owner)
            self.runs = _runs(self.owner)
        return moved

    def char(self, index: int) -> Char:
        """Character ``index`` with its left and right edge, for the bidi pass (0, 0 where not kept)."""
        left, right = self.boxes[index] if index < len(self.boxes) else (0.0, 0.0)
        return Char(self.text[index], left, right, self.generated(index))


def _mark_name(mark: pdfium_c.FPDF_PAGEOBJECTMARK) -> str:
    length = ctypes.c_ulong(0)
    if not pdfium_c.FPDFPageObjMark_GetName(mark, None, 0, ctypes.byref(length)) or length.value <= 2:
        return ""
    buffer = ctypes.create_string_buffer(length.value)
    pointer = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    pdfium_c.FPDFPageObjMark_GetName(mark, pointer, length.value, ctypes.byref(length))
    return buffer.raw[: length.value - 2].decode("utf-16-le", errors="replace")


def _owner(obj: pdfium_c.FPDF_PAGEOBJECT) -> int:
    """The MCID a page object is drawn in, :data:`ARTIFACT` or :data:`UNMARKED`."""
    for i in range(pdfium_c.FPDFPageObj_CountMarks(obj)):
        if _mark_name(pdfium_c.FPDFPageObj_GetMark(obj, i)) == "Artifact":
            return ARTIFACT
    mcid: int = pdfium_c.FPDFPageObj_GetMarkedContentID(obj)
    return mcid if mcid >= 0 else UNMARKED


def _address(obj: Any) -> int:
    return ctypes.c_void_p.from_buffer(obj).value or 0  # the pointer's value (faster than a cast)


def _objects(page: pdfium.PdfPage, number: int) -> tuple[dict[int, int], set[int]]:
    """Owner of every page object by address (form XObjects included) and the MCIDs drawn on the page."""
    owners: dict[int, int] = {}
    drawn: set[int] = set()
    for count, obj in enumerate(page.get_objects(max_depth=8)):
        if count >= MAX_OBJECTS:
            raise ValueError(f"page {number} has more than {MAX_OBJECTS} objects")
        owner = _owner(obj.raw)
        owners[_address(obj.raw)] = owner
        if owner >= 0:
            drawn.add(owner)
    return owners, drawn


def _bold(raw: pdfium_c.FPDF_TEXTPAGE, index: int) -> bool:
    """Bold by the font's weight, its force-bold flag or its name (embedded fonts often say 400 for bold)."""
    if pdfium_c.FPDFText_GetFontWeight(raw, index) >= BOLD_WEIGHT:
        return True
    flags = ctypes.c_int(0)
    size = pdfium_c.FPDFText_GetFontInfo(raw, index, None, 0, ctypes.byref(flags))
    buffer = ctypes.create_string_buffer(max(size, 1))
    pdfium_c.FPDFText_GetFontInfo(raw, index, buffer, size, ctypes.byref(flags))
    name = buffer.value.decode("latin-1").split("+")[-1]
    return bool(flags.value & FORCE_BOLD) or BOLD_NAME.search(name) is not None


def _style(textpage: pdfium.PdfTextPage, index: int) -> Style:
    raw = textpage.raw
    x, y = ctypes.c_double(0), ctypes.c_double(0)
    pdfium_c.FPDFText_GetCharOrigin(raw, index, ctypes.byref(x), ctypes.byref(y))
    size = float(pdfium_c.FPDFText_GetFontSize(raw, index))
    return Style(round(size, 1), _bold(raw, index), y.value)


def page_content(page: pdfium.PdfPage, number: int) -> PageContent:
    """The characters of one page with their owners and styles (and boxes, where right-to-left text needs them)."""
    owners, drawn = _objects(page, number)
    textpage = page.get_textpage()
    try:
        content = _content(textpage, number, owners, drawn)
    finally:
        textpage.close()
    content.height = page.get_height()
    return content


def _content(textpage: pdfium.PdfTextPage, number: int, owners: dict[int, int], drawn: set[int]) -> PageContent:
    count = textpage.count_chars()
    text = textpage.get_text_range() if count else ""
    if len(text) != count:  # one UTF-16 unit per char index is what PDFium promises; be safe anyway
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
    owner = [GENERATED] * count
    style: list[Style | None] = [None] * count
    styles: dict[int, Style] = {}
    for i in range(count):
        obj = pdfium_c.FPDFText_GetTextObject(textpage.raw, i)
        address = _address(obj)
        if not address:
            continue
        owner[i] = owners.get(address, UNMARKED)
        if address not in styles:
            styles[address] = _style(textpage, i)
        style[i] = styles[address]
    _absorb_generated(owner)
    content = PageContent(number, text, owner, style, _runs(owner), drawn, _lines(text))
    if has_rtl(text):
        content.boxes = [_edges(textpage.get_charbox(i)) for i in range(count)]
    return content


def _lines(text: str) -> list[int]:
    line, out = 0, []
    for ch in text:
        out.append(line)
        if ch in ("\n", LINE_END_HYPHEN):
            line += 1
    return out


def _edges(box: tuple[float, float, float, float]) -> tuple[float, float]:
    left, _bottom, right, _top = box
    return left, right


def _absorb_generated(owner: list[int]) -> None:
    """A generated space or line break between two characters of one MCID (or two artifacts) belongs to them."""
    i, count = 0, len(owner)
    while i < count:
        if owner[i] != GENERATED:
            i += 1
            continue
        j = i
        while j < count and owner[j] == GENERATED:
            j += 1
        if 0 < i and j < count and owner[i - 1] == owner[j] and (owner[j] >= 0 or owner[j] == ARTIFACT):
            owner[i:j] = [owner[j]] * (j - i)
        i = j


def _runs(owner: list[int]) -> dict[int, list[tuple[int, int]]]:
    """Index ranges of each MCID's characters, and of the artifacts (under :data:`ARTIFACT`), in drawing order."""
    runs: dict[int, list[tuple[int, int]]] = {}
    start = 0
    for i in range(1, len(owner) + 1):
        if i == len(owner) or owner[i] != owner[start]:
            if owner[start] >= 0 or owner[start] == ARTIFACT:
                runs.setdefault(owner[start], []).append((start, i))
            start = i
    return runs
