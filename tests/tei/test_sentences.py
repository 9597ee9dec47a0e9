"""Sentences in the TEI: ``s`` inside each unit, the sentence ``linkGrp``, read back losslessly, valid."""

from __future__ import annotations

import dataclasses

import pytest
from lxml import etree

from hlmpub.errors import InputError
from hlmpub.model import Link
from hlmpub.tei.names import NS, XML_ID
from hlmpub.tei.reader import read_tei_bytes
from hlmpub.tei.writer import to_bytes


@pytest.fixture(scope="module")
def udhr_bytes(udhr_edition) -> bytes:
    assert udhr_edition.sentence_links
    return to_bytes(udhr_edition)


def test_writer_reader_writer_is_byte_identical(udhr_edition, udhr_bytes):
    back = read_tei_bytes(udhr_bytes)
    assert to_bytes(back) == udhr_bytes
    assert back.sentence_links == udhr_edition.sentence_links
    assert back.versions == udhr_edition.versions  # texts and sentence spans alike


def test_every_sentence_is_one_s_with_its_text(udhr_edition, udhr_bytes):
    root = etree.fromstring(udhr_bytes)
    found = {s.get(XML_ID): "".join(s.itertext()) for s in root.iterfind(".//tei:s", NS)}
    expected = {
        sid: u.text[a:b]
        for v in udhr_edition.versions
        for u in v.units
        for sid, (a, b) in zip(u.sentence_ids(), u.sentences, strict=True)
    }
    assert found == expected
    assert len(found) > 500


def test_sentence_link_group_is_declared_and_valid(udhr_bytes, tei_schema):
    root = etree.fromstring(udhr_bytes)
    (group,) = root.xpath("tei:standOff/tei:linkGrp[@subtype='sentence']", namespaces=NS)
    assert group.get("type") == "alignment"
    assert root.xpath("//tei:taxonomy[@xml:id='link-types']/tei:category[@xml:id='type-sentence']", namespaces=NS)
    assert root.xpath("//tei:respStmt/tei:resp[@key='row']", namespaces=NS)
    assert tei_schema.validate(root.getroottree()), tei_schema.error_log


def test_a_renamed_sentence_is_a_one_line_error(udhr_bytes):
    broken = udhr_bytes.replace(b'xml:id="en-a1.p1-s2"', b'xml:id="en-a1.p1-s9"', 1)
    assert broken != udhr_bytes
    with pytest.raises(InputError, match="expected en-a1.p1-s2"):
        read_tei_bytes(broken)


def test_a_sentence_link_to_no_sentence_is_refused(udhr_edition):
    stray = Link({lang: () for lang in udhr_edition.langs} | {"en": ("en-nowhere-s1",)}, "semantic", 0.5)
    bad = dataclasses.replace(udhr_edition, sentence_links=(*udhr_edition.sentence_links, stray))
    with pytest.raises(InputError, match="not en sentences"):
        to_bytes(bad)


def test_hlmpub_rules_check_the_sentence_rows(udhr_edition, udhr_bytes):
    from hlmpub.tei.validate import rule_findings

    assert rule_findings(etree.fromstring(udhr_bytes)) == []
    first, second = udhr_edition.sentence_links[0], udhr_edition.sentence_links[1]
    merged = dataclasses.replace(first, units={k: first.units[k] + second.units[k] for k in first.units})
    crossing = dataclasses.replace(udhr_edition, sentence_links=(merged, *udhr_edition.sentence_links[2:]))
    found = rule_findings(etree.fromstring(to_bytes(crossing)))
    assert [f.code for f in found] == ["tei-sentence-row"]
    dropped = dataclasses.replace(udhr_edition, sentence_links=udhr_edition.sentence_links[1:])
    found = rule_findings(etree.fromstring(to_bytes(dropped)))
    assert {f.code for f in found} == {"tei-unlinked"} and len(found) == sum(map(len, first.units.values()))
