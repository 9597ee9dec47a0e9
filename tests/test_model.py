# Synthetic two-language fixture (not a UN text): exercises the model only.
import dataclasses

import pytest

from hlmpub import model
from hlmpub.model import DocumentMeta, Edition, Finding, Link, Source, Unit, Version


def _edition() -> Edition:
    zh = Version(
        "zh",
        (Unit("zh-p1", "zh", "para", "p:1", "1.", "根据大会第67/39号决议"),),
        Source("zh.txt", "txt", "0" * 64),
        {"symbol": "A/68/563"},
    )
    ar = Version(
        "ar",
        (Unit("ar-p1", "ar", "para", "p:1", "1 -", "عملا بقرار الجمعية العامة 67/39"),),
        Source("ar.pdf", "pdf", "1" * 64),
    )
    link = Link({"zh": ("zh-p1",), "ar": ("ar-p1",)}, "structural", 1.0, "p:1")
    meta = DocumentMeta(symbol="A/68/563", slug="A_68_563", titles={"zh": "摘要"})
    return Edition(meta, (zh, ar), (link,), (Finding("warning", "gap", "numbering gap", "zh", "zh-p1"),))


def test_dump_load_round_trip_is_identical():
    ed = _edition()
    text = model.dump(ed)
    assert model.load(text) == ed
    assert model.dump(model.load(text)) == text
    assert '"hlmpub_model": 4' in text
    assert "根据" in text  # not \u-escaped


def test_load_refuses_other_model_version():
    import pytest

    from hlmpub.errors import ModelError

    text = model.dump(_edition()).replace('"hlmpub_model": 4', '"hlmpub_model": 99')
    with pytest.raises(ModelError, match="99"):
        model.load(text)
    broken_texts = ("{", "[]", '{"hlmpub_model": 3}', '{"hlmpub_model": 3, "edition": {"meta": {}}}')
    for broken in (*broken_texts, '{"hlmpub_model": true}'):
        with pytest.raises(ModelError):
            model.load(broken)


def test_direction_and_shape():
    ed = _edition()
    assert ed.version("ar").units[0].direction == "rtl"
    assert ed.version("zh").units[0].direction == "ltr"
    assert ed.links[0].shape(("zh", "ar", "en")) == "1:1:0"
    assert ed.units_by_id()["ar-p1"].marker == "1 -"


def test_atomic_write_leaves_no_partial_file_and_normal_permissions(tmp_path):
    import pytest

    from hlmpub import safeio

    target = tmp_path / "out" / "a.txt"
    safeio.write_text(target, "完成")
    assert target.read_text(encoding="utf-8") == "完成"
    assert target.stat().st_mode & 0o044  # readable by group/others under the usual umask
    with pytest.raises(RuntimeError), safeio.atomic_path(tmp_path / "out" / "b.txt") as tmp:
        tmp.write_text("half")
        raise RuntimeError("writer failed")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt"]


def test_slug_never_makes_a_path():
    from hlmpub.safeio import slug

    assert slug("A/68/563") == "A_68_563"
    assert "/" not in slug("../../etc/passwd") and ".." not in slug("../../etc/passwd")


# --- tables (model version 2) ---------------------------------------------------------------------------------
# SYNTHETIC cells, not UN text.
_ROWS = (("Year", "Amount", ""), ("2013", "1,000", "a"), ("2014", "", ""))


def test_table_unit_text_is_the_cells_in_reading_order():
    unit = model.table_unit("en-t1", "en", _ROWS, header_rows=1, key="table:1")
    assert unit.kind == "table" and unit.key == "table:1" and unit.header_rows == 1
    assert unit.text == "Year\nAmount\n2013\n1,000\na\n2014"  # empty cells skipped
    assert unit.rows == _ROWS and unit.shape == (3, 3)
    assert model.table_text((("a", " "), ("", "b"))) == "a\nb"
    assert model.Unit("en-p1", "en", "para", "p:1", "1.", "x").shape == (0, 0)


def test_table_fields_are_checked():
    import pytest

    with pytest.raises(ValueError, match="only a table"):
        model.Unit("en-p1", "en", "para", "", "", "x", (("x",),))
    with pytest.raises(ValueError, match="header rows"):
        model.table_unit("en-t1", "en", _ROWS, header_rows=4)


def test_table_round_trip_and_json_of_other_units_unchanged():
    import json

    table = model.table_unit("en-t1", "en", _ROWS, header_rows=1, key="table:1")
    ed = _edition()
    en = Version("en", (Unit("en-p1", "en", "para", "p:1", "1.", "x"), table), Source("en.txt", "txt", "2" * 64))
    ed = Edition(ed.meta, (*ed.versions, en), ed.links, ed.findings)
    text = model.dump(ed)
    assert model.load(text) == ed and model.dump(model.load(text)) == text
    units = json.loads(text)["edition"]["versions"][2]["units"]
    assert list(units[0]) == ["id", "lang", "kind", "key", "marker", "text"]  # as in model version 1
    assert units[1]["rows"] == [list(r) for r in _ROWS] and units[1]["header_rows"] == 1
    assert model.load_version(model.dump_version(en)) == en


def test_version_1_json_still_reads():
    ed = _edition()
    old = model.dump(ed).replace('"hlmpub_model": 3', '"hlmpub_model": 1')
    assert model.load(old) == ed


def test_unit_record_gives_rows_for_tables_only():
    record = model.unit_record(model.table_unit("zh-t1", "zh", _ROWS))
    assert record["rows"] == _ROWS and record["header_rows"] == 0 and "lang" not in record
    assert set(model.unit_record(_edition().versions[0].units[0])) == {"id", "kind", "key", "marker", "text"}


def test_table_keys_and_ids():
    from hlmpub.conventions import IdAllocator, table_key

    assert table_key(2) == "table:2"
    ids = IdAllocator("ar")
    assert [ids.assign("table"), ids.assign("para", "p:1"), ids.assign("table")] == ["ar-t1", "ar-p1", "ar-t2"]


def test_a_table_has_rows_and_cells():
    import pytest

    for rows in ((), (("a",), ())):
        with pytest.raises(ValueError, match="at least one row"):
            model.table_unit("en-t1", "en", rows)


def test_aligned_tables_only_for_one_table_per_language_of_one_shape():
    from hlmpub.align.tables import aligned_tables

    zh = model.table_unit("zh-t1", "zh", _ROWS)
    en = model.table_unit("en-t1", "en", _ROWS)
    short = model.table_unit("en-t1", "en", _ROWS[:2])
    para = Unit("en-p1", "en", "para", "", "", "x")
    assert aligned_tables({"zh": [zh], "en": [en], "ar": []}) == {"zh": zh, "en": en}
    assert aligned_tables({"zh": [zh], "en": [short]}) is None
    assert aligned_tables({"zh": [zh], "en": [en, para]}) is None
    assert aligned_tables({"zh": [zh], "en": [para]}) is None
    assert aligned_tables({"zh": []}) is None


def test_sentences_and_sentence_links_round_trip_and_are_left_out_when_empty():
    ed = _edition()
    assert "sentence" not in model.dump(ed)  # an edition without sentences writes what version 2 wrote
    zh = ed.versions[0]
    unit = dataclasses.replace(zh.units[0], text="第一句。第二句。", sentences=((0, 4), (4, 8)))
    assert unit.sentence_ids() == ("zh-p1-s1", "zh-p1-s2")
    link = Link({"zh": unit.sentence_ids(), "ar": ("ar-p1-s1",)}, "semantic", 0.75, "p:1")
    with_sentences = dataclasses.replace(
        ed, versions=(dataclasses.replace(zh, units=(unit,)), ed.versions[1]), sentence_links=(link,)
    )
    text = model.dump(with_sentences)
    assert model.load(text) == with_sentences and model.dump(model.load(text)) == text
    assert model.load(model.dump(ed).replace('"hlmpub_model": 3', '"hlmpub_model": 2')) == ed


def test_a_sentence_span_outside_or_out_of_order_is_refused():
    for spans in (((0, 10),), ((2, 4), (0, 1)), ((1, 1),)):
        with pytest.raises(ValueError, match="sentence span"):
            Unit("en-p1", "en", "para", "", "", "Two. Ones", sentences=spans)


def test_reviser_records_round_trip_and_plain_json_has_none():
    ed = _edition()
    assert '"resp"' not in model.dump(ed) and '"changes"' not in model.dump(ed)
    link = dataclasses.replace(ed.links[0], method="manual", resp="A. Reviser", checked=True)
    change = model.Change("A. Reviser", "2026-12-05T01:50:00Z", "check: zh-p1 ar-p1")
    revised = dataclasses.replace(ed, links=(link,), changes=(change,))
    text = model.dump(revised)
    assert model.load(text) == revised
    assert '"checked": true' in text and '"resp": "A. Reviser"' in text
    old = text.replace('"hlmpub_model": 4', '"hlmpub_model": 3')  # version 3 JSON (without them) still loads
    assert model.load(model.dump(ed).replace('"hlmpub_model": 4', '"hlmpub_model": 3')) == ed
    assert model.load(old) == revised
