"""The review inside ``hlmpub build``: --strict and the summary see the review's findings, the accepted-findings
file lives next to the sources, and a PDF/A-3 edition embeds the TEI of the same build (never a stale file).

Real data only: copies of sources/udhr and sources/A_68_563 in tmp_path; the one fault injected is the adoption
year 1948 → 1949 in the Russian version's note (a copy, never the bundled file).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hlmpub.batch import build_one
from hlmpub.cli import run
from hlmpub.config import ReviewSettings, Settings
from hlmpub.errors import ExitCode, RenderError
from hlmpub.findings import finding_id

ROOT = Path(__file__).resolve().parents[2]
UDHR_DIR = ROOT / "sources" / "udhr"
SEED_DIR = ROOT / "sources" / "A_68_563"
JSON_ONLY = "[review]\nedition_formats = []\n"


def _config(folder: Path, text: str = JSON_ONLY) -> Path:
    path = folder / "hlmpub.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _udhr_copy(tmp_path: Path, fault: bool = False) -> Path:
    folder = tmp_path / "sources" / "udhr"
    shutil.copytree(UDHR_DIR, folder)
    if fault:
        ru = folder / "udhr_rus.xml"
        text = ru.read_text(encoding="utf-8")
        assert text.count("1948") == 1
        ru.write_text(text.replace("1948", "1949"), encoding="utf-8")
    return folder


def _review_json(out: Path) -> dict:
    return json.loads((out / "udhr" / "udhr.review.json").read_text(encoding="utf-8"))


def test_build_strict_fails_on_a_review_error_like_review_strict(tmp_path: Path) -> None:
    src, config = _udhr_copy(tmp_path, fault=True), _config(tmp_path)

    def build(out: Path, *more: str) -> int:
        return run(["--config", str(config), "build", str(src), "-o", str(out), "--to", "tei,review", *more])

    assert build(tmp_path / "plain") == 0  # without --strict an error finding is reported, not fatal
    out = tmp_path / "out"
    assert build(out, "--strict") == ExitCode.FINDINGS
    tei = out / "udhr" / "udhr.tei.xml"
    assert run(["--config", str(config), "review", str(tei), "--strict"]) == ExitCode.FINDINGS
    [error] = [f for f in _review_json(out)["findings"] if f["severity"] == "error"]
    assert (error["code"], error["lang"]) == ("date-mismatch", "ru")


def test_build_strict_sees_review_errors_of_a_cached_build(tmp_path: Path) -> None:
    src, config = _udhr_copy(tmp_path, fault=True), _config(tmp_path)
    argv = ["--config", str(config), "build", str(src), "-o", str(tmp_path / "out"), "--to", "tei,review", "--strict"]
    assert run(argv) == ExitCode.FINDINGS
    assert run(argv) == ExitCode.FINDINGS  # the second run is served from the cache


def test_build_strict_passes_on_the_clean_udhr(tmp_path: Path) -> None:
    src, config = _udhr_copy(tmp_path), _config(tmp_path)
    argv = ["--config", str(config), "build", str(src), "-o", str(tmp_path / "out"), "--to", "tei,review", "--strict"]
    assert run(argv) == 0


def test_build_result_keeps_aligner_and_review_findings_apart(tmp_path: Path) -> None:
    src = _udhr_copy(tmp_path, fault=True)
    json_only = ReviewSettings(edition_formats=())
    settings = Settings(output_dir=tmp_path / "out", formats=("tei", "review"), review=json_only)
    result = build_one(src, settings)
    assert not result.error
    data = _review_json(tmp_path / "out")
    # the report shows both: the review's findings and the aligner's, one line per id
    assert len(result.review_findings) == data["summary"]["by_source"]["review"] > 0
    assert len({finding_id(f) for f in result.findings}) == data["summary"]["by_source"]["align"] > 0
    assert data["summary"]["total"] == len(result.review_findings) + data["summary"]["by_source"]["align"]
    assert {f.code for f in result.all_findings} == set(data["summary"]["by_code"])
    assert {f["source"] for f in data["findings"] if f["code"].startswith("align-")} == {"align"}
    assert result.findings and all(f.code.startswith("align-") for f in result.findings)
    assert result.all_findings == result.findings + result.review_findings
    # without the review format, no review runs
    result = build_one(src, settings.with_(formats=("tei",), output_dir=tmp_path / "out2"))
    assert result.review_findings == [] and result.findings


def test_build_summary_counts_aligner_and_review_findings_separately(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, config = _udhr_copy(tmp_path, fault=True), _config(tmp_path)
    assert run(["--config", str(config), "build", str(src), "-o", str(tmp_path / "out"), "--to", "tei,review"]) == 0
    err = capsys.readouterr().err
    review_total = _review_json(tmp_path / "out")["summary"]["by_source"]["review"]
    header = next(line for line in err.splitlines() if "document" in line and "rows" in line)
    assert "align" in header and "review" in header
    row = next(line for line in err.splitlines() if line.strip("│┃ ").startswith("udhr "))
    cells = [c.strip() for c in row.strip("│").split("│")]
    heads = [c.strip() for c in header.strip("┃").split("┃")]
    assert cells[heads.index("review")] == str(review_total)
    assert int(cells[heads.index("align")]) > 0


# ------------------------------------------------------------------ accepted findings in the source folder


def _accept_all(tmp_path: Path, src: Path) -> tuple[int, str]:
    """Build once, then list every review finding id in ``review-accepted.toml`` in the source folder."""
    config = _config(tmp_path)
    assert run(["--config", str(config), "build", str(src), "-o", str(tmp_path / "first"), "--to", "tei,review"]) == 0
    ids = [f["id"] for f in _review_json(tmp_path / "first")["findings"]]
    text = "accepted = [" + ", ".join(f'"{i}"' for i in ids) + "]\n"
    return len(ids), text


def test_findings_accepted_next_to_the_sources_silence_the_build(tmp_path: Path) -> None:
    src = _udhr_copy(tmp_path)
    count, text = _accept_all(tmp_path, src)
    # the clean UDHR's 12 review findings, each explained in docs/design/review.md, and the aligner's 17
    assert count == 12 + 17
    (src / "review-accepted.toml").write_text(text, encoding="utf-8")
    out = tmp_path / "second"
    argv = ["--config", str(tmp_path / "hlmpub.toml"), "build", str(src), "-o", str(out), "--to", "tei,review"]
    assert run(argv) == 0
    assert _review_json(out)["findings"] == []


def test_editing_the_accepted_file_rebuilds_the_review(tmp_path: Path) -> None:
    src = _udhr_copy(tmp_path)
    _, text = _accept_all(tmp_path, src)
    (src / "review-accepted.toml").write_text(text, encoding="utf-8")
    argv = ["--config", str(tmp_path / "hlmpub.toml"), "build", str(src), "-o", str(tmp_path / "first")]
    assert run([*argv, "--to", "tei,review"]) == 0  # same output folder and inputs as the first build: cached
    assert _review_json(tmp_path / "first")["findings"] == []


def test_review_takes_the_accepted_file_from_accept_option_or_sources_slug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _udhr_copy(tmp_path)
    count, text = _accept_all(tmp_path, src)
    tei = tmp_path / "first" / "udhr" / "udhr.tei.xml"
    config = str(tmp_path / "hlmpub.toml")
    accepted = tmp_path / "mine.toml"
    accepted.write_text(text, encoding="utf-8")
    assert run(["--config", config, "review", str(tei), "--accept", str(accepted)]) == 0
    assert _review_json(tmp_path / "first")["findings"] == []
    # default: next to the TEI (none there), else sources/<slug>/review-accepted.toml below the current folder
    assert run(["--config", config, "review", str(tei)]) == 0
    assert len(_review_json(tmp_path / "first")["findings"]) == count
    (src / "review-accepted.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(["--config", config, "review", str(tei)]) == 0
    assert _review_json(tmp_path / "first")["findings"] == []
    # a file next to the TEI wins over the one in sources/
    (tei.parent / "review-accepted.toml").write_text("accepted = []\n", encoding="utf-8")
    assert run(["--config", config, "review", str(tei)]) == 0
    assert len(_review_json(tmp_path / "first")["findings"]) == count


def test_review_accept_option_must_name_an_existing_file(tmp_path: Path) -> None:
    src = _udhr_copy(tmp_path)
    _accept_all(tmp_path, src)
    tei = tmp_path / "first" / "udhr" / "udhr.tei.xml"
    assert run(["review", str(tei), "--accept", str(tmp_path / "nope.toml")]) == ExitCode.USAGE


# ------------------------------------------------------------------ PDF/A-3: the TEI of the same build


def _attachments(pdf: Path) -> dict[str, bytes]:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    found = {}
    for i in range(doc.count_attachments()):
        attachment = doc.get_attachment(i)
        found[attachment.get_name()] = bytes(attachment.get_data())
    return found


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    shutil.copytree(SEED_DIR, folder)
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("formats", ["pdf", "pdf,tei", "tei,pdf"])
def test_pdfa3_embeds_the_tei_of_this_build_never_a_stale_file(seed_copy: Path, tmp_path: Path, formats: str) -> None:
    config = _config(tmp_path, 'pdf_variant = "pdf/a-3b"\n')
    fresh_out = tmp_path / "fresh"
    assert run(["build", str(seed_copy), "-o", str(fresh_out), "--to", "tei"]) == 0
    [fresh_tei] = fresh_out.glob("*/*.tei.xml")
    out = tmp_path / "out"
    stale = out / fresh_tei.parent.name / fresh_tei.name
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"<stale/>\n")
    assert run(["--config", str(config), "build", str(seed_copy), "-o", str(out), "--to", formats]) == 0
    attached = _attachments(stale.with_name(stale.name.removesuffix(".tei.xml") + ".pdf"))
    assert attached == {fresh_tei.name: fresh_tei.read_bytes()}
    if "tei" in formats:
        assert stale.read_bytes() == fresh_tei.read_bytes()


@pytest.mark.slow
def test_render_pdfa3_embeds_the_tei_file_it_was_given(seed_copy: Path, tmp_path: Path) -> None:
    assert run(["build", str(seed_copy), "-o", str(tmp_path / "out"), "--to", "tei"]) == 0
    [tei] = (tmp_path / "out").glob("*/*.tei.xml")
    pdf = tmp_path / "edition.pdf"
    assert run(["render", str(tei), "--to", "pdf", "--pdf-variant", "pdf/a-3b", "-o", str(pdf)]) == 0
    assert _attachments(pdf) == {tei.name: tei.read_bytes()}


def test_pdfa3_without_a_tei_is_a_one_line_render_error(seed_edition, tmp_path: Path) -> None:
    from hlmpub.render import render_edition

    with pytest.raises(RenderError) as caught:
        render_edition(seed_edition, "pdf", tmp_path / "seed.pdf", Settings().with_(pdf_variant="pdf/a-3b"))
    assert "\n" not in caught.value.one_line() and "TEI" in caught.value.one_line()
    assert not list(tmp_path.iterdir())


@pytest.mark.slow
def test_review_pdf_of_a_pdfa3_build_embeds_the_same_tei(seed_copy: Path, tmp_path: Path) -> None:
    config = _config(tmp_path, 'pdf_variant = "pdf/a-3b"\n[review]\nedition_formats = ["pdf"]\n')
    out = tmp_path / "out"
    assert run(["--config", str(config), "build", str(seed_copy), "-o", str(out), "--to", "review,tei"]) == 0
    [tei] = out.glob("*/*.tei.xml")
    [review_pdf] = out.glob("*/*.review.pdf")
    assert _attachments(review_pdf) == {tei.name: tei.read_bytes()}
    # hlmpub review attaches the TEI it reads
    (tei.parent / review_pdf.name).unlink()
    assert run(["--config", str(config), "review", str(tei)]) == 0
    assert _attachments(review_pdf) == {tei.name: tei.read_bytes()}
