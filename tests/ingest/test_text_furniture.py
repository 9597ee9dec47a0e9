"""Page furniture: dropped from the text, kept as metadata where it carries some.

The snippets below are SYNTHETIC (written for these tests), laid out like UN pages.
"""

from __future__ import annotations

import pytest

from hlmpub.ingest import parse_text
from hlmpub.ingest.segment.furniture import classify, strip_furniture
from hlmpub.model import Source


@pytest.mark.parametrize(
    "line",
    [
        "A/68/563",
        "A/68/563*",
        "A/C.1/68/L.1",
        "S/2013/123",
        "2/9",
        "13-53431 (C)",
        "13-53431X (A)",
        "13-53431 (E)    041113    051113",
        "*1353431*",
        "A/68/563 2/9",
        "2/9 13-53431",
        "Distr.: General",
        "Distr. générale",
        "Distr. general",
        "Original: English",
        "Original : anglais",
        "Original: inglés",
        "Подлинный текст: английский",
        "الأصل: بالإنكليزية",
        "原文：英文",
        "Please recycle",
        "Please recycle ♲",
        "♲",
        "Merci de recycler",
        "请回收",
        "United Nations",
        "Nations Unies",
        "Организация Объединенных Наций",
        "联合国",
        "General Assembly",
        "Assemblée générale",
        "الجمعية العامة",
        "大会",
        "http://undocs.org/ch/A/RES/67/39",
        "http://undocs.org/A/RES/67/39 http://undocs.org/A/RES/67/40",
    ],
)
def test_furniture_lines(line):
    assert classify(line, {})


@pytest.mark.parametrize(
    "line",
    [
        "67/39",  # a resolution number, not page 67 of 39
        "2013",
        "041113",
        "1. The General Assembly",
        "General Assembly resolution 67/39",
        "see A/68/563 for details",
        "大会主席的说明",
        "Original ideas were discussed.",
    ],
)
def test_not_furniture(line):
    assert not classify(line, {})


def test_metadata_from_the_masthead_and_footer():
    # SYNTHETIC masthead of a Chinese version (mastheads of zh/ru/ar versions are partly in English)
    text = "\n".join(
        [
            "联合国",
            "A/99/001",
            "大会",
            "Distr.: General",
            "2 January 2099",
            "Chinese",
            "原文：英文",
            "第九十九届会议",
            "1. 第一段。",
            "13-00001 (C)    020199    020199",
            "*1300001*",
            "请回收",
        ]
    )
    cleaned = strip_furniture(text)
    assert cleaned.lines == ["第九十九届会议", "1. 第一段。"]
    assert cleaned.meta == {
        "symbol": "A/99/001",
        "distribution": "General",
        "date": "2099-01-02",  # ISO, as printed "2 January 2099"
        "language": "zh",  # "Chinese"
        "original": "en",  # "英文"
        "job": "13-00001 (C)",
    }


def test_distribution_and_date_on_one_line():
    meta: dict[str, str] = {}
    assert classify("Distr.: General 30 October 2013", meta)
    assert meta == {"distribution": "General", "date": "2013-10-30"}


def test_date_and_language_lines_only_dropped_in_the_masthead():
    cleaned = strip_furniture("1. Text.\n2 January 2099\nEnglish\n")
    assert cleaned.lines == ["1. Text.", "2 January 2099", "English"]


def test_blank_lines_around_a_page_break_do_not_split_a_paragraph():
    # SYNTHETIC: single-spaced text where a blank line separates paragraphs
    text = "1. First part of the paragraph\n\n\n\fA/99/001\n\n2/3\n\nsecond part.\n\nUnnumbered block.\n"
    version = parse_text(text, "en", Source("x.txt", "txt", ""))
    assert [(u.key, u.text) for u in version.units] == [
        ("p:1", "First part of the paragraph second part."),
        ("", "Unnumbered block."),
    ]
    assert [u.id for u in version.units] == ["en-p1", "en-u1"]


@pytest.mark.parametrize(
    ("line", "job"),
    [
        # one-line footers as PDFium reads them: page number and job number (and stamps, barcode) together
        ("2/8 13-53431 (C)", "13-53431 (C)"),
        ("13-53431 (C) 2/8", "13-53431 (C)"),
        ("2/8 13-53431 (E)", "13-53431 (E)"),
        ("13-53431 (E) 2/8", "13-53431 (E)"),
        ("2/8 13-53431 (A)", "13-53431 (A)"),
        ("13-53431 (A) 2/8", "13-53431 (A)"),
        ("2/8 13-53431 (R)", "13-53431 (R)"),
        ("13-53431 (R) 2/8", "13-53431 (R)"),
        ("2/8 13-53431X (F)", "13-53431X (F)"),
        ("13-53431 (E)    041113    051113    2/8", "13-53431 (E)"),
        ("99-00001 (A) *9900001*", "99-00001 (A)"),  # first-page footer: job number and barcode
        ("A/68/563 2/8 13-53431 (S)", "13-53431 (S)"),
    ],
)
def test_one_line_footer_records_the_job_number(line, job):
    meta: dict[str, str] = {}
    assert classify(line, meta)
    assert meta == {"job": job}


def test_footer_without_a_job_number_records_nothing():
    meta: dict[str, str] = {}
    assert classify("A/68/563 2/9", meta)
    assert meta == {}


def test_job_number_from_one_line_footers_reaches_version_meta():
    # SYNTHETIC two-page text whose footers hold page number and job number on one line, as PDFium gives them
    text = "1. First paragraph\n1/2 13-00001 (E)\n\fA/99/001\ncontinued here.\n13-00001 (E) 2/2\n"
    version = parse_text(text, "en", Source("x.txt", "txt", ""))
    assert [(u.key, u.text) for u in version.units] == [("p:1", "First paragraph continued here.")]
    assert version.meta["job"] == "13-00001 (E)"


def test_masthead_rows_read_as_one_line_are_furniture_only_at_the_top():
    """PDF text often gives a masthead row as one line: the organ name, then the symbol or Distr. (SYNTHETIC)."""
    text = "联合国A/99/001\n大会Distr.: General\n2 January 2099\n\n第九十九届会议\n\n大会 A/99/001\n"
    cleaned = strip_furniture(text)
    assert cleaned.lines == ["第九十九届会议", "", "大会 A/99/001"]
    assert cleaned.meta == {"symbol": "A/99/001", "distribution": "General", "date": "2099-01-02"}
