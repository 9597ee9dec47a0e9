"""What the realistic UN-layout fixtures (tests/fixtures/real_un) must read as: shared by the reader tests."""

from __future__ import annotations

import json
from pathlib import Path

REAL_UN = Path(__file__).resolve().parents[1] / "fixtures" / "real_un"
LANGS = ("zh", "ar", "ru", "en", "es", "fr")


def expected(name: str) -> tuple[list[dict], dict]:
    """The units written down for ``name`` (``note_zh``, ``seed_zh``) and its facts (the string-valued ones)."""
    units = json.loads((REAL_UN / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    meta = json.loads((REAL_UN / "expected" / f"{name}.meta.json").read_text(encoding="utf-8"))
    return units, {k: v for k, v in meta.items() if isinstance(v, str) and k != "note"}


def as_json(unit) -> dict:
    """A unit in the form of the expected files (``hlmpub ingest --json``, rows for a table)."""
    item = {"id": unit.id, "kind": unit.kind, "key": unit.key, "marker": unit.marker, "text": unit.text}
    if unit.kind == "table":
        item["rows"] = [list(row) for row in unit.rows]
    return item
