"""Validation: tei_all + hlmpub rules on the real editions, and every rule caught on broken SYNTHETIC files."""

from __future__ import annotations

from pathlib import Path

import pytest

from hlmpub.cli import run
from hlmpub.errors import ExitCode
from hlmpub.tei import validate_file, write_tei
from hlmpub.tei.writer import to_bytes


def test_seed_edition_validates(seed_edition, tei_schema, tmp_path):
    path = write_tei(seed_edition, tmp_path / "A_68_563.tei.xml")
    assert validate_file(path) == []


def test_udhr_edition_validates(udhr_edition, tei_schema, tmp_path):
    path = write_tei(udhr_edition, tmp_path / "udhr.tei.xml")
    assert udhr_edition.langs == ("zh", "ar", "en", "es", "fr", "ru")
    assert validate_file(path) == []


def _broken(tmp_path: Path, synthetic, old: str, new: str) -> Path:
    text = to_bytes(synthetic).decode("utf-8")
    assert old in text, old
    path = tmp_path / "broken.tei.xml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> str:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return str(number)
    raise AssertionError(needle)


CASES = [
    # (code, old, new, a string on the line the finding must name)
    ("tei-pointer", 'target="#zh-p3 ', 'target="#zh-p99 ', "#zh-p99"),
    ("tei-unlinked", 'target="#zh-p3 #ar-p3 #en-p3"', 'target="#zh-p3 #ar-p3"', '<p xml:id="en-p3"'),
    ("tei-unlinked", 'target="#zh-p3 #ar-p3 #en-p3"', 'target="#zh-p3 #ar-p3 #en-p3 #en-p2"', '<p xml:id="en-p2"'),
    ("tei-id", '<p xml:id="en-p3"', '<p xml:id="en-p2"', '<p xml:id="en-p2" n="3."'),
    ("tei-link", 'target="#zh-n1 #en-n1" type="1:0:1"', 'target="#zh-n1" type="1:0:0"', 'target="#zh-n1"'),
    ("tei-link", 'target="#zh-p3 ', 'target="#key-p.3 #zh-p3 ', "#key-p.3 #zh-p3"),
    (
        "tei-lang",
        '<language ident="ar">Arabic</language>',
        '<language ident="fa">Persian</language>',
        '<text xml:lang="ar"',
    ),
    ("tei-cert", 'cert="0.41"', 'cert="1.7"', 'cert="1.7"'),
    ("tei-schema", '<note xml:id="zh-n1"', '<bogus/><note xml:id="zh-n1"', "<bogus/>"),
    ("tei-shape", 'type="1:1:2"', 'type="1:1:1"', 'target="#zh-p1 #ar-p1 #en-p1 #en-u1"'),
]


@pytest.mark.parametrize("code, old, new, line_of", CASES, ids=[c[0] + str(i) for i, c in enumerate(CASES)])
def test_rule_caught_with_line_number(synthetic, tei_schema, tmp_path, code, old, new, line_of):
    path = _broken(tmp_path, synthetic, old, new)
    findings = [f for f in validate_file(path) if f.code == code]
    assert findings, f"{code} not reported"
    assert _line_of(path, line_of) in {f.evidence for f in findings}


def test_cli_validate_exit_codes(synthetic, tei_schema, tmp_path, capsys):
    good = write_tei(synthetic, tmp_path / "good.tei.xml")
    assert run(["validate", str(good)]) == 0
    bad = _broken(tmp_path, synthetic, 'target="#zh-p3 ', 'target="#zh-p99 ')
    assert run(["validate", str(bad)]) == ExitCode.VALIDATION
    err = capsys.readouterr().err
    assert f"{bad}:{_line_of(bad, '#zh-p99')}: error: @target of <link> points at #zh-p99" in err
    assert f"{bad}: invalid: " in err.splitlines()[-1]


def test_cli_validate_malformed_is_input_error(tmp_path, capsys):
    path = tmp_path / "cut.tei.xml"
    path.write_text("<teiCorpus xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>", encoding="utf-8")
    assert run(["validate", str(path)]) == ExitCode.INPUT
    err = capsys.readouterr().err.strip()
    assert "malformed TEI" in err and len(err.splitlines()) == 1


def test_cli_validate_a_warning_alone_is_valid(synthetic, tei_schema, tmp_path, capsys):
    path = _broken(tmp_path, synthetic, 'type="1:1:2"', 'type="1:1:1"')
    assert [f.severity for f in validate_file(path)] == ["warning"]
    assert run(["validate", str(path)]) == 0
    err = capsys.readouterr().err
    assert "warning: <link> @type '1:1:1', but its targets make 1:1:2" in err
    assert err.splitlines()[-1].endswith("valid, 1 warning (TEI P5 tei_all + hlmpub rules)")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('cert="0.41" ', "", "@cert missing on <link>"),
        ('cert="0.41"', 'cert="1.7"', "@cert '1.7' on <link> is not a number from 0 to 1"),
        ('target="#zh-p3 ', 'target="#zh-p99 ', "@target of <link> points at #zh-p99, which is not in the file"),
        ('<note xml:id="zh-n1"', '<bogus/><note xml:id="zh-n1"', "tei_all: <bogus> is not allowed here in <div>"),
        ('<note xml:id="zh-n1"', '<note foo="1" xml:id="zh-n1"', "tei_all: @foo is not allowed on <note>"),
    ],
)
def test_messages_name_the_element_and_say_what_is_wrong(synthetic, tei_schema, tmp_path, old, new, message):
    path = _broken(tmp_path, synthetic, old, new)
    messages = [f.message for f in validate_file(path)]
    assert any(m.startswith(message) for m in messages), messages
    assert len(messages) == len(set(messages)), messages  # one line per problem, no cascade of the same
