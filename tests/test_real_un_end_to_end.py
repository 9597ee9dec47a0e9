"""The realistic UN-layout note (tests/fixtures/real_un, SYNTHETIC, real UDHR text) built end to end.

Three language versions, each read by a different reader — Chinese from its DOCX, English from its tagged
PDF, Arabic from its untagged PDF — aligned, archived and published: the table and its note must reach the
TEI (valid), the PDF and DOCX editions, the TMX (one unit per cell) and the review, and the masthead facts
the TEI header.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pypdfium2
import pytest
from docx import Document
from lxml import etree

from hlmpub.cli import run
from hlmpub.tei import read_tei, validate_file

from .conftest import FIXTURES

REAL_UN = FIXTURES / "real_un"
FILES = {"zh": "note_zh.docx", "en": "note_en.tagged.pdf", "ar": "note_ar.untagged.pdf"}
TEI = "{http://www.tei-c.org/ns/1.0}"
#: The table of the note: a header row and 30 rows of 4 cells (expected/note_*.json).
ROWS, COLS = 31, 4


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("sources") / "note"
    src.mkdir()
    for name in FILES.values():
        shutil.copy(REAL_UN / name, src / name)
    versions = "\n".join(f'{lang} = "{name}"' for lang, name in FILES.items())
    (src / "document.toml").write_text(f'[document]\nsymbol = "A/99/999"\n\n[versions]\n{versions}\n', "utf-8")
    out = tmp_path_factory.mktemp("output")
    assert run(["build", str(src), "-o", str(out)]) == 0
    return out / "A_99_999"


def expected(lang: str) -> list[dict]:
    return json.loads((REAL_UN / "expected" / f"note_{lang}.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_every_reader_gives_the_expected_units_and_the_tei_is_valid(built):
    tei = built / "A_99_999.tei.xml"
    assert [f for f in validate_file(tei) if f.severity == "error"] == []
    edition = read_tei(tei)
    for lang in FILES:
        got = [(u.id, u.kind, u.key, u.marker, u.text) for u in edition.version(lang).units]
        assert got == [(u["id"], u["kind"], u["key"], u["marker"], u["text"]) for u in expected(lang)], lang


@pytest.mark.slow
def test_the_table_and_its_note_are_one_row_each_with_every_language(built):
    edition = read_tei(built / "A_99_999.tei.xml")
    rows = {link.key: link for link in edition.links}
    assert {lang: ids for lang, ids in rows["table:1"].units.items()} == {lang: (f"{lang}-t1",) for lang in FILES}
    note_row = next(link for link in edition.links if "en-nt1.a" in link.units.get("en", ()))
    assert note_row.units == {lang: (f"{lang}-nt1.a",) for lang in FILES}
    for lang in FILES:
        table = edition.version(lang).unit(f"{lang}-t1")
        assert table.shape == (ROWS, COLS) and table.rows[5][1] == expected(lang)[10]["rows"][5][1]


@pytest.mark.slow
def test_the_masthead_facts_reach_each_version_header(built):
    root = etree.parse(str(built / "A_99_999.tei.xml")).getroot()
    for tei in root.iter(f"{TEI}TEI"):
        lang = tei.find(f"{TEI}text").get("{http://www.w3.org/XML/1998/namespace}lang")
        notes = {n.get("n"): n.text for n in tei.iter(f"{TEI}note") if n.get("type") == "meta"}
        facts = json.loads((REAL_UN / "expected" / f"note_{lang}.meta.json").read_text(encoding="utf-8"))
        for key in ("symbol", "date", "distribution", "original", "job"):
            assert notes.get(key) == facts[key], (lang, key)


@pytest.mark.slow
def test_the_tmx_has_one_unit_per_cell(built):
    root = etree.parse(str(built / "A_99_999.tmx")).getroot()
    cells = [tu for tu in root.iter("tu") if any(p.get("type") == "x-table-row" for p in tu.iter("prop"))]
    assert len(cells) == ROWS * COLS
    assert all(len(tu.findall("tuv")) == len(FILES) for tu in cells)


def cell_texts(tables) -> list[str]:
    """The text of every cell of the tables, and of the tables nested in them."""
    found = []
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                found.append(cell.text)
                found.extend(cell_texts(cell.tables))
    return found


@pytest.mark.slow
def test_the_editions_and_the_review_show_the_table(built):
    figure = expected("en")[10]["rows"][7][3]  # a figure of the table, the same in every language
    pdf = pypdfium2.PdfDocument(built / "A_99_999.pdf")
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert text.count(figure) >= len(FILES)
    docx = Document(str(built / "A_99_999.docx"))
    assert sum(figure == text for text in cell_texts(docx.tables)) >= len(FILES)
    review = json.loads((built / "A_99_999.review.json").read_text(encoding="utf-8"))
    assert not [f for f in review["findings"] if f["code"] == "table-shape"]
