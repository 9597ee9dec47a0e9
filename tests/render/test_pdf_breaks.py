"""Page breaks of the PDF edition: a heading row (title, chapter, section) never ends a page."""

from __future__ import annotations

import pytest

from hlmpub.config import Settings
from hlmpub.render.pdf import lay_out
from hlmpub.render.rows import build_table

pytestmark = pytest.mark.slow

HEADINGS = {"title", "chapter", "section"}


def _body_rows(box, out: list) -> list:
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TableRowGroupBox) and box.is_header:
        return out  # the repeated column header is not a body row
    if isinstance(box, boxes.TableRowBox):
        out.append(box)
        return out
    for child in getattr(box, "children", None) or ():
        _body_rows(child, out)
    return out


def headings_ending_a_page(edition, langs: tuple[str, ...]) -> list[tuple[int, str]]:
    """(page number, row class) of every page but the last whose last body row is a heading row."""
    document = lay_out(build_table(edition, langs), Settings(langs=langs))
    found = []
    for number, page in enumerate(document.pages[:-1], start=1):
        rows = _body_rows(page._page_box, [])
        kind = (rows[-1].element.get("class") or "").split()[:1] if rows else []
        if kind and kind[0] in HEADINGS:
            found.append((number, kind[0]))
    return found


@pytest.mark.parametrize("langs", [("zh", "en", "ar"), ()], ids=["udhr-3", "udhr-6"])
def test_udhr_heading_rows_stay_with_their_text(udhr_edition, langs):
    # Before the rule moved from the cells to the rows: section rows ended pages 3 (three
    # languages) and 7, 16, 18 (six languages).
    assert headings_ending_a_page(udhr_edition, langs) == []


def test_seed_heading_rows_stay_with_their_text(seed_edition):
    assert headings_ending_a_page(seed_edition, ()) == []


def test_the_check_sees_a_heading_at_a_page_foot(udhr_edition, tmp_path):
    # Synthetic stylesheet: the bundled CSS with heading rows forced to end their page, so the
    # check above can fail.
    from hlmpub.render import templates

    css = templates.find(Settings(), "pdf", "edition.css").read_text(encoding="utf-8")
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "edition.css").write_text(css + "\ntr.section { break-after: page; }\n", encoding="utf-8")
    settings = Settings(langs=("zh", "en", "ar"), templates_dir=tmp_path)
    document = lay_out(build_table(udhr_edition, settings.langs), settings)
    last_kinds = []
    for page in document.pages[:-1]:
        rows = _body_rows(page._page_box, [])
        last_kinds.append((rows[-1].element.get("class") or "").split()[0])
    assert "section" in last_kinds
