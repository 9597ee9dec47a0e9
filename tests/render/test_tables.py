"""Table units in the editions (SYNTHETIC tests/fixtures/tables): the layout chosen, every cell in the PDF and
the DOCX, right-to-left tables mirrored, header rows bold, shaded and repeated across pages.

The PDF text is checked cell by cell: each cell's box comes from the weasyprint layout of the same
edition, and pdftotext reads that rectangle of that page, so neighbouring columns never mix.
"""

from __future__ import annotations

import subprocess
import zipfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

import docx as python_docx
import pytest
from lxml import etree

from hlmpub.config import Settings
from hlmpub.errors import RenderError
from hlmpub.model import Edition, table_unit
from hlmpub.render import pdf, render_edition
from hlmpub.render.grid import grid, is_figure
from hlmpub.render.rows import band_ems, build_table, column_ems

SIX = ("zh", "ar", "en", "es", "fr", "ru")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PX_TO_PT = 0.75


def _table_row(table):
    [row] = [r for r in table.rows if any(u.kind == "table" for c in r.cells for u in c.units)]
    return row


def _long(edition: Edition, n: int = 60) -> Edition:
    """The edition with n rows of (made-up) figures in every table: it breaks across pages."""
    versions = []
    for v in edition.versions:
        t = v.unit(f"{v.lang}-t1")
        rows = (t.rows[0], *((str(1950 + i), f"{1000 + 37 * i:,}", t.rows[1 + i % 3][2]) for i in range(n)))
        longer = table_unit(t.id, v.lang, rows, 1, t.key)
        versions.append(replace(v, units=tuple(longer if u.id == t.id else u for u in v.units)))
    return replace(edition, versions=tuple(versions))


# ---------------------------------------------------------------------------------------------- layout choice


@pytest.mark.parametrize("langs, bands", [(("zh", "en"), False), (("zh", "en", "ar"), True), (SIX, True)])
def test_bands_when_a_table_needs_more_than_its_column(tables, langs, bands):
    table = build_table(tables["tables"], langs)
    row = _table_row(table)
    assert row.bands is bands
    needs = {c.lang: grid(c.units[0]).ems for c in row.cells}
    rooms = dict(zip(table.langs, column_ems(table), strict=True))
    assert any(needs[lang] > rooms[lang] for lang in table.langs) is bands
    assert all(needs[lang] <= band_ems(table) for lang in table.langs)  # every band holds its table
    assert [r.bands for r in table.rows].count(True) == int(bands)  # rows without a table never


def test_layout_can_be_forced(tables):
    assert _table_row(build_table(tables["tables"], ("zh", "en"), tables="bands")).bands
    assert not _table_row(build_table(tables["tables"], SIX, tables="columns")).bands
    with pytest.raises(RenderError, match="table layout"):
        build_table(tables["tables"], tables="stacked")


def test_grid_of_the_english_table(tables):
    g = grid(tables["tables"].version("en").unit("en-t1"))
    assert g.header == (("Year", "Contributions (United States dollars)", "Date received"),)
    assert len(g.body) == 3 and g.numeric == (True, True, False)
    assert g.widths[1] < g.natural[1]  # the long head may wrap over two lines
    width, shares = g.fit(1000.0)
    assert width == pytest.approx(sum(g.natural)) and sum(shares) == pytest.approx(100)
    assert g.fit(g.ems)[0] == pytest.approx(g.ems)
    ragged = grid(table_unit("en-t9", "en", (("a", "b", "c"), ("1",)), 1))
    assert ragged.body == (("1", "", ""),) and ragged.numeric == (True, False, False)


@pytest.mark.parametrize(
    "text, figure",
    [("1,250,000", True), ("1 250 000", True), ("(12.5)", True), ("2015a", True), ("2015 (أ)", True),
     ("١٢٣", True), ("−4 %", True), ("2013年3月15日", False), ("15 March 2013", False), ("", False)],
)  # fmt: skip
def test_is_figure(text, figure):
    assert is_figure(text) is figure


# ---------------------------------------------------------------------------------------------- HTML


def test_html_tables_in_columns_and_in_bands(tables):
    html, _ = pdf.render_html(build_table(tables["tables"], ("zh", "en")), Settings())
    assert html.count('<table class="cells" dir="ltr"') == 2 and 'class="band' not in html
    assert '<thead><tr><th class="fig">Year</th>' in html and '<td class="fig">1,300,000</td>' in html
    html, _ = pdf.render_html(build_table(tables["tables"], ("zh", "en", "ar")), Settings())
    assert html.count('<tr class="band') == 3 and html.count('<p class="band-lang">') == 3
    assert html.count('<table class="cells" dir="rtl"') == 1 and 'colspan="3"' in html


def test_html_of_an_edition_without_tables_has_none(small_edition):
    html, _ = pdf.render_html(build_table(small_edition), Settings())
    assert "cells" not in html and "band" not in html


# ---------------------------------------------------------------------------------------------- PDF


class CellBox:
    """A cell of a table unit in the layout: page, text, language, its table's direction, row, head or body."""

    def __init__(self, page: int, box, ancestors: list) -> None:
        self.page, self.box = page, box
        self.text = "".join(box.element.itertext())
        table = next(a.element for a in reversed(ancestors) if _classes(a) and "cells" in _classes(a))
        self.direction = table.get("dir")
        self.table = id(table)
        self.row = id(next(a.element for a in reversed(ancestors) if getattr(a.element, "tag", "") == "tr"))
        self.head = box.element.tag == "th"
        self.lang = next(c[2:] for a in reversed(ancestors) for c in _classes(a) if c.startswith("l-"))
        x, y = box.border_box_x() * PX_TO_PT, box.border_box_y() * PX_TO_PT
        self.rect = (x, y, box.border_width() * PX_TO_PT, box.border_height() * PX_TO_PT)


def _classes(box) -> list[str]:
    element = getattr(box, "element", None)
    return (element.get("class") or "").split() if element is not None and hasattr(element, "get") else []


def _cell_boxes(document) -> list[CellBox]:
    """Every cell of a table unit, page by page, in layout order."""
    from weasyprint.formatting_structure import boxes

    found: list[CellBox] = []

    def walk(page: int, box, ancestors: list) -> None:
        if isinstance(box, boxes.TableCellBox) and any("cells" in _classes(a) for a in ancestors):
            found.append(CellBox(page, box, ancestors))
            return
        for child in getattr(box, "children", None) or ():
            walk(page, child, [*ancestors, box])

    for index, page in enumerate(document.pages):
        walk(index, page._page_box, [])
    return found


def _pdftotext(path: Path, page: int, rect: tuple[float, float, float, float]) -> str:
    x, y, w, h = rect
    cmd = ["pdftotext", "-f", str(page + 1), "-l", str(page + 1), "-x", str(int(x)), "-y", str(int(y))]
    cmd += ["-W", str(int(w) + 1), "-H", str(int(h) + 1), str(path), "-"]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def _lang_of(element) -> str:
    td = next(a for a in element.iterancestors("td") if "l-" in (a.get("class") or ""))
    return next(c[2:] for c in td.get("class").split() if c.startswith("l-"))


def _render_pdf(edition: Edition, langs, tmp_path: Path, review: bool = False):
    settings = Settings(langs=langs)
    table = build_table(edition, langs, review=review)
    document = pdf.lay_out(table, settings)
    path = tmp_path / f"{len(langs)}.pdf"
    document.write_pdf(str(path))
    return path, document


@pytest.mark.slow
@pytest.mark.parametrize("langs", [("zh", "en"), ("zh", "en", "ar"), SIX])
def test_pdf_shows_every_cell_of_every_table(tables, langs, tmp_path, textcheck):
    edition = tables["tables"]
    path, document = _render_pdf(edition, langs, tmp_path)
    cells = _cell_boxes(document)
    wanted = Counter((lang, c) for lang in langs for row in edition.version(lang).unit(f"{lang}-t1").rows for c in row)
    assert Counter((c.lang, c.text) for c in cells) == wanted
    for cell in cells:
        read = _pdftotext(path, cell.page, cell.rect)
        if cell.lang == "ar":
            assert Counter(textcheck.normalise(read, "ar")) == Counter(textcheck.normalise(cell.text, "ar")), cell.text
        else:
            assert textcheck.normalise(read, cell.lang) == textcheck.normalise(cell.text, cell.lang), (cell.text, read)


@pytest.mark.slow
def test_pdf_arabic_table_runs_right_to_left_and_heads_are_bold_and_shaded(tables, tmp_path):
    _, document = _render_pdf(tables["tables"], ("zh", "en", "ar"), tmp_path)
    cells = _cell_boxes(document)
    for direction in ("rtl", "ltr"):
        rows: dict[int, list[float]] = {}
        for cell in cells:
            if cell.direction == direction:
                rows.setdefault(cell.row, []).append(cell.rect[0])
        assert rows and all(len(xs) == 3 for xs in rows.values())
        for xs in rows.values():
            assert xs == sorted(xs, reverse=direction == "rtl")
    heads = [c.box for c in cells if c.head]
    assert len(heads) == 9
    assert {h.style["font_weight"] for h in heads} == {700}
    assert all(h.style["background_color"].alpha > 0 for h in heads)


@pytest.mark.slow
@pytest.mark.parametrize("langs", [("zh", "en"), ("zh", "en", "ar")])
def test_pdf_header_rows_repeat_when_a_table_breaks(tables, langs, tmp_path):
    _, document = _render_pdf(_long(tables["tables"]), langs, tmp_path)
    assert len(document.pages) >= 2
    pages: dict[int, dict[int, set[bool]]] = {}
    for cell in _cell_boxes(document):
        pages.setdefault(cell.table, {}).setdefault(cell.page, set()).add(cell.head)
    broken = {t: by_page for t, by_page in pages.items() if len(by_page) > 1}
    assert broken, "no table broke across pages"
    for by_page in broken.values():
        assert all(kinds == {True, False} for kinds in by_page.values()), by_page  # a head and body rows


@pytest.mark.slow
def test_pdf_review_edition_with_bands(tables, tmp_path):
    from hlmpub.align.tables import shape_findings
    from hlmpub.review import review_edition

    edition = tables["tables_missing_row"]
    findings = review_edition(edition, Settings()) + shape_findings(edition.links, edition.versions, "zh")
    flagged = replace(edition, findings=tuple(findings))
    path = render_edition(flagged, "pdf", tmp_path / "review.pdf", Settings(), review=True)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "table-shape" in text and "number-mismatch" in text
    html, _ = pdf.render_html(build_table(flagged, review=True), Settings())
    assert 'class="band l-en flagged"' in html


# ---------------------------------------------------------------------------------------------- DOCX


def _docx_tables(path: Path) -> list:
    """Every table of a table unit in a DOCX (nested in a cell, or at the top level), in document order."""
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml")).find(f"{W}body")
    return [t for t in body.iter(f"{W}tbl") if t.find(f"{W}tblPr/{W}tblCellMar") is not None]


def _rows(tbl) -> list[list[str]]:
    return [["".join(tc.itertext()) for tc in tr.iterfind(f"{W}tc")] for tr in tbl.iterfind(f"{W}tr")]


@pytest.mark.slow
@pytest.mark.parametrize("langs, nested", [(("zh", "en"), True), (("zh", "en", "ar"), False), (SIX, False)])
def test_docx_tables_hold_every_cell(tables, langs, nested, tmp_path):
    edition = tables["tables"]
    path = render_edition(edition, "docx", tmp_path / "t.docx", Settings(langs=langs))
    found = _docx_tables(path)
    order = build_table(edition, langs).langs
    expected = [[list(r) for r in edition.version(lang).unit(f"{lang}-t1").rows] for lang in order]
    assert [_rows(t) for t in found] == expected
    for tbl, lang in zip(found, order, strict=True):
        assert (tbl.getparent().tag == f"{W}tc") is nested  # bands are tables of their own: their heads repeat
        head = tbl.find(f"{W}tr")
        assert head.find(f"{W}trPr/{W}tblHeader") is not None
        assert all(tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill") == "EEF0F4" for tc in head.iterfind(f"{W}tc"))
        assert all(r.find(f"{W}rPr/{W}b") is not None for r in head.iter(f"{W}r"))
        assert (tbl.find(f"{W}tblPr/{W}bidiVisual") is not None) is (lang == "ar")


@pytest.mark.slow
def test_docx_review_edition_with_bands_and_libreoffice(tables, tmp_path):
    from hlmpub.align.tables import shape_findings

    edition = tables["tables_missing_row"]
    findings = shape_findings(edition.links, edition.versions, "zh")
    flagged = replace(edition, findings=tuple(findings))
    path = render_edition(flagged, "docx", tmp_path / "r.docx", Settings(), review=True)
    text = "\n".join(p.text for p in python_docx.Document(str(path)).paragraphs)
    assert "table-shape" in text
    out = tmp_path / "lo"
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(out), str(path)],
        capture_output=True, check=True, timeout=180,
    )  # fmt: skip
    converted = subprocess.run(["pdftotext", str(out / "r.pdf"), "-"], capture_output=True, text=True).stdout
    for cell in ("Contributions (United States dollars)", "1,250,000", "30 June 2015", "收款日期"):
        assert cell in converted
