"""The workbench session on a copy of the UDHR: the rows JSON, each edit, undo and redo, stale versions.

The UDHR preamble as aligned: rows r-zh-u1 … r-zh-u10, one paragraph per language each, except that
Arabic has one paragraph fewer (row r-zh-u4 has no Arabic; ar-u4 is in row r-zh-u5).
"""

from __future__ import annotations

import tomllib

import pytest

from hlmpub import tei
from hlmpub.review.decisions import load_decisions
from hlmpub.workbench.session import EditRefused, Session, StaleVersion

REVISER = "A. Reviser"


def row(session: Session, ident: str) -> dict:
    return next(r for r in session.rows()["rows"] if r["id"] == ident)


def on_disk(session: Session):
    """The edition the TEI on disk holds (valid: every step is validated first)."""
    assert [f for f in tei.validate_file(session.tei_path) if f.severity == "error"] == []
    return tei.read_tei(session.tei_path)


def test_rows_are_the_editions_rows_with_findings_and_sentences(session):
    data = session.rows()
    assert data["version"] == 1 and data["langs"] == ["zh", "ar", "en", "es", "fr", "ru"]
    assert data["dirs"]["ar"] == "rtl" and data["dirs"]["en"] == "ltr" and data["reviewer"] == REVISER
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
    assert row(session, "r-zh-u4")["cells"]["ar"] == [] and row(session, "r-zh-u5")["cells"]["ar"] == ["ar-u4"]
    assert not data["can_undo"] and not data["can_redo"]


def test_merge_makes_one_manual_row_saved_in_the_tei_and_the_decisions(session):
    before = len(session.rows()["rows"])
    assert session.edit({"op": "merge", "rows": ["r-zh-u2", "r-zh-u3"], "version": 1}) == {
        "version": 2,
        "changed": ["r-zh-u2"],
    }
    merged = row(session, "r-zh-u2")
    assert merged["cells"]["en"] == ["en-u2", "en-u3"] and merged["cells"]["ar"] == ["ar-u2", "ar-u3"]
    assert (merged["method"], merged["confidence"], merged["resp"]) == ("manual", 1.0, REVISER)
    assert len(session.rows()["rows"]) == before - 1
    sentences = [s for group in merged["sentences"] for s in group["cells"]["en"]]
    assert sentences == [f"en-u{n}-s1" for n in (2, 3)]  # the merged row's sentences aligned again
    assert on_disk(session) == session.edition
    assert on_disk(session).changes[0].who == REVISER
    (link,) = load_decisions(session.decisions_path).links
    assert (link.op, link.by, link.at) == ("merge", REVISER, "2026-12-05T01:01:00Z")
    assert link.units["zh"] == ("zh-u2", "zh-u3")


@pytest.mark.parametrize(
    ("op", "message"),
    [
        ({"op": "merge", "rows": ["r-zh-u2", "r-zh-u4"]}, "not neighbours"),
        ({"op": "merge", "rows": ["r-zh-u2", "r-nowhere"]}, "no row"),
        (
            {"op": "split", "row": "r-zh-u2", "units": [f"{lang}-u2" for lang in ("zh", "ar", "en", "es", "fr", "ru")]},
            "empty",
        ),  # fmt: skip
        ({"op": "split", "row": "r-zh-u2", "units": []}, "units"),
        ({"op": "split", "row": "r-zh-u2", "units": ["en-u3"]}, "not in row"),
        ({"op": "move", "unit": "zh-m1", "to": "prev"}, "first row"),
        ({"op": "move", "unit": "en-u2", "to": "up"}, "prev"),
        ({"op": "move", "unit": "xx-u1", "to": "next"}, "no row"),
        ({"op": "check", "row": "r-zh-u2", "checked": "yes"}, "true or false"),
        ({"op": "accept", "finding": "000000000000"}, "no finding"),
        ({"op": "rename"}, "unknown op"),
    ],
)
def test_an_impossible_edit_is_refused_and_nothing_is_written(session, op, message):
    files = [session.tei_path.read_bytes(), session.decisions_path.exists(), session.accepted_path.exists()]
    with pytest.raises(EditRefused, match=message):
        session.edit({**op, "version": 1})
    assert [session.tei_path.read_bytes(), session.decisions_path.exists(), session.accepted_path.exists()] == files
    assert session.version == 1


def test_split_and_move_keep_the_order_of_every_version(session):
    session.edit({"op": "merge", "rows": ["r-zh-u2", "r-zh-u3"], "version": 1})
    with pytest.raises(EditRefused, match="follows it in the zh text"):  # zh-u2 cannot go below zh-u3
        session.edit({"op": "split", "row": "r-zh-u2", "units": ["zh-u2"], "version": 2})
    with pytest.raises(EditRefused, match="only the last en unit"):
        session.edit({"op": "move", "unit": "en-u2", "to": "next", "version": 2})
    moving = [f"{lang}-u3" for lang in ("zh", "ar", "en", "es", "fr", "ru")]
    result = session.edit({"op": "split", "row": "r-zh-u2", "units": moving, "version": 2})
    assert result["changed"] == ["r-zh-u2", "r-zh-u3"]
    assert row(session, "r-zh-u3")["cells"]["fr"] == ["fr-u3"] and row(session, "r-zh-u2")["cells"]["fr"] == ["fr-u2"]
    assert [r["method"] for r in session.rows()["rows"][5:7]] == ["manual", "manual"]
    # the Arabic paragraph of row r-zh-u5 goes up into r-zh-u4, which had none
    result = session.edit({"op": "move", "unit": "ar-u4", "to": "prev", "version": 3})
    assert result == {"version": 4, "changed": ["r-zh-u4", "r-zh-u5"]}
    assert row(session, "r-zh-u4")["cells"]["ar"] == ["ar-u4"] and row(session, "r-zh-u5")["cells"]["ar"] == []
    session.edit({"op": "move", "unit": "ar-u4", "to": "next", "version": 4})  # and back down
    assert row(session, "r-zh-u5")["cells"]["ar"] == ["ar-u4"]
    assert on_disk(session) == session.edition
    ops = [d.op for d in load_decisions(session.decisions_path).links]
    assert ops == ["split", "split", "move", "move"]  # the merge was undone by the split: its decision replaced


def test_moving_a_rows_only_unit_removes_the_empty_row(session):
    below = [f"{lang}-u6" for lang in ("en", "es", "fr", "ru")] + ["ar-u5"]
    result = session.edit({"op": "split", "row": "r-zh-u6", "units": below, "version": 1})  # zh-u6 alone
    # the two rows share no language: they stand in the aligner's order, the one without Chinese first
    assert result["changed"] == ["r-ar-u5", "r-zh-u6"]
    assert [r["id"] for r in session.rows()["rows"][9:12]] == ["r-ar-u5", "r-zh-u6", "r-zh-u7"]
    assert [ids for ids in row(session, "r-zh-u6")["cells"].values() if ids] == [["zh-u6"]]
    assert len(session.rows()["rows"]) == 93
    session.edit({"op": "move", "unit": "zh-u6", "to": "prev", "version": 2})
    assert len(session.rows()["rows"]) == 92
    assert row(session, "r-zh-u6")["cells"]["en"] == ["en-u6"] and row(session, "r-zh-u6")["cells"]["ar"] == ["ar-u5"]
    assert on_disk(session) == session.edition


def test_check_and_findings_are_decisions_with_who_and_when(session):
    session.edit({"op": "check", "row": "r-zh-u1", "version": 1})
    assert row(session, "r-zh-u1")["checked"] is True
    assert on_disk(session).links[4].checked is True
    finding = next(f for r in session.rows()["rows"] for f in r["findings"])
    result = session.edit({"op": "accept", "finding": finding["id"], "comment": "as in the original", "version": 2})
    assert result["version"] == 3 and result["changed"]
    shown = next(f for r in session.rows()["rows"] for f in r["findings"] if f["id"] == finding["id"])
    assert (shown["status"], shown["comment"], shown["by"]) == ("accepted", "as in the original", REVISER)
    accepted = tomllib.loads(session.accepted_path.read_text(encoding="utf-8"))["accepted"]
    assert accepted == [{"id": finding["id"], "reason": "as in the original"}]
    session.edit({"op": "reject", "finding": finding["id"], "comment": "", "version": 3})
    assert "accepted" not in tomllib.loads(session.accepted_path.read_text(encoding="utf-8"))
    decisions = load_decisions(session.decisions_path)
    assert [(d.id, d.status) for d in decisions.findings] == [(finding["id"], "rejected")]
    assert len(decisions.checked) == 1
    whats = [c.what for c in on_disk(session).changes]
    assert whats[0].startswith("check: zh-u1 ar-u1") and whats[1] == f"reject finding {finding['id']}"
    session.edit({"op": "check", "row": "r-zh-u1", "checked": False, "version": 4})
    assert row(session, "r-zh-u1")["checked"] is False and not load_decisions(session.decisions_path).checked


def test_undo_and_redo_restore_the_tei_the_decisions_and_the_accepted_file(session):
    original = session.tei_path.read_bytes()
    session.edit({"op": "merge", "rows": ["r-zh-u2", "r-zh-u3"], "version": 1})
    finding = next(f for r in session.rows()["rows"] for f in r["findings"])
    session.edit({"op": "accept", "finding": finding["id"], "comment": "fine", "version": 2})
    after = (session.tei_path.read_bytes(), session.decisions_path.read_text(), session.accepted_path.read_text())
    assert session.rows()["can_undo"] and not session.rows()["can_redo"]
    assert session.undo(3) == {"version": 4}
    assert not session.accepted_path.exists()  # there was none before the accept
    assert len(load_decisions(session.decisions_path).links) == 1
    assert session.undo(4) == {"version": 5}
    assert session.tei_path.read_bytes() == original and not session.decisions_path.exists()
    with pytest.raises(EditRefused, match="nothing to undo"):
        session.undo(5)
    session.redo(5)
    session.redo(6)
    assert (
        session.tei_path.read_bytes(),
        session.decisions_path.read_text(),
        session.accepted_path.read_text(),
    ) == after
    with pytest.raises(EditRefused, match="nothing to redo"):
        session.redo(7)
    session.undo(7)
    session.edit({"op": "check", "row": "r-zh-u1", "version": 8})  # a new edit forgets what could be redone
    assert not session.rows()["can_redo"]


def test_two_clients_and_two_sessions_never_lose_an_edit(session, udhr_copy):
    session.edit({"op": "check", "row": "r-zh-u1", "version": 1})
    with pytest.raises(StaleVersion):  # a second tab still at version 1
        session.edit({"op": "check", "row": "r-zh-u2", "version": 1})
    with pytest.raises(StaleVersion):
        session.undo(1)
    tei_path, sources = udhr_copy
    other = Session(tei_path, sources=sources, reviewer="B. Reviser")  # a second server on the same files
    assert other.rows()["version"] == 1 and row(other, "r-zh-u1")["checked"]
    other.edit({"op": "merge", "rows": ["r-zh-u2", "r-zh-u3"], "version": 1})
    with pytest.raises(StaleVersion):  # the first session sees that the files changed under it
        session.edit({"op": "check", "row": "r-zh-u4", "version": 2})
    data = session.rows()
    assert data["version"] == 3 and row(session, "r-zh-u2")["resp"] == "B. Reviser"
    session.edit({"op": "check", "row": "r-zh-u4", "version": 3})
    decisions = load_decisions(session.decisions_path)
    assert [c.by for c in decisions.checked] == [REVISER, REVISER] and decisions.links[0].by == "B. Reviser"


def test_an_edit_that_would_make_the_tei_invalid_is_refused(session, monkeypatch):
    from dataclasses import replace

    from hlmpub.workbench import edits

    def broken_check(edition, n, checked=True):  # a bug that would put en-u1 in two rows
        links = list(edition.links)
        links[n + 1] = replace(links[n + 1], units={**links[n + 1].units, "en": ("en-u1",)})
        return replace(edition, links=tuple(links)), [n]

    monkeypatch.setattr(edits, "check", broken_check)
    before = session.tei_path.read_bytes()
    with pytest.raises(EditRefused, match="invalid"):
        session.edit({"op": "check", "row": "r-zh-u1", "version": 1})
    assert session.tei_path.read_bytes() == before and not session.decisions_path.exists()
    assert session.version == 1 and not session.rows()["can_undo"]


def test_the_aligners_rows_are_already_in_canonical_order(session):
    from hlmpub.workbench.edits import canonical_order

    assert canonical_order(session.edition, "zh", [3])[0] == session.edition
