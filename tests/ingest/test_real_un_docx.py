"""The realistic UN-layout notes (tests/fixtures/real_un/note_<lang>.docx, synthetic) read as their authors made them.

Each DOCX must give exactly the units written down in expected/note_<lang>.json (ids, kinds, keys, markers,
texts, table rows) and the masthead facts of expected/note_<lang>.meta.json: the masthead table and the
headers and footers as metadata, the two-line title as one unit, the subtitle with its asterisk note, the
unnumbered heading as a section, the table as one unit with its note, the footnotes after their paragraphs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hlmpub.ingest import read_version
from hlmpub.ingest.blocks import FURNITURE, HEADING, NOTE, REF_END, REF_MARK, TABLE
from hlmpub.ingest.readers.docx import read

from .real_un import LANGS, as_json, expected

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "real_un"


@pytest.mark.parametrize("lang", LANGS)
def test_note_docx_gives_the_expected_units_and_meta(lang):
    units, meta = expected(f"note_{lang}")
    version = read_version(HERE / f"note_{lang}.docx", lang)
    assert [as_json(u) for u in version.units] == units
    assert version.meta == meta
    table = next(u for u in version.units if u.kind == "table")
    assert table.header_rows == 1 and table.shape == (31, 4)


def test_note_docx_blocks():
    """What the reader hands over: heading levels, a masthead and a body table, notes by number and mark."""
    reading = read(HERE / "note_en.docx", "en")
    headings = [(b.layout.level, b.layout.size, b.lines[0]) for b in reading.blocks if b.kind == HEADING]
    assert headings == [
        (1, 17.0, "Everyone has the right to life, liberty and the security of person."),
        (1, 12.0, f"Note by the Secretariat{REF_MARK}*{REF_END}"),
        (2, 10.0, "Preamble"),
    ]
    masthead, body = (b for b in reading.blocks if b.kind == TABLE)
    assert masthead.rows[1][2] == "Distr.: General\n15 March 2099\nOriginal: English"
    assert masthead.layout.header_rows == 0
    assert body.layout.header_rows == 1 and body.rows[0][-1] == "Article 13a" and len(body.rows) == 31
    notes = [(b.layout.number, b.layout.marker, b.lines[0][:9]) for b in reading.blocks if b.kind == NOTE]
    assert notes == [(0, "*", "SYNTHETIC"), (1, "1", "Whereas r"), (2, "2", "Everyone ")]
    furniture = [line for b in reading.blocks if b.kind == FURNITURE for line in b.lines]
    assert "A/99/999" in furniture and "Please recycle ♲" in furniture
    agenda_title = next(b for b in reading.blocks if b.lines == ("Universal Declaration of Human Rights",))
    assert agenda_title.kind == "paragraph" and agenda_title.layout.bold and agenda_title.layout.size == 10.0
