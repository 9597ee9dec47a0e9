"""document.toml and [tool.hlmpub]: what users write, and what they get told when it is wrong."""

from __future__ import annotations

import dataclasses
import re
import shutil
import typing
from pathlib import Path
from typing import Any

import pytest

from hlmpub.config import (
    DEFAULT_FORMATS,
    OUTPUT_FORMATS,
    SHORT_FORMS,
    DocumentTable,
    FetchSettings,
    RenderSettings,
    ReviewSettings,
    Settings,
    VersionTable,
    load_document,
    load_settings,
    parse_langs,
    reference_markdown,
)
from hlmpub.errors import ConfigError, ExitCode, LanguageError

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
        ('[document]\nsymbol = "A/1"\nslug = "../.."\n[versions]\nen = "a.txt"\n', ConfigError, 'slug = "../.."'),
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


def test_the_settings_vocabulary_matches_the_stages():
    """config sits below the stages and does not import them; their names must still be the same."""
    from hlmpub import config, render
    from hlmpub.ingest import READERS
    from hlmpub.review.checks import CHECKS

    assert config.VERSION_FORMATS == tuple(READERS)
    assert config.REVIEW_CHECKS == tuple(CHECKS)
    assert set(config.EDITION_FORMATS) == set(render.FORMATS)
    from hlmpub.render import docx_page, pdf

    names = {f"pdf/{pdf.TEMPLATE}", f"pdf/{pdf.STYLESHEET}", "pdf/findings.html.j2", f"docx/{docx_page.REFERENCE}"}
    assert set(config.TEMPLATE_FILES) == names
    assert all((config.BUNDLED_TEMPLATES / name).is_file() for name in names)


def test_one_list_of_output_formats_for_the_api_and_the_cli(tmp_path, monkeypatch):
    from hlmpub import pipeline
    from hlmpub.cli import run

    assert OUTPUT_FORMATS == tuple(pipeline.WRITERS)
    assert Settings().formats == DEFAULT_FORMATS == load_settings(None).formats
    assert set(OUTPUT_FORMATS) - set(DEFAULT_FORMATS) == {"xces"}  # one file per pair: only when asked
    # `build` without --to writes what [tool.hlmpub] formats says, else every default format
    monkeypatch.chdir(tmp_path)
    Path("hlmpub.toml").write_text('formats = "tei"\n', encoding="utf-8")
    assert run(["build", str(ROOT / "sources" / "A_68_563"), "-o", "out"]) == 0
    assert sorted(p.name for p in Path("out", "A_68_563").iterdir()) == ["A_68_563.tei.xml"]


@pytest.mark.parametrize(
    ("file", "text", "key", "words"),
    [
        ("hlmpub.toml", 'jobs = "many"\n', "jobs", "whole number"),
        ("hlmpub.toml", "langs = 5\n", "langs", "list"),
        ("hlmpub.toml", '[review]\nlength_k = "five"\n', "length_k", "number"),
        ("hlmpub.toml", 'langs = "zh,xx"\n', "langs", '"xx" is not allowed'),
        ("pyproject.toml", '[tool.hlmpub]\norientaton = "landscape"\n', "orientaton", "did you mean orientation"),
        ("document.toml", '[document]\nsymbol = "A/68/563"\nsesion = "68"\n', "sesion", "did you mean session"),
        ("hlmpub.toml", 'orientation = "sideways"\n', "orientation", "auto, portrait, landscape"),
        ("hlmpub.toml", 'pivot = "xx"\n', "pivot", "ar, en, es, fr, ru, zh"),
        ("pyproject.toml", '[tool.hlmpub.review]\nseverity = { low-confidence = "fatal" }\n', "severity", "error"),
        ("hlmpub.toml", 'templates_dir = "no/such/folder"\n', "templates_dir", "no such folder"),
        ("hlmpub.toml", 'templates_dir = "."\n', "templates_dir", "none of the template files pdf/edition.html.j2"),
        ("hlmpub.toml", '[render]\npdf_variant = "pdf/x-9"\n', "pdf_variant", "pdf/a-3b"),
        ("hlmpub.toml", 'pivot = "en"\n[align]\npivot = "fr"\n', "pivot", "both set"),
        ("document.toml", '[document]\nsymbol = "A/68/563"\noriginal = "xx"\n', "original", "ar, en"),
    ],
)
def test_a_bad_setting_is_one_line_and_exit_9(tmp_path, monkeypatch, capsys, file, text, key, words):
    """The real CLI in a folder holding the settings file (found without --config) and a copy of the seed."""
    from hlmpub.cli import run

    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "sources" / "A_68_563", "src")
    if file == "document.toml":
        text += '[versions]\nzh = "zh.txt"\n'
        path = Path("src", "document.toml")
    else:
        path = Path(file)
    path.write_text(text, encoding="utf-8")
    assert run(["align", "src", "-o", "out"]) == ExitCode.CONFIG
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err and len(lines) == 1, err
    assert lines[0].startswith(f"hlmpub: error: {path}: ")
    assert key in lines[0] and words in lines[0]
    assert not Path("out").exists()


def test_short_forms_are_the_stage_keys(tmp_path):
    (tmp_path / "docx").mkdir()
    (tmp_path / "docx" / "reference.docx").write_bytes(b"")
    flat = tmp_path / "hlmpub.toml"
    flat.write_text(
        'pivot = "en"\norientation = "portrait"\npdf_variant = "pdf/ua-1"\nfetch_base_url = "http://mirror.test"\n'
        f"templates_dir = {str(tmp_path)!r}\n",
        encoding="utf-8",
    )
    tables = tmp_path / "pyproject.toml"
    tables.write_text(
        '[tool.hlmpub.align]\npivot = "en"\n[tool.hlmpub.render]\norientation = "portrait"\npdf_variant = "pdf/ua-1"\n'
        f'templates_dir = {str(tmp_path)!r}\n[tool.hlmpub.fetch]\nbase_url = "http://mirror.test"\n',
        encoding="utf-8",
    )
    settings = load_settings(flat)
    assert settings == load_settings(tables)
    assert settings.align.pivot == "en"
    assert settings.render == RenderSettings("portrait", tmp_path, "pdf/ua-1")
    assert settings.fetch.base_url == "http://mirror.test"
    assert Settings().with_(pivot="en", orientation="portrait", pdf_variant="pdf/ua-1", templates_dir=tmp_path,
                            fetch_base_url="http://mirror.test") == settings  # fmt: skip


def test_lists_may_be_one_comma_separated_string(tmp_path):
    toml = tmp_path / "hlmpub.toml"
    toml.write_text('langs = "zh, en,ar"\nformats = ["tei", "pdf"]\n[review]\nskip = "punctuation"\n')
    settings = load_settings(toml)
    assert settings.langs == ("zh", "en", "ar") and settings.formats == ("tei", "pdf")
    assert settings.review.skip == ("punctuation",)
    assert load_settings(None, langs="en,fr", output_dir="elsewhere").output_dir == Path("elsewhere")
    with pytest.raises(ConfigError, match=r"load_settings\(jobs=...\) = 0: must be a whole number at least 1"):
        load_settings(None, jobs=0)


def test_a_pyproject_without_the_table_gives_the_defaults(tmp_path):
    project = tmp_path / "pyproject.toml"
    project.write_text('[project]\nname = "x"\n[tool.other]\nkey = 1\n')
    assert load_settings(project) == Settings()
    stray = tmp_path / "settings.toml"
    stray.write_text('[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match='unknown key "project"'):
        load_settings(stray)
    layout = tmp_path / "hlmpub.toml"
    layout.write_text('[tool.hlmpub]\njobs = 2\n[tool.hlmpub.review]\nskip = ["beads"]\n[tool.other]\nx = 1\n')
    settings = load_settings(layout)  # a hlmpub.toml in the pyproject layout
    assert settings.jobs == 2 and settings.review.skip == ("beads",)
    layout.write_text('[tool.hlmpub.review]\nskip = ["bead"]\n')
    with pytest.raises(ConfigError, match=r'\[tool.hlmpub.review\] skip = \["bead"\]: "bead" is not allowed'):
        load_settings(layout)


def test_document_toml_reads_numbers_and_dates_as_text(tmp_path):
    folder = _folder(tmp_path, '[document]\nsymbol = "A/1"\nsession = 68\ndate = 2013-10-30\n'
                               '[document.titles]\nen = "Title"\n[versions]\nen = { file = "a.txt", sha256 = "'
                               + "0" * 64 + '" }\n')  # fmt: skip
    spec = load_document(folder)
    assert (spec.meta.session, spec.meta.date, spec.meta.titles) == ("68", "2013-10-30", {"en": "Title"})
    _folder(tmp_path, '[document]\nsymbol = "A/1"\n[versions]\nen = { file = "a.txt", format = "rtf" }\n')
    with pytest.raises(ConfigError, match=r'\[versions\] en format = "rtf": expected one of txt, pdf, docx, udhr-xml'):
        load_document(folder)


def test_configuration_reference_is_up_to_date():
    committed = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    fix = "regenerate: .venv/bin/hlmpub config reference > docs/configuration.md"
    assert committed == reference_markdown(), fix


def test_config_reference_command_prints_the_reference(capsys):
    from hlmpub.cli import run

    assert run(["config", "reference"]) == 0
    assert capsys.readouterr().out == reference_markdown()


def _sections(markdown: str) -> dict[str, str]:
    """Heading (``[tool.hlmpub.render]``, ``[versions]``) → the text under it."""
    parts = re.split(r"^#+ `(.+?)`$", markdown, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_key_the_code_reads_is_in_the_reference():
    """Stages read settings only as attributes of the typed classes (``settings.render.orientation``):
    ``Settings`` has no untyped dict left, mypy refuses an attribute that is not a field, and the loader
    refuses a key that is not one.  So the fields of these classes are every key the code can read, and
    each must carry help text, a definite type (no Any) and a row in its table of the reference."""
    sections = _sections(reference_markdown())
    tables = [(Settings, "[tool.hlmpub]"), (DocumentTable, "[document]"), (VersionTable, "[versions]")]
    for cls, heading in tables:
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            if cls is Settings and f.name == "source_dir":
                continue  # per-run state set by the pipeline, not a setting
            hint = hints[f.name]
            assert f.metadata.get("help"), f"{cls.__name__}.{f.name} has no help text"
            assert hint is not Any and Any not in typing.get_args(hint), f"{cls.__name__}.{f.name} is untyped"
            if dataclasses.is_dataclass(hint):  # a stage: its own table
                tables.append((hint, f"[tool.hlmpub.{f.name}]"))
            else:
                assert f"| `{f.name}` |" in sections[heading], f"{f.name} is not in the {heading} reference"
    assert len(tables) == 3 + 5
    assert all(f"| `{short}` |" in sections["[tool.hlmpub]"] for short in SHORT_FORMS)


def test_documented_fetch_default_is_the_real_one():
    from hlmpub.fetch.client import DEFAULT_BASE_URL

    spec = dataclasses.fields(FetchSettings)[0].metadata
    assert spec["default"] == f"`{DEFAULT_BASE_URL}`"
