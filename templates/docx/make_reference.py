"""Regenerate ``reference.docx``, the Word style template of the DOCX editions.

Run from the repository root::

    .venv/bin/python templates/docx/make_reference.py

The result is data users may edit in Word: styles (Normal, Title, Heading 1,
Heading 2, Header, Footer, Table Grid), the A4 page set-up, the running header
(``{symbol}`` and ``{title}`` are filled in per document) and the footer
(``PAGE / NUMPAGES`` fields).  The renderer keeps all of that and replaces only
the body.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt, RGBColor

from hlmpub.render import docx_oxml, fonts

OUT = Path(__file__).with_name("reference.docx")
#: Amiri looks small beside Noto Serif at the same size: complex-script text is set larger.
ARABIC_SCALE = 1.1


def _defaults(doc) -> None:
    styles = doc.styles.element
    rpr = styles.find(".//{*}docDefaults/{*}rPrDefault/{*}rPr")
    docx_oxml.rpr_fonts(rpr, fonts.LATIN, fonts.CJK, fonts.DOCX_FONTS["cs"])


def _style(doc, name: str, size: float, bold: bool = False, align=None, keep: bool = False) -> None:
    style = doc.styles[name]
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)
    style.font.italic = False
    rpr = style.element.get_or_add_rPr()
    docx_oxml.rpr_fonts(rpr, fonts.LATIN, fonts.CJK, fonts.DOCX_FONTS["cs"])
    docx_oxml.rpr_size(rpr, round(size * 2), round(size * 2 * ARABIC_SCALE), bold)
    fmt = style.paragraph_format
    for stop in list(fmt.tab_stops):
        fmt.tab_stops._pPr.tabs.remove(stop._tab)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(2)
    if align is not None:
        fmt.alignment = align
    fmt.keep_with_next = keep or None
    ppr = style.element.pPr
    if ppr is not None:
        for border in ppr.findall("{*}pBdr"):
            ppr.remove(border)


def _page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(18), Mm(16)
    section.left_margin = section.right_margin = Mm(14)
    section.header_distance = section.footer_distance = Mm(8)


def _header_footer(doc) -> None:
    section = doc.sections[0]
    head = section.header.paragraphs[0]
    head.style = doc.styles["Header"]
    head.paragraph_format.tab_stops.add_tab_stop(Mm(182), WD_TAB_ALIGNMENT.RIGHT)
    head.add_run("{symbol}\t{title}")
    foot = section.footer.paragraphs[0]
    foot.style = doc.styles["Footer"]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    docx_oxml.field(foot, "PAGE", "1")
    foot.add_run(" / ")
    docx_oxml.field(foot, "NUMPAGES", "1")


def build() -> None:
    """Write reference.docx next to this script."""
    doc = Document()
    _defaults(doc)
    _style(doc, "Normal", 9.5)
    _style(doc, "Title", 12, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _style(doc, "Subtitle", 9.5, align=WD_ALIGN_PARAGRAPH.CENTER)
    _style(doc, "Heading 1", 10.5, bold=True, keep=True)
    _style(doc, "Heading 2", 9.5, bold=True, keep=True)
    _style(doc, "Header", 8)
    _style(doc, "Footer", 8)
    _page(doc)
    _header_footer(doc)
    doc.core_properties.title = ""
    doc.core_properties.author = "hlmpub"
    doc.core_properties.comments = "hlmpub reference.docx: edit the styles, page set-up, header and footer"
    doc.save(str(OUT))


if __name__ == "__main__":
    build()
