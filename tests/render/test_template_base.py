"""The PDF template's base size is the one knob of its text sizes: raising it scales every column, Arabic too."""

from __future__ import annotations

import shutil
import statistics

import pypdfium2
import pypdfium2.raw as pdfium
import pytest

from hlmpub.config import BUNDLED_TEMPLATES, Settings
from hlmpub.render import render_edition

#: The README's worked example: the one line a user edits to set the whole table larger.
BASE_LINE = ":root { --base: 9.5pt; }"


def font_sizes(pdf_path, first: int, last: int) -> list[float]:
    """The font size of every character from U+``first`` to U+``last`` on the PDF's pages (in its user units)."""
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    sizes = []
    try:
        for page in pdf:
            text = page.get_textpage()
            for i in range(pdfium.FPDFText_CountChars(text.raw)):
                if first <= pdfium.FPDFText_GetUnicode(text.raw, i) <= last:
                    sizes.append(pdfium.FPDFText_GetFontSize(text.raw, i))
    finally:
        pdf.close()
    return sizes


@pytest.mark.slow
def test_a_larger_base_size_scales_the_arabic_column_too(small_edition, tmp_path):
    settings = Settings(langs=("zh", "en", "ar"))
    shutil.copytree(BUNDLED_TEMPLATES, tmp_path / "mytpl")
    css = tmp_path / "mytpl" / "pdf" / "edition.css"
    original = css.read_text(encoding="utf-8")
    css.write_text(original.replace(BASE_LINE, ":root { --base: 12pt; }"), encoding="utf-8")
    assert css.read_text(encoding="utf-8") != original, "the template has no base size to change"
    bundled = render_edition(small_edition, "pdf", tmp_path / "bundled.pdf", settings)
    larger = render_edition(
        small_edition, "pdf", tmp_path / "larger.pdf", settings.with_(templates_dir=tmp_path / "mytpl")
    )
    for script, first, last in (("Latin", 0x61, 0x7A), ("Arabic", 0x0621, 0x064A), ("Chinese", 0x4E00, 0x9FFF)):
        before = statistics.median(font_sizes(bundled, first, last))
        after = statistics.median(font_sizes(larger, first, last))
        assert after / before == pytest.approx(12 / 9.5, rel=0.02), script
    # Arabic keeps its place against the body: 10.5 against 9.5 pt, at either size.
    for pdf in (bundled, larger):
        ratio = statistics.median(font_sizes(pdf, 0x0621, 0x064A)) / statistics.median(font_sizes(pdf, 0x61, 0x7A))
        assert ratio == pytest.approx(10.5 / 9.5, rel=0.02)


def _unbroken(pdf_path, text: str) -> bool:
    """Whether ``text`` stands on one line somewhere in the PDF (a wrapped one has a line break inside)."""
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        return any(text in page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


@pytest.mark.slow
def test_tables_are_measured_at_the_base_size(tables, tmp_path):
    """A table unit's columns are measured in ems of the base size: at a larger one a date still fits its cell
    (measured for 9.5 pt, "2013年3月15日" wrapped in the Chinese table at 13 pt)."""
    shutil.copytree(BUNDLED_TEMPLATES, tmp_path / "mytpl")
    css = tmp_path / "mytpl" / "pdf" / "edition.css"
    css.write_text(css.read_text(encoding="utf-8").replace(BASE_LINE, ":root { --base: 13pt; }"), encoding="utf-8")
    settings = Settings().with_(templates_dir=tmp_path / "mytpl")
    path = render_edition(tables["tables"], "pdf", tmp_path / "t.pdf", settings)
    assert _unbroken(path, "2013年3月15日") and _unbroken(path, "收款日期")
    assert statistics.median(font_sizes(path, 0x4E00, 0x9FFF)) > 15  # 13 pt is 17.3 px
