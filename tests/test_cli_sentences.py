"""align-lines and eval on bead files, through the command line entry point."""

from __future__ import annotations

from pathlib import Path

import pytest

from hlmpub.cli import run
from hlmpub.errors import ExitCode

EN = (
    "All human beings are born free and equal in dignity and rights.\n"
    "Everyone has the right to life, liberty and the security of person.\n"
    "No one shall be subjected to torture.\n"
)
FR = (
    "Tous les êtres humains naissent libres et égaux en dignité et en droits.\n"
    "Tout individu a droit à la vie, à la liberté et à la sûreté de sa personne.\n"
    "Nul ne sera soumis à la torture.\n"
)


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    src, tgt = tmp_path / "en.txt", tmp_path / "fr.txt"
    src.write_text(EN, encoding="utf-8")
    tgt.write_text(FR, encoding="utf-8")
    return src, tgt


def test_align_lines_prints_one_bead_per_line(pair, capsys):
    assert run(["align-lines", str(pair[0]), str(pair[1]), "--langs", "en,fr"]) == 0
    assert capsys.readouterr().out == "[0]:[0]\n[1]:[1]\n[2]:[2]\n"
    assert run(["align-lines", str(pair[0]), str(pair[1]), "--langs", "en,fr", "--monotone"]) == 0
    assert capsys.readouterr().out == "[0]:[0]\n[1]:[1]\n[2]:[2]\n"


def test_align_lines_pairs_a_transposed_line_unless_monotone(tmp_path, capsys):
    en = EN.splitlines() + [
        "Everyone has the right to freedom of movement.",
        "Everyone has the right to a nationality.",
    ]
    fr = FR.splitlines() + [
        "Toute personne a le droit de circuler librement.",
        "Tout individu a droit à une nationalité.",
    ]
    fr = fr[:1] + fr[2:] + fr[1:2]  # the French "right to life" comes last
    src, tgt = tmp_path / "en.txt", tmp_path / "fr.txt"
    src.write_text("\n".join(en) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(fr) + "\n", encoding="utf-8")
    assert run(["align-lines", str(src), str(tgt), "--langs", "en,fr"]) == 0
    assert capsys.readouterr().out.splitlines() == ["[0]:[0]", "[1]:[4]", "[2]:[1]", "[3]:[2]", "[4]:[3]"]
    assert run(["align-lines", str(src), str(tgt), "--langs", "en,fr", "--monotone"]) == 0
    monotone = capsys.readouterr().out.splitlines()
    assert "[1]:[]" in monotone and "[]:[4]" in monotone


@pytest.mark.parametrize("content", [b"", b"\n\n", b"\x00\x01binary", "caf\u00e9\n".encode("latin-1")])
def test_align_lines_bad_input_is_one_line_exit_3(pair, tmp_path, capsys, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    assert run(["align-lines", str(pair[0]), str(bad), "--langs", "en,fr"]) == ExitCode.INPUT
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and "bad.txt" in err[0]


def test_align_lines_missing_file_and_bad_langs(pair, tmp_path, capsys):
    assert run(["align-lines", str(tmp_path / "nope.txt"), str(pair[1]), "--langs", "en,fr"]) == ExitCode.INPUT
    assert "nope.txt: sentence file not found" in capsys.readouterr().err
    assert run(["align-lines", str(pair[0]), str(pair[1]), "--langs", "en"]) == ExitCode.LANGUAGE
    assert run(["align-lines", str(pair[0]), str(pair[1]), "--langs", "en,xx"]) == ExitCode.LANGUAGE
