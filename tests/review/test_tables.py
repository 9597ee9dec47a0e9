"""Numbers and dates of tables compared cell by cell when the shapes agree (SYNTHETIC tests/fixtures/tables)."""

from __future__ import annotations

from dataclasses import replace

from hlmpub.config import ReviewSettings, Settings
from hlmpub.model import Link, Unit, table_unit
from hlmpub.review import finding_id, review_edition

NUMBER_CODES = {"number-mismatch", "date-mismatch", "symbol-mismatch"}


def _numbers(edition):
    return [f for f in review_edition(edition, Settings()) if f.code in NUMBER_CODES]


def test_the_same_figures_in_six_languages_raise_nothing(tables):
    assert review_edition(tables["tables"], Settings()) == []


def test_a_wrong_number_is_named_by_its_cell(tables):
    [f] = _numbers(tables["tables_wrong_number"])
    assert (f.severity, f.code, f.lang, f.unit_id, f.row) == ("error", "number-mismatch", "ar", "ar-t1", 2)
    assert "table row 3, column 2" in f.message and "expected 1300000" in f.message and "1,350,000" in f.message
    assert f.evidence == "row 3, column 2 | missing: number 1300000 | extra: number 1350000"


def test_a_missing_row_compares_the_whole_table(tables):
    found = _numbers(tables["tables_missing_row"])
    assert [(f.code, f.lang, f.unit_id) for f in found] == [
        ("number-mismatch", "en", "en-t1"),
        ("date-mismatch", "en", "en-t1"),
    ]
    assert all("column" not in f.message for f in found)
    assert found[0].evidence == "missing: number 1300000, number 2014"
    assert found[1].evidence == "missing: date 2014-04-02"


def test_two_cells_with_the_same_fault_have_two_ids(tables):
    """The same number swapped in two cells of the Arabic table: two findings, two finding ids."""
    edition = tables["tables_wrong_number"]
    ar = edition.version("ar")
    t = ar.unit("ar-t1")
    rows = [list(r) for r in t.rows]
    rows[1][1] = rows[3][1] = "1,350,000"
    rows[2][1] = "1,300,000"
    fixed = table_unit(t.id, "ar", tuple(tuple(r) for r in rows), 1, t.key)
    versions = tuple(
        replace(v, units=tuple(fixed if u.id == t.id else u for u in v.units)) if v.lang == "ar" else v
        for v in edition.versions
    )
    found = _numbers(replace(edition, versions=versions))
    assert ["row 2, column 2", "row 4, column 2"] == [f.evidence.split(" | ")[0] for f in found]
    assert len({finding_id(f) for f in found}) == 2


def test_a_cell_date_in_another_language_form(tables):
    """A Chinese date written with Chinese numerals is the same date; a wrong day is named."""
    edition = tables["tables_wrong_number"]
    zh = edition.version("zh")
    t = zh.unit("zh-t1")
    rows = [list(r) for r in t.rows]
    rows[1][2] = "二〇一三年三月十五日"
    rows[3][2] = "2015年6月3日"
    fixed = table_unit(t.id, "zh", tuple(tuple(r) for r in rows), 1, t.key)
    versions = (replace(zh, units=tuple(fixed if u.id == t.id else u for u in zh.units)), *edition.versions[1:])
    dates = [f for f in _numbers(replace(edition, versions=versions)) if f.code == "date-mismatch"]
    assert [(f.lang, f.evidence) for f in dates] == [
        ("zh", "row 4, column 3 | missing: date 2015-06-30 | extra: date 2015-06-03")
    ]


def test_a_table_is_not_length_checked(tables):
    """Chinese runs at about half the length of English; a table of figures is as long in both (SYNTHETIC text)."""
    edition = tables["tables_wrong_number"]
    two = tuple(Link({x: lk.units[x] for x in ("zh", "en")}, lk.method, lk.score, lk.key) for lk in edition.links)
    edition = replace(edition, versions=edition.versions[:2], links=two)
    text = {
        "zh": "合成段落，长度稳定，用于测试。" * 3,
        "en": "A synthetic paragraph of steady length, written for this test. " * 2,
    }
    figures = tuple((str(1990 + i), f"{1000 + 37 * i:,}", f"{i}.5") for i in range(20))  # as long in every language

    def units(v):
        t = v.unit(f"{v.lang}-t1")
        table = table_unit(t.id, v.lang, (*t.rows, *figures), 1, t.key)
        paras = (Unit(f"{v.lang}-x{i}", v.lang, "para", "", "", text[v.lang]) for i in range(12))
        return (*(table if u.id == t.id else u for u in v.units), *paras)

    versions = tuple(replace(v, units=units(v)) for v in edition.versions)
    extra = tuple(Link({v.lang: (f"{v.lang}-x{i}",) for v in versions}, "semantic", 0.9) for i in range(12))
    settings = Settings(review=ReviewSettings(checks=("length-ratio",)))
    found = review_edition(replace(edition, versions=versions, links=edition.links + extra), settings)
    assert [f for f in found if f.unit_id.endswith("-t1")] == []
