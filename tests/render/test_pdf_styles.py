"""Language and destinations survive the speed measures of the PDF template.

Cells of a language the stylesheet sets (``.l-xx { -weasy-lang: "xx" }``) carry no lang attribute,
and paragraphs carry no id (one id per row, on the gutter cell): weasyprint then shares computed
styles.  These tests check what that must not lose: each column's text is laid out in its own
language, a stylesheet without those rules brings the lang attributes back, and every unit's id
is still a named destination in the PDF.
"""

from __future__ import annotations

from collections import defaultdict

import pypdfium2
import pypdfium2.raw as pdfium
import pytest

from hlmpub.config import Settings
from hlmpub.render import render_edition, templates
from hlmpub.render.pdf import lay_out, render_html, styled_languages
from hlmpub.render.rows import build_table


def _languages_by_column(document) -> dict[str, set[str]]:
    """Column class (l-xx) → the languages of the text laid out in that column's body cells."""
    from weasyprint.formatting_structure import boxes

    found: dict[str, set[str]] = defaultdict(set)
    for page in document.pages:
        for cell in page._page_box.descendants():
            if not isinstance(cell, boxes.TableCellBox) or cell.element.tag != "td":
                continue
            column = next((c for c in (cell.element.get("class") or "").split() if c.startswith("l-")), None)
            if column is None:
                continue
            for box in cell.descendants():
                if isinstance(box, boxes.TextBox) and box.text.strip() and box.text.strip() != "—":
                    found[column].add(box.style["lang"])
    return found


def test_bundled_stylesheet_sets_the_six_languages():
    css = templates.find(Settings(), "pdf", "edition.css")
    assert styled_languages(css) == {"zh", "ar", "en", "es", "fr", "ru"}


@pytest.mark.slow
def test_each_column_is_laid_out_in_its_language(udhr_edition):
    html, _ = render_html(build_table(udhr_edition), Settings())
    assert ' lang="ar" dir="rtl"><p' not in html  # the cells carry no lang attribute
    found = _languages_by_column(lay_out(build_table(udhr_edition), Settings()))
    assert found == {f"l-{lang}": {lang} for lang in ("zh", "ar", "en", "es", "fr", "ru")}


@pytest.mark.slow
def test_a_stylesheet_without_language_rules_gets_lang_attributes(small_edition, tmp_path):
    # Synthetic stylesheet: the bundled CSS without its -weasy-lang rules.
    css = templates.find(Settings(), "pdf", "edition.css").read_text(encoding="utf-8")
    (tmp_path / "pdf").mkdir()
    kept = [line for line in css.splitlines() if "-weasy-lang" not in line]
    (tmp_path / "pdf" / "edition.css").write_text("\n".join(kept), encoding="utf-8")
    settings = Settings(langs=("zh", "en", "ar")).with_(templates_dir=tmp_path)
    html, _ = render_html(build_table(small_edition, settings.langs), settings)
    assert 'class="l-ar" lang="ar" dir="rtl"' in html
    found = _languages_by_column(lay_out(build_table(small_edition, settings.langs), settings))
    assert found == {"l-zh": {"zh"}, "l-en": {"en"}, "l-ar": {"ar"}}


@pytest.mark.slow
def test_every_unit_is_a_named_destination(udhr_edition, tmp_path):
    langs = ("zh", "en", "ar")
    pdf_path = render_edition(udhr_edition, "pdf", tmp_path / "u.pdf", Settings(langs=langs))
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        ids = [u.id for lang in langs for u in udhr_edition.version(lang).units]
        missing = [i for i in ids if not pdfium.FPDF_GetNamedDestByName(pdf.raw, i.encode())]
        assert len(ids) > 200 and missing == []
        assert not pdfium.FPDF_GetNamedDestByName(pdf.raw, b"no-such-unit")
    finally:
        pdf.close()
