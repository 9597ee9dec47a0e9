"""document.toml is edited line by line and checked by parsing it again (synthetic TOML snippets)."""

from __future__ import annotations

import io
import tomllib

import pytest

from hlmpub.cli.progress import fetch_bars as bars
from hlmpub.errors import ConfigError, FetchError
from hlmpub.fetch.client import document_url, resolve_base_url, user_agent
from hlmpub.fetch.toml_update import record_version, set_key_line, toml_string

SHA = "ab" * 32


@pytest.mark.parametrize(
    "value",
    ["plain", 'quo"te', "back\\slash", "tab\there", "new\nline", "bell\x07", "中文 العربية"],
)
def test_toml_string_round_trips(value):
    assert tomllib.loads(f"k = {toml_string(value)}")["k"] == value


def test_replaces_the_line_of_the_language_and_keeps_the_rest(tmp_path):
    path = tmp_path / "document.toml"
    original = (
        '# SYNTHETIC test document\n[document]\nsymbol = "A/1"  # kept\n\n'
        '[versions]\nen = "old.pdf"  # will change\nfr = "fr.txt"\n\n[extra]\nx = 1\n'
    )
    path.write_text(original)
    assert record_version(path, "A/1", "en", "en.pdf", SHA) is True
    text = path.read_text()
    assert text == original.replace('en = "old.pdf"  # will change', f'en = {{ file = "en.pdf", sha256 = "{SHA}" }}')
    assert record_version(path, "A/1", "en", "en.pdf", SHA) is False  # same line: not rewritten


def test_new_language_goes_after_the_last_entry_of_versions():
    text = '[document]\nsymbol = "A/1"\n\n[versions]\nzh = "zh.txt"\n# a comment\n\n[other]\n'
    out = set_key_line(text, "versions", "en", 'en = "en.pdf"')
    assert out == '[document]\nsymbol = "A/1"\n\n[versions]\nzh = "zh.txt"\nen = "en.pdf"\n# a comment\n\n[other]\n'


def test_windows_line_endings_and_missing_final_newline_are_respected():
    out = set_key_line('[versions]\r\nzh = "zh.txt"', "versions", "en", 'en = "en.pdf"')
    assert out == '[versions]\r\nzh = "zh.txt"\r\nen = "en.pdf"\r\n'


def test_missing_symbol_and_versions_are_added(tmp_path):
    path = tmp_path / "document.toml"
    path.write_text('[document]\nsession = "68"\n')
    record_version(path, "A/68/563", "en", "en.pdf", SHA)
    data = tomllib.loads(path.read_text())
    assert data == {
        "document": {"session": "68", "symbol": "A/68/563"},
        "versions": {"en": {"file": "en.pdf", "sha256": SHA}},
    }


def test_a_layout_it_cannot_edit_safely_is_left_alone(tmp_path):
    path = tmp_path / "document.toml"
    original = '[document]\nsymbol = "A/1"\n\n[versions.en]\nfile = "en.txt"\n'
    path.write_text(original)
    with pytest.raises(FetchError, match="add this line by hand"):
        record_version(path, "A/1", "en", "en.pdf", SHA)
    assert path.read_text() == original


def test_base_url_order_and_checks(monkeypatch):
    monkeypatch.delenv("HLMPUB_FETCH_BASE_URL", raising=False)
    assert resolve_base_url() == "https://undocs.org"
    assert resolve_base_url(configured="http://mirror.example/docs/") == "http://mirror.example/docs"
    monkeypatch.setenv("HLMPUB_FETCH_BASE_URL", "http://env.example")
    assert resolve_base_url(configured="http://mirror.example") == "http://env.example"
    assert resolve_base_url("http://option.example") == "http://option.example"
    with pytest.raises(ConfigError):
        resolve_base_url("file:///etc/passwd")


def test_urls_use_the_un_path_codes():
    assert document_url("https://undocs.org", "A/68/563", "zh") == "https://undocs.org/ch/A/68/563"
    assert (
        document_url("https://undocs.org/", "S/RES/1440 (2002)", "en")
        == "https://undocs.org/en/S/RES/1440%20%282002%29"
    )
    assert user_agent().startswith("hlmpub/")


def test_progress_bars_only_on_a_terminal():
    from rich.console import Console

    buf = io.StringIO()
    with bars(Console(file=buf, force_terminal=True, width=100)) as progress:
        hook = progress.hook("en")
        assert hook is not None
        hook(50, 100)
        progress.finish("en", "fetched")
    assert "en fetched" in buf.getvalue()
    plain = io.StringIO()
    with bars(Console(file=plain, force_terminal=False)) as progress:
        assert progress.hook("en") is None
    assert plain.getvalue() == ""
