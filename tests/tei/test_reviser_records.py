"""Reviser records in the TEI (SYNTHETIC edition): who made a manual row, checked rows, one change per
decision — valid against tei_all, read back exactly, whatever characters a reviser's name holds."""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from hlmpub.model import Change
from hlmpub.tei import read_tei, tei_bytes, validate_file, write_tei
from hlmpub.tei.names import reviser_ids

NAMES = ("Ana María O'Neil", "李 明", "A B", "A_B")  # the last two sanitise to the same id


def revised(synthetic):
    links = list(synthetic.links)
    links[0] = replace(links[0], method="manual", score=1.0, resp=NAMES[0], checked=True)
    links[1] = replace(links[1], method="manual", score=1.0, resp=NAMES[1])
    links[2] = replace(links[2], checked=True)
    changes = tuple(Change(name, f"2026-12-05T01:5{n}:00Z", f"check: row {n}") for n, name in enumerate(NAMES))
    return replace(synthetic, links=tuple(links), changes=changes)


def test_reviser_ids_are_unique_xml_ids():
    ids = reviser_ids(NAMES)
    assert len(set(ids.values())) == 4
    assert ids["A B"] == "reviser-A_B" and ids["A_B"] == "reviser-A_B-2"
    assert ids["李 明"] == "reviser-李_明"


def test_reviser_records_are_valid_and_read_back(tmp_path, synthetic, tei_schema):
    edition = revised(synthetic)
    path = write_tei(edition, tmp_path / "X.tei.xml")
    assert tei_schema.validate(etree.parse(str(path))), tei_schema.error_log
    assert [f for f in validate_file(path) if f.severity == "error"] == []
    assert read_tei(path) == edition
    text = path.read_text(encoding="utf-8")
    assert text.count('type="reviser"') == 4 and text.count('key="reviser"') == 4
    assert "#row-checked" in text and 'resp="#resp-manual #reviser-Ana_Mar' in text


def test_a_plain_edition_is_written_as_before(synthetic):
    data = tei_bytes(synthetic).decode("utf-8")
    assert "reviser-" not in data and "row-states" not in data and 'type="reviser"' not in data
