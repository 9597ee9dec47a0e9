"""Hostile XML is refused with one clear line: external entities, entity bombs, huge text nodes."""

from __future__ import annotations

from pathlib import Path

import pytest

from hlmpub.cli import run
from hlmpub.errors import ExitCode, InputError
from hlmpub.tei import read_tei, validate_file
from hlmpub.tei.reader import read_tei_bytes

HEAD = '<?xml version="1.0" encoding="{enc}"?>\n'
XXE = '<!DOCTYPE teiCorpus [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
BOMB = (
    '<!DOCTYPE teiCorpus [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\n'
)
BODY = '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>{ref}</teiHeader></teiCorpus>\n'


def _doc(dtd: str, ref: str, enc: str = "UTF-8") -> bytes:
    return (HEAD.format(enc=enc) + dtd + BODY.format(ref=ref)).encode(enc.lower().replace("-", ""))


@pytest.mark.parametrize(
    "data, reason",
    [
        (_doc(XXE, "&x;"), "declares entities"),
        (_doc(BOMB, "&d;"), "declares entities"),
        (_doc(XXE, "&x;", enc="UTF-16"), "DOCTYPE"),  # the byte check cannot see UTF-16
        (_doc('<!DOCTYPE teiCorpus SYSTEM "http://example.invalid/tei.dtd">\n', ""), "DOCTYPE"),
    ],
    ids=["external-entity", "entity-bomb", "utf16-external-entity", "external-dtd"],
)
def test_entities_and_doctypes_refused(tmp_path: Path, data: bytes, reason: str):
    path = tmp_path / "evil.tei.xml"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_tei(path)
    message = info.value.one_line()
    assert reason in message and str(path) in message and "\n" not in message
    with pytest.raises(InputError):
        validate_file(path)


def test_huge_text_node_file_refused_before_reading(tmp_path: Path):
    path = tmp_path / "huge.tei.xml"
    with path.open("wb") as fh:
        fh.write(_doc("", "").split(b"<teiHeader>")[0] + b"<teiHeader><p>")
        chunk = b"a" * (1 << 20)
        for _ in range(200):  # a 200 MB text node
            fh.write(chunk)
        fh.write(b"</p></teiHeader></teiCorpus>")
    with pytest.raises(InputError, match="over the .*-byte limit"):
        read_tei(path)


def test_text_node_over_parser_limit_refused():
    data = _doc("", "<p>" + "a" * (20 << 20) + "</p>")  # 20 MB: under the file limit, over libxml2's node limit
    with pytest.raises(InputError, match="Text node too long"):
        read_tei_bytes(data, "big.tei.xml")


def test_cli_reports_one_line_and_input_exit_code(tmp_path: Path, capsys):
    path = tmp_path / "evil.tei.xml"
    path.write_bytes(_doc(XXE, "&x;"))
    assert run(["validate", str(path)]) == ExitCode.INPUT
    assert run(["export", str(path), "--to", "tmx"]) == ExitCode.INPUT
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all("declares entities" in line for line in err)
    assert not list(tmp_path.glob("*.tmx"))


def test_not_a_tei_edition(tmp_path: Path):
    path = tmp_path / "other.xml"
    path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', encoding="utf-8")
    with pytest.raises(InputError, match="expected teiCorpus"):
        read_tei(path)
