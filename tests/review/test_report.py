"""The review outputs: JSON schema, stable ids, accepted findings, the CLI and the review edition."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from hlmpub.cli import run
from hlmpub.config import ReviewSettings, Settings, load_settings
from hlmpub.model import Edition, Finding
from hlmpub.pipeline import write_outputs, write_review
from hlmpub.review import review_edition
from hlmpub.review.accept import accepted_file_text, finding_id, load_accepted
from hlmpub.review.report import REVIEW_SCHEMA_VERSION, review_json
from hlmpub.tei import write_tei

JSON_ONLY = Settings(review=ReviewSettings(edition_formats=()))


def faulty(udhr: Edition, edit: SimpleNamespace) -> Edition:
    """The hand-aligned UDHR with the Arabic adoption year changed (an error-level finding)."""
    note = next(u.id for u in udhr.version("ar").units if u.kind == "note")
    return edit.replace_text(udhr, note, "1948", "1949")


def test_json_schema(udhr_handmade: Edition, tmp_path: Path) -> None:
    findings = review_edition(udhr_handmade, JSON_ONLY)
    [path] = write_review(udhr_handmade, findings, tmp_path, JSON_ONLY)
    assert path.name == "udhr.review.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["hlmpub_review"] == REVIEW_SCHEMA_VERSION
    assert data["edition"] == {"symbol": "A/RES/217(III)", "slug": "udhr", "languages": list(udhr_handmade.langs),
                               "rows": len(udhr_handmade.links)}  # fmt: skip
    assert data["summary"]["total"] == len(findings) == len(data["findings"])
    fields = {"id", "source", "severity", "code", "lang", "unit_id", "row", "message", "evidence"}
    assert set(data["findings"][0]) == fields
    assert data["summary"]["by_source"] == {"review": len(findings), "align": 0}  # hand-aligned: no aligner
    rows = [f["row"] for f in data["findings"]]
    assert rows == sorted(rows)
    assert "numbers" in data["checks"] and "punctuation" in data["checks"]


def test_json_is_deterministic(udhr_handmade: Edition) -> None:
    findings = review_edition(udhr_handmade, JSON_ONLY)
    assert review_json(udhr_handmade, findings, JSON_ONLY) == review_json(udhr_handmade, findings[::-1], JSON_ONLY)


def test_finding_id_ignores_row_and_message() -> None:
    a = Finding("error", "date-mismatch", "one wording", "ar", "ar-n1", 3, "missing: date 1948-12-10")
    b = Finding("warning", "date-mismatch", "another wording", "ar", "ar-n1", 9, "missing: date 1948-12-10")
    c = Finding("error", "date-mismatch", "one wording", "ru", "ru-n1", 3, "missing: date 1948-12-10")
    assert finding_id(a) == finding_id(b) != finding_id(c)
    assert len(finding_id(a)) == 12


def test_accepted_findings_make_a_second_run_quiet(udhr_handmade: Edition, tmp_path: Path) -> None:
    findings = review_edition(udhr_handmade, JSON_ONLY, accept_dir=tmp_path)
    assert findings
    (tmp_path / "review-accepted.toml").write_text(accepted_file_text(findings[:-1]), encoding="utf-8")
    assert len(load_accepted(tmp_path / "review-accepted.toml")) == len(findings) - 1
    assert review_edition(udhr_handmade, JSON_ONLY, accept_dir=tmp_path) == findings[-1:]
    ids = ", ".join(f'"{finding_id(f)}"' for f in findings)
    (tmp_path / "review-accepted.toml").write_text(f"accepted = [{ids}]\n", encoding="utf-8")
    assert review_edition(udhr_handmade, JSON_ONLY, accept_dir=tmp_path) == []


def test_config_from_hlmpub_toml(tmp_path: Path) -> None:
    toml = tmp_path / "hlmpub.toml"
    toml.write_text('[review]\nchecks = ["numbers"]\nlow_confidence = 0.3\n', encoding="utf-8")
    settings = load_settings(toml)
    assert settings.review == ReviewSettings(checks=("numbers",), low_confidence=0.3)


def test_pipeline_review_format(udhr_handmade: Edition, tmp_path: Path) -> None:
    [path] = write_outputs(udhr_handmade, JSON_ONLY.with_(output_dir=tmp_path, formats=("review",)))
    assert path == tmp_path / "udhr" / "udhr.review.json"
    assert json.loads(path.read_text(encoding="utf-8"))["summary"]["by_severity"]["error"] == 0


def _tei(edition: Edition, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hlmpub.toml").write_text("[review]\nedition_formats = []\n", encoding="utf-8")
    return write_tei(edition, folder / "udhr.tei.xml")


def test_cli_strict_exit_code(udhr_handmade: Edition, edit: SimpleNamespace, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    clean = _tei(udhr_handmade, tmp_path / "clean")
    assert run(["--config", str(clean.parent / "hlmpub.toml"), "review", str(clean), "--strict"]) == 0
    assert (clean.parent / "udhr.review.json").exists()
    bad = _tei(faulty(udhr_handmade, edit), tmp_path / "bad")
    assert run(["--config", str(bad.parent / "hlmpub.toml"), "review", str(bad)]) == 0
    assert run(["--config", str(bad.parent / "hlmpub.toml"), "review", str(bad), "--strict"]) == 1
    out = capsys.readouterr().out
    assert "date-mismatch" in out and "review of A/RES/217(III)" in out


def _reddish_pixels(pdf: Path) -> int:
    import numpy as np
    import pypdfium2

    page = pypdfium2.PdfDocument(str(pdf))[0]
    rgb = np.asarray(page.render(scale=0.5).to_pil().convert("RGB")).astype(int)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    return int(((r > 200) & (r - b > 25) & (r - g > 15)).sum())


@pytest.mark.slow
def test_review_edition_docx_and_pdf_show_the_shading(udhr_handmade: Edition, edit: SimpleNamespace,
                                                       tmp_path: Path) -> None:  # fmt: skip
    """The review PDF has shaded rows and flagged cells that the plain edition lacks; the DOCX opens in
    LibreOffice and its flagged cells carry a fill."""
    from hlmpub.render import render_edition

    edition = faulty(udhr_handmade, edit)
    settings = Settings(langs=("zh", "ar", "en", "ru"))
    paths = write_review(edition, review_edition(edition, settings), tmp_path, settings)
    assert [p.name for p in paths] == ["udhr.review.json", "udhr.review.docx", "udhr.review.pdf"]
    plain = render_edition(edition, "pdf", tmp_path / "plain.pdf", settings)
    assert _reddish_pixels(paths[2]) > 10 * max(_reddish_pixels(plain), 10)
    text = subprocess.run(["pdftotext", "-layout", str(paths[2]), "-"], capture_output=True, text=True, check=True)
    assert "date-mismatch" in text.stdout and "findings" in text.stdout
    png = subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(paths[2]), str(tmp_path / "p")],
                         check=True)  # fmt: skip
    assert png.returncode == 0 and list(tmp_path.glob("p*.png"))
    with zipfile.ZipFile(paths[1]) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:shd ") > 10
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "LibreOffice is needed to open the review DOCX"
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"), str(paths[1])],
                   check=True, capture_output=True, timeout=240)  # fmt: skip
    converted = tmp_path / "lo" / "udhr.review.pdf"
    assert converted.exists() and _reddish_pixels(converted) > 100
