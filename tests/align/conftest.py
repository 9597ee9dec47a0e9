"""Shared data for the aligner tests: the real UDHR versions and the seed, read once."""

from __future__ import annotations

from pathlib import Path

import pytest

from hlmpub.align.encoder import Encoder
from hlmpub.config import load_document
from hlmpub.ingest import read_version

ROOT = Path(__file__).resolve().parents[2]
UDHR = ROOT / "sources" / "udhr"
SEED = ROOT / "sources" / "A_68_563" / "zh.txt"
GOLD = UDHR / "gold-alignment.toml"
#: language → file, as the bundled document.toml names them
UDHR_FILES = {v.lang: v.path.name for v in load_document(UDHR).versions}


@pytest.fixture(scope="session")
def udhr_versions():
    """The six real UDHR versions, zh first (the pivot)."""
    return {lang: read_version(UDHR / name, lang, "udhr-xml") for lang, name in UDHR_FILES.items()}


@pytest.fixture(scope="session")
def seed_version():
    """The real Chinese seed A/68/563 (102 keyed units)."""
    return read_version(SEED, "zh", "txt")


@pytest.fixture(scope="session")
def shared_encoder():
    """One vector cache for the whole session (the model itself is loaded once per process anyway)."""
    return Encoder()
