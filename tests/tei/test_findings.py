"""The build's findings in the archive (standOff/listAnnotation[@type='findings']): valid TEI, read back as
written — a finding about the whole document, one naming a unit the edition no longer has, evidence."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from lxml import etree

from hlmpub.model import Edition, Finding
from hlmpub.tei import read_tei, validate_file, write_tei
from hlmpub.tei.names import NS


def _with_findings(edition: Edition) -> Edition:
    unit = edition.versions[1].units[2]
    findings = (
        Finding("warning", "align-key-order", "2 key(s) of ar are out of order against zh", lang="ar"),
        Finding("info", "align-unmatched", "row 2: no counterpart in en", lang="en", unit_id=unit.id, row=2),
        Finding(
            "warning",
            "table-shape",
            "row 4: the tables differ",
            lang="ar",
            unit_id=unit.id,
            row=4,
            evidence="zh 3×2, ar 2×2",
        ),  # fmt: skip
        Finding("warning", "align-manual-stale", "a manual link names ar-p99, gone", lang="ar", unit_id="ar-p99"),
    )
    return dataclasses.replace(edition, findings=findings)


def test_findings_round_trip_and_validate(synthetic: Edition, tmp_path: Path) -> None:
    edition = _with_findings(synthetic)
    path = write_tei(edition, tmp_path / "e.tei.xml")
    assert [f for f in validate_file(path) if f.severity == "error"] == []
    assert read_tei(path).findings == edition.findings
    root = etree.parse(str(path)).getroot()
    notes = root.xpath("tei:standOff/tei:listAnnotation[@type='findings']/tei:annotation", namespaces=NS)
    assert [a.get("target") for a in notes] == ["#hlmpub", f"#{edition.findings[1].unit_id}", notes[1].get("target"),
                                                "#hlmpub"]  # fmt: skip
    # written twice, the same bytes
    assert write_tei(read_tei(path), tmp_path / "again.tei.xml").read_bytes() == path.read_bytes()


def test_no_findings_no_list(synthetic: Edition, tmp_path: Path) -> None:
    path = write_tei(dataclasses.replace(synthetic, findings=()), tmp_path / "e.tei.xml")
    assert b"listAnnotation" not in path.read_bytes()
    assert read_tei(path).findings == ()
