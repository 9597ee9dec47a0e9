"""End-to-end fetch against the scripted loopback server (tests/fetch/conftest.py).

The files served are SYNTHETIC fixtures (tests/fixtures/fetch/README.md), never UN documents.
"""

from __future__ import annotations

import shutil
import time
import tomllib
from pathlib import Path

import pytest

from hlmpub.cli import run
from hlmpub.config import load_document
from hlmpub.errors import ExitCode, FetchError
from hlmpub.fetch import FetchOptions, fetch_document
from hlmpub.fetch.client import get, make_client
from hlmpub.safeio import sha256_bytes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fetch"
PDF_A = (FIXTURES / "synthetic-a.pdf").read_bytes()
PDF_B = (FIXTURES / "synthetic-b.pdf").read_bytes()
DOCX = (FIXTURES / "synthetic.docx").read_bytes()
SEED_FOLDER = Path(__file__).resolve().parents[2] / "sources" / "A_68_563"
SYMBOL = "A/68/563"
FAST = FetchOptions(timeout=2.0, attempts=3, backoff=0.01)


def leftovers(folder: Path) -> list[str]:
    """Temporary files a failed write could leave behind."""
    return sorted(
        p.name for p in folder.rglob("*") if p.name.endswith(".part") or p.name.startswith(".") and ".part" in p.name
    )


def fetch(server, out: Path, langs, fmt="pdf", options=FAST):
    return fetch_document(SYMBOL, langs, fmt, out, base_url=server.base_url, options=options)


def test_six_languages_each_case_handled(server, tmp_path):
    pdf = server.reply(body=PDF_A)
    # en: two redirects (as undocs.org → documents.un.org → the file)
    server.route("/en/A/68/563", server.reply(status=301, location="/api/symbol?s=A/68/563&l=en"))
    server.route("/api/symbol?s=A/68/563&l=en", server.reply(status=302, location="/files/en.pdf"))
    server.route("/files/en.pdf", pdf)
    # fr: a server error, then the file on the retry
    server.route("/fr/A/68/563", server.reply(status=503, body=b"busy", content_type="text/plain"), pdf)
    # es: missing upstream (no route: 404)
    # ru: an HTML page where a PDF was expected
    server.route("/ru/A/68/563", server.reply(body=b"<html>login</html>", content_type="text/html; charset=utf-8"))
    # ar: the connection breaks off half-way through the file, every time
    server.route("/ar/A/68/563", server.reply(body=PDF_A[:300], declared_length=len(PDF_A)))
    # zh: asked as "ch", as the UN's links write it
    server.route("/ch/A/68/563", server.reply(status=302, location="/files/zh.pdf"))
    server.route("/files/zh.pdf", server.reply(body=PDF_B))

    report = fetch(server, tmp_path, ())

    folder = tmp_path / "A_68_563"
    assert report.folder == folder
    assert sorted(report.fetched) == ["en", "fr", "zh"]
    assert sorted(report.failed) == ["ar", "es", "ru"]
    assert "404" in report.failed["es"]
    assert "text/html" in report.failed["ru"]
    assert "connection broke off" in report.failed["ar"] and "3 attempts" in report.failed["ar"]
    assert (folder / "en.pdf").read_bytes() == PDF_A
    assert (folder / "fr.pdf").read_bytes() == PDF_A
    assert (folder / "zh.pdf").read_bytes() == PDF_B
    assert sorted(p.name for p in folder.iterdir()) == [".fetch.json", "document.toml", "en.pdf", "fr.pdf", "zh.pdf"]
    assert server.calls["/fr/A/68/563"] == 2
    assert server.calls["/ar/A/68/563"] == 3
    assert "/zh/A/68/563" not in {path for path, _ in server.requests}
    assert all(headers["user-agent"].startswith("hlmpub/0.") for _, headers in server.requests)

    data = tomllib.loads((folder / "document.toml").read_text(encoding="utf-8"))
    assert data["document"] == {"symbol": SYMBOL}
    assert data["versions"] == {
        "en": {"file": "en.pdf", "sha256": sha256_bytes(PDF_A)},
        "fr": {"file": "fr.pdf", "sha256": sha256_bytes(PDF_A)},
        "zh": {"file": "zh.pdf", "sha256": sha256_bytes(PDF_B)},
    }
    spec = load_document(folder)  # the pipeline's own loader accepts it
    assert {(v.lang, v.path.name, v.format) for v in spec.versions} == {
        ("en", "en.pdf", "pdf"),
        ("fr", "fr.pdf", "pdf"),
        ("zh", "zh.pdf", "pdf"),
    }


def test_truncated_pdf_with_honest_length_is_refused(server, tmp_path):
    server.route("/en/A/68/563", server.reply(body=PDF_A[:-40]))
    server.route("/fr/A/68/563", server.reply(body=PDF_A))
    report = fetch(server, tmp_path, ("en", "fr"))
    assert "truncated PDF" in report.failed["en"]
    assert server.calls["/en/A/68/563"] == 1  # bad content is not retried
    folder = tmp_path / "A_68_563"
    assert not (folder / "en.pdf").exists()
    assert leftovers(tmp_path) == []
    assert list(tomllib.loads((folder / "document.toml").read_text())["versions"]) == ["fr"]


def test_server_error_that_never_ends_gives_up_after_the_bound(server, tmp_path):
    server.route("/en/A/68/563", server.reply(status=500, body=b"oops", content_type="text/plain"))
    report = fetch(server, tmp_path, ("en",))
    assert "HTTP 500 (3 attempts)" in report.failed["en"]
    assert server.calls["/en/A/68/563"] == 3
    assert not (tmp_path / "A_68_563").exists()  # nothing fetched: nothing written, not even document.toml


def test_timeout_is_retried_then_reported(server, tmp_path):
    server.route("/en/A/68/563", server.reply(body=PDF_A, delay=1.0))
    report = fetch(server, tmp_path, ("en",), options=FetchOptions(timeout=0.2, attempts=2, backoff=0.01))
    assert "timed out (2 attempts)" in report.failed["en"]
    assert not (tmp_path / "A_68_563").exists()


def test_unchanged_file_is_not_downloaded_again(server, tmp_path):
    server.route("/en/A/68/563", server.reply(body=PDF_A, etag='"v1"'))
    first = fetch(server, tmp_path, ("en",))
    target = tmp_path / "A_68_563" / "en.pdf"
    stamp = target.stat().st_mtime_ns, target.stat().st_ino
    assert first.unchanged == []
    second = fetch(server, tmp_path, ("en",))
    assert second.unchanged == ["en"] and second.failed == {}
    assert server.requests[-1][1]["if-none-match"] == '"v1"'
    assert (target.stat().st_mtime_ns, target.stat().st_ino) == stamp


def test_without_validators_the_checksum_decides(server, tmp_path):
    server.route("/en/A/68/563", server.reply(body=PDF_A))
    fetch(server, tmp_path, ("en",))
    folder = tmp_path / "A_68_563"
    inode = (folder / "en.pdf").stat().st_ino
    again = fetch(server, tmp_path, ("en",))
    assert again.unchanged == ["en"]
    assert "if-none-match" not in server.requests[-1][1]
    assert (folder / "en.pdf").stat().st_ino == inode  # not rewritten
    server.route("/en/A/68/563", server.reply(body=PDF_B))  # a corrected version upstream
    changed = fetch(server, tmp_path, ("en",))
    assert changed.unchanged == []
    assert (folder / "en.pdf").read_bytes() == PDF_B
    versions = tomllib.loads((folder / "document.toml").read_text())["versions"]
    assert versions["en"]["sha256"] == sha256_bytes(PDF_B)


def test_existing_document_toml_keeps_its_comments_and_entries(server, tmp_path):
    folder = tmp_path / "A_68_563"
    shutil.copytree(SEED_FOLDER, folder)
    original = (folder / "document.toml").read_text(encoding="utf-8")
    server.route("/en/A/68/563", server.reply(body=PDF_A))
    report = fetch(server, tmp_path, ("en",))
    assert report.failed == {}
    text = (folder / "document.toml").read_text(encoding="utf-8")
    assert text.startswith(original)  # every line kept, the new one added at the end of [versions]
    assert text[len(original) :] == f'en = {{ file = "en.pdf", sha256 = "{sha256_bytes(PDF_A)}" }}\n'
    before, after = tomllib.loads(original), tomllib.loads(text)
    assert after["document"] == before["document"]
    assert after["versions"]["zh"] == "zh.txt"


def test_folder_of_another_document_is_refused_before_any_request(server, tmp_path):
    folder = tmp_path / "A_68_563"
    folder.mkdir()
    (folder / "document.toml").write_text('[document]\nsymbol = "A/68/999"\n\n[versions]\nen = "en.pdf"\n')
    with pytest.raises(FetchError, match="A/68/999"):
        fetch(server, tmp_path, ("en",))
    assert server.requests == []


def test_docx_is_checked_as_a_docx(server, tmp_path):
    docx_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    server.route("/en/A/68/563", server.reply(body=DOCX, content_type=docx_type))
    server.route("/fr/A/68/563", server.reply(body=PDF_A, content_type="application/octet-stream"))
    server.route("/es/A/68/563", server.reply(body=DOCX[: len(DOCX) // 2], content_type=docx_type))
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600  # SYNTHETIC: only the magic of a legacy .doc
    server.route("/ru/A/68/563", server.reply(body=ole2, content_type="application/msword"))
    report = fetch(server, tmp_path, ("en", "fr", "es", "ru"), fmt="docx")
    assert list(report.fetched) == ["en"]
    assert (tmp_path / "A_68_563" / "en.docx").read_bytes() == DOCX
    assert "not a zip" in report.failed["fr"]
    assert "truncated or damaged DOCX" in report.failed["es"]
    assert "application/msword" in report.failed["ru"]
    assert leftovers(tmp_path) == []


def test_cli_reports_each_missing_language_and_exits_non_zero(server, tmp_path, capsys):
    server.route("/en/A/68/563", server.reply(body=PDF_A))
    code = run(["fetch", SYMBOL, "--langs", "en,es", "-o", str(tmp_path), "--base-url", server.base_url])
    assert code == ExitCode.FETCH
    err = capsys.readouterr().err
    assert "es:" in err and "404" in err
    assert "1 fetched, 1 failed" in err
    assert (tmp_path / "A_68_563" / "en.pdf").read_bytes() == PDF_A


def test_cli_base_url_from_the_environment(server, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HLMPUB_FETCH_BASE_URL", server.base_url)
    server.route("/en/A/68/563", server.reply(body=PDF_A))
    assert run(["fetch", SYMBOL, "--langs", "en", "-o", str(tmp_path)]) == 0
    assert "1 fetched, 0 failed" in capsys.readouterr().err
    assert server.calls["/en/A/68/563"] == 1


def test_oversized_answer_and_redirect_loop_are_refused(server, tmp_path):
    server.route("/en/A/68/563", server.reply(body=PDF_A))
    server.route("/fr/A/68/563", server.reply(status=302, location="/loop"))
    server.route("/loop", server.reply(status=302, location="/fr/A/68/563"))
    small = FetchOptions(timeout=2.0, attempts=1, max_bytes=100)
    report = fetch(server, tmp_path, ("en", "fr"), options=small)
    assert "over 100 bytes" in report.failed["en"]
    assert "cannot follow the link" in report.failed["fr"]
    assert not (tmp_path / "A_68_563").exists()


def test_a_host_that_does_not_resolve_gives_up_at_once(tmp_path, capsys):
    # .invalid never resolves (RFC 6761), and fails at once without a network
    start = time.perf_counter()
    argv = ["fetch", SYMBOL, "--langs", "en,fr", "-o", str(tmp_path), "--base-url", "http://nonexistent.invalid"]
    assert run(argv) == ExitCode.FETCH
    assert time.perf_counter() - start < 3  # today: 3 pauses (1 + 2 + 4 s) per language
    err = capsys.readouterr().err
    assert "cannot find the host nonexistent.invalid" in err
    assert "retrying" not in err and "attempts" not in err


def test_name_resolution_failure_is_not_retried(tmp_path):
    pauses: list[float] = []
    with make_client(FetchOptions()) as client, pytest.raises(FetchError, match="cannot find the host"):
        get(client, "http://nonexistent.invalid/en/A/1", FetchOptions(), sleep=pauses.append)
    assert pauses == []
