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


# ------------------------------------------ automatic numbering and footnotes
# synthetic: the paragraphs below are written for these tests (invented session, resolution and dates)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERING_XML = f"""<w:numbering xmlns:w="{W_NS}">
  <w:abstractNum w:abstractNumId="90">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="91">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
  <w:num w:numId="91"><w:abstractNumId w:val="91"/></w:num>
</w:numbering>"""
FOOTNOTES_XML = f"""<w:footnotes xmlns:w="{W_NS}">
  <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
  <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
  <w:footnote w:id="1"><w:p>
    <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>
    <w:r><w:t xml:space="preserve"> See resolution 98/12 of 2 January 2099.</w:t></w:r>
  </w:p></w:footnote>
</w:footnotes>"""
#: (style, list, level, text, footnote after this text); style "Chapter" carries list 90 through its style
NUMBERED = [
    ("Chapter", None, None, "Introduction", None),
    (None, "91", "0", "The Committee held its first meeting", " in the city in 2099."),
    (None, "91", "0", "It decided:", None),
    (None, "91", "1", "to meet again in 2100;", None),
    (None, "91", "1", "to report to the Assembly.", None),
    ("Chapter", None, None, "Work of the session", None),
    (None, "91", "0", "The Committee adopted its report.", None),
    (None, "91", "1", "The report is annexed.", None),
]
TYPED = """I.\tIntroduction

1.\tThe Committee held its first meeting1 in the city in 2099.

2.\tIt decided:

(a)\tto meet again in 2100;

(b)\tto report to the Assembly.

II.\tWork of the session

3.\tThe Committee adopted its report.

(a)\tThe report is annexed.

1 See resolution 98/12 of 2 January 2099.
99-00001 (E)
"""


def _numpr(paragraph_or_style_element, num_id: str, ilvl: str | None) -> None:
    ppr = paragraph_or_style_element.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    if ilvl is not None:
        el = OxmlElement("w:ilvl")
        el.set(qn("w:val"), ilvl)
        numpr.append(el)
    el = OxmlElement("w:numId")
    el.set(qn("w:val"), num_id)
    numpr.append(el)
    ppr.append(numpr)


def _footnote_reference(paragraph, note_id: str) -> None:
    run = paragraph.add_run()
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), note_id)
    run._r.append(ref)


def _add_footnotes(path: Path, footnotes_xml: str) -> None:
    """Give a saved Word file a footnotes part (python-docx has no footnote API)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    doc = Document(str(path))
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    part = Part(PackURI("/word/footnotes.xml"), content_type, footnotes_xml.encode(), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    doc.save(str(path))


def numbered_docx(path: Path, numbering: str = NUMBERING_XML, footnotes: str | None = FOOTNOTES_XML) -> Path:
    """A Word file whose markers are automatic numbering and whose note is a real footnote (synthetic)."""
    from docx.enum.style import WD_STYLE_TYPE

    doc = Document()
    chapter = doc.styles.add_style("Chapter", WD_STYLE_TYPE.PARAGRAPH)
    chapter.base_style = doc.styles["Heading 1"]
    _numpr(chapter.element, "90", None)
    for style, num_id, ilvl, text, after_note in NUMBERED:
        paragraph = doc.add_paragraph(text, style=style)
        if num_id:
            _numpr(paragraph._p, num_id, ilvl)
        if after_note is not None:
            _footnote_reference(paragraph, "1")
            paragraph.add_run(after_note)
    doc.save(str(path))
    if footnotes is not None:
        _add_footnotes(path, footnotes)
    return _rezip(path, path.with_name("n_" + path.name), {"word/numbering.xml": numbering.encode()})


def _rows(version) -> list[tuple[str, ...]]:
    return [(u.id, u.kind, u.key, u.marker, u.text) for u in version.units]


def test_automatic_numbering_and_footnote_give_the_units_of_typed_text(tmp_path):
    version = read_version(numbered_docx(tmp_path / "numbered.docx"), "en")
    typed = tmp_path / "typed.txt"
    typed.write_text(TYPED, encoding="utf-8")
    assert _rows(version) == _rows(read_version(typed, "en"))
    assert [(u.kind, u.key, u.marker) for u in version.units] == [
        ("chapter", "ch:1", "I."),
        ("para", "p:1", "1."),
        ("note", "note:1", "1"),
        ("para", "p:2", "2."),
        ("subpara", "p:2.a", "(a)"),
        ("subpara", "p:2.b", "(b)"),
        ("chapter", "ch:2", "II."),
        ("para", "p:3", "3."),
        ("subpara", "p:3.a", "(a)"),
    ]
    assert version.units[1].text == "The Committee held its first meeting1 in the city in 2099."
    assert version.units[2].text == "See resolution 98/12 of 2 January 2099."


def test_numbering_without_footnotes_part(tmp_path):
    version = read_version(numbered_docx(tmp_path / "plain.docx", footnotes=None), "en")
    assert [u.key for u in version.units] == ["ch:1", "p:1", "p:2", "p:2.a", "p:2.b", "ch:2", "p:3", "p:3.a"]


def test_malformed_numbering_xml_is_one_line(tmp_path, capsys):
    path = numbered_docx(tmp_path / "bad.docx", numbering=NUMBERING_XML.replace("</w:numbering>", ""))
    _fails(capsys, path, "malformed XML part word/numbering.xml")


def test_numbering_naming_a_missing_list_is_one_line(tmp_path, capsys):
    broken = NUMBERING_XML.replace('<w:abstractNumId w:val="91"/>', '<w:abstractNumId w:val="77"/>')
    path = numbered_docx(tmp_path / "missing.docx", numbering=broken)
    _fails(capsys, path, "malformed numbering in word/numbering.xml")


def test_numbering_with_a_start_that_is_not_a_number_is_one_line(tmp_path, capsys):
    path = numbered_docx(tmp_path / "start.docx", numbering=NUMBERING_XML.replace('w:val="1"/>', 'w:val="one"/>', 1))
    _fails(capsys, path, "'one' is not a number")


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (4, "upperRoman", "IV"),
        (19, "lowerRoman", "xix"),
        (27, "lowerLetter", "aa"),
        (2, "upperLetter", "B"),
        (3, "decimalZero", "03"),
        (3, "russianLower", "в"),
        (3, "arabicAbjad", "ج"),
        (19, "chineseCounting", "十九"),
        (23, "chineseCountingThousand", "二十三"),
        (110, "chineseCounting", "一百一十"),
        (7, "somethingNew", "7"),
    ],
)
def test_number_formats(n, fmt, expected):
    from hlmpub.ingest.readers.docx_numbering import format_number

    assert format_number(n, fmt) == expected


def _paragraph_xml(num_id: str | None = None, ilvl: str | None = None, style: str | None = None):
    from lxml import etree

    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num_id is not None:
        ppr += "<w:numPr>" + (f'<w:ilvl w:val="{ilvl}"/>' if ilvl else "") + f'<w:numId w:val="{num_id}"/></w:numPr>'
    return etree.fromstring(f'<w:p xmlns:w="{W_NS}"><w:pPr>{ppr}</w:pPr></w:p>')


def test_list_restarts_overrides_and_style_links(tmp_path):
    from lxml import etree

    from hlmpub.ingest.readers.docx_numbering import ListNumbering

    # synthetic numbering: Arabic "%1 -" paragraphs with "(%2)" letters that never restart (lvlRestart 0),
    # a second instance restarting at 5, a legal-style "%1.%2" level, and a style linked to level 1
    numbering = etree.fromstring(f"""<w:numbering xmlns:w="{W_NS}">
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1 -"/><w:suff w:val="space"/></w:lvl>
        <w:lvl w:ilvl="1"><w:numFmt w:val="arabicAbjad"/><w:lvlText w:val="(%2)"/><w:lvlRestart w:val="0"/>
          <w:pStyle w:val="Sub"/></w:lvl>
        <w:lvl w:ilvl="2"><w:numFmt w:val="lowerRoman"/><w:isLgl/><w:lvlText w:val="%1.%3"/>
          <w:suff w:val="nothing"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    </w:numbering>""")
    styles = etree.fromstring(f"""<w:styles xmlns:w="{W_NS}">
      <w:style w:type="paragraph" w:styleId="Sub"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="SubTwo"><w:basedOn w:val="Sub"/></w:style>
    </w:styles>""")
    lists = ListNumbering(numbering, styles, tmp_path / "x.docx")
    markers = [
        lists.marker(_paragraph_xml("1", "0")),
        lists.marker(_paragraph_xml(style="Sub")),  # level 1 through the style's link
        lists.marker(_paragraph_xml("1", "0")),
        lists.marker(_paragraph_xml(style="SubTwo")),  # inherited; letters do not restart
        lists.marker(_paragraph_xml("1", "2")),
        lists.marker(_paragraph_xml("0", "0", style="Sub")),  # numId 0: numbering switched off
        lists.marker(_paragraph_xml()),
        lists.marker(_paragraph_xml("2", "0")),  # its own instance, restarted at 5
        lists.marker(_paragraph_xml("1", "0")),  # the first instance goes on
        lists.marker(_paragraph_xml("9", "0")),  # undefined list: no marker
    ]
    assert markers == ["1 - ", "(أ)\t", "2 - ", "(ب)\t", "2.1", None, None, "5 - ", "3 - ", None]


@pytest.mark.slow
def test_automatic_numbering_as_libreoffice_prints_it(tmp_path):
    """Another reader of the same numbering.xml: LibreOffice's PDF of the synthetic file gives the same units."""
    import shutil
    import subprocess

    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    plain = numbered_docx(tmp_path / "numbered.docx")
    doc = Document(str(plain))
    doc.sections[0].footer.paragraphs[0].text = "99-00001 (E)"  # a page end, so the PDF reader sees the page foot
    path = tmp_path / "lo.docx"
    doc.save(str(path))
    profile = (tmp_path / "lo-profile").as_uri()
    cmd = [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
    subprocess.run([*cmd, str(path)], check=True, capture_output=True, timeout=120)
    from_docx = read_version(path, "en")
    assert [u.marker for u in from_docx.units] == ["I.", "1.", "1", "2.", "(a)", "(b)", "II.", "3.", "(a)"]
    assert _rows(read_version(tmp_path / "lo.pdf", "en")) == _rows(from_docx)


def test_every_word_paragraph_is_its_own_block(tmp_path):
    # synthetic: unnumbered paragraphs after a numbered one are not merged into it (parse_text gets gap=1)
    doc = Document()
    for text in ["1. First numbered paragraph.", "An unnumbered paragraph.", "Another one.", "2. Second."]:
        doc.add_paragraph(text)
    path = tmp_path / "gap.docx"
    doc.save(str(path))
    units = read_version(path, "en").units
    assert [(u.kind, u.key, u.text) for u in units] == [
        ("para", "p:1", "First numbered paragraph."),
        ("other", "", "An unnumbered paragraph."),
        ("other", "", "Another one."),
        ("para", "p:2", "Second."),
    ]


def test_footnotes_referenced_after_punctuation_and_in_chinese(tmp_path):
    # synthetic: references after a full stop and after a closing bracket (which page-foot detection cannot see),
    # a note of two paragraphs, Chinese text joined without spaces
    notes = FOOTNOTES_XML.replace(
        "</w:footnotes>",
        '<w:footnote w:id="7"><w:p><w:r><w:t>见第98/12号决议，</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>第3段。</w:t></w:r></w:p></w:footnote></w:footnotes>",
    )
    doc = Document()
    for text, note_id in [("1. 委员会通过了第98/12号决议。", "7"), ("2. 委员会（第二次会议）", "1")]:
        paragraph = doc.add_paragraph(text)
        _footnote_reference(paragraph, note_id)
        paragraph.add_run("结束。")
    path = tmp_path / "zh.docx"
    doc.save(str(path))
    _add_footnotes(path, notes)
    units = read_version(path, "zh").units
    assert [(u.kind, u.key, u.marker, u.text) for u in units] == [
        ("para", "p:1", "1.", "委员会通过了第98/12号决议。1结束。"),
        ("note", "note:1", "1", "见第98/12号决议，第3段。"),
        ("para", "p:2", "2.", "委员会（第二次会议）2结束。"),
        ("note", "note:2", "2", "See resolution 98/12 of 2 January 2099."),
    ]


def test_list_defined_through_a_numbering_style(tmp_path):
    from lxml import etree

    from hlmpub.ingest.readers.docx_numbering import ListNumbering

    # synthetic: list 5 draws on abstract 5, which only links to the numbering style "UNList"; that style's
    # list 6 (abstract 6) holds the levels, as Word writes lists defined as list styles
    numbering = etree.fromstring(f"""<w:numbering xmlns:w="{W_NS}">
      <w:abstractNum w:abstractNumId="5"><w:numStyleLink w:val="UNList"/></w:abstractNum>
      <w:abstractNum w:abstractNumId="6"><w:styleLink w:val="UNList"/>
        <w:lvl w:ilvl="0"><w:start w:val="7"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="5"/></w:num>
      <w:num w:numId="6"><w:abstractNumId w:val="6"/></w:num>
    </w:numbering>""")
    styles = etree.fromstring(f"""<w:styles xmlns:w="{W_NS}">
      <w:style w:type="numbering" w:styleId="UNList"><w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style>
    </w:styles>""")
    lists = ListNumbering(numbering, styles, tmp_path / "x.docx")
    assert [lists.marker(_paragraph_xml("5", "0")) for _ in range(2)] == ["7.\t", "8.\t"]


def test_builtin_heading_styles_and_a_data_table(tmp_path):
    # synthetic: Word's own Title and Heading 2 styles, a data table with a header row and merged cells
    doc = Document()
    doc.add_paragraph("A synthetic title", style="Title")
    doc.add_paragraph("1. First paragraph.")
    doc.add_paragraph("Background", style="Heading 2")
    table = doc.add_table(rows=3, cols=3)
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(OxmlElement("w:tblHeader"))
    for col, text in enumerate(("Region", "2098", "2099")):
        table.cell(0, col).text = text
    table.cell(1, 0).merge(table.cell(2, 0)).text = "North"
    table.cell(1, 1).text, table.cell(1, 2).text = "10", "12"
    table.cell(2, 1).merge(table.cell(2, 2)).text = "n/a"
    doc.add_paragraph("2. After the table.")
    path = tmp_path / "styles.docx"
    doc.save(str(path))
    version = read_version(path, "en")
    assert [(u.id, u.kind, u.key, u.text) for u in version.units if u.kind != "table"] == [
        ("en-m1", "meta", "meta:title", "A synthetic title"),
        ("en-p1", "para", "p:1", "First paragraph."),
        ("en-h1", "section", "", "Background"),
        ("en-p2", "para", "p:2", "After the table."),
    ]
    table_unit = version.units[3]
    assert (table_unit.id, table_unit.key, table_unit.header_rows) == ("en-t1", "table:1", 1)
    assert table_unit.rows == (("Region", "2098", "2099"), ("North", "10", "12"), ("", "n/a"))
