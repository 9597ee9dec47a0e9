"""document.toml and [tool.hlmpub]: what users write, and what they get told when it is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from hlmpub.config import OUTPUT_FORMATS, ReviewSettings, Settings, load_document, load_settings, parse_langs
from hlmpub.errors import ConfigError, LanguageError

ROOT = Path(__file__).resolve().parents[1]


def test_bundled_documents():
    seed = load_document(ROOT / "sources" / "A_68_563")
    assert seed.meta.symbol == "A/68/563" and seed.meta.slug == "A_68_563"
    assert (seed.meta.session, seed.meta.agenda_item, seed.meta.date) == ("68", "99 (aa)", "2013-10-30")
    assert [(v.lang, v.path.name, v.format) for v in seed.versions] == [("zh", "zh.txt", "txt")]
    udhr = load_document(ROOT / "sources" / "udhr")
    assert udhr.meta.slug == "udhr"
    assert sorted(v.lang for v in udhr.versions) == ["ar", "en", "es", "fr", "ru", "zh"]
    assert {v.format for v in udhr.versions} == {"udhr-xml"}


def _folder(tmp_path: Path, toml: str) -> Path:
    (tmp_path / "document.toml").write_text(toml, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("toml", "error", "words"),
    [
        ('[versions]\nzh = "zh.txt"\n', ConfigError, "[document] needs a symbol"),
        ('[document]\nsymbol = "A/1"\n', ConfigError, "[versions] lists no language file"),
        ('[document]\nsymbol = "A/1"\n[versions]\nxx = "a.txt"\n', ConfigError, "unknown language 'xx'"),
        ('[document]\nsymbol = "A/1"\n[versions]\nen = "a.rtf"\n', ConfigError, "cannot tell the format"),
        ("[document\n", ConfigError, "malformed TOML"),
    ],
)
def test_bad_document_toml_is_one_clear_error(tmp_path, toml, error, words):
    with pytest.raises(error) as info:
        load_document(_folder(tmp_path, toml))
    assert words in info.value.one_line()
    assert info.value.one_line().startswith(str(tmp_path / "document.toml"))


def test_missing_document_toml(tmp_path):
    with pytest.raises(ConfigError, match="no document.toml"):
        load_document(tmp_path)


def test_adding_a_language_is_one_line(tmp_path):
    folder = _folder(tmp_path, '[document]\nsymbol = "A/68/563"\n[versions]\nzh = "zh.txt"\nen = "en.pdf"\n')
    spec = load_document(folder)
    assert [(v.lang, v.format) for v in spec.versions] == [("zh", "txt"), ("en", "pdf")]


def test_settings_from_tool_table_then_overrides(tmp_path):
    project = tmp_path / "pyproject.toml"
    project.write_text('[tool.hlmpub]\nlangs = ["zh", "en"]\njobs = 3\n[tool.hlmpub.review]\nlength_k = 4\n')
    settings = load_settings(project, jobs=1)
    assert settings.langs == ("zh", "en") and settings.jobs == 1
    assert settings.review == ReviewSettings(length_k=4.0)


def test_parse_langs_checks_every_code():
    assert parse_langs("zh, en,AR") == ("zh", "en", "ar")
    with pytest.raises(LanguageError):
        parse_langs("zh,klingon")


def test_one_list_of_output_formats_for_the_api_and_the_cli(tmp_path, monkeypatch):
    from hlmpub import pipeline
    from hlmpub.cli import run

    assert OUTPUT_FORMATS == tuple(pipeline.WRITER_MODULES)
    assert Settings().formats == OUTPUT_FORMATS == load_settings(None).formats
    # `build` without --to writes what [tool.hlmpub] formats says, else every format
    monkeypatch.chdir(tmp_path)
    Path("hlmpub.toml").write_text('formats = "tei"\n', encoding="utf-8")
    assert run(["build", str(ROOT / "sources" / "A_68_563"), "-o", "out"]) == 0
    assert sorted(p.name for p in Path("out", "A_68_563").iterdir()) == ["A_68_563.tei.xml"]
