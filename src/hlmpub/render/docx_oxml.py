"""Raw WordprocessingML where python-docx has no API, built with lxml through python-docx's ``OxmlElement``.

Fonts per script (``w:rFonts`` eastAsia / cs), language tags, right-to-left
paragraphs and runs, repeated header rows, rows kept together, cell shading,
fixed column widths, bookmarks and fields (PAGE, NUMPAGES).  Every function
takes a python-docx object and edits its XML in place; the element order inside
``w:rPr`` / ``w:pPr`` is the one the schema requires.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# Child order of w:rPr and w:pPr that matters here (ECMA-376 Part 1, 17.3.2.28 / 17.3.1.26).
_RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:color", "w:sz", "w:szCs", "w:shd", "w:rtl", "w:lang")
_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:spacing", "w:jc")


def _child(parent: Any, tag: str, order: tuple[str, ...]) -> Any:
    """The ``tag`` child of ``parent``, created in schema order when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    rank = order.index(tag) if tag in order else len(order)
    for index, existing in enumerate(parent):
        name = existing.prefix + ":" + existing.tag.split("}")[1] if existing.prefix else existing.tag
        if name in order and order.index(name) > rank:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


def _set(element: Any, **attrs: str) -> None:
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)


def run_fonts(run: Any, ascii: str | None = None, east_asia: str | None = None, cs: str | None = None) -> None:
    """Name a run's fonts per script class: Latin (ascii, hAnsi), East Asian, complex script."""
    rpr_fonts(run._r.get_or_add_rPr(), ascii, east_asia, cs)


def rpr_fonts(rpr: Any, ascii: str | None = None, east_asia: str | None = None, cs: str | None = None) -> None:
    """As :func:`run_fonts`, on any ``w:rPr`` (a style's, the document defaults'); theme fonts removed."""
    fonts = _child(rpr, "w:rFonts", _RPR_ORDER)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    if ascii:
        _set(fonts, ascii=ascii, hAnsi=ascii)
    if east_asia:
        _set(fonts, eastAsia=east_asia)
    if cs:
        _set(fonts, cs=cs)


def run_lang(run: Any, val: str | None = None, east_asia: str | None = None, bidi: str | None = None) -> None:
    """Tag a run's language (for spelling, line breaking and font choice)."""
    lang = _child(run._r.get_or_add_rPr(), "w:lang", _RPR_ORDER)
    for name, value in (("val", val), ("eastAsia", east_asia), ("bidi", bidi)):
        if value:
            _set(lang, **{name: value})


def run_rtl(run: Any) -> None:
    """Mark a run right-to-left (complex-script formatting applies)."""
    _child(run._r.get_or_add_rPr(), "w:rtl", _RPR_ORDER)


def run_bold_cs(run: Any) -> None:
    """Bold for complex-script text too (``w:bCs``; ``w:b`` alone does not embolden Arabic)."""
    _child(run._r.get_or_add_rPr(), "w:bCs", _RPR_ORDER)


def rpr_size(rpr: Any, half_points: int, cs_half_points: int | None = None, bold: bool = False) -> None:
    """Font size for Latin/East Asian (``w:sz``) and complex script (``w:szCs``); ``bold`` adds ``w:bCs``."""
    if bold:
        _child(rpr, "w:bCs", _RPR_ORDER)
    _set(_child(rpr, "w:sz", _RPR_ORDER), val=str(half_points))
    _set(_child(rpr, "w:szCs", _RPR_ORDER), val=str(cs_half_points or half_points))


def paragraph_bidi(paragraph: Any) -> None:
    """Make a paragraph right-to-left (``w:bidi``)."""
    _child(paragraph._p.get_or_add_pPr(), "w:bidi", _PPR_ORDER)


def mark_size(paragraph: Any, half_points: int) -> None:
    """Size of a paragraph's mark (``w:pPr/w:rPr``): what an empty paragraph's line is as tall as."""
    rpr = _child(paragraph._p.get_or_add_pPr(), "w:rPr", (*_PPR_ORDER, "w:rPr"))
    rpr_size(rpr, half_points)


def no_autospace(paragraph: Any) -> None:
    """No extra space between ideographs and Latin letters or digits (``2013年3月15日`` as set in the PDF)."""
    ppr = paragraph._p.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        _set(_child(ppr, tag, _PPR_ORDER), val="0")


def keep_with_next(paragraph: Any) -> None:
    """Keep a paragraph on the page of the next one (heading rows)."""
    _child(paragraph._p.get_or_add_pPr(), "w:keepNext", _PPR_ORDER)


def repeat_header(row: Any) -> None:
    """Repeat a table row at the top of every page (``w:tblHeader``)."""
    _child(row._tr.get_or_add_trPr(), "w:tblHeader", ("w:cantSplit", "w:tblHeader"))


def cant_split(row: Any) -> None:
    """Keep a row on one page (``w:cantSplit``)."""
    _child(row._tr.get_or_add_trPr(), "w:cantSplit", ("w:cantSplit", "w:tblHeader"))


def shade(cell: Any, fill: str) -> None:
    """Fill a cell's background with ``fill`` (hex RGB)."""
    tcpr = cell._tc.get_or_add_tcPr()
    shd = tcpr.find(qn("w:shd"))
    if shd is None:
        shd = OxmlElement("w:shd")
        tcpr.append(shd)
    _set(shd, val="clear", color="auto", fill=fill)


def fixed_widths(table: Any, widths: list[int]) -> None:
    """Fixed layout with the given column widths (twips) in w:tblGrid and every cell."""
    tblpr = table._tbl.tblPr
    layout = tblpr.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        tblpr.append(layout)
    _set(layout, type="fixed")
    width = tblpr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tblpr.append(width)
    _set(width, w=str(sum(widths)), type="dxa")
    for col, twips in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        _set(col, w=str(twips))


def cell_margins(table: Any, twips: int) -> None:
    """Left and right margins of every cell of a table (``w:tblCellMar``, before ``w:tblLook`` as the schema orders)."""
    tblpr = table._tbl.tblPr
    margins = tblpr.find(qn("w:tblCellMar"))
    if margins is None:
        margins = OxmlElement("w:tblCellMar")
        look = tblpr.find(qn("w:tblLook"))
        if look is not None:
            look.addprevious(margins)
        else:
            tblpr.append(margins)
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        _set(edge, w=str(twips), type="dxa")
        margins.append(edge)


def cell_width(cell: Any, twips: int) -> None:
    """Width of one cell (Word reads w:tcW, LibreOffice w:gridCol: set both)."""
    tcw = cell._tc.get_or_add_tcPr().get_or_add_tcW()
    _set(tcw, w=str(twips), type="dxa")


def bookmark(paragraph: Any, name: str, number: int) -> None:
    """Wrap a paragraph's content in a bookmark called ``name``."""
    start = OxmlElement("w:bookmarkStart")
    _set(start, id=str(number), name=name)
    end = OxmlElement("w:bookmarkEnd")
    _set(end, id=str(number))
    p = paragraph._p
    ppr = p.pPr
    p.insert(1 if ppr is not None else 0, start)
    p.append(end)


def field(paragraph: Any, instruction: str, shown: str = "1") -> Any:
    """Append a complex field (e.g. ``PAGE``) with ``shown`` as its cached result; return the result run."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("result", shown), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        elif kind == "result":
            run.text = text or ""
            result = run
        else:
            char = OxmlElement("w:fldChar")
            _set(char, fldCharType=kind)
            run._r.append(char)
    return result
