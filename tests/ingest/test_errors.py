"""Bad input to the text reader, through the CLI: one line naming the file, an exit code, nothing written."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from hlmpub.cli import run
from hlmpub.errors import ExitCode

SEED = Path(__file__).resolve().parents[2] / "sources" / "A_68_563" / "zh.txt"


def _fails(capsys, tmp_path: Path, args: list[str], code: int, needle: str, name: str) -> str:
    before = sorted(tmp_path.rglob("*"))
    assert run(args) == code
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1, err
    assert name in err and needle in err, err
    assert "Traceback" not in captured.err and captured.out == ""
    assert sorted(tmp_path.rglob("*")) == before  # nothing written
    return err


def test_empty_file(tmp_path, capsys):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    _fails(capsys, tmp_path, ["ingest", str(f), "--lang", "en"], ExitCode.INPUT, "empty", "empty.txt")


def test_whitespace_only_file(tmp_path, capsys):
    f = tmp_path / "blank.txt"
    f.write_bytes(b" \n\n\t\n")
    _fails(capsys, tmp_path, ["ingest", str(f), "--lang", "en"], ExitCode.INPUT, "empty", "blank.txt")


def test_binary_file(tmp_path, capsys):
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes(range(256)) * 8)
    _fails(capsys, tmp_path, ["ingest", str(f), "--lang", "en"], ExitCode.INPUT, "binary", "noise.txt")


def test_pdf_given_as_text(tmp_path, capsys):
    f = tmp_path / "doc.txt"
    f.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    _fails(capsys, tmp_path, ["ingest", str(f), "--lang", "en"], ExitCode.INPUT, "PDF", "doc.txt")


def test_latin1_text_is_refused_with_a_fix(tmp_path, capsys):
    f = tmp_path / "fr.txt"
    f.write_bytes("1. L’Assemblée générale a décidé.\n".replace("’", "'").encode("latin-1"))
    err = _fails(capsys, tmp_path, ["ingest", str(f), "--lang", "fr"], ExitCode.INPUT, "not UTF-8", "fr.txt")
    assert "save the file as UTF-8" in err


def test_unknown_language(tmp_path, capsys):
    _fails(capsys, tmp_path, ["ingest", str(SEED), "--lang", "xx"], ExitCode.LANGUAGE, "unknown language", "zh.txt")


def test_missing_file(tmp_path, capsys):
    f = tmp_path / "nope.txt"
    _fails(capsys, tmp_path, ["ingest", str(f), "--lang", "zh"], ExitCode.INPUT, "no such file", "nope.txt")


def test_directory_instead_of_file(tmp_path, capsys):
    d = tmp_path / "dir.txt"
    d.mkdir()
    _fails(capsys, tmp_path, ["ingest", str(d), "--lang", "zh"], ExitCode.INPUT, "not a regular file", "dir.txt")


def test_unknown_extension(tmp_path, capsys):
    f = tmp_path / "doc.rtf"
    f.write_text("1. Text.\n", encoding="utf-8")
    _fails(capsys, tmp_path, ["ingest", str(f), "--lang", "en"], ExitCode.INPUT, "format", "doc.rtf")


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda t: t.encode("gb18030"), id="gb18030"),
    ],
)
def test_other_encodings_of_the_seed_decode_to_the_same_units(tmp_path, capsys, encode):
    f = tmp_path / "zh.txt"
    f.write_bytes(encode(SEED.read_text(encoding="utf-8")))
    assert run(["ingest", str(f), "--lang", "zh", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert run(["ingest", str(SEED), "--lang", "zh", "--json"]) == 0
    assert rows == json.loads(capsys.readouterr().out)


def test_utf16_without_bom_english(tmp_path, capsys):
    f = tmp_path / "en.txt"
    f.write_bytes("I. Introduction\n\n1. The meeting was held.\n".encode("utf-16-le"))
    assert run(["ingest", str(f), "--lang", "en", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["key"], r["text"]) for r in rows] == [("ch:1", "Introduction"), ("p:1", "The meeting was held.")]
