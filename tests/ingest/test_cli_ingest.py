"""`hlmpub ingest FILE --lang LANG [--json]` on the real seed."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from hlmpub.cli import run

SEED = Path(__file__).resolve().parents[2] / "sources" / "A_68_563" / "zh.txt"


def test_ingest_json_prints_102_units(capsys):
    assert run(["ingest", str(SEED), "--lang", "zh", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 102
    assert all(set(r) >= {"id", "kind", "key", "marker", "text"} for r in rows)
    assert Counter(r["kind"] for r in rows) == {"meta": 5, "chapter": 5, "section": 13, "para": 79}
    first_para = next(r for r in rows if r["kind"] == "para")
    assert first_para["id"] == "zh-p1" and first_para["key"] == "p:1" and first_para["marker"] == "1."
    assert len({r["id"] for r in rows}) == 102


def test_ingest_table_lists_units_and_counts(capsys):
    assert run(["ingest", str(SEED), "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "zh-p79" in out and "sec:4.E" in out
    assert "5 meta, 5 chapter, 13 section, 79 para" in out


def test_ingest_language_is_case_insensitive(capsys):
    assert run(["ingest", str(SEED), "--lang", "ZH", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 102


def test_ingest_explicit_format(tmp_path, capsys):
    copy = tmp_path / "zh.data"
    copy.write_bytes(SEED.read_bytes())
    assert run(["ingest", str(copy), "--lang", "zh", "--format", "txt", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 102
