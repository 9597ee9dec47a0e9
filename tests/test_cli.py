"""The command line as a user meets it: one line per fatal problem, the right exit code, nothing half-written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hlmpub.cli import run
from hlmpub.errors import ExitCode

SEED_DIR = Path(__file__).resolve().parents[1] / "sources" / "A_68_563"


def _one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err
    assert len(lines) == 1, err
    assert lines[0].startswith("hlmpub: error: ")
    return lines[0]


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    shutil.copytree(SEED_DIR, folder)
    return folder


def test_file_names_and_messages_are_not_read_as_markup(tmp_path, capsys):
    odd = tmp_path / "x[red]y[bold].txt"
    odd.write_bytes(b"")
    assert run(["ingest", str(odd), "--lang", "en"]) == ExitCode.INPUT
    line = _one_error_line(capsys)
    assert "x[red]y[bold].txt: the file is empty" in line


def test_missing_symbol_names_the_table(seed_copy, capsys):
    (seed_copy / "document.toml").write_text('[versions]\nzh = "zh.txt"\n', encoding="utf-8")
    assert run(["align", str(seed_copy), "-o", str(seed_copy / "out")]) == ExitCode.CONFIG
    assert "[document] needs a symbol" in _one_error_line(capsys)


def test_unwritable_output_is_one_line_and_writes_nothing(seed_copy, tmp_path, capsys):
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    assert run(["align", str(seed_copy), "-o", str(blocker / "sub")]) == ExitCode.OUTPUT
    assert "cannot write here" in _one_error_line(capsys)
    assert blocker.read_text() == "not a folder"


def test_a_slug_cannot_leave_the_output_folder(seed_copy, tmp_path):
    toml = seed_copy / "document.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("[document]\n", '[document]\nslug = "../../escaped"\n'))
    out = tmp_path / "out" / "a"
    assert run(["align", str(seed_copy), "-o", str(out)]) == 0
    written = [p for p in tmp_path.rglob("*.tei.xml")]
    assert written == [out / "escaped" / "escaped.tei.xml"]


def test_unknown_output_format_fails_before_any_work(seed_copy, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(["build", str(seed_copy), "-o", str(out), "--to", "tei,foo"]) == ExitCode.USAGE
    assert "Invalid value for '--to': 'foo' is not one of 'tei'" in capsys.readouterr().err
    assert not out.exists()


@pytest.fixture
def seed_tei(seed_copy, tmp_path) -> Path:
    out = tmp_path / "out"
    assert run(["align", str(seed_copy), "-o", str(out)]) == 0
    return out / "A_68_563" / "A_68_563.tei.xml"


def test_render_refuses_to_overwrite_the_tei(seed_tei, capsys):
    capsys.readouterr()
    before = seed_tei.read_bytes()
    assert run(["render", str(seed_tei), "--to", "docx", "-o", str(seed_tei)]) == ExitCode.CONFIG
    assert "would overwrite the TEI" in _one_error_line(capsys)
    assert seed_tei.read_bytes() == before


def test_render_names_the_tei_when_a_language_is_missing(seed_tei, capsys):
    capsys.readouterr()
    assert run(["render", str(seed_tei), "--to", "docx", "--langs", "zh,en"]) == ExitCode.LANGUAGE
    line = _one_error_line(capsys)
    assert str(seed_tei) in line and "en" in line
    assert not seed_tei.with_suffix("").with_suffix(".docx").exists()


def test_render_refuses_a_templates_folder_without_template_files(seed_tei, tmp_path, capsys):
    """``--templates mytpl/pdf`` (the folder holding the CSS) is one line naming the files looked for, not the
    bundled look without a word."""
    from hlmpub.config import BUNDLED_TEMPLATES

    shutil.copytree(BUNDLED_TEMPLATES, tmp_path / "mytpl")
    capsys.readouterr()
    for fmt in ("docx", "pdf"):
        argv = ["render", str(seed_tei), "--to", fmt, "--templates", str(tmp_path / "mytpl" / "pdf")]
        assert run(argv) == ExitCode.CONFIG
        line = _one_error_line(capsys)
        assert "mytpl/pdf" in line and "none of the template files pdf/edition.html.j2" in line
        assert "docx/reference.docx" in line and "edition.html.j2 itself: pass the folder above it" in line
        assert not seed_tei.with_suffix("").with_suffix(f".{fmt}").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["build", "SRC", "--jobs", "0"],
        ["--config", "no-such.toml", "build", "SRC"],
        ["render", "X.tei.xml", "--to", "pdf", "--templates", "/no/such/folder"],
        ["render", "X.tei.xml", "--to", "pdf", "--pdf-variant", "pdf/z-9"],
    ],
)
def test_bad_options_are_usage_errors(argv, seed_tei, capsys):
    argv = [
        str(seed_tei.parent.parent.parent / "src") if a == "SRC" else str(seed_tei) if a == "X.tei.xml" else a
        for a in argv
    ]
    assert run(argv) == ExitCode.USAGE
    assert "Traceback" not in capsys.readouterr().err
