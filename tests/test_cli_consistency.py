"""One CLI: the same mistake gets the same exit code and the same kind of message in every command."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
import pytest

from hlmpub.cli import main, run
from hlmpub.config import PDF_VARIANTS, Settings
from hlmpub.errors import ConfigError, ExitCode

SEED_DIR = Path(__file__).resolve().parents[1] / "sources" / "A_68_563"
README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture
def seed_tei(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    shutil.copytree(SEED_DIR, folder)
    assert run(["align", str(folder), "-o", str(tmp_path / "out")]) == 0
    return tmp_path / "out" / "A_68_563" / "A_68_563.tei.xml"


@pytest.mark.parametrize(
    "argv",
    [
        ["build", "SRC", "--to", "pfd"],
        ["build", "SRC", "--to", "tei,pfd"],
        ["render", "TEI", "--to", "pfd"],
        ["export", "TEI", "--to", "tmy"],
        ["ingest", "TEI", "--lang", "zh", "--format", "pfd"],
        ["fetch", "A/1", "--format", "pfd", "-o", "OUT"],
    ],
)
def test_an_unknown_format_name_is_a_usage_error_in_every_command(argv, seed_tei, tmp_path, capsys):
    paths = {"SRC": str(SEED_DIR), "TEI": str(seed_tei), "OUT": str(tmp_path / "fetched")}
    capsys.readouterr()
    assert run([paths.get(a, a) for a in argv]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert "Invalid value for '--" in err and "is not one of" in err and "Traceback" not in err
    assert not (tmp_path / "fetched").exists()


def test_the_readme_documents_the_usage_exit_code_for_an_unknown_format():
    text = " ".join(README.read_text(encoding="utf-8").split())
    assert "2 a usage error: an unknown format name" in text


@pytest.mark.parametrize("command", ["build", "align"])
def test_a_missing_source_folder_is_named_as_missing(command, tmp_path, capsys):
    missing = tmp_path / "nosuchdir"
    assert run([command, str(missing), "-o", str(tmp_path / "out")]) == ExitCode.INPUT
    err = capsys.readouterr().err
    assert f"{missing}: no such folder" in err
    assert "document.toml" not in err


@pytest.mark.parametrize("command", ["build", "align", "render"])
def test_langs_help_says_it_selects_the_languages_of_every_output(command):
    ctx = click.Context(main)
    help_text = " ".join(main.get_command(ctx, command).get_help(click.Context(main.get_command(ctx, command))).split())
    assert "only these languages" in help_text


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["render", "TEI", "--to", "docx", "--pdf-variant", "pdf/a-3b"], "--pdf-variant"),
        (["build", "SRC", "-o", "OUT", "--jobs", "2", "--cluster", "tcp://127.0.0.1:1"], "--jobs"),
    ],
)
def test_an_option_that_does_not_apply_is_a_usage_error(argv, named, seed_tei, tmp_path, capsys):
    paths = {"SRC": str(SEED_DIR), "TEI": str(seed_tei), "OUT": str(tmp_path / "built")}
    capsys.readouterr()
    assert run([paths.get(a, a) for a in argv]) == ExitCode.USAGE
    assert named in capsys.readouterr().err
    assert not seed_tei.with_name("A_68_563.docx").exists()
    assert not (tmp_path / "built").exists()


def test_a_bad_pdf_variant_from_the_api_is_a_configuration_error_listing_the_cli_choices(seed_tei, tmp_path):
    from hlmpub.render import render_edition
    from hlmpub.tei import read_tei

    settings = Settings().with_(pdf_variant="pdf/x-9")
    with pytest.raises(ConfigError) as caught:
        render_edition(read_tei(seed_tei), "pdf", tmp_path / "x.pdf", settings)
    assert ", ".join(PDF_VARIANTS) in caught.value.one_line()
    option = next(p for p in main.get_command(click.Context(main), "render").params if p.name == "pdf_variant")
    assert tuple(option.type.choices) == PDF_VARIANTS
