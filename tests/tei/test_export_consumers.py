"""Exports as their consumers expect them: TMX codes, source language and header for CAT tools (read back with
translate-toolkit and PythonTmx), no TMX of one language, and XCES pairs from `hlmpub build`."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest
import PythonTmx
from lxml import etree
from translate.storage import tmx

from hlmpub.cli import run
from hlmpub.config import ExportSettings, Settings, load_settings
from hlmpub.errors import ConfigError, ExitCode
from hlmpub.pipeline import write_outputs
from hlmpub.tei import export_edition, write_tei

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _root(path):
    return etree.parse(str(path)).getroot()


def test_tmx_language_codes_are_the_cat_tools_for_un_work(synthetic, tmp_path):
    [path] = export_edition(synthetic, "tmx", tmp_path)
    root = _root(path)
    assert root.find("header").get("srclang") == "zh-CN"
    codes = {tuv.get(XML_LANG) for tuv in root.iter("tuv")}
    assert codes == {"zh-CN", "ar", "en"}
    store = tmx.tmxfile.parsefile(str(path))
    assert store.sourcelanguage == "zh-CN"
    assert store.units[0].getNodeText(store.units[0].getlanguageNode(lang="zh-CN"))


def test_tmx_language_codes_are_configurable(synthetic, tmp_path):
    settings = Settings(export=ExportSettings(tmx_langs={"zh": "zh-Hans", "en": "en-GB"}))
    [path] = export_edition(synthetic, "tmx", tmp_path, settings)
    root = _root(path)
    assert root.find("header").get("srclang") == "zh-Hans"
    assert {tuv.get(XML_LANG) for tuv in root.iter("tuv")} == {"zh-Hans", "ar", "en-GB"}  # ar: built in
    only_en = Settings(export=ExportSettings(tmx_langs={"en": "en-US"}))
    [path] = export_edition(synthetic, "tmx", tmp_path, only_en)
    assert {tuv.get(XML_LANG) for tuv in _root(path).iter("tuv")} == {"zh-CN", "ar", "en-US"}


def test_tmx_language_codes_setting_is_read_and_checked(tmp_path):
    project = tmp_path / "hlmpub.toml"
    project.write_text('[export]\ntmx_langs = { zh = "zh-TW" }\n', encoding="utf-8")
    assert load_settings(project).export.tmx_langs == {"zh": "zh-TW"}
    project.write_text('[export]\ntmx_langs = { klingon = "tlh" }\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="klingon"):
        load_settings(project)


def test_tmx_source_is_the_pivot_not_the_first_column(synthetic, tmp_path):
    by_lang = {v.lang: v for v in synthetic.versions}
    en_first = replace(synthetic, versions=(by_lang["en"], by_lang["zh"], by_lang["ar"]))
    [path] = export_edition(en_first, "tmx", tmp_path, Settings())  # pivot zh
    root = _root(path)
    assert root.find("header").get("srclang") == "zh-CN"
    for tu in root.iter("tu"):
        langs = [tuv.get(XML_LANG) for tuv in tu.findall("tuv")]
        assert "zh-CN" not in langs or langs[0] == "zh-CN"  # the source tuv first
    store = tmx.tmxfile.parsefile(str(path))
    units = en_first.units_by_id()
    first = next(lk for lk in en_first.links if lk.units.get("zh") and lk.units.get("en"))
    row = en_first.links.index(first)
    assert store.units[row].source == "".join(units[u].text for u in first.units["zh"])


def test_tmx_header_names_the_document(synthetic, tmp_path):
    [path] = export_edition(synthetic, "tmx", tmp_path)
    assert _root(path).findtext("header/prop[@type='x-document']") == synthetic.meta.symbol


def test_tmx_reads_in_a_second_consumer(udhr_edition, tmp_path):
    """PythonTmx (PyPI python-tmx) parses the header, its property and every tu."""
    [path] = export_edition(udhr_edition, "tmx", tmp_path, Settings(export=ExportSettings(level="paragraph")))
    memory = PythonTmx.from_element(_root(path))
    assert memory.header.srclang == "zh-CN"
    assert [(p.type, p.text) for p in memory.header.props] == [("x-document", udhr_edition.meta.symbol)]
    assert len(memory.tus) == len(udhr_edition.links)
    assert {tuv.lang for tu in memory.tus for tuv in tu.tuvs} == {"zh-CN", "ar", "en", "es", "fr", "ru"}


def test_one_language_edition_writes_no_tmx(synthetic_one, tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="hlmpub.pipeline"):
        written = write_outputs(synthetic_one, Settings(output_dir=tmp_path, formats=("tmx",)))
    assert written == []
    assert not list(tmp_path.rglob("*.tmx"))
    assert "one language" in caplog.text
    with pytest.raises(ConfigError, match="one language"):
        export_edition(synthetic_one, "tmx", tmp_path)


def test_cli_export_tmx_of_one_language_is_a_one_line_error(synthetic_one, tmp_path, capsys):
    tei = write_tei(synthetic_one, tmp_path / "one.tei.xml")
    assert run(["export", str(tei), "--to", "tmx"]) == ExitCode.CONFIG
    err = capsys.readouterr().err.strip()
    assert "one language" in err and len(err.splitlines()) == 1
    assert not list(tmp_path.glob("*.tmx"))


def test_build_to_xces_writes_each_pair_next_to_the_tei(synthetic, tmp_path):
    written = write_outputs(synthetic, Settings(output_dir=tmp_path, formats=("tei", "xces")))
    folder = tmp_path / "X_0_000"
    assert [p.name for p in written] == ["X_0_000.tei.xml", "X_0_000.zh-ar.xces.xml", "X_0_000.zh-en.xces.xml"]
    assert all(p.parent == folder for p in written)
    group = _root(folder / "X_0_000.zh-en.xces.xml").find("linkGrp")
    assert group.get("fromDoc") == "X_0_000.tei.xml" and (folder / group.get("fromDoc")).is_file()
