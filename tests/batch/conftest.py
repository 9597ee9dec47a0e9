"""Batches of document folders: copies of the bundled Chinese seed (sources/A_68_563) with changed symbols."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SEED_DIR = Path(__file__).resolve().parents[2] / "sources" / "A_68_563"
BROKEN = "doc05"


def copy_seed(root: Path, k: int) -> Path:
    """A copy of the seed folder whose document.toml names the test-only symbol ``A/68/563-COPY<k>``.

    The text (zh.txt) is the real seed, byte for byte; only the symbol differs, so each copy gets its own
    output folder.
    """
    folder = root / f"doc{k:02d}"
    shutil.copytree(SEED_DIR, folder)
    toml = folder / "document.toml"
    text = toml.read_text(encoding="utf-8")
    assert 'symbol = "A/68/563"' in text
    toml.write_text(text.replace('symbol = "A/68/563"', f'symbol = "A/68/563-COPY{k:02d}"'), encoding="utf-8")
    return folder


@pytest.fixture
def dozen(tmp_path) -> Path:
    """``tmp/sources/doc00`` … ``doc11``; ``doc05`` is deliberately broken (its zh.txt is missing)."""
    root = tmp_path / "sources"
    for k in range(12):
        copy_seed(root, k)
    (root / BROKEN / "zh.txt").unlink()
    return root
