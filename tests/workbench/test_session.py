"""The workbench session on a copy of the UDHR: the rows JSON, each edit, undo and redo, stale versions."""

from __future__ import annotations

import pytest

from hlmpub.workbench.session import EditRefused, Session, StaleVersion


def test_rows_are_the_editions_rows_with_findings_and_sentences(session):
    data = session.rows()
    assert data["version"] == 1 and data["langs"] == ["zh", "ar", "en", "es", "fr", "ru"]
    assert data["dirs"]["ar"] == "rtl" and data["dirs"]["en"] == "ltr"
    rows = data["rows"]
    assert len(rows) == len(session.edition.links) == 92
    assert [r["n"] for r in rows] == list(range(1, 93))
    assert len({r["id"] for r in rows}) == 92
    every_unit = sorted(u for r in rows for ids in r["cells"].values() for u in ids)
    assert every_unit == sorted(data["units"])  # each unit in exactly one row
    preamble = next(r for r in rows if r["key"] == "sec:preamble")
    assert preamble["id"] == "r-" + preamble["cells"]["zh"][0]
    assert preamble["sentences"] and all(s["cells"] for s in preamble["sentences"])
    flagged = [f for r in rows for f in r["findings"]]
    assert flagged and all(len(f["id"]) == 12 and f["status"] == "open" for f in flagged)
    unit = data["units"][preamble["cells"]["ar"][0]]
    assert unit["lang"] == "ar" and unit["text"] and unit["sentences"][0]["id"].endswith("-s1")
    assert not data["can_undo"] and not data["can_redo"]


def test_a_stale_version_and_a_bad_body_are_refused(session):
    with pytest.raises(StaleVersion):
        session.undo(7)
    with pytest.raises(EditRefused, match="nothing to undo"):
        session.undo(1)
    with pytest.raises(EditRefused, match="version"):
        session.edit({"op": "check", "row": "r-zh-h1"})


def test_a_missing_source_folder_is_one_line(udhr_copy, tmp_path):
    from hlmpub.errors import InputError

    tei_path, _ = udhr_copy
    with pytest.raises(InputError, match="document.toml"):
        Session(tei_path, sources=tmp_path / "nowhere")
