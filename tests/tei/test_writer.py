"""Writer: structure of the teiCorpus, validity, determinism, the golden file (SYNTHETIC editions)."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from hlmpub.config import Settings
from hlmpub.pipeline import tei_path, write_outputs
from hlmpub.tei.names import NS, XML_ID, XML_LANG
from hlmpub.tei.validate import rule_findings
from hlmpub.tei.writer import to_bytes


def _root(edition) -> etree._Element:
    return etree.fromstring(to_bytes(edition))


def test_synthetic_tei_is_valid_tei_all(synthetic, tei_schema):
    root = _root(synthetic)
    assert tei_schema.validate(root.getroottree()), tei_schema.error_log
    assert rule_findings(root) == []


def test_one_language_rows_are_ptr_and_valid(synthetic_one, tei_schema):
    root = _root(synthetic_one)
    assert tei_schema.validate(root.getroottree()), tei_schema.error_log
    group = root.find("tei:standOff/tei:linkGrp", NS)
    assert [etree.QName(el).localname for el in group[1:]] == ["ptr"] * len(synthetic_one.links)
    assert rule_findings(root) == []


def test_corpus_layout(synthetic):
    root = _root(synthetic)
    children = [etree.QName(el).localname for el in root]
    assert children == ["teiHeader", "standOff", "TEI", "TEI", "TEI"]
    langs = [t.get(XML_LANG) for t in root.iterfind("tei:TEI/tei:text", NS)]
    assert langs == ["zh", "ar", "en"]
    header = root.find("tei:teiHeader", NS)
    app = header.find(".//tei:appInfo/tei:application", NS)
    assert app.get("ident") == "hlmpub" and app.get("version")
    assert header.find(".//tei:tagsDecl/tei:rendition", NS).get(XML_ID) == "rtl"
    ar_text = root.findall("tei:TEI/tei:text", NS)[1]
    assert ar_text.get("rendition") == "#rtl"
    assert [lg.get("ident") for lg in header.iterfind(".//tei:langUsage/tei:language", NS)] == ["zh", "ar", "en"]


def test_link_carries_shape_cert_resp_key(synthetic):
    root = _root(synthetic)
    links = root.findall("tei:standOff/tei:linkGrp/tei:link", NS)
    assert len(links) == len(synthetic.links)
    row = links[3]  # SYNTHETIC row p:1, English split in two units
    assert row.get("target") == "#zh-p1 #ar-p1 #en-p1 #en-u1"
    assert row.get("type") == "1:1:2"
    assert row.get("cert") == "0.8125"
    assert row.get("resp") == "#resp-semantic"
    assert row.get("ana") == "#key-p.1"
    assert links[-1].get("type") == "1:1:0"


def test_units_keep_kind_key_marker_and_structure(synthetic):
    root = _root(synthetic)
    zh = root.find("tei:TEI/tei:text", NS)
    head = zh.find("tei:body/tei:div[@type='chapter']/tei:head", NS)
    assert (head.get(XML_ID), head.get("n"), head.text) == ("zh-h1", "一.", "导言")
    section = zh.find("tei:body/tei:div/tei:div[@type='section']", NS)
    assert section.find("tei:head", NS).get("ana") == "#kind-section #key-sec.1.A"
    title = zh.find("tei:front/tei:div[@type='titleBlock']/tei:p", NS)
    assert title.get("ana") == "#kind-meta #key-meta.symbol"
    note = section.find("tei:note", NS)
    assert note.get(XML_ID) == "zh-n1" and note.text == "合成脚注。"
    para3 = section.find("tei:p[@n='3.']", NS)
    assert para3.text == '合成段落三 <&> "引号"。'


def test_source_and_meta_in_version_header(synthetic):
    root = _root(synthetic)
    bibl = root.find("tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl", NS)
    assert bibl.findtext("tei:idno[@type='source-file']", namespaces=NS) == "zh.txt"
    assert bibl.findtext("tei:idno[@type='sha256']", namespaces=NS).endswith("1")
    assert bibl.findtext("tei:note[@n='job']", namespaces=NS) == "00-00000 (ZH)"


def test_deterministic_bytes(synthetic):
    assert to_bytes(synthetic) == to_bytes(synthetic)
    assert to_bytes(synthetic).startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n")


def test_pipeline_writer_writes_slug_file_atomically(synthetic, tmp_path: Path):
    written = write_outputs(synthetic, Settings(output_dir=tmp_path, formats=("tei",)))
    assert written == [tmp_path / "X_0_000" / "X_0_000.tei.xml"]
    assert written[0].read_bytes() == to_bytes(synthetic)
    assert [p.name for p in (tmp_path / "X_0_000").iterdir()] == ["X_0_000.tei.xml"]


def test_symbol_never_becomes_a_path(synthetic, tmp_path: Path):
    from dataclasses import replace

    hostile = replace(synthetic, meta=replace(synthetic.meta, slug="../../etc/passwd"))
    path = tei_path(hostile.meta, tmp_path)
    assert path.parent.parent == tmp_path and "/" not in path.name and "/" not in path.parent.name


def test_golden_synthetic_tei(synthetic, golden):
    text = to_bytes(synthetic).decode("utf-8")
    text = re.sub(r'(<application ident="hlmpub" version=")[^"]*"', r'\1VERSION"', text)
    golden("tei/synthetic_edition.tei.xml", text)
