"""A workbench on a copy of the UDHR: its sources and a TEI built from them, in a temporary folder."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from hlmpub.config import Settings
from hlmpub.pipeline import edition_from_sources, write_outputs

UDHR = Path(__file__).resolve().parents[2] / "sources" / "udhr"


@pytest.fixture(scope="session")
def udhr_build(tmp_path_factory) -> Path:
    """The UDHR built once (TEI only) into a fresh output folder; tests copy it."""
    out = tmp_path_factory.mktemp("wb-out")
    settings = Settings(output_dir=out, formats=("tei",))
    write_outputs(edition_from_sources(UDHR, settings), settings)
    return out / "udhr" / "udhr.tei.xml"


@pytest.fixture
def udhr_copy(tmp_path, udhr_build) -> tuple[Path, Path]:
    """(TEI path, source folder) of a private copy: the session may write both."""
    sources = tmp_path / "sources" / "udhr"
    shutil.copytree(UDHR, sources)
    tei_path = tmp_path / "output" / "udhr" / "udhr.tei.xml"
    tei_path.parent.mkdir(parents=True)
    shutil.copy(udhr_build, tei_path)
    return tei_path, sources


class Clock:
    """A clock that ticks one minute per call (the session dates every decision)."""

    def __init__(self) -> None:
        self.moment = datetime.datetime(2026, 12, 5, 1, 0, tzinfo=datetime.UTC)

    def __call__(self) -> datetime.datetime:
        self.moment += datetime.timedelta(minutes=1)
        return self.moment


@pytest.fixture
def session(udhr_copy):
    from hlmpub.workbench.session import Session

    tei_path, sources = udhr_copy
    return Session(tei_path, sources=sources, reviewer="A. Reviser", clock=Clock())
