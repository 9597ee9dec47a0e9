"""One document, three files, one reading: each realistic note (tests/fixtures/real_un, SYNTHETIC with real UDHR
text) gives the same units — ids, kinds, keys, markers, texts, table cells — and the same masthead facts from its
DOCX, its tagged PDF (structure tree) and its untagged PDF (layout), and those are the units written down in
expected/ before any reader handled the files.  No masthead or running-header text is in any unit.
"""

from __future__ import annotations

import json

import pytest

from hlmpub.ingest import read_version

from ..conftest import FIXTURES

REAL_UN = FIXTURES / "real_un"
LANGS = ("zh", "ar", "ru", "en", "es", "fr")
FORMATS = ("docx", "tagged.pdf", "untagged.pdf")
#: What the masthead and the running header and footer print (expected/*.meta.json "printed").
FURNITURE_KEYS = ("distribution", "original", "job", "barcode")


def units(lang: str, fmt: str) -> tuple[list[tuple], dict[str, str]]:
    version = read_version(REAL_UN / f"note_{lang}.{fmt}", lang)
    rows = [(u.id, u.kind, u.key, u.marker, u.text, u.rows, u.header_rows) for u in version.units]
    return rows, dict(version.meta)


@pytest.mark.parametrize("lang", LANGS)
def test_docx_tagged_and_untagged_pdf_give_the_same_units(lang):
    expected = json.loads((REAL_UN / "expected" / f"note_{lang}.json").read_text(encoding="utf-8"))
    want = [
        (u["id"], u["kind"], u["key"], u["marker"], u["text"], tuple(map(tuple, u.get("rows", ())))) for u in expected
    ]
    facts = json.loads((REAL_UN / "expected" / f"note_{lang}.meta.json").read_text(encoding="utf-8"))
    for fmt in FORMATS:
        got, meta = units(lang, fmt)
        assert [row[:6] for row in got] == want, fmt
        assert [row[6] for row in got if row[1] == "table"] == [1], fmt  # one header row, given once
        for key in ("symbol", "date", "distribution", "original", "job"):
            assert meta.get(key) == facts[key], (fmt, key)
        printed = [facts["printed"][k] for k in FURNITURE_KEYS if k in facts["printed"]]
        assert len(printed) >= 3
        assert not [p for p in printed for row in got if p in row[4]], fmt  # no furniture in any unit
