"""Tables link by order (``table:N``) and a finding says where their shapes differ (SYNTHETIC tests/fixtures/tables)."""

from __future__ import annotations

from dataclasses import replace

from hlmpub.align import align_versions
from hlmpub.align.structural import unit_keys
from hlmpub.align.tables import shape_findings
from hlmpub.model import Link, Unit, table_unit


def _rows(links):
    return [(lk.units, lk.key) for lk in links]


def _unkeyed(version):
    return replace(version, units=tuple(replace(u, key="") if u.kind == "table" else u for u in version.units))


def test_the_tables_link_as_in_the_fixture(tables, shared_encoder):
    edition = tables["tables"]
    links, findings = align_versions(edition.versions, encoder=shared_encoder)
    assert _rows(links) == _rows(edition.links)
    table_row = links[2]
    assert table_row.key == "table:1" and table_row.method == "structural" and table_row.score == 1.0
    assert not [f for f in findings if f.severity != "info"], findings


def test_tables_without_keys_are_keyed_by_order(tables, shared_encoder):
    edition = tables["tables_wrong_number"]
    versions = [_unkeyed(v) for v in edition.versions]
    assert unit_keys(versions[0])[2] == "table:1"
    links, _ = align_versions(versions, encoder=shared_encoder)
    assert _rows(links) == _rows(edition.links)
    # the version's second table is table:2; a key a reader gave is kept
    zh = versions[0]
    second = table_unit("zh-t2", "zh", (("1",),))
    keyed = table_unit("zh-t3", "zh", (("1",),), key="table:9")
    assert unit_keys(replace(zh, units=(*zh.units, second, keyed)))[-2:] == ["table:2", "table:9"]


def test_a_missing_row_is_a_table_shape_finding(tables, shared_encoder):
    edition = tables["tables_missing_row"]
    links, findings = align_versions(edition.versions, encoder=shared_encoder)
    assert _rows(links) == _rows(edition.links)
    [shape] = [f for f in findings if f.code == "table-shape"]
    assert (shape.severity, shape.lang, shape.unit_id, shape.row) == ("warning", "en", "en-t1", 2)
    assert "zh 4×3, en 3×3, ar 4×3" in shape.message


def test_no_shape_finding_when_the_shapes_agree(tables):
    for name in ("tables", "tables_wrong_number"):
        edition = tables[name]
        assert shape_findings(edition.links, edition.versions, "zh") == []


def test_shape_findings_majority_pivot_and_flattened_tables(tables):
    edition = tables["tables_missing_row"]
    versions = list(edition.versions)
    # English as the pivot is the odd one: the majority (zh and ar, 4×3) decides, not the pivot
    [f] = shape_findings(edition.links, versions, "en")
    assert f.lang == "en"
    # two languages, a tie: the pivot's shape is the reference
    two = [Link({lang: lk.units[lang] for lang in ("zh", "en")}, lk.method, lk.score, lk.key) for lk in edition.links]
    assert shape_findings(two, versions, "zh")[0].lang == "en"
    assert shape_findings(two, versions, "en")[0].lang == "zh"
    # Arabic's table was read as a paragraph: "no table"
    ar = versions[2]
    flat = Unit("ar-t1", "ar", "para", "", "", ar.unit("ar-t1").text)
    versions[2] = replace(ar, units=tuple(flat if u.id == "ar-t1" else u for u in ar.units))
    [f] = shape_findings(edition.links, versions, "zh")
    assert f.evidence == "zh 4×3, en 3×3, ar no table" and f.lang == "en"
