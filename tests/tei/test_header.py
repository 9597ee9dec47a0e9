"""The edition header as an archive and other TEI tools read it: the licence (availability), the build that wrote
the file (revisionDesc, never the wall clock), the reviser named for manual decisions, and the meaning of the
alignment's @type values."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from lxml import etree

from hlmpub import __version__
from hlmpub.config import load_document
from hlmpub.model import UN_LICENCE, dump, load
from hlmpub.tei import read_tei, write_tei
from hlmpub.tei.names import NS, XML_ID
from hlmpub.tei.writer import to_bytes

ROOT = Path(__file__).resolve().parents[2]
OHCHR = "https://www.ohchr.org"


def _header(edition) -> etree._Element:
    return etree.fromstring(to_bytes(edition)).find("tei:teiHeader", NS)


def _round_trip(edition, tmp_path: Path):
    first = write_tei(edition, tmp_path / "first.tei.xml")
    back = read_tei(first)
    assert write_tei(back, tmp_path / "second.tei.xml").read_bytes() == first.read_bytes()
    return back


def test_availability_states_the_licence(synthetic, tmp_path, tei_schema):
    header = _header(synthetic)
    assert header.findtext("tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence", namespaces=NS) == (
        UN_LICENCE
    )
    own = replace(synthetic, meta=replace(synthetic.meta, licence="CC BY 4.0, https://example.org/licence"))
    assert tei_schema.validate(etree.fromstring(to_bytes(own)).getroottree()), tei_schema.error_log
    assert _round_trip(own, tmp_path).meta.licence == own.meta.licence


def test_document_toml_licence_default_and_sources(tmp_path):
    folder = tmp_path / "doc"
    folder.mkdir()
    (folder / "document.toml").write_text('[document]\nsymbol = "X/1"\n[versions]\nen = "en.txt"\n', encoding="utf-8")
    assert load_document(folder).meta.licence == UN_LICENCE
    udhr = load_document(ROOT / "sources" / "udhr").meta.licence
    assert OHCHR in udhr and "Human Rights" in udhr
    assert "un.org" in load_document(ROOT / "sources" / "A_68_563").meta.licence


def test_revision_desc_names_the_build_deterministically(synthetic, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    change = _header(synthetic).find("tei:revisionDesc/tei:change", NS)
    assert change.get("who") == "#hlmpub" and __version__ in change.text
    assert change.get("notBefore") == synthetic.meta.date and change.get("when") is None  # not today
    assert to_bytes(synthetic) == to_bytes(synthetic)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # a reproducible build's fixed stamp
    stamped = _header(synthetic).find("tei:revisionDesc/tei:change", NS)
    assert (stamped.get("when"), stamped.get("notBefore")) == ("2023-11-14", None)


def _manual_stmt(edition) -> etree._Element:
    stmts = _header(edition).iterfind("tei:fileDesc/tei:titleStmt/tei:respStmt", NS)
    return next(s for s in stmts if s.get(XML_ID) == "resp-manual")


def test_manual_decisions_name_the_reviser_not_hlmpub(synthetic, tmp_path, tei_schema):
    unnamed = _manual_stmt(synthetic).find("tei:name", NS)
    assert unnamed.text == "reviewer" and unnamed.get("ref") != "#hlmpub"
    reviewed = replace(synthetic, meta=replace(synthetic.meta, reviser="Ana Revisora"))
    name = _manual_stmt(reviewed).find("tei:name", NS)
    assert (name.text, name.get("ref")) == ("Ana Revisora", None)
    assert tei_schema.validate(etree.fromstring(to_bytes(reviewed)).getroottree()), tei_schema.error_log
    assert _round_trip(reviewed, tmp_path).meta.reviser == "Ana Revisora"
    assert load(dump(reviewed)).meta == reviewed.meta


def test_link_types_are_declared(synthetic):
    root = etree.fromstring(to_bytes(synthetic))
    group = root.find("tei:standOff/tei:linkGrp", NS)
    taxonomies = root.iterfind("tei:teiHeader/tei:encodingDesc/tei:classDecl/tei:taxonomy", NS)
    taxonomy = next(t for t in taxonomies if t.get(XML_ID) == "link-types")
    meanings = " ".join(taxonomy.itertext())
    assert f'@type="{group.get("type")}"' in meanings and f'@subtype="{group.get("subtype")}"' in meanings
    assert "link/@type" in meanings and "bead shape" in meanings


def test_sources_state_their_licence():
    for folder in sorted((ROOT / "sources").iterdir()):
        if (folder / "document.toml").is_file():
            assert "licence" in (folder / "document.toml").read_text(encoding="utf-8"), folder.name


def test_a_rebuild_keeps_the_reviser_named_in_the_archive(tmp_path):
    """document.toml's reviser wins; without one, the name a reviewer wrote into the archive is kept."""
    from hlmpub.config import Settings
    from hlmpub.pipeline import edition_from_sources, write_outputs

    source = shutil.copytree(ROOT / "sources" / "A_68_563", tmp_path / "A_68_563")
    settings = Settings(output_dir=tmp_path / "out", formats=("tei",))
    [tei] = write_outputs(edition_from_sources(source, settings), settings)
    unnamed = '<name type="role">reviewer</name>'
    assert unnamed in tei.read_text(encoding="utf-8")
    tei.write_text(tei.read_text(encoding="utf-8").replace(unnamed, "<name>Ana Revisora</name>"), encoding="utf-8")
    assert edition_from_sources(source, settings).meta.reviser == "Ana Revisora"
    toml = source / "document.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("[versions]", 'reviser = "B. Reviser"\n\n[versions]'))
    assert edition_from_sources(source, settings).meta.reviser == "B. Reviser"
