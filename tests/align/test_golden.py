"""Align golden file: the UDHR's six-language rows, as ``hlmpub align --json`` prints them.

The rows are checked against the reviewed gold alignment elsewhere (test_udhr.py); this file pins the
whole output — methods, keys and confidences to three decimals — so that any change to the aligner is
seen as a diff (``pytest --update-golden``; read the diff before committing).
"""

from __future__ import annotations

import json


def rows_json(edition) -> str:
    rows = [
        {"units": {k: list(v) for k, v in lk.units.items()}, "method": lk.method, "confidence": round(lk.score, 3)}
        | ({"key": lk.key} if lk.key else {})
        for lk in edition.links
    ]
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def test_udhr_rows_golden(udhr_edition, golden):
    text = rows_json(udhr_edition)
    golden("align/udhr_rows.json", text)
    rows = json.loads(text)
    assert len(rows) == 92 and set(rows[0]["units"]) == {"ar", "en", "es", "fr", "ru", "zh"}
