"""Round trip: write → read → write is byte-identical; hand edits of links are read back as edited."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from hlmpub.model import Edition
from hlmpub.tei import read_tei, validate_file, write_tei
from hlmpub.tei.reader import read_tei_bytes
from hlmpub.tei.writer import to_bytes


def _normalised(edition: Edition) -> Edition:
    """Links list every language (an empty tuple where a row has none), as the reader gives them; the
    build's findings are kept (standOff/listAnnotation)."""
    from dataclasses import replace

    links = tuple(
        replace(lk, units={lang: tuple(lk.units.get(lang, ())) for lang in edition.langs}) for lk in edition.links
    )
    return replace(edition, links=links)


def _assert_round_trip(edition: Edition, tmp_path: Path) -> None:
    first = write_tei(edition, tmp_path / "first.tei.xml")
    back = read_tei(first)
    second = write_tei(back, tmp_path / "second.tei.xml")
    assert second.read_bytes() == first.read_bytes()
    assert back == _normalised(edition)


def test_round_trip_synthetic(synthetic, tmp_path):
    _assert_round_trip(synthetic, tmp_path)


def test_round_trip_one_language(synthetic_one, tmp_path):
    _assert_round_trip(synthetic_one, tmp_path)


def test_round_trip_seed_edition(seed_edition, tmp_path):
    assert len(seed_edition.versions[0].units) == 102
    _assert_round_trip(seed_edition, tmp_path)


def test_round_trip_udhr_edition(udhr_edition, tmp_path):
    assert len(udhr_edition.langs) == 6
    _assert_round_trip(udhr_edition, tmp_path)


def _edit_links(data: bytes, edit) -> bytes:
    root = etree.fromstring(data)
    links = root.findall("{http://www.tei-c.org/ns/1.0}standOff/{http://www.tei-c.org/ns/1.0}linkGrp/*")
    edit([el for el in links if etree.QName(el).localname in ("link", "ptr")])
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8")


def test_hand_edit_moved_target_and_cert_survive(synthetic, tmp_path):
    """A reviewer moves #en-u1 from row 4 (p:1) to row 5 (p:2) and raises row 4's @cert."""

    def edit(links):
        row4, row5 = links[3], links[4]
        row4.set("target", "#zh-p1 #ar-p1 #en-p1")
        row4.set("cert", "0.99")
        row4.set("resp", "#resp-manual")
        row5.set("target", row5.get("target") + " #en-u1")

    path = tmp_path / "edited.tei.xml"
    path.write_bytes(_edit_links(to_bytes(synthetic), edit))
    edited = read_tei(path)
    assert edited.links[3].units == {"zh": ("zh-p1",), "ar": ("ar-p1",), "en": ("en-p1",)}
    assert edited.links[3].score == 0.99
    assert edited.links[3].method == "manual"
    assert edited.links[4].units["en"] == ("en-p2", "en-u1")
    # the stale @type of both rows is reported, and rewriting fixes it
    shape_lines = {f.evidence for f in validate_file(path) if f.code == "tei-shape"}
    assert len(shape_lines) == 2
    rewritten = to_bytes(edited)
    assert b'type="1:1:1" cert="0.99" resp="#resp-manual"' in rewritten
    assert b'target="#zh-p2 #ar-p2 #en-p2 #en-u1" type="1:1:2"' in rewritten
    assert read_tei_bytes(rewritten) == edited


def test_hand_edit_single_unit_link_of_seed(seed_edition, tmp_path):
    """On the real seed edition: change the confidence of paragraph 19's row."""
    data = to_bytes(seed_edition)
    row = next(i for i, lk in enumerate(seed_edition.links) if lk.key == "p:19")

    def edit(links):
        links[row].set("cert", "0.25")

    edited = read_tei_bytes(_edit_links(data, edit))
    assert edited.links[row].score == 0.25
    assert edited.links[row].units == seed_edition.links[row].units
    assert [lk for i, lk in enumerate(edited.links) if i != row] == [
        lk for i, lk in enumerate(_normalised(seed_edition).links) if i != row
    ]


@pytest.mark.parametrize("word, value", [("high", 0.9), ("low", 0.3)])
def test_cert_words_read_as_numbers(synthetic, word, value):
    def edit(links):
        links[0].set("cert", word)

    assert read_tei_bytes(_edit_links(to_bytes(synthetic), edit)).links[0].score == value
