"""The workbench's decisions outlive the output: a fresh build into another folder gives the same rows, and a
decision the sources no longer fit is reported, never dropped in silence.  The TEI records stay valid."""

from __future__ import annotations

from pathlib import Path

from hlmpub import tei
from hlmpub.cli import run
from hlmpub.safeio import read_xml
from hlmpub.tei.validate import schema_findings
from hlmpub.workbench.session import Session

from .conftest import Clock


def revise(session: Session) -> None:
    """Every kind of decision: a merge, a move, a split, a checked row, an accepted finding."""
    session.edit({"op": "merge", "rows": ["r-zh-u2", "r-zh-u3"], "version": 1})
    session.edit({"op": "move", "unit": "ar-u4", "to": "prev", "version": 2})
    below = [f"{lang}-u6" for lang in ("en", "es", "fr", "ru")] + ["ar-u5"]
    session.edit({"op": "split", "row": "r-zh-u6", "units": below, "version": 3})
    session.edit({"op": "check", "row": "r-zh-u1", "version": 4})
    finding = next(f for r in session.rows()["rows"] for f in r["findings"])
    session.edit({"op": "accept", "finding": finding["id"], "comment": "checked with the original", "version": 5})


def reviewed_rows(session: Session) -> list[dict]:
    rows = session.rows()["rows"]
    return [{**r, "findings": [f for f in r["findings"] if f["source"] == "review"]} for r in rows]


def build(sources: Path, out: Path) -> Path:
    assert run(["build", str(sources), "-o", str(out), "--to", "tei"]) == 0
    return out / "udhr" / "udhr.tei.xml"


def test_a_fresh_build_anywhere_gives_the_revised_rows(session, tmp_path):
    revise(session)
    rebuilt = build(session.sources, tmp_path / "elsewhere")  # as after `make clean`: no previous archive
    edition = tei.read_tei(rebuilt)
    assert edition.links == session.edition.links
    assert edition.sentence_links == session.edition.sentence_links
    assert edition.changes == session.edition.changes and len(edition.changes) == 7
    fresh = Session(rebuilt, sources=session.sources, reviewer="A. Reviser", clock=Clock())
    # the same rows, the review's findings and the decisions on them (the aligner's own findings are the
    # build's: a build that keeps the reviser's rows has its own)
    assert reviewed_rows(fresh) == reviewed_rows(session)
    again = build(session.sources, session.tei_path.parents[1])  # into the folder the session wrote
    assert tei.read_tei(again).links == session.edition.links


def test_the_revised_tei_is_valid_against_tei_all_and_reads_back_losslessly(session):
    revise(session)
    root = read_xml(session.tei_path)
    assert schema_findings(root, whole=True) == []
    assert tei.read_tei(session.tei_path) == session.edition
    text = session.tei_path.read_text(encoding="utf-8")
    assert '<respStmt xml:id="reviser-A._Reviser">' in text
    assert 'resp="#resp-manual #reviser-A._Reviser"' in text and "#row-checked" in text
    assert '<change type="reviser" who="#reviser-A._Reviser" when="2026-12-05T01:01:00Z">merge: zh-u2' in text


def test_a_plain_build_records_no_decisions(udhr_build):
    text = udhr_build.read_text(encoding="utf-8")
    assert "reviser-" not in text and "row-checked" not in text and 'type="reviser"' not in text
    assert tei.read_tei(udhr_build).changes == ()


def test_a_decision_the_sources_no_longer_fit_is_a_warning(session, tmp_path):
    revise(session)
    english = session.sources / "udhr_eng.xml"  # SYNTHETIC change of the copy: the second paragraph reworded
    text = english.read_text(encoding="utf-8")
    assert text.count("Whereas disregard and contempt") == 1
    english.write_text(text.replace("Whereas disregard and contempt", "Whereas neglect and contempt"), encoding="utf-8")
    out = tmp_path / "elsewhere"
    from hlmpub.config import Settings
    from hlmpub.pipeline import edition_from_sources

    edition = edition_from_sources(session.sources, Settings(output_dir=out))
    stale = [f for f in edition.findings if f.code == "decision-stale"]
    assert len(stale) == 1 and stale[0].severity == "warning"
    assert stale[0].message.startswith("link decision 1 (zh-u2 zh-u3 ar-u2 ar-u3")
    assert (
        "by A. Reviser at 2026-12-05T01:01:00Z" in stale[0].message and "text of its units changed" in stale[0].message
    )
    kept = [lk for lk in edition.links if lk.method == "manual"]
    assert len(kept) == 4  # the move and the split still fit
    assert build(session.sources, out).is_file()  # and the build goes on
