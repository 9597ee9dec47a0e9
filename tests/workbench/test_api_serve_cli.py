"""`hlmpub review serve` as a user runs it: a real process on a free port, its first line, Ctrl-C.

And `hlmpub review EDITION` (the report, the command before the workbench) still works."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from hlmpub.cli import run
from hlmpub.errors import ExitCode

SRC = Path(__file__).resolve().parents[2] / "src"
URL = re.compile(r"^http://127\.0\.0\.1:(\d+)/\?token=([A-Za-z0-9_-]{43})$")


def hlmpub(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-m", "hlmpub", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_serve_prints_the_url_first_serves_the_edition_and_stops_cleanly_on_ctrl_c(udhr_copy):
    tei_path, sources = udhr_copy
    server = hlmpub("review", "serve", str(tei_path), "--sources", str(sources), "--port", "0", "--reviewer", "B")
    try:
        assert server.stdout is not None
        first = server.stdout.readline().rstrip("\n")
        match = URL.match(first)
        assert match, first
        base = f"http://127.0.0.1:{match.group(1)}"
        assert httpx.get(f"{base}/api/rows").status_code == 401
        rows = httpx.get(f"{base}/api/rows", params={"token": match.group(2)})
        assert rows.status_code == 200 and rows.json()["reviewer"] == "B" and len(rows.json()["rows"]) == 92
        page = httpx.get(first, follow_redirects=True)
        assert page.status_code == 200 and "A/RES/217(III)" in page.text
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=30)
    assert server.returncode == 0, err
    assert "stopped" in err and "Traceback" not in err
    assert out == ""  # the URL was the only line on stdout


def test_a_non_loopback_host_needs_allow_remote(udhr_copy, capsys):
    tei_path, sources = udhr_copy
    assert run(["review", "serve", str(tei_path), "--sources", str(sources), "--host", "0.0.0.0"]) == ExitCode.USAGE
    assert "--allow-remote" in capsys.readouterr().err


def test_a_port_in_use_is_a_one_line_output_error(udhr_copy, capsys):
    tei_path, sources = udhr_copy
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        argv = ["review", "serve", str(tei_path), "--sources", str(sources), "--port", str(port)]
        assert run(argv) == ExitCode.OUTPUT
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "Traceback" not in err


def test_serve_without_the_source_folder_is_a_one_line_error(udhr_copy, tmp_path, capsys):
    tei_path, _ = udhr_copy
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run(["review", "serve", str(tei_path), "--sources", str(empty), "--port", "0"]) == ExitCode.INPUT
    err = capsys.readouterr().err
    assert "document.toml" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("argv", [["review", "{tei}"], ["review", "report", "{tei}"]])
def test_hlmpub_review_edition_still_writes_the_report(udhr_copy, tmp_path, argv):
    tei_path, _ = udhr_copy
    out = tmp_path / "report"
    assert run([a.format(tei=tei_path) for a in argv] + ["-o", str(out)]) == 0
    report = json.loads((out / "udhr.review.json").read_text(encoding="utf-8"))
    assert report["findings"]


def test_review_help_names_both_commands(capsys):
    assert run(["review", "--help"]) == 0
    text = capsys.readouterr().out
    assert "report" in text and "serve" in text
