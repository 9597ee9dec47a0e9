"""Ingest golden files: the units of the seed and of a synthetic PDF and DOCX, through ``model.dump_version``.

A change in what a reader or the segmenter produces shows up as a diff of these files
(``pytest --update-golden`` rewrites them; read the diff before committing).  The PDF and DOCX are
generated in tmp_path from the synthetic Arabic units of tests/fixtures/ingest_formats/ (SYNTHETIC, not a
UN document), laid out as UN documents are.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from hlmpub import model
from hlmpub.ingest import read_version

from .test_docx import un_docx
from .test_pdf import SEED, load_rows, render_pdf


def dumped(version: model.Version) -> str:
    """The versioned JSON of a version, its source file name and checksum left out (they vary by run)."""
    return model.dump_version(replace(version, source=model.Source("FILE", version.source.format, "SHA256")))


def test_seed_units_golden(golden):
    version = read_version(SEED, "zh")
    text = dumped(version)
    golden("ingest/seed_zh.json", text)
    assert model.load_version(text).units == version.units  # the golden form reads back as the same units
    kinds = [u["kind"] for u in json.loads(text)["version"]["units"]]
    assert (kinds.count("meta"), kinds.count("chapter"), kinds.count("section"), kinds.count("para")) == (5, 5, 13, 79)


@pytest.mark.slow
def test_synthetic_arabic_pdf_units_golden(golden, tmp_path):
    rows = [(kind, marker, text) for kind, _, marker, text in load_rows("ar")]
    pdf = render_pdf(tmp_path / "ar.pdf", rows, "ar", "A/99/001", "99-00001 (A)")
    golden("ingest/ar_synthetic.pdf.json", dumped(read_version(pdf, "ar")))


@pytest.mark.slow
def test_synthetic_russian_docx_units_golden(golden, tmp_path):
    rows = [(kind, marker, text) for kind, _, marker, text in load_rows("ru")]
    docx = un_docx(tmp_path / "ru.docx", rows, "ru", "A/99/001", "99-00001 (R)")
    golden("ingest/ru_synthetic.docx.json", dumped(read_version(docx, "ru")))
