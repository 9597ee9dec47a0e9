"""Untagged PDFs read by their layout (readers/pdf_layout.py and the modules it uses).

The fixtures are tests/fixtures/real_un/ (synthetic UN-layout notes exported by LibreOffice without a structure
tree; the seed re-measured in three other page sizes and fonts): each must give exactly the units and masthead
facts written down in expected/.  The rules themselves are checked on hand-made lines, and the fall-back to
pages of lines on PDFs made here with weasyprint (a scanned page, a page of one huge line).
"""

from __future__ import annotations

import base64
import logging
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from hlmpub.ingest import read_version
from hlmpub.ingest.blocks import FURNITURE, HEADING, NOTE, PAGE, PARAGRAPH, REF_END, REF_MARK, TABLE
from hlmpub.ingest.readers import pdf
from hlmpub.ingest.readers.pdf_glyphs import Glyph
from hlmpub.ingest.readers.pdf_layout import LayoutUnclear, PageLayout, layout_blocks
from hlmpub.ingest.readers.pdf_lines import Cell, Line
from hlmpub.ingest.readers.pdf_paragraphs import Frame, Metrics, continues_page, starts_paragraph
from hlmpub.ingest.readers.pdf_tables import find_tables, make_table

from .real_un import LANGS, as_json, expected

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "real_un"
MEASURES = ("a5_serif", "letter_sans", "a4_lo_sans")


# ------------------------------------------------------------------ the fixtures


@pytest.mark.parametrize("lang", LANGS)
def test_untagged_note_gives_the_expected_units_and_meta(lang, caplog):
    units, meta = expected(f"note_{lang}")
    with caplog.at_level(logging.WARNING, logger="hlmpub.ingest.readers.pdf"):
        version = read_version(HERE / f"note_{lang}.untagged.pdf", lang)
    assert not caplog.records  # read by its layout, no fall-back
    assert [as_json(u) for u in version.units] == units
    assert version.meta == {**meta, "pages": str(len(pdfium.PdfDocument(HERE / f"note_{lang}.untagged.pdf")))}
    table = next(u for u in version.units if u.kind == "table")
    assert table.header_rows == 1 and table.shape == (31, 4)


@pytest.mark.parametrize("lang", LANGS)
def test_tagged_note_read_by_its_layout_alone_gives_the_same_units(lang):
    """The layout path is what a tagged PDF falls back to when its structure tree cannot be trusted."""
    from hlmpub.ingest.blocks import Reading
    from hlmpub.ingest.segment import to_version
    from hlmpub.model import Source

    path = HERE / f"note_{lang}.tagged.pdf"
    blocks, _pages = pdf.layout_reading(path.read_bytes(), path, lang)
    version = to_version(Reading(Source(path.name, "pdf", ""), blocks), lang)
    assert [as_json(u) for u in version.units] == expected(f"note_{lang}")[0]


@pytest.mark.parametrize("measure", MEASURES)
def test_seed_in_another_measure_gives_the_102_units(measure):
    units, meta = expected("seed_zh")
    version = read_version(HERE / f"seed_zh_{measure}.pdf", "zh")
    assert [as_json(u) for u in version.units] == units
    assert {k: version.meta.get(k) for k in meta} == meta


def test_note_blocks():
    """What the reader hands over: masthead and body table, heading levels, notes, references, furniture."""
    reading = pdf.read(HERE / "note_en.untagged.pdf", "en")
    kinds = [b.kind for b in reading.blocks]
    assert PAGE not in kinds
    masthead, body = (b for b in reading.blocks if b.kind == TABLE)
    assert masthead.rows == (
        ("United Nations", "A/99/999"),
        ("General Assembly", "Distr.: General\n15 March 2099\nOriginal: English"),
    )
    assert body.layout.header_rows == 1 and len(body.rows) == 31  # two pages, the repeated header row dropped
    assert body.rows[0] == ("Article 10", "Article 11", "Article 12", "Article 13a")  # as the DOCX reader gives it
    assert body.rows.count(body.rows[0]) == 1 and body.rows[-1] == ("2099-04-01", "93", "737", "6887")
    headings = [(b.layout.level, b.layout.size, b.lines) for b in reading.blocks if b.kind == HEADING]
    assert headings == [
        (1, 17.0, ("Everyone has the right to life, liberty", "and the security of person.")),
        (1, 12.0, (f"Note by the Secretariat{REF_MARK}*{REF_END}",)),
        (2, 10.0, ("Preamble",)),
    ]
    agenda_title = next(b for b in reading.blocks if b.lines == ("Universal Declaration of Human Rights",))
    assert agenda_title.kind == PARAGRAPH and agenda_title.layout.bold  # before the title: front matter
    notes = [(b.layout.number, b.layout.marker, b.lines[0][:9]) for b in reading.blocks if b.kind == NOTE]
    assert notes == [(0, "*", "SYNTHETIC"), (1, "1", "Whereas r"), (2, "2", "Everyone ")]
    # the table's note, set in the body under the table: a paragraph with its mark, as in the DOCX
    table_note = reading.blocks[reading.blocks.index(body) + 1 :]
    table_note = [b for b in table_note if b.kind == PARAGRAPH][0]
    assert table_note.lines == ("a No one shall be subjected to arbitrary arrest, detention or exile.",)
    first = next(b for b in reading.blocks if b.kind == PARAGRAPH and b.lines[0].startswith("1. "))
    assert first.lines[-1] == f"spirit of brotherhood.{REF_MARK}1" and first.layout.page == 1
    sub = next(b for b in reading.blocks if b.kind == PARAGRAPH and b.lines[0].startswith("(a)"))
    assert sub.layout.indent - first.layout.indent == pytest.approx(36, abs=1)  # first-line indent 1.27 cm
    furniture = [line for b in reading.blocks if b.kind == FURNITURE for line in b.lines]
    assert furniture == ["99-01234 (E) 150399 160399 *9901234*", "Please recycle ♲", "A/99/999", "2/2 99-01234"]


def test_arabic_table_over_three_pages_is_one_table_in_logical_order():
    reading = pdf.read(HERE / "note_ar.untagged.pdf", "ar")
    tables = [b for b in reading.blocks if b.kind == TABLE]
    assert len(tables) == 2  # the masthead, and the body table whose header row is printed on pages 1, 2 and 3
    masthead, body = tables
    assert masthead.rows[0] == ("الأمم المتحدة", "A/99/999")  # mirrored: the first column is the right one
    assert body.rows[0] == ("المادة 10", "المادة 11", "المادة 12", "المادة 13a")
    assert body.rows[1] == ("2099-01-04", "10", "100", "1000") and len(body.rows) == 31
    first = next(b for b in reading.blocks if b.kind == PARAGRAPH and b.lines[0].startswith("1 - "))
    assert first.lines[-1].endswith(f"الإخاء.{REF_MARK}1")


def test_marker_like_wrapped_line_stays_in_its_paragraph():
    """三、 starts a line in the middle of paragraph 2 (Shinzo Abe): the line before is full, so it continues."""
    for measure in MEASURES:
        reading = pdf.read(HERE / f"seed_zh_{measure}.pdf", "zh")
        holder = [b for b in reading.blocks if any(line.startswith("三、蒙古总统") for line in b.lines)]
        assert len(holder) == 1 and holder[0].kind == PARAGRAPH, measure
        assert holder[0].lines[0].startswith("2. 74"), measure


# ------------------------------------------------------------- the rules, on hand-made lines


def line(text: str, x0: float, base: float, size: float = 10.0, bold: bool = False) -> Line:
    """A left-to-right line of full-width (CJK) or half-width glyphs, one after another from ``x0``."""
    glyphs, x = [], x0
    for ch in text:
        width = size if ord(ch) > 0x2E80 else 0.5 * size
        glyphs.append(Glyph(ch, x, x + width, base, size, bold, ch == " ", False, x))
        x += width
    return Line([Cell(glyphs, text)], base, size, bold, False)


EDGES = Frame(100.0, 300.0)
METRICS = Metrics(10.0, {10.0: 15.0})


def test_a_full_line_is_continued_whatever_the_next_begins_with():
    a = line("哈桑·鲁哈尼、奥地利总统海因茨·菲舍尔、日本首相安倍晋", 100, 500)  # ends at the right edge
    b = line("三、蒙古总统查希亚·额勒贝格道尔吉", 100, 485)
    assert not starts_paragraph(a, b, a, EDGES, METRICS)
    short = line("他们赋有理性和良心。", 100, 500)  # ends early: the next line's first character would have fitted
    assert starts_paragraph(short, b, short, EDGES, METRICS)


def test_gap_type_and_indent_start_a_paragraph():
    a = line("一二三四五六七八九十一二三四五六七八九十", 100, 500)
    assert starts_paragraph(a, line("一二三", 100, 480), a, EDGES, METRICS)  # 20 points below: paragraph spacing
    assert not starts_paragraph(a, line("一二三", 100, 485), a, EDGES, METRICS)  # the line pitch
    assert starts_paragraph(a, line("一二三", 100, 485, bold=True), a, EDGES, METRICS)  # another type
    second = line("一二三四五六七八九十一二三四五六七八九十", 100, 485)
    assert starts_paragraph(second, line("一二三", 136, 470), a, EDGES, METRICS)  # a first-line indent


def test_a_number_after_a_sentence_end_starts_a_paragraph_only_where_the_edge_is_not_sure():
    a = line("to meet again in Geneva in the year 2100;", 100, 500)  # reaches 300: full
    b = line("(b) to report to the Assembly.", 100, 485)
    assert not starts_paragraph(a, b, a, EDGES, METRICS)  # an enumeration running in the text
    unsure = Frame(100.0, 300.0, sure=False)  # a page of one-line paragraphs: no line tells where lines end
    assert starts_paragraph(a, b, a, unsure, METRICS)
    assert not starts_paragraph(line("to meet again in Geneva in the year 2100", 100, 500), b, a, unsure, METRICS)


def test_across_a_page_break_a_sentence_end_before_a_number_ends_the_paragraph():
    full = line("各国重申，彻底消除核武器是对抗核武器威胁的唯一保障。", 100, 100)  # full, ends a sentence
    assert not continues_page(full, line("15. 许多国家强调", 100, 700), EDGES, full)
    assert continues_page(full, line("许多国家强调", 100, 700), EDGES, full)
    open_ = line("哈桑·鲁哈尼、奥地利总统海因茨·菲舍尔、日本首相安倍晋", 100, 100)
    assert continues_page(open_, line("三、蒙古总统", 100, 700), EDGES, open_)


def row(cells: list[tuple[str, float]], base: float) -> Line:
    """A line of cells, each text at its x (a table row, or a loosely set line cut at its wide gaps)."""
    parts = [line(text, x, base).cells[0] for text, x in cells]
    return Line(parts, base, 10.0, False, False)


def test_cells_in_columns_make_a_table_loose_lines_do_not():
    grid = [row([("2099-01-04", 100), ("10", 200), ("100", 260)], 500 - 14 * k) for k in range(3)]
    assert find_tables(grid, []) == [(0, 3)]
    assert make_table(grid, [], 1, False).rows == [["2099-01-04", "10", "100"]] * 3
    loose = [row([("The", 100), ("committee met", 140)], 500), row([("in Geneva on", 100), ("2", 190)], 486)]
    assert find_tables(loose, []) == []  # their gaps do not line up: one column
    numbered = [row([("1.", 100), ("The committee met", 140)], 500), row([("2.", 100), ("It decided", 140)], 486)]
    assert find_tables(numbered, []) == []  # a number set apart by a tab: paragraphs


# ------------------------------------------------------------------- fall-back


def _pages(*lines: list[Line]) -> list[PageLayout]:
    return [PageLayout(k + 1, 600.0, 800.0, list(page), []) for k, page in enumerate(lines)]


def test_unreadable_layouts_are_refused_with_a_reason():
    with pytest.raises(LayoutUnclear, match="no text"):
        layout_blocks(_pages([]), False)
    sizeless = [line("Some text without font sizes", 100, 700 - 12 * k, size=0.0) for k in range(3)]
    with pytest.raises(LayoutUnclear, match="no font sizes"):
        layout_blocks(_pages(sizeless), False)
    with pytest.raises(LayoutUnclear, match="page 1 is one line"):
        layout_blocks(_pages([line("x" * 500, 10, 400)]), False)
    scanned = _pages([line("Text on page one.", 100, 700)], [])
    scanned[1].images = 1
    with pytest.raises(LayoutUnclear, match="page 2 has images but no text"):
        layout_blocks(scanned, False)
    blank = _pages([line("Text on page one.", 100, 700)], [])  # a blank page is no reason
    assert [b.kind for b in layout_blocks(blank, False)] == [PARAGRAPH]


PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
    )
).decode()


def _weasy(path: Path, body: str) -> Path:
    import weasyprint

    html = f'<html><head><meta charset="utf-8"><style>@page {{ size: A4; }}</style></head><body>{body}</body></html>'
    path.write_bytes(weasyprint.HTML(string=html).write_pdf())
    return path


@pytest.mark.slow
def test_a_scanned_page_sends_the_file_to_the_page_path(tmp_path, caplog):
    text = "<p>1. The Committee met on 2 January 2099.</p><p>2. It adopted its report.</p>"
    scanned = _weasy(
        tmp_path / "scanned.pdf",
        text + f'<div style="break-before: page"><img src="data:image/png;base64,{PNG}" width="400"></div>',
    )
    with caplog.at_level(logging.WARNING, logger="hlmpub.ingest.readers.pdf"):
        reading = pdf.read(scanned, "en")
    assert [b.kind for b in reading.blocks] == [PAGE, PAGE]
    assert "page 2 has images but no text (scanned?)" in caplog.text and "as pages of lines" in caplog.text
    assert [u.key for u in read_version(scanned, "en").units] == ["p:1", "p:2"]


@pytest.mark.slow
def test_a_page_of_one_huge_line_sends_the_file_to_the_page_path(tmp_path, caplog):
    huge = _weasy(tmp_path / "huge.pdf", '<p style="white-space: nowrap; font-size: 4pt">' + "word " * 120 + "</p>")
    with caplog.at_level(logging.WARNING, logger="hlmpub.ingest.readers.pdf"):
        reading = pdf.read(huge, "en")
    assert [b.kind for b in reading.blocks] == [PAGE] and "page 1 is one line" in caplog.text


@pytest.mark.slow
def test_a_page_of_rotated_text_sends_the_file_to_the_page_path(tmp_path, caplog):
    sideways = '<div style="transform: rotate(90deg); margin-top: 8cm">' + "<p>A sideways table row.</p>" * 8 + "</div>"
    rotated = _weasy(tmp_path / "rotated.pdf", sideways)
    with caplog.at_level(logging.WARNING, logger="hlmpub.ingest.readers.pdf"):
        reading = pdf.read(rotated, "en")
    assert [b.kind for b in reading.blocks] == [PAGE] and "page 1 has rotated text" in caplog.text
