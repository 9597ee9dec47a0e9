"""Tagged PDFs read through their structure tree (readers/pdf_tagged.py), and trees that cannot be trusted.

The realistic notes (tests/fixtures/real_un/note_<lang>.tagged.pdf, LibreOffice's tagged export of the
synthetic UN-layout DOCX) must give exactly the units and masthead facts written down for them, the same as
the DOCX; the hand-made PDFs of tests/fixtures/tagged_pdf check the tree merge across pages and the fallback
to the layout for broken trees.
"""

from __future__ import annotations

import importlib.util
import logging
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from hlmpub.ingest import read_version
from hlmpub.ingest.blocks import FURNITURE, HEADING, NOTE, PARAGRAPH, REF_END, REF_MARK, TABLE
from hlmpub.ingest.readers import pdf
from hlmpub.ingest.readers.pdf_bidi import Char, attach_marks
from hlmpub.ingest.readers.pdf_tagged import tagged_blocks

from .real_un import LANGS, as_json, expected

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REAL_UN = FIXTURES / "real_un"
HANDMADE = FIXTURES / "tagged_pdf"


def blocks_of(path: Path, lang: str):
    """The blocks the tree gives, or None (read straight from the tagged path, not through the fallback)."""
    doc = pdfium.PdfDocument(str(path))
    try:
        return tagged_blocks(doc, path, lang)
    finally:
        doc.close()


# ----------------------------------------------------------------------------------------------- the real_un notes


@pytest.mark.parametrize("lang", LANGS)
def test_note_tagged_pdf_gives_the_expected_units_and_meta(lang, caplog):
    units, meta = expected(f"note_{lang}")
    with caplog.at_level(logging.WARNING):
        version = read_version(REAL_UN / f"note_{lang}.tagged.pdf", lang)
    assert [as_json(u) for u in version.units] == units
    got_meta = dict(version.meta)
    assert got_meta.pop("pages") == ("2" if lang == "en" else "3")
    assert got_meta == meta
    table = next(u for u in version.units if u.kind == "table")
    assert table.header_rows == 1 and table.shape == (31, 4)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.parametrize("lang", LANGS)
def test_tagged_pdf_and_docx_give_the_same_units(lang):
    from_pdf = read_version(REAL_UN / f"note_{lang}.tagged.pdf", lang)
    from_docx = read_version(REAL_UN / f"note_{lang}.docx", lang)
    assert [as_json(u) for u in from_pdf.units] == [as_json(u) for u in from_docx.units]


def test_note_blocks_from_the_tree():
    """Headings with levels, one table over two pages, notes by mark, references marked, artifacts as furniture."""
    blocks = blocks_of(REAL_UN / "note_en.tagged.pdf", "en")
    assert blocks is not None and {b.kind for b in blocks} == {PARAGRAPH, HEADING, TABLE, NOTE, FURNITURE}
    headings = [(b.layout.level, b.layout.size, b.layout.bold, b.lines[-1]) for b in blocks if b.kind == HEADING]
    assert headings == [
        (1, 17.0, True, "and the security of person."),
        (1, 12.0, True, f"Note by the Secretariat{REF_MARK}*{REF_END}"),
        (2, 10.0, True, "Preamble"),
    ]
    masthead, body = (b for b in blocks if b.kind == TABLE)
    assert masthead.layout.header_rows == 0
    assert masthead.rows[1][1] == "Distr.: General\n15 March 2099\nOriginal: English"
    assert body.layout.header_rows == 1 and len(body.rows) == 31 and body.layout.page == 1
    assert body.rows[0] == ("Article 10", "Article 11", "Article 12", f"Article 13{REF_MARK}a{REF_END}")
    assert body.rows[-1] == ("2099-04-01", "93", "737", "6887")  # drawn on page 2: the same Table element
    notes = [(b.layout.number, b.layout.marker, b.lines[0][:12]) for b in blocks if b.kind == NOTE]
    assert notes == [
        (0, "*", "SYNTHETIC te"), (1, "1", "Whereas reco"), (0, "a", "No one shall"), (2, "2", "Everyone has")
    ]  # fmt: skip
    paragraph_1 = next(b for b in blocks if b.lines[:1] and b.lines[0].startswith("1. "))
    assert paragraph_1.lines[-1] == f"spirit of brotherhood.{REF_MARK}1" and paragraph_1.layout.size == 10.0
    furniture = [(b.layout.page, line) for b in blocks if b.kind == FURNITURE for line in b.lines]
    assert furniture == [
        (1, "99-01234 (E) 150399 160399 *9901234*"),
        (1, "Please recycle ♲"),
        (2, "A/99/999"),
        (2, "Article 10 Article 11 Article 12 Article 13a"),  # the header row repeated on page 2, an artifact
        (2, "2/2 99-01234"),
    ]


def test_chinese_pieces_in_tree_order_without_cjk_gaps():
    """Each half-width comma is a piece of its own; the gap CJK typesetting leaves before digits is no space."""
    blocks = blocks_of(REAL_UN / "note_zh.tagged.pdf", "zh")
    texts = ["".join(b.lines) for b in blocks if b.kind == PARAGRAPH]
    assert "议程项目99" in texts
    paragraph_6 = next(t for t in texts if t.startswith("6. "))
    assert "包括食物、衣着、住房、医疗和必要的社会服务;在遭到失业" in paragraph_6


def test_arabic_lines_in_logical_order():
    blocks = blocks_of(REAL_UN / "note_ar.tagged.pdf", "ar")
    masthead = next(b for b in blocks if b.kind == TABLE)
    assert masthead.rows[0] == ("الأمم المتحدة", "A/99/999")  # a Latin cell of a right-to-left row
    body = next(b for b in blocks if b.kind == TABLE and len(b.rows) > 2)
    assert body.rows[0][-1] == f"المادة 13{REF_MARK}a{REF_END}"
    paragraph_1 = next(b for b in blocks if b.lines[:1] and b.lines[0].startswith("1 - "))
    assert "وهبوا عقلاً وضميرًا" in paragraph_1.lines[0]  # no phantom space before the tanween
    assert paragraph_1.lines[-1].endswith(f"بروح الإخاء.{REF_MARK}1")  # the reference glued, after the full stop
    table_note = next(b for b in blocks if b.kind == NOTE and b.layout.marker == "a")
    assert table_note.lines == ("لا يجوز القبض على أي إنسان أو حجزه أو نفيه تعسفاً.",)


def test_untagged_pdf_takes_the_layout_path(caplog):
    with caplog.at_level(logging.WARNING):
        assert blocks_of(REAL_UN / "note_en.untagged.pdf", "en") is None
    assert not caplog.records


# ----------------------------------------------------------------------------------------------- another producer


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh", "ar", "ru"])
def test_weasyprint_tagged_pdf_reads_through_its_tree(tmp_path, lang, caplog):
    """weasyprint's tagged PDF (pdf_tags): the seed (zh) and the synthetic ar/ru units of test_pdf.py, the last
    paragraph across a page break; its running headers and footers are marked content no element names, in
    the margins: furniture."""
    import weasyprint

    from .test_pdf import SEED, load_rows, un_html

    if lang == "zh":
        rows = [(u.kind, u.key, u.marker, u.text) for u in read_version(SEED, "zh").units]
        symbol, job, cross = "A/68/563", "13-53431 (C)", -1
    else:
        rows = [tuple(row) for row in load_rows(lang)]
        symbol, job, cross = "A/99/001", f"99-00001 ({'A' if lang == 'ar' else 'R'})", len(rows) - 1
    html = un_html([(kind, marker, text) for kind, _, marker, text in rows], lang, symbol, job, cross)
    path = tmp_path / f"{lang}.pdf"
    path.write_bytes(weasyprint.HTML(string=html).write_pdf(pdf_tags=True))
    with caplog.at_level(logging.WARNING):
        blocks = blocks_of(path, lang)
        version = read_version(path, lang)
    assert blocks is not None and not caplog.records
    assert {b.kind for b in blocks} == {PARAGRAPH, HEADING, FURNITURE}
    assert [(u.kind, u.key, u.marker, u.text) for u in version.units] == rows
    assert version.meta["symbol"] == symbol and version.meta["job"] == job


# ----------------------------------------------------------------------------------------------- hand-made PDFs


def test_handmade_fixtures_are_what_the_script_makes():
    spec = importlib.util.spec_from_file_location("make_tagged", HANDMADE / "make_tagged.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for variant in module.VARIANTS:
        assert (HANDMADE / f"{variant}.pdf").read_bytes() == module.pdf(variant), variant


@pytest.mark.parametrize("name", ["sound", "kid_cycle", "footer_unmarked"])
def test_sound_tree_is_read(name, caplog):
    with caplog.at_level(logging.WARNING):
        blocks = blocks_of(HANDMADE / f"{name}.pdf", "en")
    assert blocks is not None and not caplog.records
    assert [(b.kind, b.lines) for b in blocks] == [
        (PARAGRAPH, ("1. All human beings are born free and equal in dignity and rights.",)),
        (PARAGRAPH, ("2. Everyone has the right to life, liberty and security of person.",)),
        (FURNITURE, ("SYNTHETIC test file made by hlmpub (tests/fixtures/tagged_pdf/make_tagged.py)",)),
    ]


def test_three_pages_one_table_one_paragraph_across_the_break():
    blocks = blocks_of(HANDMADE / "pages.pdf", "en")
    assert blocks is not None
    table = next(b for b in blocks if b.kind == TABLE)
    assert table.rows == (("Year", "Value"), ("2091", "111"), ("2092", "222"), ("2093", "333"), ("2094", "444"))
    assert table.layout.header_rows == 1
    paragraphs = [b for b in blocks if b.kind == PARAGRAPH]
    assert [b.lines[0].split(".")[0] for b in paragraphs] == [str(n) for n in range(1, 47)]
    across = paragraphs[40]
    assert across.lines == ("41. A paragraph that begins at the foot of page 2", "and ends at the top of page 3.")
    assert table.layout.page == 1
    order = [(b.layout.page, b.kind, b.lines[0][:10] if b.lines else "") for b in blocks if b.kind != PARAGRAPH]
    assert order == [
        (1, TABLE, ""),
        (1, FURNITURE, "SYNTHETIC "),
        (2, FURNITURE, "Year Value"),  # drawn before the page's first tagged text: before its blocks
        (2, FURNITURE, "SYNTHETIC "),
        (3, FURNITURE, "SYNTHETIC "),
    ]
    assert blocks.index(next(b for b in blocks if b.lines[:1] == ("Year Value",))) == 22  # right after page 1's


def test_word_like_kinds():
    """A footnote as Word tags it (the Note with its Lbl inside the paragraph), a list, a table with THead."""
    blocks = blocks_of(HANDMADE / "kinds.pdf", "en")
    assert blocks is not None
    got = [(b.kind, b.layout.level, b.layout.marker, b.layout.number, b.lines, b.rows) for b in blocks]
    assert got[:-1] == [
        (HEADING, 1, "", 0, ("A synthetic note",), ()),
        (PARAGRAPH, 0, "", 0, (f"1. All human beings are born free and equal.{REF_MARK}1",), ()),
        (NOTE, 0, "1", 1, ("Whereas recognition of the inherent dignity.",), ()),
        (PARAGRAPH, 0, "(a) ", 0, ("No one shall be held in slavery;",), ()),
        (PARAGRAPH, 0, "(b) ", 0, ("No one shall be subjected to torture.",), ()),
        (TABLE, 0, "", 0, (), (("Year", "Value"), ("2091", "111"), ("2092", "222"))),
        (PARAGRAPH, 0, "", 0, ("2. Everyone has the right to life, liberty and security of person.",), ()),
    ]
    assert blocks[5].layout.header_rows == 1 and got[-1][0] == FURNITURE
    units = read_version(HANDMADE / "kinds.pdf", "en").units
    assert [(u.kind, u.key, u.marker) for u in units] == [
        ("meta", "meta:title", ""), ("para", "p:1", "1."), ("note", "note:1", "1"), ("subpara", "p:1.a", "(a)"),
        ("subpara", "p:1.b", "(b)"), ("table", "table:1", ""), ("para", "p:2", "2."),
    ]  # fmt: skip


BROKEN = {
    "cycle": "text on page 1 that no structure element reaches: '1. All human",
    "repeated_mcid": "marked-content id 0 of page 1 is named twice",
    "missing_mcid": "marked-content id 5 of page 1 names nothing on the page",
    "unreached": "text on page 1 that no structure element reaches: '3. No one",
    "unmarked": "text on page 1 that no structure element reaches: '3. No one",
    "deep": "text on page 1 that no structure element reaches: '2. Everyone",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_tree_falls_back_to_the_layout_with_a_warning(name, caplog):
    path = HANDMADE / f"{name}.pdf"
    start = time.perf_counter()
    with caplog.at_level(logging.WARNING):
        assert blocks_of(path, "en") is None
        version = read_version(path, "en")
    assert time.perf_counter() - start < 10  # bounded: no hang
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings[0].startswith(f"{name}.pdf: structure tree not used ({BROKEN[name]}")
    assert warnings[0].endswith("reading the page layout instead")
    text = " ".join(u.text for u in version.units)
    assert "All human beings are born free" in text and "right to life, liberty" in text
    assert pdf.read(path, "en").source.path == f"{name}.pdf"


def test_phantom_space_and_stray_mark_repaired():
    """LibreOffice's Arabic: a space of no width between a letter and its mark; a tanween drawn after a stop."""
    alef, mark = Char("ا", 186.0, 191.2), Char("\u064b", 184.0, 187.2)
    phantom, space, waw = Char(" ", 185.1, 185.1), Char(" ", 181.3, 185.1), Char("و", 173.9, 179.4)
    assert [c.text for c in attach_marks([alef, phantom, mark, space, waw])] == ["ا", "\u064b", " ", "و"]
    justified = Char(" ", 437.8, 437.8)  # a justified line's real space takes no room either: kept
    yeh = Char("ي", 427.8, 435.7)
    assert [c.text for c in attach_marks([alef, mark, justified, yeh])] == ["ا", "\u064b", " ", "ي"]
    alef2, stop, tanween = Char("ا", 298.8, 301.5), Char(".", 295.4, 297.6), Char("\u064b", 297.3, 300.3)
    assert [c.text for c in attach_marks([alef2, Char(" ", 298.4, 298.4), stop, tanween])] == ["ا", "\u064b", "."]
