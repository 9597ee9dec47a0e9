"""Table units in the TEI: table/row/cell, valid, read back exactly (SYNTHETIC editions of tests/fixtures/tables)."""

from __future__ import annotations

import pytest
from lxml import etree

from hlmpub.errors import InputError
from hlmpub.model import table_text
from hlmpub.tei import read_tei, validate_file, write_tei
from hlmpub.tei.reader import read_tei_bytes
from hlmpub.tei.writer import to_bytes

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _root(edition) -> etree._Element:
    return etree.fromstring(to_bytes(edition))


def test_table_encoding_as_written_down(tables):
    edition = tables["tables"]
    root = _root(edition)
    [table] = root.xpath("//tei:text[@xml:lang='en']//tei:table", namespaces=NS)
    assert dict(table.attrib) == {XML_ID: "en-t1", "ana": "#kind-table #key-table.1", "rows": "4", "cols": "3"}
    rows = table.findall("tei:row", NS)
    assert [r.get("role") for r in rows] == ["label", None, None, None]
    assert [c.text for c in rows[0]] == ["Year", "Contributions (United States dollars)", "Date received"]
    assert [c.text for c in rows[3]] == ["2015a", "975,500", "30 June 2015"]
    assert etree.QName(table.getprevious()).localname == "p" and table.getnext().get("n") == "a"
    assert root.xpath("//tei:category[@xml:id='kind-table']/tei:catDesc/text()", namespaces=NS) == ["table"]
    assert root.xpath("//tei:category[@xml:id='key-table.1']/tei:catDesc/text()", namespaces=NS) == ["table:1"]
    [link] = root.xpath("//tei:linkGrp/tei:link[@ana='#key-table.1']", namespaces=NS)
    assert link.get("target") == " ".join(f"#{lang}-t1" for lang in edition.langs)
    assert link.get("type") == "1:1:1:1:1:1"


@pytest.mark.parametrize("name", ["tables", "tables_wrong_number", "tables_missing_row"])
def test_tables_valid_and_lossless(tables, name, tmp_path, tei_schema):
    edition = tables[name]
    first = write_tei(edition, tmp_path / "first.tei.xml")
    assert validate_file(first) == []
    back = read_tei(first)
    assert write_tei(back, tmp_path / "second.tei.xml").read_bytes() == first.read_bytes()
    assert back.versions == edition.versions
    for version in back.versions:
        table = version.unit(f"{version.lang}-t1")
        assert table.header_rows == 1 and table.text == table_text(table.rows)
    assert back.version("ar").unit("ar-t1").rows[3][0] == "2015 (أ)"


def test_empty_cells_and_markers_survive(tables):
    from dataclasses import replace

    from hlmpub.model import table_unit

    edition = tables["tables_wrong_number"]
    zh = edition.version("zh")
    odd = table_unit("zh-t1", "zh", (("", "甲"), ("1", "", ""), (" x ",)), header_rows=2, key="table:1", marker="表1")
    units = tuple(odd if u.id == "zh-t1" else u for u in zh.units)
    edition = replace(edition, versions=(replace(zh, units=units), *edition.versions[1:]))
    data = to_bytes(edition)
    assert b'<table xml:id="zh-t1" n="\xe8\xa1\xa81" ana="#kind-table #key-table.1" rows="3" cols="3">' in data
    back = read_tei_bytes(data)
    assert back.version("zh").unit("zh-t1") == odd
    assert to_bytes(back) == data


def _edited(edition, edit) -> bytes:
    root = _root(edition)
    [table] = root.xpath("//tei:text[@xml:lang='zh']//tei:table", namespaces=NS)
    edit(table)
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8")


def test_rule_findings_for_hand_edited_tables(tables, tmp_path):
    edition = tables["tables_wrong_number"]

    def wrong_count(table):
        table.set("rows", "5")

    def late_header(table):
        table.findall("tei:row", NS)[2].set("role", "label")

    for edit, says in ((wrong_count, "has 4×3"), (late_header, "header row 3 follows a body row")):
        path = tmp_path / f"{edit.__name__}.tei.xml"
        path.write_bytes(_edited(edition, edit))
        found = [f for f in validate_file(path) if f.code == "tei-table"]
        assert len(found) == 1 and says in found[0].message and found[0].unit_id == "zh-t1", found
        assert found[0].severity == "warning"
    # the late header row is read as a body row: one header row, as before
    assert read_tei_bytes(_edited(edition, late_header)).version("zh").unit("zh-t1").header_rows == 1


def test_a_table_unit_must_be_a_table(tables):
    def as_paragraph(table):
        table.tag = "{http://www.tei-c.org/ns/1.0}p"

    with pytest.raises(InputError, match="zh-t1 is a p, not a table"):
        read_tei_bytes(_edited(tables["tables_wrong_number"], as_paragraph))

    def no_rows(table):
        for row in table.findall("tei:row", NS):
            table.remove(row)

    with pytest.raises(InputError, match="at least one row"):
        read_tei_bytes(_edited(tables["tables_wrong_number"], no_rows))


# --- exports --------------------------------------------------------------------------------------------------
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.mark.parametrize("name, count", [("tables", 16), ("tables_wrong_number", 16), ("tables_missing_row", 5)])
def test_tmx_one_tu_per_cell_when_the_shapes_agree(tables, name, count, tmp_path):
    from translate.storage.tmx import tmxfile

    from hlmpub.tei import export_edition

    edition = tables[name]
    [path] = export_edition(edition, "tmx", tmp_path)
    store = tmxfile.parsefile(str(path))
    assert len(store.units) == count
    tus = etree.parse(str(path)).getroot().findall("body/tu")
    assert len(tus) == count
    table_tus = [tu for tu in tus if tu.findtext("prop[@type='x-key']") == "table:1"]
    if name == "tables_missing_row":
        [tu] = table_tus  # the shapes differ: one TU, the whole table
        assert tu.get("tuid") == "3" and tu.find("prop[@type='x-table-row']") is None
        en = next(t for t in tu.findall("tuv") if t.get(XML_LANG) == "en")
        assert en.findtext("seg") == edition.version("en").unit("en-t1").text
        return
    assert len(table_tus) == 12
    cell = next(tu for tu in table_tus if tu.get("tuid") == "3.3.2")
    assert (cell.findtext("prop[@type='x-table-row']"), cell.findtext("prop[@type='x-table-col']")) == ("3", "2")
    segs = {tuv.get(XML_LANG): tuv.findtext("seg") for tuv in cell.findall("tuv")}
    assert list(segs) == [{"zh": "zh-CN"}.get(lang, lang) for lang in edition.langs]
    assert segs["en"] == "1,300,000" and segs["zh-CN"] == "1,300,000"
    assert segs["ar"] == ("1,350,000" if name == "tables_wrong_number" else "1,300,000")
    # translate-toolkit reads a cell TU: the pivot's cell as source, the next language's as target
    unit = store.units[2 + 3]  # after rows 1-2 and the three header cells: cell 3.2.1
    assert (unit.source, unit.target) == ("2013", "2013")


def test_tmx_cells_empty_in_every_language_are_skipped(tables):
    from dataclasses import replace

    from hlmpub.model import table_unit
    from hlmpub.tei.export import tmx_tree

    edition = tables["tables_wrong_number"]
    versions = []
    for v in edition.versions:
        t = v.unit(f"{v.lang}-t1")
        rows = tuple((*row, "") for row in t.rows)  # a fourth, empty column
        units = tuple(table_unit(t.id, v.lang, rows, 1, t.key) if u.id == t.id else u for u in v.units)
        versions.append(replace(v, units=units))
    tus = tmx_tree(replace(edition, versions=tuple(versions))).getroot().findall("body/tu")
    assert len(tus) == 16


def test_xces_unchanged_by_tables(tables, tmp_path):
    from hlmpub.tei import export_edition

    for path in export_edition(tables["tables"], "xces", tmp_path):
        links = etree.parse(str(path)).getroot().findall("linkGrp/link")
        assert len(links) == 5
        assert links[2].get("xtargets").startswith("zh-t1;")
