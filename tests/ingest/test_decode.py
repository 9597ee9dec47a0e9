"""Legacy encodings: GB18030 or Big5 decided on evidence; UTF-16 without a byte-order mark; binary refused."""

from __future__ import annotations

import json
import logging
import random
import re
import zlib
from pathlib import Path

import pytest

from hlmpub.cli import run
from hlmpub.errors import ExitCode, InputError
from hlmpub.ingest import read_version
from hlmpub.ingest.readers.decode import decode_text, utf16_without_bom

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sources" / "A_68_563" / "zh.txt"
HANT = ROOT / "tests" / "fixtures" / "ingest" / "zh_hant_synthetic.txt"  # synthetic Traditional Chinese


def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _hant_text() -> str:
    """The synthetic Traditional-Chinese fixture without its two `# ` comment lines."""
    lines = HANT.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("# "))


def _rows(capsys, path: Path, lang: str = "zh") -> list[dict]:
    assert run(["ingest", str(path), "--lang", lang, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _refused(capsys, path: Path, lang: str, needle: str) -> str:
    before = sorted(path.parent.iterdir())
    assert run(["ingest", str(path), "--lang", lang]) == ExitCode.INPUT
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1 and path.name in err and needle in err, err
    assert captured.out == "" and "Traceback" not in captured.err
    assert sorted(path.parent.iterdir()) == before
    return err


# ------------------------------------------------------------- GB18030 / Big5


def test_seed_in_gb18030_gives_the_102_units(tmp_path, capsys):
    f = tmp_path / "zh.txt"
    f.write_bytes(_seed_text().encode("gb18030"))
    rows = _rows(capsys, f)
    assert len(rows) == 102
    assert rows == _rows(capsys, SEED)


def test_big5_traditional_chinese_decodes_correctly_and_says_so(tmp_path, capsys, caplog):
    text = _hant_text()
    data = text.encode("big5")
    assert data.decode("gb18030") != text  # the trap: Big5 bytes are valid GB18030 too (mojibake)
    assert decode_text(data, tmp_path / "x.txt", "zh") == text
    f = tmp_path / "zh_hant.txt"
    f.write_bytes(data)
    with caplog.at_level(logging.WARNING, logger="hlmpub.ingest.readers.decode"):
        version = read_version(f, "zh")
    assert "decoded as Big5" in caplog.text and "Simplified" in caplog.text
    utf8 = tmp_path / "zh_hant_utf8.txt"
    utf8.write_text(text, encoding="utf-8")
    assert version.units == read_version(utf8, "zh").units
    assert [u.key for u in version.units if u.kind != "meta"] == ["ch:1", "p:1", "p:2", "ch:2", "p:3", "p:3.a", "p:3.b"]
    assert version.units[-1].text == "關於區域和國際合作的情況。"


def test_gb18030_simplified_is_not_reported_as_traditional(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="hlmpub.ingest.readers.decode"):
        decode_text(_seed_text().encode("gb18030"), tmp_path / "x.txt", "zh")
    assert "decoded as GB18030" in caplog.text and "Traditional" not in caplog.text


def test_traditional_chinese_in_gb18030_decodes_as_gb18030(tmp_path):
    text = _hant_text()
    assert decode_text(text.encode("gb18030"), tmp_path / "x.txt", "zh") == text


def test_mojibake_is_never_passed_on(tmp_path, capsys):
    # Shift-JIS decodes as GB18030 (to nonsense, few common characters) and not as Big5: refused, not guessed
    f = tmp_path / "sjis.txt"
    f.write_bytes("第六十八回国連総会において、日本政府は報告書を提出しました。\n".encode("shift_jis"))  # synthetic
    err = _refused(capsys, f, "zh", "not UTF-8")
    assert "save the file as UTF-8" in err


def test_latin1_with_zh_is_refused(tmp_path, capsys):
    f = tmp_path / "fr.txt"
    f.write_bytes("1. L'Assemblée générale a décidé de créer un comité spécial.\n".encode("latin-1"))  # synthetic
    assert "save the file as UTF-8" in _refused(capsys, f, "zh", "not UTF-8")


def test_unclear_evidence_is_refused(tmp_path):
    # synthetic: bytes that decode in both encodings to mostly rare characters
    data = bytes([0xE9, 0x6E, 0xF0, 0x45, 0xEA, 0x7A] * 10) + b"\n"
    with pytest.raises(InputError, match="save the file as UTF-8"):
        decode_text(data, tmp_path / "x.txt", "zh")


def test_gb18030_is_only_tried_for_chinese(tmp_path):
    with pytest.raises(InputError, match="not UTF-8"):
        decode_text(_seed_text().encode("gb18030"), tmp_path / "x.txt", "en")


# ---------------------------------------------------------- UTF-16 without BOM


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_seed_in_utf16_without_bom_gives_the_102_units(tmp_path, capsys, codec):
    data = _seed_text().encode(codec)
    evens, odds = data[0::2].count(0), data[1::2].count(0)
    assert evens and odds  # NULs on both sides: CJK code units such as U+4E00 have a NUL byte too
    f = tmp_path / "zh.txt"
    f.write_bytes(data)
    assert utf16_without_bom(data) == codec
    rows = _rows(capsys, f)
    assert len(rows) == 102
    assert rows == _rows(capsys, SEED)


def test_random_bytes_are_binary(tmp_path, capsys):
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4096))
    assert utf16_without_bom(data) is None
    f = tmp_path / "noise.txt"
    f.write_bytes(data)
    _refused(capsys, f, "zh", "binary")


def test_png_is_binary(tmp_path, capsys):
    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    ihdr = (16).to_bytes(4, "big") + (16).to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"".join(b"\x00" + bytes(range(48)) for _ in range(16)))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    if len(png) % 2:
        png += b"\x00"
    assert utf16_without_bom(png) is None
    f = tmp_path / "image.txt"
    f.write_bytes(png)
    _refused(capsys, f, "en", "binary")


def test_utf16_of_mostly_nul_data_is_binary(tmp_path):
    # synthetic: NULs at odd offsets, but the other bytes are control characters, not text
    data = bytes([1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0] * 50)
    assert utf16_without_bom(data) is None
    with pytest.raises(InputError, match="binary"):
        decode_text(data, tmp_path / "x.txt", "en")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_of_chinese_with_hardly_any_ascii(tmp_path, codec):
    # the seed's paragraphs without their ASCII characters, one paragraph per line: only the newlines give NULs
    # on the "ASCII" side, while 一 (U+4E00) and its kind give NULs on the other
    paragraphs = [re.sub(r"[\x00-\x7f]", "", p) for p in re.split(r"\n\s*\n", _seed_text())]
    text = "\n".join(p for p in paragraphs if p) + "\n"
    data = text.encode(codec)
    assert min(data[0::2].count(0), data[1::2].count(0)) > 0.25 * max(data[0::2].count(0), data[1::2].count(0))
    assert decode_text(data, tmp_path / "x.txt", "zh") == text


def test_random_bytes_with_nuls_on_one_side_are_not_utf16():
    # synthetic: random bytes with every second or fourth byte set to NUL, as in UTF-16 text; the decoded
    # characters (controls, private use, unassigned, lone surrogates) give them away
    rng = random.Random(11)
    accepted = 0
    for trial in range(300):
        data = bytearray(rng.randrange(256) for _ in range(rng.choice([16, 64, 256, 4096])))
        step = 2 if trial % 2 else 4
        data[1::step] = bytes(len(data[1::step]))
        accepted += utf16_without_bom(bytes(data)) is not None
    assert accepted <= 3
