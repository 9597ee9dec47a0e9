"""Edition → rows: column order, heading rows, gutter numbers, marked rows, review data."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest

from hlmpub import model
from hlmpub.errors import RenderError
from hlmpub.render.rows import build_table, column_order


def test_default_order_is_chinese_first_then_un_order(small_edition):
    assert column_order(small_edition) == ("zh", "ar", "en", "es", "fr", "ru")


def test_requested_order_is_kept_and_absent_languages_dropped(small_edition, caplog):
    caplog.set_level(logging.WARNING)
    assert column_order(small_edition, ("en", "zh", "ar")) == ("en", "zh", "ar")
    one = replace(small_edition, versions=small_edition.versions[:2])
    assert column_order(one, ("ru", "en", "zh")) == ("zh",)
    assert "no ru, en version" in caplog.text
    with pytest.raises(RenderError, match="none of the languages"):
        column_order(one, ("ru",))


def test_one_row_per_link_with_cells_in_column_order(small_edition):
    table = build_table(small_edition, ("en", "ar"))
    assert len(table.rows) == len(small_edition.links)
    for row in table.rows:
        assert [c.lang for c in row.cells] == ["en", "ar"]
    assert table.rows[3].cells[1].units[0].text.startswith("لمّا كان الاعتراف")
    assert table.rows[3].cells[1].direction == "rtl"


def test_heading_rows_and_gutter_numbers(small_edition):
    table = build_table(small_edition, ("zh", "en"))
    kinds = [r.kind for r in table.rows]
    assert kinds == ["title", "body", "chapter", "body", "section", "body", "section", "body"]
    assert [r.number for r in table.rows if r.kind == "body"] == ["", "", "1.", "2."]
    para = table.rows[5]
    assert not para.show_marker(para.cells[0].units[0])  # the number is in the gutter, not repeated


def test_non_one_to_one_rows_keep_every_unit_and_are_marked(small_edition):
    table = build_table(small_edition)
    note, art2 = table.rows[1], table.rows[7]
    assert note.marked and note.shape == "1:1:0:0:0:1"
    assert [c.empty for c in note.cells] == [False, False, True, True, True, False]
    assert art2.marked and all(c.multi and len(c.units) == 2 for c in art2.cells)
    assert not table.rows[5].marked


def test_review_places_findings_flags_cells_and_bands_confidence(small_edition):
    plain = build_table(small_edition, ("zh", "en", "ar"))
    assert not any(r.findings for r in plain.rows)
    table = build_table(small_edition, ("zh", "en", "ar"), review=True)
    note, art2 = table.rows[1], table.rows[7]
    assert [f.code for f in note.findings] == ["missing-unit"]
    assert [c.flagged for c in note.cells] == [False, True, False]  # by language and row
    assert [c.flagged for c in art2.cells] == [False, False, True]  # by unit id ar-p2-2
    assert (note.confidence, art2.confidence, table.rows[0].confidence) == ("low", "mid", "high")


def test_unplaced_findings_are_kept_separately(small_edition):
    stray = model.Finding("error", "numbering-gap", "paragraph 7 missing", "fr")
    edition = replace(small_edition, findings=(stray,))
    assert build_table(edition, review=True).loose_findings == (stray,)


def test_landscape_beyond_three_languages(small_edition):
    assert not build_table(small_edition, ("zh", "en", "ar")).landscape
    assert build_table(small_edition, ("zh", "en", "ar", "fr")).landscape


@pytest.mark.parametrize(("orientation", "langs", "landscape"), [
    ("auto", ("zh", "en", "ar"), False),
    ("auto", (), True),
    ("portrait", (), False),
    ("landscape", ("zh", "en"), True),
])  # fmt: skip
def test_orientation_is_decided_once_for_both_renderers(small_edition, orientation, langs, landscape):
    from hlmpub.config import Settings
    from hlmpub.render import docx, pdf

    settings = Settings(langs=langs).with_(orientation=orientation)
    table = build_table(small_edition, langs, orientation=orientation)
    assert table.landscape is landscape
    assert ("landscape" in pdf.body_classes(table).split()) is landscape
    section = docx.build_document(table, settings).sections[-1]
    assert (section.page_width > section.page_height) is landscape


def test_the_docx_writer_lays_out_with_the_configured_orientation(small_edition, tmp_path):
    import docx as python_docx

    from hlmpub.config import Settings
    from hlmpub.render.docx import write_docx

    path = write_docx(small_edition, tmp_path / "e.docx", Settings().with_(orientation="portrait"))
    section = python_docx.Document(str(path)).sections[-1]
    assert section.page_width < section.page_height  # six languages, portrait as configured


def test_single_language_edition_without_links_gets_a_row_per_unit(small_edition):
    zh = small_edition.version("zh")
    edition = model.Edition(small_edition.meta, (zh,))
    table = build_table(edition)
    assert [r.cells[0].units[0].id for r in table.rows] == [u.id for u in zh.units]


def test_title_prefers_document_metadata_then_title_unit(small_edition):
    assert build_table(small_edition, ("en", "zh")).title == "Universal Declaration of Human Rights"
    bare = replace(small_edition, meta=replace(small_edition.meta, titles={}))
    assert build_table(bare, ("fr",)).title == "Déclaration universelle des droits de l’homme"


def test_an_edition_without_versions_is_a_render_error(small_edition):
    with pytest.raises(RenderError, match="no language version"):
        column_order(model.Edition(small_edition.meta, ()))


def test_short_rows_are_body_rows_too_short_to_split(udhr_edition, seed_edition):
    from hlmpub.render.rows import UNSPLITTABLE

    seed = build_table(seed_edition)
    by_index = {r.index: r for r in seed.rows}
    # seed (one 174 mm column, ~51 ems a line): paragraph 1 (3 lines) is short, paragraph 2 (5 lines) is not
    texts = {r.cells[0].units[0].key: r.index for r in seed.rows if r.cells[0].units}
    assert texts["p:1"] in seed.short_rows and texts["p:2"] not in seed.short_rows
    assert all(by_index[i].kind == "body" for i in seed.short_rows)  # headings have their own rule
    # six languages: narrow columns, few rows are short; every short row has under UNSPLITTABLE lines per cell
    six = build_table(udhr_edition)
    assert 0 < len(six.short_rows) < len([r for r in six.rows if r.kind == "body"]) / 4
    three = build_table(udhr_edition, ("zh", "en", "ar"))
    assert len(three.short_rows) > len(six.short_rows)
    # rows.py's estimate follows the bundled stylesheet: orphans + widows of a cell's lines
    import re

    from hlmpub.config import Settings
    from hlmpub.render import templates

    css = templates.find(Settings(), "pdf", "edition.css").read_text(encoding="utf-8")
    rule = re.search(r"\ntd, td p \{([^}]*)\}", css).group(1)
    values = dict(re.findall(r"(orphans|widows):\s*(\d+)", rule))
    assert int(values["orphans"]) + int(values["widows"]) == UNSPLITTABLE


def test_every_language_numbers_the_items_of_a_list(udhr_edition):
    """The UDHR's sub-paragraphs (art:26.i1 ...) carry a marker only in Chinese (㈠, the source's tag): each
    column shows its own language's number, in the PDF's HTML and in the DOCX."""
    import io

    import docx as python_docx

    from hlmpub.config import Settings
    from hlmpub.render import docx, pdf

    table = build_table(udhr_edition)
    rows = {r.cells[0].units[0].key: r for r in table.rows if r.cells[0].units}
    shown = {
        c.lang: [(u.marker, row.show_marker(u)) for u in c.units]
        for key in ("art:26.i2",)
        for row in [rows[key]]
        for c in row.cells
    }
    assert shown == {
        "zh": [("㈡", True)],
        "ar": [("(2)", True)],
        "en": [("2.", True)],
        "es": [("2.", True)],
        "fr": [("2.", True)],
        "ru": [("2.", True)],
    }
    assert [u.marker for u in rows["art:25.i1"].cells[2].units] == ["1."]
    assert rows["art:26.i1"].number == ""  # the gutter stays empty: the numbers are each language's own
    html, _ = pdf.render_html(table, Settings())
    assert '<span class="marker">3.</span> Parents have a prior right' in html
    assert '<span class="marker">(3)</span> للآباء' in html
    buffer = io.BytesIO()
    docx.build_document(table, Settings()).save(buffer)
    texts = [p.text for t in python_docx.Document(buffer).tables for c in t._cells for p in c.paragraphs]
    assert any(t.startswith("3. Les parents ont") for t in texts)
    # The edition itself is not changed: the markers are the renderers' way of showing the items.
    assert {u.marker for v in udhr_edition.versions if v.lang != "zh" for u in v.units if u.kind == "subpara"} == {""}
