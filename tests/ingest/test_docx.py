"""The DOCX reader: the seed as a UN-style Word file reads back as the same units; tables; bad DOCX files.

Every DOCX here is generated in tmp_path with python-docx, from the seed's units (as the text reader gives
them) or from the synthetic units in tests/fixtures/ingest_formats/.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from hlmpub.cli import run
from hlmpub.errors import ExitCode
from hlmpub.ingest import read_version
from hlmpub.safeio import sha256_file

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sources" / "A_68_563" / "zh.txt"
FORMATS = ROOT / "tests" / "fixtures" / "ingest_formats"
FONTS = {"zh": ("Noto Serif CJK SC", "eastAsia"), "ar": ("Amiri", "cs"), "ru": ("Noto Serif", "ascii")}


def load_rows(lang: str) -> list[tuple[str, ...]]:
    """(kind, key, marker, text) rows of a synthetic fixture."""
    lines = (FORMATS / f"{lang}_synthetic.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]


def _field(paragraph, instruction: str) -> None:
    """A Word field such as PAGE / NUMPAGES (raw OXML: python-docx has no field API)."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instruction} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def _font(run, lang: str) -> None:
    name, slot = FONTS[lang]
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn(f"w:{slot}"), name)
    if lang == "ar":
        run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))


def un_docx(path: Path, units: list[tuple[str, str, str]], lang: str, symbol: str, job: str) -> Path:
    """A UN-style Word file: symbol header, page x/y and job number footer, one Word paragraph per unit."""
    doc = Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = symbol
    foot = section.footer.paragraphs[0]
    _field(foot, "PAGE")
    foot.add_run("/")
    _field(foot, "NUMPAGES")
    foot.add_run(f"\t{job}")
    for line in ("United Nations", symbol, "General Assembly", "Distr.: General", "30 October 2013"):
        doc.add_paragraph(line)
    for kind, marker, text in units:
        paragraph = doc.add_paragraph(style="Heading 1" if kind in ("chapter", "section") else None)
        if lang == "ar":
            paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        run = paragraph.add_run(f"{marker}\t{text}" if marker else text)
        _font(run, lang)
    doc.save(str(path))
    return path


def as_rows(units) -> list[tuple[str, ...]]:
    return [(u.id, u.kind, u.key, u.marker, u.text) for u in units]


@pytest.mark.slow
def test_seed_as_un_docx_gives_the_same_units(tmp_path):
    seed = read_version(SEED, "zh")
    units = [(u.kind, u.marker, u.text) for u in seed.units]
    path = un_docx(tmp_path / "A_68_563_zh.docx", units, "zh", "A/68/563", "13-53431 (C)")
    with zipfile.ZipFile(path) as package:  # the furniture is really there, in header and footer parts
        parts = " ".join(package.read(n).decode() for n in package.namelist() if "header" in n or "footer" in n)
    assert "A/68/563" in parts and "13-53431 (C)" in parts and "NUMPAGES" in parts
    version = read_version(path, "zh")
    assert as_rows(version.units) == as_rows(seed.units)
    assert version.source.format == "docx" and version.source.sha256 == sha256_file(path)
    assert version.meta["symbol"] == "A/68/563"  # from the masthead paragraph, not from the header


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ar", "ru"])
def test_synthetic_docx(tmp_path, lang):
    # synthetic: tests/fixtures/ingest_formats/{ar,ru}_synthetic.tsv
    rows = load_rows(lang)
    path = un_docx(tmp_path / f"{lang}.docx", [(k, m, t) for k, _, m, t in rows], lang, "A/99/001", "99-00001")
    version = read_version(path, lang)
    assert [(u.kind, u.key, u.marker, u.text) for u in version.units] == [tuple(r) for r in rows]


def test_tables_are_read_in_order_and_merged_cells_once(tmp_path):
    # synthetic: two paragraphs around a 2x2 table whose first row is one merged cell
    doc = Document()
    doc.add_paragraph("1. First paragraph before the table.")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "2. A paragraph in a merged cell."
    table.cell(1, 0).text = "3. Left cell."
    table.cell(1, 1).text = "4. Right cell."
    doc.add_paragraph("5. After the table.")
    para = doc.add_paragraph("6. A paragraph with a manual")
    para.add_run().add_break(WD_BREAK.LINE)
    para.add_run("line break.")
    doc.sections[0].footer.paragraphs[0].text = "7. Footer text is furniture."
    path = tmp_path / "table.docx"
    doc.save(str(path))
    version = read_version(path, "en")
    assert [(u.key, u.text) for u in version.units] == [
        ("p:1", "First paragraph before the table."),
        ("p:2", "A paragraph in a merged cell."),
        ("p:3", "Left cell."),
        ("p:4", "Right cell."),
        ("p:5", "After the table."),
        ("p:6", "A paragraph with a manual line break."),
    ]


# ------------------------------------------------------------------ bad DOCX


def _fails(capsys, path: Path, needle: str) -> str:
    before = sorted(path.parent.iterdir())
    assert run(["ingest", str(path), "--lang", "en"]) == ExitCode.INPUT
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1, err
    assert path.name in err and needle in err, err
    assert "Traceback" not in captured.err and captured.out == ""
    assert sorted(path.parent.iterdir()) == before
    return err


def _good_docx(tmp_path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("1. A synthetic paragraph.")
    path = tmp_path / "good.docx"
    doc.save(str(path))
    return path


def _rezip(src: Path, dst: Path, replace: dict[str, bytes | None]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            if item.filename in replace:
                data = replace[item.filename]
                if data is not None:
                    zout.writestr(item.filename, data)
            else:
                zout.writestr(item, zin.read(item.filename))
    return dst


def test_not_a_zip(tmp_path, capsys):
    f = tmp_path / "plain.docx"
    f.write_text("1. Not a Word file at all.\n", encoding="utf-8")
    _fails(capsys, f, "not a zip")


def test_zip_without_document_part(tmp_path, capsys):
    f = _rezip(_good_docx(tmp_path), tmp_path / "empty_pkg.docx", {"word/document.xml": None})
    _fails(capsys, f, "no word/document.xml")


def test_malformed_xml_inside(tmp_path, capsys):
    f = _rezip(_good_docx(tmp_path), tmp_path / "broken.docx", {"word/document.xml": b"<w:document><w:body>"})
    _fails(capsys, f, "malformed XML part word/document.xml")


def test_entities_inside_are_refused(tmp_path, capsys):
    bomb = (
        b"<?xml version='1.0'?><!DOCTYPE d [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;'>]>"
        b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
        b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    f = _rezip(_good_docx(tmp_path), tmp_path / "bomb.docx", {"word/document.xml": bomb})
    _fails(capsys, f, "entities")


def test_truncated_docx(tmp_path, capsys):
    data = _good_docx(tmp_path).read_bytes()
    f = tmp_path / "cut.docx"
    f.write_bytes(data[: len(data) // 2])
    _fails(capsys, f, "truncated or corrupt DOCX")


# ------------------------------------------------------- a second PDF producer


@pytest.mark.slow
def test_arabic_docx_converted_by_libreoffice_reads_back_as_pdf(tmp_path):
    """The PDF reader on a PDF from another producer than weasyprint: LibreOffice, from a bidi DOCX."""
    import shutil
    import subprocess

    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    rows = load_rows("ar")  # synthetic
    path = un_docx(tmp_path / "ar_lo.docx", [(k, m, t) for k, _, m, t in rows], "ar", "A/99/001", "99-00001")
    profile = (tmp_path / "lo-profile").as_uri()  # own profile: other LibreOffice runs do not collide with us
    cmd = [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
    subprocess.run([*cmd, str(path)], check=True, capture_output=True, timeout=120)
    version = read_version(tmp_path / "ar_lo.pdf", "ar")
    assert [(u.kind, u.key, u.marker, u.text) for u in version.units] == [tuple(r) for r in rows]
