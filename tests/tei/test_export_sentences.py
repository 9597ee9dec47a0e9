"""Exports by sentence (the default): one TMX unit per sentence row, XCES links between sentences."""

from __future__ import annotations

from lxml import etree
from translate.storage import tmx

from hlmpub.cli import run
from hlmpub.config import ExportSettings, Settings
from hlmpub.tei import export_edition, write_tei
from hlmpub.tei.export import sentence_texts

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_udhr_tmx_has_one_tu_per_sentence_row_with_row_and_sentence_ids(udhr_edition, tmp_path):
    [path] = export_edition(udhr_edition, "tmx", tmp_path)  # sentence level by default
    root = etree.parse(str(path)).getroot()
    assert root.find("header").get("segtype") == "sentence"
    tus = root.findall("body/tu")
    assert len(tus) == len(udhr_edition.sentence_links) > len(udhr_edition.links)
    texts = sentence_texts(udhr_edition)
    for tu, link in zip(tus, udhr_edition.sentence_links, strict=True):
        props = {p.get("type"): p.text for p in tu.findall("prop")}
        assert (
            tu.get("segtype") == "sentence" and tu.get("tuid") == f"{props['x-row']}.s{tu.get('tuid').split('.s')[1]}"
        )
        assert props["x-method"] == link.method
        for tuv in tu.findall("tuv"):
            ids = tuv.findtext("prop[@type='x-sentences']").split()
            lang = {"zh-CN": "zh"}.get(tuv.get(XML_LANG), tuv.get(XML_LANG))
            assert tuple(ids) == link.units[lang]
            assert all(texts[i] in tuv.findtext("seg") for i in ids)


def test_sentence_tmx_opens_in_translate_toolkit_with_the_expected_units(udhr_edition, tmp_path):
    [path] = export_edition(udhr_edition, "tmx", tmp_path)
    store = tmx.tmxfile.parsefile(str(path))
    assert len(store.units) == len(udhr_edition.sentence_links)
    first = udhr_edition.sentence_links[0]
    texts = sentence_texts(udhr_edition)
    assert store.units[0].source == "".join(texts[i] for i in first.units["zh"])


def test_paragraph_level_keeps_one_tu_per_row(udhr_edition, tmp_path):
    settings = Settings(export=ExportSettings(level="paragraph"))
    [path] = export_edition(udhr_edition, "tmx", tmp_path, settings)
    assert len(tmx.tmxfile.parsefile(str(path)).units) == len(udhr_edition.links)


def test_xces_links_sentences_by_default(udhr_edition, tmp_path):
    written = export_edition(udhr_edition, "xces", tmp_path)
    assert len(written) == 5
    group = etree.parse(str(written[0])).getroot().find("linkGrp")
    assert group.get("targType") == "s"
    pivot, other = group.get("fromLang"), group.get("toLang")
    expected = [lk for lk in udhr_edition.sentence_links if lk.units[pivot] or lk.units[other]]
    links = group.findall("link")
    assert [lk.get("xtargets") for lk in links] == [
        f"{' '.join(lk.units[pivot])};{' '.join(lk.units[other])}" for lk in expected
    ]


def test_cli_export_level_paragraph(udhr_edition, tmp_path):
    tei = write_tei(udhr_edition, tmp_path / "udhr.tei.xml")
    assert run(["export", str(tei), "--to", "tmx", "--level", "paragraph", "-o", str(tmp_path / "p.tmx")]) == 0
    assert run(["export", str(tei), "--to", "tmx", "-o", str(tmp_path / "s.tmx")]) == 0
    paragraphs = tmx.tmxfile.parsefile(str(tmp_path / "p.tmx")).units
    sentences = tmx.tmxfile.parsefile(str(tmp_path / "s.tmx")).units
    assert (len(paragraphs), len(sentences)) == (len(udhr_edition.links), len(udhr_edition.sentence_links))


def test_build_follows_the_export_level_setting(udhr_edition, tmp_path):
    from hlmpub.pipeline import write_outputs

    for level, expected in (("paragraph", len(udhr_edition.links)), ("sentence", len(udhr_edition.sentence_links))):
        settings = Settings(output_dir=tmp_path / level, formats=("tmx",), export=ExportSettings(level=level))
        [path] = write_outputs(udhr_edition, settings)
        assert len(tmx.tmxfile.parsefile(str(path)).units) == expected
