"""Exports: TMX 1.4b (read back with translate-toolkit) and XCES cesAlign pairs."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from translate.storage import tmx

from hlmpub.cli import run
from hlmpub.config import ExportSettings, Settings
from hlmpub.pipeline import write_outputs
from hlmpub.tei import export_edition, write_tei

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


PARAGRAPHS = Settings(export=ExportSettings(level="paragraph"))


def _tmx(edition, tmp_path: Path, settings: Settings = PARAGRAPHS) -> tuple[Path, etree._Element]:
    [path] = export_edition(edition, "tmx", tmp_path, settings)
    return path, etree.parse(str(path)).getroot()


def test_udhr_tmx_one_tu_per_row_six_tuvs(udhr_edition, tmp_path):
    path, root = _tmx(udhr_edition, tmp_path)
    assert path.name == "udhr.tmx"
    header = root.find("header")
    assert (header.get("srclang"), header.get("segtype"), root.get("version")) == ("zh-CN", "paragraph", "1.4")
    tus = root.findall("body/tu")
    assert len(tus) == len(udhr_edition.links)
    full = [lk for lk in udhr_edition.links if all(lk.units.get(lang) for lang in udhr_edition.langs)]
    assert len(full) > len(udhr_edition.links) // 2
    for tu, link in zip(tus, udhr_edition.links, strict=True):
        langs = [tuv.get(XML_LANG) for tuv in tu.findall("tuv")]
        assert langs == [{"zh": "zh-CN"}.get(lang, lang) for lang in udhr_edition.langs if link.units.get(lang)]
        assert all(tuv.findtext("seg") for tuv in tu.findall("tuv"))
    assert sum(1 for tu in tus if len(tu.findall("tuv")) == 6) == len(full)


def test_udhr_tmx_opens_in_translate_toolkit(udhr_edition, tmp_path):
    path, _ = _tmx(udhr_edition, tmp_path)
    store = tmx.tmxfile.parsefile(str(path))
    assert len(store.units) == len(udhr_edition.links)
    assert store.sourcelanguage == "zh-CN"
    by_id = udhr_edition.units_by_id()
    first_full = next(i for i, lk in enumerate(udhr_edition.links) if all(lk.units.get(x) for x in udhr_edition.langs))
    link, unit = udhr_edition.links[first_full], store.units[first_full]
    assert unit.source == "".join(by_id[u].text for u in link.units["zh"])
    assert unit.target == " ".join(by_id[u].text for u in link.units["ar"])  # the second tuv
    for lang in ("en", "ru"):
        node = unit.getlanguageNode(lang=lang)
        assert unit.getNodeText(node) == " ".join(by_id[u].text for u in link.units[lang])


def test_synthetic_tmx_joins_units_and_skips_missing_languages(synthetic, tmp_path):
    _, root = _tmx(synthetic, tmp_path)
    tus = root.findall("body/tu")
    split = tus[3]  # SYNTHETIC row p:1: English has two units
    en = next(t for t in split.findall("tuv") if t.get(XML_LANG) == "en")
    assert en.findtext("seg") == "Synthetic paragraph one, continued in a second synthetic block."
    assert en.findtext("prop[@type='x-units']") == "en-p1 en-u1"
    assert [t.get(XML_LANG) for t in tus[-1].findall("tuv")] == ["zh-CN", "ar"]
    assert tus[-1].findtext("prop[@type='x-confidence']") == "0.1"


def test_xces_pairwise_against_pivot(synthetic, tmp_path):
    written = export_edition(synthetic, "xces", tmp_path)
    assert [p.name for p in written] == ["X_0_000.zh-ar.xces.xml", "X_0_000.zh-en.xces.xml"]
    root = etree.parse(str(written[1])).getroot()
    group = root.find("linkGrp")
    assert root.tag == "cesAlign" and group.get("fromDoc") == group.get("toDoc") == "X_0_000.tei.xml"
    xtargets = [link.get("xtargets") for link in group.findall("link")]
    assert "zh-p1;en-p1 en-u1" in xtargets  # 1:2 bead
    assert xtargets[-1] == "zh-u1;"  # 1:0 bead
    assert group.findall("link")[3].get("certainty") == "0.8125"


def test_pipeline_tmx_writer(synthetic, tmp_path):
    written = write_outputs(synthetic, Settings(output_dir=tmp_path, formats=("tmx",)))
    assert written == [tmp_path / "X_0_000" / "X_0_000.tmx"]


def test_cli_export_tmx_and_xces(synthetic, tmp_path):
    tei = write_tei(synthetic, tmp_path / "X_0_000.tei.xml")
    assert run(["export", str(tei), "--to", "tmx"]) == 0
    assert (tmp_path / "X_0_000.tmx").exists()
    out = tmp_path / "xces"
    assert run(["export", str(tei), "--to", "xces", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["X_0_000.zh-ar.xces.xml", "X_0_000.zh-en.xces.xml"]
