"""The text layer of a PDF, page by page, in logical order (PDFium through pypdfium2).

PDFium finds the lines and the reading order and returns CJK, Latin and
Cyrillic text as printed.  Lines that hold right-to-left letters are rebuilt
from the glyph positions by :mod:`.pdf_bidi` (PDFium misplaces punctuation next
to numbers and mirrors brackets there).  Every failure to open a file becomes
one :class:`~hlmpub.errors.InputError` line.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ...errors import InputError
from ...model import RTL_LANGS
from .pdf_bidi import Char, bidi_class, has_rtl, logical_line, orient_brackets

log = logging.getLogger(__name__)

#: A PDF header may follow up to 1 KB of junk; so may the final %%EOF marker.
HEADER_WINDOW = 1024
EOF_WINDOW = 1024

#: What PDFium puts for a hyphen at the end of a line, joining the two lines itself.  We give back the hyphen and
#: the line break: whether the hyphen is a break or part of a word is the text joiner's decision.
LINE_END_HYPHEN = "\ufffe"

LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "the file cannot be opened",
    pdfium_c.FPDF_ERR_FORMAT: "not a PDF or a corrupt PDF",
    pdfium_c.FPDF_ERR_PASSWORD: "the PDF is encrypted and needs a password; save an unprotected copy",
    pdfium_c.FPDF_ERR_SECURITY: "the PDF uses an unsupported security handler; save an unprotected copy",
    pdfium_c.FPDF_ERR_PAGE: "a page of the PDF is damaged",
}


def check_pdf_bytes(data: bytes, path: Path) -> None:
    """Refuse what is not a PDF, or is cut short, before PDFium tries to repair it."""
    if b"%PDF-" not in data[:HEADER_WINDOW]:
        raise InputError("not a PDF (no %PDF- header)", path)
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise InputError("truncated or damaged PDF (no %%EOF marker at the end); get the file again", path)


def open_pdf(data: bytes, path: Path) -> pdfium.PdfDocument:
    """Open PDF bytes with PDFium; a load failure is one InputError line."""
    check_pdf_bytes(data, path)
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = LOAD_ERRORS.get(exc.err_code or -1, f"PDFium cannot load it ({exc})")
        raise InputError(reason, path) from None


def _line_chars(textpage: pdfium.PdfTextPage) -> list[list[Char]]:
    """The chars of a text page with their boxes, split into PDFium's lines."""
    lines: list[list[Char]] = [[]]
    for i in range(textpage.count_chars()):
        text = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))
        if text == LINE_END_HYPHEN:
            left, _bottom, right, _top = textpage.get_charbox(i)
            lines[-1].append(Char("-", left, right))
            lines.append([])
            continue
        if text in "\r\n":
            if lines[-1]:
                lines.append([])
            continue
        if "\udc00" <= text <= "\udfff" and lines[-1] and "\ud800" <= lines[-1][-1].text[-1:] <= "\udbff":
            last = lines[-1].pop()  # the second half of a UTF-16 surrogate pair: one character outside the BMP
            text = (last.text + text).encode("utf-16-le", "surrogatepass").decode("utf-16-le")
        left, _bottom, right, _top = textpage.get_charbox(i)
        lines[-1].append(Char(text, left, right, bool(pdfium_c.FPDFText_IsGenerated(textpage.raw, i))))
    return [line for line in lines if line]


def _rtl_base(line: list[Char], lang: str) -> bool:
    if lang in RTL_LANGS:
        return True
    for c in line:
        cls = bidi_class(c.text)
        if cls in ("L", "R", "AL"):
            return cls != "L"
    return False


def page_text(textpage: pdfium.PdfTextPage, lang: str) -> str:
    """The text of one page, lines separated by ``\\n``, right-to-left lines in logical order."""
    plain: str = textpage.get_text_range()
    if not has_rtl(plain):
        return plain.replace("\r\n", "\n").replace(LINE_END_HYPHEN, "-\n")
    out = []
    for line in _line_chars(textpage):
        text = "".join(c.text for c in line)
        if has_rtl(text):
            out.append(logical_line(line, _rtl_base(line, lang)))
        else:  # a Latin or numeric line of an Arabic page, e.g. a footer: only its brackets may be turned
            out.append(orient_brackets(text) if lang in RTL_LANGS else text)
    return "\n".join(out)


def pdf_pages(data: bytes, path: Path, lang: str) -> list[str]:
    """The text of every page of a PDF, in order."""
    doc = open_pdf(data, path)
    try:
        pages = []
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            try:
                pages.append(page_text(textpage, lang))
            finally:
                textpage.close()
                page.close()
        log.debug("%s: %d pages", path.name, len(pages))
        return pages
    except pdfium.PdfiumError as exc:
        raise InputError(f"damaged PDF: {exc}", path) from None
    finally:
        doc.close()
