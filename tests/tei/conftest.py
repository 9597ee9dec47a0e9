"""Fixtures for the TEI tests: one compiled tei_all per session, SYNTHETIC editions from JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from hlmpub.model import Edition, load

TEI_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "tei"


@pytest.fixture(scope="session")
def tei_schema():
    """The compiled tei_all schema (installed first when missing: idempotent)."""
    from hlmpub.tei import schema

    schema.install()
    return schema.relaxng()


def load_fixture(name: str) -> Edition:
    return load((TEI_FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def synthetic() -> Edition:
    """SYNTHETIC three-language edition (zh, ar, en) from tests/fixtures/tei/synthetic_edition.json."""
    return load_fixture("synthetic_edition.json")


@pytest.fixture(scope="session")
def synthetic_one() -> Edition:
    """SYNTHETIC one-language edition: every row has a single unit."""
    return load_fixture("synthetic_one_language.json")


@pytest.fixture
def synthetic_tei(tmp_path: Path, synthetic: Edition) -> Path:
    from hlmpub.tei import write_tei

    return write_tei(synthetic, tmp_path / "X_0_000.tei.xml")
