"""The DOCX edition: text read back with python-docx, script properties, table set-up, LibreOffice conversion."""

from __future__ import annotations

import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import docx as python_docx
import pytest
from lxml import etree

from hlmpub import model
from hlmpub.config import Settings
from hlmpub.render import render_edition
from hlmpub.render.rows import build_table

pytestmark = pytest.mark.slow

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _render(edition: model.Edition, tmp_path: Path, langs: tuple[str, ...] = (), review: bool = False) -> Path:
    target = tmp_path / f"{edition.meta.slug}.docx"
    return render_edition(edition, "docx", target, Settings(langs=langs), review=review)


def _columns(path: Path, n: int) -> list[str]:
    table = python_docx.Document(str(path)).tables[0]
    columns = [[] for _ in range(n)]
    for row in table.rows[1:]:
        for index, cell in enumerate(row.cells[1 : n + 1]):
            columns[index].append(cell.text)
    return ["\n".join(c) for c in columns]


def _check_fidelity(tc, edition: model.Edition, path: Path, langs: tuple[str, ...] = ()) -> None:
    order = build_table(edition, langs).langs
    for lang, text in zip(order, _columns(path, len(order)), strict=True):
        assert tc.missing_in_order(list(edition.version(lang).units), text, lang) == [], lang
        if lang == "ar":  # python-docx gives the exact logical text: check it strictly too
            assert tc.missing_in_order(list(edition.version(lang).units), text, "xx") == []


def test_small_edition_text_read_back(small_edition, tmp_path, textcheck):
    _check_fidelity(textcheck, small_edition, _render(small_edition, tmp_path))


def test_seed_edition_text_read_back(seed_edition, tmp_path, textcheck):
    _check_fidelity(textcheck, seed_edition, _render(seed_edition, tmp_path))


def test_udhr_edition_text_read_back_all_scripts(udhr_edition, tmp_path, textcheck):
    _check_fidelity(textcheck, udhr_edition, _render(udhr_edition, tmp_path))


def _document(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def _column_cells(root: etree._Element, column: int) -> list[etree._Element]:
    rows = root.find(f"{W}body/{W}tbl").findall(f"{W}tr")[1:]
    cells = [r.findall(f"{W}tc") for r in rows]
    return [c[column] for c in cells if len(c) > column]


def test_arabic_cells_are_bidi_and_chinese_runs_east_asian(udhr_edition, tmp_path):
    path = _render(udhr_edition, tmp_path, ("zh", "en", "ar"))
    root = _document(path)
    ar_runs = [r for tc in _column_cells(root, 3) for r in tc.iter(f"{W}r") if r.find(f"{W}t") is not None]
    ar_paras = [p for tc in _column_cells(root, 3) for p in tc.iter(f"{W}p") if p.find(f"{W}r") is not None]
    assert len(ar_paras) > 30
    assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in ar_paras)
    assert all(p.find(f"{W}pPr/{W}jc").get(f"{W}val") in ("left", "center") for p in ar_paras)  # left: start edge
    assert all(r.find(f"{W}rPr/{W}rtl") is not None for r in ar_runs)
    assert all(r.find(f"{W}rPr/{W}rFonts").get(f"{W}cs") == "Amiri" for r in ar_runs)
    assert all(r.find(f"{W}rPr/{W}lang").get(f"{W}bidi") == "ar-SA" for r in ar_runs)
    zh_runs = [r for tc in _column_cells(root, 1) for r in tc.iter(f"{W}r") if r.find(f"{W}t") is not None]
    assert len(zh_runs) > 30
    assert all(r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "Noto Serif CJK SC" for r in zh_runs)
    assert all(r.find(f"{W}rPr/{W}lang").get(f"{W}eastAsia") == "zh-CN" for r in zh_runs)
    en_runs = [r for tc in _column_cells(root, 2) for r in tc.iter(f"{W}r") if r.find(f"{W}t") is not None]
    assert all(r.find(f"{W}rPr/{W}rtl") is None for r in en_runs)


def test_table_header_repeats_orientation_bookmarks_and_fields(small_edition, tmp_path):
    path = _render(small_edition, tmp_path)
    root = _document(path)
    first = root.find(f"{W}body/{W}tbl/{W}tr")
    assert first.find(f"{W}trPr/{W}tblHeader") is not None
    size = root.find(f".//{W}sectPr/{W}pgSz")
    assert size.get(f"{W}orient") == "landscape" and int(size.get(f"{W}w")) > int(size.get(f"{W}h"))
    names = {b.get(f"{W}name") for b in root.iter(f"{W}bookmarkStart")}
    assert {u.id.replace("-", "_") for v in small_edition.versions for u in v.units} <= names
    title_cell = root.find(f"{W}body/{W}tbl").findall(f"{W}tr")[1].find(f"{W}tc")
    assert title_cell.find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "7"  # merged across the table
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n).decode() for n in archive.namelist() if n.startswith("word/")}
    footer = "".join(v for k, v in parts.items() if "footer" in k)
    header = "".join(v for k, v in parts.items() if "header" in k)
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert "A/RES/217(III)" in header and "{symbol}" not in header
    three = _document(_render(small_edition, tmp_path, ("zh", "en", "ar")))
    assert three.find(f".//{W}sectPr/{W}pgSz").get(f"{W}orient") in (None, "portrait")


def test_review_docx_shades_flagged_cells(small_edition, tmp_path):
    root = _document(_render(small_edition, tmp_path, ("zh", "en", "ar"), review=True))
    fills = [s.get(f"{W}fill") for s in root.iter(f"{W}shd")]
    assert "FBD3C9" in fills and "FFF7DD" in fills and "FDE2D8" in fills
    text = "".join(root.itertext())
    assert "missing-unit" in text and "length-ratio" in text


def _libreoffice(docx_path: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    profile = (tmp_path / "lo-profile").as_uri()  # our own profile: other LibreOffice runs do not interfere
    cmd = [
        "soffice",
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path / "lo"),
        str(docx_path),
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("which", ["small", "udhr"])
def test_libreoffice_converts_the_docx(small_edition, udhr_edition, tmp_path, which, textcheck):
    edition = small_edition if which == "small" else udhr_edition
    path = _render(edition, tmp_path)
    done = _libreoffice(path, tmp_path)
    pdf = tmp_path / "lo" / path.with_suffix(".pdf").name
    assert done.returncode == 0 and pdf.exists(), done.stderr
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Amiri" in fonts and "NotoSerifCJK" in fonts and "NotoSerif-Regular" in fonts
    text = textcheck.full_text(pdf)
    assert "Article 1" in text or "Article premier" in text


def test_control_characters_do_not_break_the_docx(small_edition, tmp_path):
    zh = small_edition.version("zh")
    bad = replace(zh.units[3], text="鉴于\x0c对人类\x01家庭")
    edition = replace(small_edition, versions=(replace(zh, units=(*zh.units[:3], bad, *zh.units[4:])),))
    path = _render(edition, tmp_path)
    assert "鉴于对人类家庭" in python_docx.Document(str(path)).tables[0].rows[4].cells[1].text


def test_short_rows_cannot_split_in_word_either(seed_edition, tmp_path):
    from hlmpub.render.rows import build_table

    table = build_table(seed_edition)
    root = _document(_render(seed_edition, tmp_path))
    word_rows = root.find(f"{W}body/{W}tbl").findall(f"{W}tr")[1:]  # after the column header
    kept = {
        row.index
        for row, word_row in zip(table.rows, word_rows, strict=True)
        if word_row.find(f"{W}trPr/{W}cantSplit") is not None and row.kind == "body"
    }
    # the same rows as the PDF keeps whole (seed paragraph 2, five lines, may split)
    assert kept == table.short_rows and 0 < len(kept) < len([r for r in table.rows if r.kind == "body"])


def _landscape_reference(folder: Path) -> Path:
    """A templates folder whose reference.docx is the bundled one turned landscape (Word's way: size swapped,
    orient set), with wider margins to tell its set-up from the bundled one's."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    from hlmpub.config import BUNDLED_TEMPLATES

    (folder / "docx").mkdir(parents=True)
    doc = python_docx.Document(str(BUNDLED_TEMPLATES / "docx" / "reference.docx"))
    section = doc.sections[-1]
    section.page_width, section.page_height = section.page_height, section.page_width
    section.orientation = WD_ORIENT.LANDSCAPE
    section.left_margin = section.right_margin = Mm(25)
    doc.save(str(folder / "docx" / "reference.docx"))
    return folder


def _page(path: Path) -> tuple[str | None, int, int, int]:
    """(orient, width, height, left margin) of the last section of a DOCX, in twips."""
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml")).find(f"{W}body")
    sect = body.findall(f"{W}sectPr")[-1]
    size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    return size.get(f"{W}orient"), int(size.get(f"{W}w")), int(size.get(f"{W}h")), int(margins.get(f"{W}left"))


def test_the_reference_documents_page_set_up_is_the_editions(small_edition, tmp_path):
    """A landscape reference.docx gives a landscape edition of three languages, its margins kept and the table
    as wide as they allow; the orientation setting still turns it."""
    templates = _landscape_reference(tmp_path / "mytpl")
    settings = Settings(langs=("zh", "en", "ar")).with_(templates_dir=templates)
    path = render_edition(small_edition, "docx", tmp_path / "wide.docx", settings)
    orient, width, height, left = _page(path)
    assert orient == "landscape" and width > height and left == 1417  # 25 mm
    grid = python_docx.Document(str(path)).tables[0]._tbl.tblGrid
    assert sum(int(c.get(f"{W}w")) for c in grid.findall(f"{W}gridCol")) == pytest.approx(width - 2 * left, abs=10)
    upright = settings.with_(orientation="portrait")
    orient, width, height, left = _page(render_edition(small_edition, "docx", tmp_path / "upright.docx", upright))
    assert orient in (None, "portrait") and width < height and left == 1417
    # The bundled reference (portrait) stays portrait for three languages.
    orient, width, height, _ = _page(
        render_edition(small_edition, "docx", tmp_path / "b.docx", Settings(langs=("zh", "en", "ar")))
    )
    assert orient in (None, "portrait") and width < height


def test_the_reference_documents_body_size_scales_the_gutter_and_tables(tables, tmp_path):
    """Normal at 12 pt instead of 9.5 in reference.docx: the paragraph numbers and the cells of table units,
    sized by hlmpub rather than by a style, grow with it (8 pt and 8.5 pt at 9.5)."""
    from docx.shared import Pt

    from hlmpub.config import BUNDLED_TEMPLATES

    (tmp_path / "mytpl" / "docx").mkdir(parents=True)
    doc = python_docx.Document(str(BUNDLED_TEMPLATES / "docx" / "reference.docx"))
    doc.styles["Normal"].font.size = Pt(12)
    doc.save(str(tmp_path / "mytpl" / "docx" / "reference.docx"))

    def sizes(path: Path) -> tuple[set[str], set[str]]:
        """(w:sz of the gutter numbers, w:sz of the table units' cells) in half points."""
        body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
        gutter = {
            r.find(f"{W}rPr/{W}sz").get(f"{W}val")
            for r in body.iterfind(f".//{W}tc[1]//{W}r")
            if r.findtext(f"{W}t", "").endswith(".") and r.find(f"{W}rPr/{W}sz") is not None
        }
        nested = {sz.get(f"{W}val") for sz in body.iterfind(f".//{W}tbl//{W}tbl//{W}sz")}
        return gutter, nested

    settings = Settings(langs=("zh", "en"))
    bundled = sizes(render_edition(tables["tables"], "docx", tmp_path / "a.docx", settings))
    larger = sizes(
        render_edition(tables["tables"], "docx", tmp_path / "b.docx", settings.with_(templates_dir=tmp_path / "mytpl"))
    )
    assert bundled == ({"16"}, {"17"})
    assert larger == ({"20"}, {"21"})
