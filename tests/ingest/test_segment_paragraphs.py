"""The segmenter's paragraph path on hand-built blocks: what every reader that knows paragraphs can rely on.

The blocks below are what a DOCX, tagged-PDF or PDF-layout reader gives (blocks.py); all texts are
synthetic (invented symbol, dates and job number; sentences written for these tests).
"""

from __future__ import annotations

import pytest

from hlmpub.ingest.blocks import REF_END, REF_MARK, Block, Layout, Reading
from hlmpub.ingest.segment import to_version
from hlmpub.ingest.segment.facts import distribution, iso_date, language_code
from hlmpub.ingest.segment.paragraphs import uses_paragraphs
from hlmpub.model import Source

MASTHEAD = Block(
    "table",
    (),
    rows=(
        ("", "United Nations", "A/99/999"),
        ("", "General Assembly", "Distr.: General\n15 March 2099\nOriginal: English"),
    ),
)


def para(text: str, **layout) -> Block:
    return Block("paragraph", tuple(text.split("\n")), Layout(**layout))


def heading(text: str, level: int, **layout) -> Block:
    return Block("heading", tuple(text.split("\n")), Layout(level=level, **layout))


def note(text: str, number: int = 0, marker: str = "") -> Block:
    return Block("note", (text,), Layout(marker=marker or str(number), number=number))


def units(blocks: list[Block], lang: str = "en"):
    version = to_version(Reading(Source("hand.docx", "docx", ""), tuple(blocks)), lang)
    return [(u.id, u.kind, u.key, u.marker, u.text) for u in version.units], version


FRONT = [
    para("Ninety-ninth session", size=10),
    para("Agenda item 99", size=10),
    para("Questions of test documents", size=10, bold=True),
]


def test_masthead_table_gives_meta_and_no_unit():
    rows, version = units([MASTHEAD, *FRONT, para("1.\tThe only paragraph.")])
    assert [r[2] for r in rows] == ["meta:session", "meta:agenda-item", "meta:agenda-title", "p:1"]
    assert version.meta == {"symbol": "A/99/999", "distribution": "General", "date": "2099-03-15", "original": "en"}
    assert not any("United Nations" in r[4] or "Distr" in r[4] for r in rows)


def test_masthead_as_first_paragraphs_gives_meta_and_no_unit():
    lines = ["Nations Unies", "A/99/999", "Assemblée générale", "Distr. générale", "15 mars 2099", "Français",
             "Original : anglais"]  # fmt: skip
    blocks = [para(line) for line in lines] + [heading("Titre du document", 1), para("1.\tLe seul paragraphe.")]
    rows, version = units(blocks, "fr")
    assert [(r[1], r[2]) for r in rows] == [("meta", "meta:title"), ("para", "p:1")]
    assert version.meta == {"symbol": "A/99/999", "distribution": "General", "date": "2099-03-15",
                            "language": "fr", "original": "en"}  # fmt: skip


def test_title_in_two_heading_blocks_is_one_unit_and_the_subtitle_another():
    blocks = [
        *FRONT,
        heading("Everyone has the right to life, liberty", 1, size=17, bold=True),
        heading("and the security of person.", 1, size=17, bold=True),
        heading("Note by the Secretariat", 1, size=12, bold=True),
        para("1.\tThe first paragraph."),
    ]
    rows, _ = units(blocks)
    assert rows[3][2:] == ("meta:title", "", "Everyone has the right to life, liberty and the security of person.")
    assert rows[4][2:] == ("meta:subtitle", "", "Note by the Secretariat")


@pytest.mark.parametrize(
    ("lang", "subtitle"),
    [("zh", "秘书处的说明"), ("ar", "مذكرة من الأمانة العامة"), ("ru", "Записка Секретариата"),
     ("es", "Nota de la Secretaría"), ("fr", "Note du Secrétariat"), ("en", "Report of the Secretary-General")],
)  # fmt: skip
def test_subtitle_of_the_same_level_and_size_is_not_glued_to_the_title(lang, subtitle):
    blocks = [heading("A title set in the heading style", 1), heading(subtitle, 1), para("1.\tText.")]
    rows, _ = units(blocks, lang)
    assert [(r[2], r[4]) for r in rows[:2]] == [("meta:title", "A title set in the heading style"),
                                                ("meta:subtitle", subtitle)]  # fmt: skip


def test_title_lines_as_bold_paragraphs_of_one_size_join_but_a_finished_sentence_does_not():
    blocks = [
        para("A title in large bold type that", size=17, bold=True),
        para("wraps over two lines", size=17, bold=True),
        para("Note by the Secretariat", size=12, bold=True),
        para("1.\tText."),
    ]
    rows, _ = units(blocks)
    title, subtitle = rows[0][4], rows[1][4]
    assert (title, subtitle) == ("A title in large bold type that wraps over two lines", "Note by the Secretariat")
    finished = [para("First title.", size=17, bold=True), para("Second block.", size=17, bold=True), para("1.\tText.")]
    rows, _ = units(finished)
    assert [r[2] for r in rows] == ["meta:title", "meta:subtitle", "p:1"]


def test_notes_star_number_and_table_letter():
    blocks = [
        heading(f"Note by the Secretariat{REF_MARK}*{REF_END}", 1),
        para(f"1.\tA paragraph with a footnote.{REF_MARK}1"),
        Block("table", (), Layout(header_rows=1), rows=(("Year", "Total a"), ("Column 1", "Figures a"))),
        Block("table", (), Layout(header_rows=1), rows=(("Year", "Amount a"), ("2099", "10"))),
        para("a Figures invented for this test."),
        para("2.\tThe paragraph after the table."),
        note("The star note.", marker="*"),
        note("The first footnote.", number=1),
    ]
    rows, _ = units(blocks)
    assert [r[:4] for r in rows] == [
        ("en-m1", "meta", "meta:title", ""),
        ("en-nstar", "note", "note:*", "*"),
        ("en-p1", "para", "p:1", "1."),
        ("en-n1", "note", "note:1", "1"),
        ("en-t1", "table", "table:1", ""),
        ("en-t2", "table", "table:2", ""),
        ("en-u1", "other", "", ""),  # "Amount a" has a space: not a glued mark, so no note of table 2
        ("en-p2", "para", "p:2", "2."),
    ]
    assert rows[0][4] == "Note by the Secretariat*" and rows[2][4] == "A paragraph with a footnote.1"


def test_table_note_after_its_table_and_cells_kept_as_printed():
    table = Block("table", (), Layout(header_rows=1), rows=(("第十条", "第十三条a"), ("2099-01-04", "1000")))
    blocks = [para("1.\t第一段。"), table, para("a 任何人不得加以任意逮捕。"), para("2.\t第二段。")]
    rows, version = units(blocks, "zh")
    assert [r[:4] for r in rows] == [
        ("zh-p1", "para", "p:1", "1."),
        ("zh-t1", "table", "table:1", ""),
        ("zh-nt1.a", "note", "note:t1.a", "a"),
        ("zh-p2", "para", "p:2", "2."),
    ]
    assert rows[2][4] == "任何人不得加以任意逮捕。"
    table_unit = version.units[1]
    assert table_unit.rows == (("第十条", "第十三条a"), ("2099-01-04", "1000")) and table_unit.header_rows == 1
    assert table_unit.text == "第十条\n第十三条a\n2099-01-04\n1000"


def test_note_reference_inside_a_table_cell_names_the_table():
    table = Block("table", (), rows=(("Total", f"10{REF_MARK}b{REF_END}"),))
    rows, version = units([para("1.\tBefore."), table, note("Estimate.", marker="b")])
    assert [r[2] for r in rows] == ["p:1", "table:1", "note:t1.b"] and version.units[1].rows == (("Total", "10b"),)


def test_unnumbered_heading_and_short_bold_paragraph_are_sections_without_key():
    blocks = [
        para("1.\tFirst."),
        heading("Preamble", 2),
        para("2.\tSecond."),
        para("Background", bold=True),
        para("3.\tThird."),
        para("An unnumbered paragraph of ordinary text."),
    ]
    rows, _ = units(blocks)
    assert [r[:3] for r in rows] == [
        ("en-p1", "para", "p:1"),
        ("en-h1", "section", ""),
        ("en-p2", "para", "p:2"),
        ("en-h2", "section", ""),
        ("en-p3", "para", "p:3"),
        ("en-u1", "other", ""),
    ]


def test_numbered_headings_and_list_markers():
    blocks = [
        heading("I.\tIntroduction", 1),
        para("", marker="1.\t"),  # an empty Word list paragraph is nothing
        para("The text of paragraph one.", marker="1.\t"),
        para("(a)\tFirst item;"),
        para("(b)\tSecond item."),
        heading("A.\tA section", 2),
        para("2.\tMore."),
    ]
    rows, _ = units(blocks)
    assert [r[1:4] for r in rows] == [
        ("chapter", "ch:1", "I."),
        ("para", "p:1", "1."),
        ("subpara", "p:1.a", "(a)"),
        ("subpara", "p:1.b", "(b)"),
        ("section", "sec:1.A", "A."),
        ("para", "p:2", "2."),
    ]


def test_furniture_blocks_are_facts_only():
    blocks = [
        para("1.\tText."),
        Block("furniture", ("A/99/999",)),
        Block("furniture", ("99-01234\t2/3",)),
        Block("furniture", ("99-01234 (E)    150399    160399\t*9901234*", "Please recycle ♲")),
    ]
    rows, version = units(blocks)
    assert [r[2] for r in rows] == ["p:1"]
    assert version.meta == {"symbol": "A/99/999", "job": "99-01234 (E)"}


def test_running_header_paragraphs_are_dropped():
    rows, version = units([para("1.\tOne."), para("A/99/999"), para("2/3"), para("2.\tTwo.")])
    assert [r[2] for r in rows] == ["p:1", "p:2"] and version.meta["symbol"] == "A/99/999"


def test_table_of_numbered_paragraphs_is_layout():
    table = Block("table", (), rows=(("2. In a cell.", "3. Next cell."),))
    rows, _ = units([para("1.\tBefore."), table, para("4.\tAfter.")])
    assert [r[2] for r in rows] == ["p:1", "p:2", "p:3", "p:4"]


def test_dispatch():
    assert not uses_paragraphs([para("1. plain"), note("n", 1)])
    assert uses_paragraphs([para("1. plain", size=10)])
    assert uses_paragraphs([para("1. plain"), Block("furniture", ("A/1/2",))])
    assert uses_paragraphs([para("1. plain"), Block("item", ("(a) item",))])
    assert uses_paragraphs([para("1. plain", page=1)])


@pytest.mark.parametrize(
    ("printed", "iso"),
    [("15 March 2099", "2099-03-15"), ("15 mars 2099", "2099-03-15"), ("1er mars 2099", "2099-03-01"),
     ("15 de marzo de 2099", "2099-03-15"), ("15 марта 2099 года", "2099-03-15"), ("2099年3月15日", "2099-03-15"),
     ("15 آذار/مارس 2099", "2099-03-15"), ("١٥ آذار/مارس ٢٠٩٩", "2099-03-15"), ("March 2099", None),
     ("15 March 2099 and more", None)],
)  # fmt: skip
def test_masthead_dates(printed, iso):
    assert iso_date(printed) == iso


def test_language_names_and_distribution():
    names = ["English", "anglais", "inglés", "английский", "بالإنكليزية", "英文"]
    assert {language_code(n) for n in names} == {"en"}
    assert language_code("Español") == "es" and language_code("Klingon") is None
    assert [distribution(d) for d in ("générale", "general", "Limited", "reservada")] == [
        "General", "General", "Limited", "Restricted"]  # fmt: skip


def test_notes_without_marked_references_are_placed_by_their_printed_marks():
    """A reader that knows the notes but not where they are referenced: marks found as printed."""
    blocks = [
        heading("秘书处的说明*", 1),
        para("1.\t他们赋有理性和良心,并应以兄弟关系的精神相对待。1"),
        para("2.\t在2099年1月2日。"),  # digits after a space or inside a date are no reference
        para("3.\t人人平等。2"),
        Block("note", ("* SYNTHETIC label",)),
        Block("note", ("1 鉴于对人类家庭所有成员的固有尊严,",)),
        Block("note", ("2\t任何人当宪法或法律所赋予他的基本权利遭受侵害时,",)),
    ]
    rows, _ = units(blocks, "zh")
    assert [r[:4] for r in rows] == [
        ("zh-m1", "meta", "meta:title", ""),
        ("zh-nstar", "note", "note:*", "*"),
        ("zh-p1", "para", "p:1", "1."),
        ("zh-n1", "note", "note:1", "1"),
        ("zh-p2", "para", "p:2", "2."),
        ("zh-p3", "para", "p:3", "3."),
        ("zh-n2", "note", "note:2", "2"),
    ]
    assert rows[1][4] == "SYNTHETIC label" and rows[6][4] == "任何人当宪法或法律所赋予他的基本权利遭受侵害时,"


def test_masthead_rows_read_as_lines_are_facts():
    """A layout reader that read each masthead row as one line (organ name, then symbol or Distr.)."""
    lines = ["联合国 A/99/999", "大会Distr.: General", "15 March 2099", "Chinese", "Original: English",
             "第九十九届会议", "1.\t正文。"]  # fmt: skip
    blocks = [para(line, size=10.5) for line in lines]
    rows, version = units(blocks, "zh")
    assert [r[2] for r in rows] == ["meta:session", "p:1"]
    assert version.meta == {"symbol": "A/99/999", "distribution": "General", "date": "2099-03-15",
                            "language": "zh", "original": "en"}  # fmt: skip


def test_paragraph_broken_by_a_page_end_joins_up_again():
    blocks = [
        para("1.\tThe first paragraph runs on to the", page=1),
        para("next page, where it ends.", page=2),
        para("2.\tThe second ends on its page.", page=2),
        para("An unnumbered paragraph on the next page.", page=3),
    ]
    rows, _ = units(blocks)
    assert [r[2:] for r in rows] == [
        ("p:1", "1.", "The first paragraph runs on to the next page, where it ends."),
        ("p:2", "2.", "The second ends on its page."),
        ("", "", "An unnumbered paragraph on the next page."),
    ]


def test_table_continued_under_its_repeated_header_is_one_table():
    header = ("Date", "Figure")
    first = Block("table", (), Layout(header_rows=1, page=1), rows=(header, ("2099-01-04", "10")))
    second = Block("table", (), Layout(header_rows=1, page=2), rows=(header, ("2099-01-07", "47")))
    other = Block("table", (), Layout(header_rows=1, page=2), rows=(("Year", "Total"), ("2099", "57")))
    rows, version = units([para("1.\tBefore."), first, second, other])
    assert [r[2] for r in rows] == ["p:1", "table:1", "table:2"]
    assert version.units[1].rows == (header, ("2099-01-04", "10"), ("2099-01-07", "47"))
