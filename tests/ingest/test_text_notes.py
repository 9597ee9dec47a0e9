"""Footnotes at the foot of a page become units of kind "note" (hlmpub.ingest.segment.footnotes).

Fixtures tests/fixtures/ingest/notes_{en,zh,ar}.txt and the snippets below are SYNTHETIC (written for these
tests, not UN documents): two pages, footnotes before the footer furniture, one of them interrupting a paragraph
that runs across the page break, a two-line note, and a wrapped body line that starts with a number (a decoy).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from hlmpub.ingest import parse_text
from hlmpub.ingest.segment.furniture import strip_furniture
from hlmpub.model import Source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SRC = Source("x.txt", "txt", "")
META = ["meta:session", "meta:agenda-item", "meta:agenda-title", "meta:title", "meta:subtitle"]
KEYS = META + ["ch:1", "p:1", "note:1", "p:2", "note:2", "p:3", "note:3"]

NOTES = {
    "en": [
        "See resolution 98/1.",
        "The treaty is invented for this test; its text is not a United Nations text and continues on a second "
        "line of the note.",
        "The programme is imaginary.",
    ],
    "zh": [
        "见第98/1号决议。",
        "该条约是为本测试虚构的，其案文不是联合国案文，并在脚注的第二行继续。",
        "该方案是虚构的。",
    ],
    "ar": [
        "انظر القرار 98/1.",
        "المعاهدة مخترعة لهذا الاختبار، ونصها ليس نصا من نصوص الأمم المتحدة، ويستمر على سطر ثان من الحاشية.",
        "البرنامج خيالي.",
    ],
}
MARKERS = {"en": ["1", "2", "3"], "zh": ["1", "2", "3"], "ar": ["1", "2", "٣"]}
ACROSS_THE_PAGE = {  # paragraph 2, whose page-final footnotes sat between its two halves
    "en": "treaty2 and runs across the page break, so that its two parts must be joined again after the footnotes "
    "and the page furniture have been removed by the reader.",
    "zh": "条约2，并跨越分页，因此在删除脚注和页面格式之后，两部分必须重新连接起来。",
    "ar": "مخترعة2 وتمتد عبر فاصل الصفحة بحيث يجب ضم جزأيها مرة أخرى بعد أن يزيل القارئ الحواشي وعناصر الصفحة.",
}


def fixture_text(lang: str) -> str:
    lines = (FIXTURES / f"notes_{lang}.txt").read_text(encoding="utf-8").split("\n")
    return "\n".join(line for line in lines if not line.startswith("# "))  # drop the SYNTHETIC label


@pytest.mark.parametrize("lang", ["en", "zh", "ar"])
def test_page_foot_notes_become_note_units_after_their_reference(lang):
    units = parse_text(fixture_text(lang), lang, SRC).units
    assert [u.key for u in units] == KEYS
    notes = [u for u in units if u.kind == "note"]
    assert [u.id for u in notes] == [f"{lang}-n1", f"{lang}-n2", f"{lang}-n3"]
    assert [u.marker for u in notes] == MARKERS[lang]
    assert [u.text for u in notes] == NOTES[lang]


@pytest.mark.parametrize("lang", ["en", "zh", "ar"])
def test_paragraph_interrupted_by_footnotes_joins_and_keeps_its_reference(lang):
    units = {u.key: u for u in parse_text(fixture_text(lang), lang, SRC).units}
    assert units["p:2"].text.endswith(ACROSS_THE_PAGE[lang])
    assert re.search(r"\D1\D", units["p:1"].text)  # the in-text reference digit is still there


def test_wrapped_line_starting_with_a_number_is_not_a_note():
    units = {u.key: u for u in parse_text(fixture_text("en"), "en", SRC).units}
    assert units["p:3"].text.endswith("and 4 delegations that asked for the floor at the end of the last meeting.")


@pytest.mark.parametrize("lang", ["en", "zh", "ar"])
def test_no_character_is_lost(lang):
    text = fixture_text(lang)
    units = parse_text(text, lang, SRC).units
    expected = Counter(re.sub(r"\s+", "", "".join(strip_furniture(text).lines)))
    assert Counter(re.sub(r"\s+", "", "".join(u.marker + u.text for u in units))) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no matching reference in the body of the page
        "1. The committee held its first meeting in a city and\nadopted an agenda.\n1 See resolution 98/1.\n\f2/2\n",
        # not at the foot of a page (no form feed or page furniture after it)
        "1. The committee held its first meeting1 in a city and\nadopted an agenda.\n1 See resolution 98/1.\n",
        # out of sequence: the first note of a document is not number 7
        "1. The committee held its first meeting7 in a city and\nadopted an agenda.\n7 See resolution 98/1.\n\f2/2\n",
        # a number glued after a letter but followed by a digit or a slash is not a reference
        "1. The committee cited A1/2 and A12 in a city and\nadopted an agenda.\n1 See resolution 98/1.\n\f2/2\n",
    ],
    ids=["no-reference", "not-page-final", "out-of-sequence", "not-a-reference"],
)
def test_not_a_footnote(text):
    units = parse_text(text, "en", SRC).units
    assert [u.kind for u in units] == ["para"]
    assert re.search(r"adopted an agenda\. [17] See resolution 98/1\.$", units[0].text)


def test_chinese_date_digits_are_not_references():
    # SYNTHETIC: "1月" and "第1号" carry a 1 after a CJK character, but a reference is not followed by a CJK character
    text = "1. 委员会于2099年1月2日通过第1号决定，\n并结束了会议。\n1 个代表团发了言。\n\f2/2\n"
    units = parse_text(text, "zh", SRC).units
    assert [u.kind for u in units] == ["para"]
    assert units[0].text.endswith("并结束了会议。1个代表团发了言。")


def test_superscript_reference_and_note_number():
    # SYNTHETIC: some extractions keep the superscript digits
    text = "1. The committee held its first meeting¹ in a city and\nadopted an agenda.\n¹ See resolution 98/1.\n\f2/2\n"
    units = parse_text(text, "en", SRC).units
    assert [(u.kind, u.key, u.id, u.marker, u.text) for u in units] == [
        ("para", "p:1", "en-p1", "1.", "The committee held its first meeting¹ in a city and adopted an agenda."),
        ("note", "note:1", "en-n1", "¹", "See resolution 98/1."),
    ]


def test_notes_in_double_spaced_text():
    # SYNTHETIC: a blank line after every line, as some extractions give
    text = (
        "1. The committee held its first meeting1 in a city and\n\nadopted an agenda.\n\n\n"
        "2. A second paragraph.\n\n1 See resolution\n\n98/1.\n\n\f2/2\n"
    )
    units = parse_text(text, "en", SRC).units
    assert [(u.key, u.text) for u in units] == [
        ("p:1", "The committee held its first meeting1 in a city and adopted an agenda."),
        ("note:1", "See resolution 98/1."),
        ("p:2", "A second paragraph."),
    ]


def test_a_bare_form_feed_ends_a_page_and_its_foot_note_is_found():
    # synthetic: a page with no running header or footer, only the form feed of the PDF extraction
    text = "1. The meeting1 was held.\n1 See resolution 98/1.\n\f\n2. The next paragraph.\n"
    assert strip_furniture(text).page_ends == [2]
    units = parse_text(text, "en", Source("x.txt", "txt", "0")).units
    assert [(u.kind, u.key, u.text) for u in units] == [
        ("para", "p:1", "The meeting1 was held."),
        ("note", "note:1", "See resolution 98/1."),
        ("para", "p:2", "The next paragraph."),
    ]
