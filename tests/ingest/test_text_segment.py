"""Segmentation rules (hlmpub.ingest.segment.markers) on SYNTHETIC snippets and on the seed's units."""

from __future__ import annotations

from pathlib import Path

from hlmpub.ingest import parse_text, read_version
from hlmpub.ingest.segment.markers import gap_threshold
from hlmpub.model import Source

SEED = Path(__file__).resolve().parents[2] / "sources" / "A_68_563" / "zh.txt"
SRC = Source("x.txt", "txt", "")


def test_gap_threshold_detects_double_spacing():
    assert gap_threshold(["a", "", "b", "", "c", "", "", "d"]) == 2
    assert gap_threshold(["a", "b", "c", "", "d"]) == 1


def test_annex_restarts_chapters_and_paragraphs_without_id_collisions():
    # SYNTHETIC: a body, then an annex whose numbering starts again
    text = "I. Body\n1. One.\n2. Two.\nII. More\n3. Three.\nI. Annex heading\n1. Annex one.\n"
    units = parse_text(text, "en", SRC).units
    assert [u.key for u in units] == ["ch:1", "p:1", "p:2", "ch:2", "p:3", "ch:1", "p:1"]
    assert [u.id for u in units] == ["en-h1", "en-p1", "en-p2", "en-h2", "en-p3", "en-h3", "en-p1-2"]


def test_numbering_gap_is_accepted_but_a_jump_is_text():
    # SYNTHETIC: paragraph 3 is missing (accepted as a gap); "250." is a wrapped line, not a paragraph
    text = "1. One.\n2. Two, with a figure of\n250. units.\n4. Four.\n"
    units = parse_text(text, "en", SRC).units
    assert [(u.key, u.text) for u in units] == [
        ("p:1", "One."),
        ("p:2", "Two, with a figure of 250. units."),
        ("p:4", "Four."),
    ]


def test_docx_layout_paragraphs_joined_with_blank_lines_give_the_seed_units():
    # what the DOCX reader passes: one line per paragraph, "\n\n" between paragraphs
    seed = read_version(SEED, "zh")
    text = "\n\n".join(f"{u.marker} {u.text}".strip() for u in seed.units)
    again = parse_text(text, "zh", SRC, gap=1)
    assert [(u.id, u.kind, u.key, u.marker, u.text) for u in again.units] == [
        (u.id, u.kind, u.key, u.marker, u.text) for u in seed.units
    ]


def test_docx_layout_keeps_unnumbered_paragraphs_apart():
    # SYNTHETIC
    text = "1. A numbered paragraph.\n\nAn unnumbered paragraph.\n\n2. The next one."
    units = parse_text(text, "en", SRC, gap=1).units
    assert [(u.kind, u.key) for u in units] == [("para", "p:1"), ("other", ""), ("para", "p:2")]


def test_unnumbered_document_has_titles_then_body_blocks():
    # SYNTHETIC letter without paragraph numbers: titles, then paragraphs separated by blank lines
    body = "This synthetic letter has a first paragraph that is long enough to wrap onto\n" * 3
    text = "Letter dated 1 January 2099 from nobody\n\n" + body + "\n" + body + "\nSigned: Nobody\n"
    units = parse_text(text, "en", SRC).units
    assert [(u.kind, u.key) for u in units] == [("meta", "meta:title"), ("other", ""), ("other", ""), ("other", "")]
    assert [u.id for u in units] == ["en-m1", "en-u1", "en-u2", "en-u3"]


def test_marker_alone_on_its_line():
    # SYNTHETIC: the heading text and the paragraph text on the lines after their markers
    units = parse_text("I.\nIntroduction\n1.\nThe text.\n", "en", SRC).units
    assert [(u.key, u.marker, u.text) for u in units] == [("ch:1", "I.", "Introduction"), ("p:1", "1.", "The text.")]


def test_arabic_mirrored_parentheses_from_a_visual_order_extraction():
    # SYNTHETIC
    units = parse_text("1 - فقرة:\n)أ( بند أول؛\n)ب( بند ثان.\n", "ar", SRC).units
    assert [(u.key, u.marker) for u in units] == [("p:1", "1 -"), ("p:1.a", ")أ("), ("p:1.b", ")ب(")]


def test_numbering_gap_is_logged(caplog):
    # SYNTHETIC
    with caplog.at_level("WARNING", logger="hlmpub.ingest.segment.markers"):
        parse_text("1. One.\n3. Three.\n", "en", SRC)
    assert "para numbering jumps from 1 to 3" in caplog.text


def test_pdf_ligatures_presentation_forms_and_bidi_marks_are_cleaned():
    # SYNTHETIC: what PDF text extraction sometimes gives
    en = parse_text("1. The \ufb01nal o\ufb03cial text.\n", "en", SRC).units
    assert en[0].text == "The final official text."
    ar = parse_text("\u200f1 - \ufee3\ufe98\ufe8e\ufe91\ufecc\ufe94\n", "ar", SRC).units  # presentation forms of متابعة
    assert (ar[0].key, ar[0].text) == ("p:1", "متابعة")
