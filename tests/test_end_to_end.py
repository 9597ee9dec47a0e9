"""End to end: a source folder built through the CLI, every output checked for what it must hold.

Real data: the bundled UDHR (OHCHR texts), three of its six languages to keep the run short.
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

from .conftest import UDHR

LANGS = ("zh", "en", "ar")
#: Article 1 in each language, as the sources print it (a phrase that stays on one line in every edition).
ARTICLE_1 = {"zh": "人人生而自由", "en": "All human beings are born free", "ar": "يولد جميع الناس أحرارًا"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("sources") / "udhr"
    shutil.copytree(UDHR, src)
    out = tmp_path_factory.mktemp("output")
    assert run(["build", str(src), "-o", str(out), "--langs", ",".join(LANGS)]) == 0
    return out / "udhr"


@pytest.mark.slow
def test_build_writes_every_output_and_nothing_else(built):
    names = sorted(p.name for p in built.iterdir())
    expected = ["udhr.docx", "udhr.pdf", "udhr.review.docx", "udhr.review.json", "udhr.review.pdf", "udhr.tei.xml"]
    assert names == sorted([*expected, "udhr.tmx"])


@pytest.mark.slow
def test_the_tei_is_valid_and_holds_the_three_languages(built):
    tei = built / "udhr.tei.xml"
    assert validate_file(tei) == []
    edition = read_tei(tei)
    assert edition.langs == LANGS and len(edition.links) == 92
    for lang in LANGS:
        assert any(ARTICLE_1[lang] in u.text for u in edition.version(lang).units)


@pytest.mark.slow
def test_the_pdf_and_docx_editions_carry_every_language(built):
    pdf = pypdfium2.PdfDocument(built / "udhr.pdf")
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    tables = Document(str(built / "udhr.docx")).tables
    docx = "\n".join(cell.text for table in tables for row in table.rows for cell in row.cells)
    for lang in ("zh", "en"):  # Arabic comes out of a PDF text layer in visual order: checked in the DOCX only
        assert ARTICLE_1[lang] in " ".join(text.split())
    for lang in LANGS:
        assert ARTICLE_1[lang] in docx


@pytest.mark.slow
def test_the_tmx_has_one_unit_per_sentence_row_with_every_language(built):
    root = etree.parse(str(built / "udhr.tmx")).getroot()
    units = root.findall("body/tu")
    sentence_rows = read_tei(built / "udhr.tei.xml").sentence_links
    assert len(units) == len(sentence_rows) > 92  # by sentence, the default level
    langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in units[10].findall("tuv")}
    assert len(langs) == 3


@pytest.mark.slow
def test_the_review_report_names_the_edition(built):
    report = json.loads((built / "udhr.review.json").read_text(encoding="utf-8"))
    assert report["edition"]["languages"] == list(LANGS) and report["edition"]["rows"] == 92
    assert report["summary"]["total"] == len(report["findings"])
