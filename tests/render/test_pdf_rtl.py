"""Right-to-left cells keep their base direction.

The Arabic paragraph is laid out as a left-to-right block holding a right-to-left span (a speed
measure, see templates/pdf/edition.css).  Pango takes the base direction of a line from the
style of the text it lays out, so every piece of Arabic text in an Arabic cell must be right to left;
and the lines must still sit at the right edge of the cell.
"""

from __future__ import annotations

import pytest

from hlmpub.config import Settings
from hlmpub.render import templates
from hlmpub.render.pdf import lay_out
from hlmpub.render.rows import build_table

pytestmark = pytest.mark.slow


def _arabic_text_boxes(box, inside: bool, out: list) -> list:
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TableCellBox) and box.element is not None:
        inside = "l-ar" in (box.element.get("class") or "").split()
    if inside and isinstance(box, boxes.TextBox) and any("\u0600" <= c <= "\u06ff" for c in box.text):
        out.append(box)
    for child in getattr(box, "children", None) or ():
        _arabic_text_boxes(child, inside, out)
    return out


def _cells(box, out: list) -> list:
    from weasyprint.formatting_structure import boxes

    element = box.element if isinstance(box, boxes.TableCellBox) else None
    # Body cells with text (the column header and the dash of an empty cell are centred).
    classes = (element.get("class") or "").split() if element is not None else []
    if element is not None and element.tag == "td" and "l-ar" in classes:
        if "gap" not in classes:
            out.append(box)
    for child in getattr(box, "children", None) or ():
        _cells(child, out)
    return out


def _lay_out(edition, settings: Settings):
    return lay_out(build_table(edition, settings.langs), settings)


def test_arabic_text_is_laid_out_right_to_left_at_the_right_edge(udhr_edition):
    document = _lay_out(udhr_edition, Settings(langs=("zh", "en", "ar")))
    texts = [t for page in document.pages for t in _arabic_text_boxes(page._page_box, False, [])]
    assert len(texts) > 200
    assert {t.style["direction"] for t in texts} == {"rtl"}
    for cell in (c for page in document.pages for c in _cells(page._page_box, [])):
        right_edge = cell.content_box_x() + cell.width
        for line_end in _line_ends(cell):
            assert line_end == pytest.approx(right_edge, abs=0.5)


def _line_ends(cell) -> list[float]:
    from weasyprint.formatting_structure import boxes

    ends = []
    for box in cell.descendants():
        if isinstance(box, boxes.LineBox) and box.children:
            ends.append(max(child.position_x + child.margin_width() for child in box.children))
    return ends


def test_the_check_sees_left_to_right_arabic(udhr_edition, tmp_path):
    # Synthetic stylesheet: the bundled CSS with the right-to-left span turned left to right.
    css = templates.find(Settings(), "pdf", "edition.css").read_text(encoding="utf-8")
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "edition.css").write_text(css + "\nspan.rtl { direction: ltr; }\n", encoding="utf-8")
    document = _lay_out(udhr_edition, Settings(langs=("zh", "en", "ar")).with_(templates_dir=tmp_path))
    texts = [t for page in document.pages for t in _arabic_text_boxes(page._page_box, False, [])]
    assert "ltr" in {t.style["direction"] for t in texts}
