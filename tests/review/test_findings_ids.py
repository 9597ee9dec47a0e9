"""Findings a reviser can act on (issue 14, point 5): every finding — the review's and the aligner's — with
its id on its row, in the report, the review edition and the archive; an accepted id that matches no finding
is a warning.

Real data: the bundled UDHR (six languages) and the seed A/68/563 (Chinese only), built by the real ingest
and aligner.  The UDHR gives 12 review findings (docs/design/review.md) and 30 aligner findings, 17 ids:
the aligner's pairwise consistency check says the same thing of the same unit against several languages.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hlmpub.cli import run
from hlmpub.config import ReviewSettings, Settings
from hlmpub.findings import finding_id
from hlmpub.model import Edition
from hlmpub.pipeline import write_review
from hlmpub.render.pdf import render_html
from hlmpub.render.rows import build_table
from hlmpub.review import findings_with_ids, flag_edition, review_edition
from hlmpub.tei import read_tei, validate_file, write_tei

ROOT = Path(__file__).resolve().parents[2]
JSON_ONLY = Settings(review=ReviewSettings(edition_formats=()))


def _accept(path: Path, *ids: str) -> Path:
    path.write_text("".join(f'[[accepted]]\nid = "{i}"\nreason = "seen: {i}"\n\n' for i in ids), encoding="utf-8")
    return path


def _report(folder: Path) -> dict:
    return json.loads(next(folder.glob("*.review.json")).read_text(encoding="utf-8"))


def test_udhr_every_finding_of_both_sources_with_its_id_and_row(udhr_edition: Edition) -> None:
    items = findings_with_ids(udhr_edition, JSON_ONLY)
    review = [i for i in items if i.source == "review"]
    align = [i for i in items if i.source == "align"]
    assert len(review) == 12 and len(align) == 17 and len(udhr_edition.findings) == 30
    assert len({i.id for i in items}) == len(items)  # one line per id
    assert all(i.id == finding_id(i.finding) and i.status == "open" for i in items)
    assert {i.finding.code for i in align} == {"align-unmatched", "align-row-coarse"}
    # each on the row that holds the unit it names: the adoption note (row 1), the Chinese second note (row 2),
    # the fourth recital Arabic lacks (row 7), the proclamation (row 11)
    rows = {i.finding.unit_id: i.row for i in align if i.finding.code == "align-unmatched"}
    assert rows == {"zh-n1": 1, "zh-n2": 2, "zh-u4": 7}
    for item in align:
        link = udhr_edition.links[item.row]
        assert item.finding.unit_id in {u for ids in link.units.values() for u in ids}
    assert {i.row for i in align if i.finding.code == "align-row-coarse"} == {11}
    # the same unit said twice (against Arabic and against English): one finding, both messages
    [twice] = [i for i in align if i.finding.unit_id == "es-u9"]
    assert "ar/es pair" in twice.finding.message and "en/es pair" in twice.finding.message
    # row order: the rows never go back
    assert [i.row for i in items] == sorted(i.row for i in items)


def test_seed_has_no_aligner_findings_and_a_quiet_review(seed_edition: Edition, tmp_path: Path) -> None:
    assert seed_edition.findings == ()
    assert findings_with_ids(seed_edition, JSON_ONLY) == []
    # a stale id in its accepted file is the one thing said, at the top, about the document
    accepted = _accept(tmp_path / "review-accepted.toml", "0123456789ab")
    [item] = findings_with_ids(seed_edition, JSON_ONLY, accept_file=accepted)
    assert (item.finding.code, item.finding.severity, item.row, item.source) == (
        "review-accepted-unknown",
        "warning",
        -1,
        "review",
    )
    assert "0123456789ab" in item.finding.message and str(accepted) in item.finding.message


def test_accepted_ids_of_both_sources(udhr_edition: Edition, tmp_path: Path) -> None:
    items = findings_with_ids(udhr_edition, JSON_ONLY)
    review_id = next(i.id for i in items if i.finding.code == "paragraph-count")
    align_id = next(i.id for i in items if i.finding.unit_id == "zh-u4" and i.source == "align")
    accepted = _accept(tmp_path / "review-accepted.toml", review_id, align_id)
    after = {i.id: i for i in findings_with_ids(udhr_edition, JSON_ONLY, accept_file=accepted)}
    assert len(after) == len(items)  # accepted ones are still listed, with their status
    assert {i for i, item in after.items() if item.status == "accepted"} == {review_id, align_id}
    assert after[align_id].reason == f"seen: {align_id}"
    assert not any(i.finding.code == "review-accepted-unknown" for i in after.values())
    # the report and the review edition leave both out
    findings = review_edition(udhr_edition, JSON_ONLY, accept_file=accepted)
    write_review(udhr_edition, findings, tmp_path, JSON_ONLY, accept_file=accepted)
    report = _report(tmp_path)
    shown = {f["id"] for f in report["findings"]}
    assert shown == set(after) - {review_id, align_id}
    assert report["summary"]["by_source"] == {"review": 11, "align": 16}
    flagged = flag_edition(udhr_edition, findings, accept_file=accepted)
    assert {finding_id(f) for f in flagged.findings} == shown


def test_an_unknown_accepted_id_is_a_warning_in_the_report(udhr_edition: Edition, tmp_path: Path) -> None:
    ids = [i.id for i in findings_with_ids(udhr_edition, JSON_ONLY)]
    accepted = _accept(tmp_path / "review-accepted.toml", *ids, "deadbeef0000")
    findings = review_edition(udhr_edition, JSON_ONLY, accept_file=accepted)
    [warning] = findings
    assert warning.code == "review-accepted-unknown" and warning.evidence == "deadbeef0000"
    write_review(udhr_edition, findings, tmp_path, JSON_ONLY, accept_file=accepted)
    [record] = _report(tmp_path)["findings"]
    assert (record["code"], record["row"], record["source"]) == ("review-accepted-unknown", -1, "review")
    assert "deadbeef0000" in record["message"] and "review-accepted.toml" in record["message"]
    # the reviser who accepts the warning too (keeping the stale id on purpose) is not told again
    _accept(accepted, *ids, "deadbeef0000", record["id"])
    assert review_edition(udhr_edition, JSON_ONLY, accept_file=accepted) == []


def test_review_edition_prints_every_id_and_the_document_findings_first(udhr_edition: Edition, tmp_path: Path) -> None:
    accepted = _accept(tmp_path / "review-accepted.toml", "0123456789ab")
    findings = review_edition(udhr_edition, JSON_ONLY, accept_file=accepted)
    flagged = flag_edition(udhr_edition, findings, accept_file=accepted)
    html, _ = render_html(build_table(flagged, review=True), Settings())
    expected = {i.id for i in findings_with_ids(udhr_edition, JSON_ONLY, accept_file=accepted)}
    assert len(expected) == 12 + 17 + 1
    for fid in expected:
        assert f'<span class="fid">{fid}</span>' in html
    top = html.index('class="loose-findings"')
    assert top < html.index('<table class="edition">')
    unknown = next(f for f in findings if f.code == "review-accepted-unknown")
    assert html.index(finding_id(unknown)) < html.index('<table class="edition">')
    # the aligner's "no counterpart in en" names the Chinese unit of its row: the Chinese cell is not accused
    row = html[html.index('id="zh-n1"') :]
    row = row[: row.index("</tr>")]
    assert '<td class="l-zh first" dir="ltr">' in row and '<td class="l-en gap flagged"' in row


def test_archive_keeps_the_aligner_findings_and_their_ids(udhr_edition: Edition, tmp_path: Path) -> None:
    tei = write_tei(udhr_edition, tmp_path / "udhr.tei.xml")
    assert not [f for f in validate_file(tei) if f.severity == "error"]
    back = read_tei(tei)
    assert back.findings == udhr_edition.findings
    built = [(i.id, i.row, i.source) for i in findings_with_ids(udhr_edition, JSON_ONLY)]
    assert [(i.id, i.row, i.source) for i in findings_with_ids(back, JSON_ONLY)] == built


def _built(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "sources" / "udhr"
    shutil.copytree(ROOT / "sources" / "udhr", src)
    config = tmp_path / "hlmpub.toml"
    config.write_text("[review]\nedition_formats = []\n", encoding="utf-8")
    assert run(["--config", str(config), "build", str(src), "-o", str(tmp_path / "out"), "--to", "tei,review"]) == 0
    return src, config


def test_build_and_review_of_the_archive_report_the_same_findings(tmp_path: Path) -> None:
    src, config = _built(tmp_path)
    out = tmp_path / "out" / "udhr"
    built = _report(out)
    assert built["summary"]["by_source"] == {"review": 12, "align": 17}
    tei = out / "udhr.tei.xml"
    (out / "udhr.review.json").unlink()
    assert run(["--config", str(config), "review", str(tei)]) == 0
    assert _report(out)["findings"] == built["findings"]
    # an aligner id accepted in the sources: gone from the build's report and from the archive's review
    align_id = next(f["id"] for f in built["findings"] if f["source"] == "align")
    _accept(src / "review-accepted.toml", align_id)
    assert run(["--config", str(config), "build", str(src), "-o", str(tmp_path / "out"), "--to", "tei,review"]) == 0
    assert align_id not in {f["id"] for f in _report(out)["findings"]}
    assert len(_report(out)["findings"]) == len(built["findings"]) - 1
    assert run(["--config", str(config), "review", str(tei), "--accept", str(src / "review-accepted.toml")]) == 0
    assert len(_report(out)["findings"]) == len(built["findings"]) - 1


@pytest.mark.slow
def test_review_pdf_and_docx_print_the_ids(tmp_path: Path) -> None:
    """The review PDF's text and the DOCX (as LibreOffice reads it back to PDF) hold every finding's id, and
    the finding about the document (a stale accepted id) comes before the rows."""
    import subprocess

    src = tmp_path / "sources" / "udhr"
    shutil.copytree(ROOT / "sources" / "udhr", src)
    _accept(src / "review-accepted.toml", "0123456789ab")
    assert run(["build", str(src), "-o", str(tmp_path / "out"), "--to", "review", "--langs", "zh,ar,en"]) == 0
    out = tmp_path / "out" / "udhr"
    ids = {f["id"] for f in _report(out)["findings"]}
    [stale] = [f["id"] for f in _report(out)["findings"] if f["code"] == "review-accepted-unknown"]
    assert len(ids) > 10

    def text_of(pdf: Path) -> str:
        return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout

    def first_page_first(text: str) -> None:  # the document's findings above the rows
        assert ids <= set(text.split())
        assert text.index(stale) < text.index("Universal Declaration of Human Rights")

    first_page_first(text_of(out / "udhr.review.pdf"))
    docx = ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / "docx")]
    subprocess.run(
        [*docx, str(out / "udhr.review.docx")],
        capture_output=True,
        check=True,
        timeout=300,
    )
    first_page_first(text_of(tmp_path / "docx" / "udhr.review.pdf"))
