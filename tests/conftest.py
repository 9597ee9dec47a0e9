"""Shared fixtures: paths to the bundled real data, and the golden-file switch."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"
SEED = SOURCES / "A_68_563" / "zh.txt"
UDHR = SOURCES / "udhr"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
TABLES = FIXTURES / "tables"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files from the current output; review the diff before committing.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def golden(update_golden: bool):
    """``golden(name, actual_text)``: compare with tests/golden/<name>, or rewrite it."""

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update_golden or not path.exists():
            if not update_golden:
                pytest.fail(f"golden file {path} missing; run pytest --update-golden and review it")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
        assert actual == path.read_text(encoding="utf-8"), f"differs from golden {name}"

    return check


@pytest.fixture(scope="session")
def seed_edition(tmp_path_factory):
    """The bundled A/68/563 folder, ingested and aligned (Chinese only).

    The output folder is a fresh temporary one, so no earlier TEI (with a reviewer's manual links) in the
    working tree's output/ can change what the tests see."""
    from hlmpub.config import Settings
    from hlmpub.pipeline import edition_from_sources

    return edition_from_sources(SOURCES / "A_68_563", Settings(output_dir=tmp_path_factory.mktemp("out")))


@pytest.fixture(scope="session")
def udhr_edition(tmp_path_factory):
    """The bundled UDHR, six languages, ingested and aligned (fresh output folder, as above)."""
    from hlmpub.config import Settings
    from hlmpub.pipeline import edition_from_sources

    return edition_from_sources(UDHR, Settings(output_dir=tmp_path_factory.mktemp("out")))


@pytest.fixture(scope="session")
def tables():
    """SYNTHETIC editions with a table (tests/fixtures/tables/README.md), by file stem:
    ``tables`` (six languages), ``tables_wrong_number`` and ``tables_missing_row`` (zh, en, ar)."""
    from hlmpub.model import load

    return {p.stem: load(p.read_text(encoding="utf-8")) for p in sorted(TABLES.glob("*.json"))}
