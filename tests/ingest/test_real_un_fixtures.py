"""The realistic UN-layout fixtures of issue 12 (tests/fixtures/real_un/): present, well-formed, consistent.

No reader runs here (the readers are tested on these files in test_real_un_docx.py and the PDF tests).
These checks only guard the fixtures themselves: every file is there, the expected units are well-formed and
the same in every language (kinds, keys, table shape and figures), the DOCX packages really hold Word
footnotes and a repeated header row, the tagged PDFs have a structure tree and the untagged ones have none,
and each re-measured seed text has the wrapped line that begins with 三、.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from hlmpub.model import KINDS, table_text

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "real_un"
EXPECTED = HERE / "expected"
LANGS = ("zh", "ar", "ru", "en", "es", "fr")
MEASURES = ("a5_serif", "letter_sans", "a4_lo_sans")
FIELDS = {"id", "kind", "key", "marker", "text"}


def units(name: str) -> list[dict]:
    return json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))


def test_every_fixture_file_is_there():
    names = ["make_fixtures.py", "README.md", "expected/seed_zh.json", "expected/seed_zh.meta.json"]
    for lang in LANGS:
        names += [f"note_{lang}.docx", f"note_{lang}.tagged.pdf", f"note_{lang}.untagged.pdf"]
        names += [f"expected/note_{lang}.json", f"expected/note_{lang}.meta.json"]
    for measure in MEASURES:
        names += [f"seed_zh_{measure}.pdf", f"seed_zh_{measure}.txt"]
    missing = [n for n in names if not (HERE / n).is_file() or not (HERE / n).stat().st_size]
    assert not missing


@pytest.mark.parametrize("name", [f"note_{lang}" for lang in LANGS] + ["seed_zh"])
def test_expected_units_are_well_formed(name):
    items = units(name)
    assert isinstance(items, list) and items
    ids = [u["id"] for u in items]
    assert len(set(ids)) == len(ids)
    for unit in items:
        assert FIELDS <= set(unit) <= FIELDS | {"rows"}
        assert all(isinstance(unit[f], str) for f in FIELDS)
        assert unit["kind"] in (*KINDS, "table")
        assert unit["text"].strip() == unit["text"] and unit["text"]
        assert re.fullmatch(r"[0-9A-Za-z.\-_]+", unit["id"]) and unit["id"].startswith(name[-2:] + "-")
        if unit["kind"] == "table":
            rows = unit["rows"]
            assert len({len(r) for r in rows}) == 1 and all(isinstance(c, str) and c for r in rows for c in r)
            assert unit["text"] == table_text(tuple(tuple(r) for r in rows))
        else:
            assert "rows" not in unit


def test_the_seed_expectation_is_the_102_units():
    items = units("seed_zh")
    kinds = [u["kind"] for u in items]
    assert len(items) == 102
    assert (kinds.count("meta"), kinds.count("chapter"), kinds.count("section"), kinds.count("para")) == (5, 5, 13, 79)


def test_the_language_versions_correspond():
    """Same kinds and keys in the same order; same table shape and figures; same masthead facts."""
    versions = {lang: units(f"note_{lang}") for lang in LANGS}
    shape = [(u["kind"], u["key"]) for u in versions["en"]]
    for lang, items in versions.items():
        assert [(u["kind"], u["key"]) for u in items] == shape, lang
    tables = {lang: next(u["rows"] for u in items if u["kind"] == "table") for lang, items in versions.items()}
    for lang, rows in tables.items():
        assert rows[1:] == tables["en"][1:], lang  # invented figures, the same everywhere
        assert len(rows[0]) == len(tables["en"][0]) and rows[0][-1].endswith("a")
        assert rows[0] != tables["en"][0] or lang in ("en", "fr")  # headings in the language ("Article 10" in fr)
    metas = {lang: json.loads((EXPECTED / f"note_{lang}.meta.json").read_text(encoding="utf-8")) for lang in LANGS}
    for lang, meta in metas.items():
        for fact in ("symbol", "date", "distribution", "original"):
            assert meta[fact] == metas["en"][fact], (lang, fact)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["date"])
        assert meta["job"].split()[0] == metas["en"]["job"].split()[0]


def test_notes_follow_the_unit_that_refers_to_them():
    for lang in LANGS:
        items = units(f"note_{lang}")
        for index, unit in enumerate(items):
            if unit["kind"] != "note":
                continue
            before = items[index - 1]
            if unit["key"].startswith("note:t"):
                assert before["kind"] == "table" and before["rows"][0][-1].endswith(unit["marker"])
            else:
                assert before["text"].endswith(unit["marker"]), (lang, unit["key"])


@pytest.mark.parametrize("lang", LANGS)
def test_docx_holds_word_footnotes_and_a_repeated_header_row(lang):
    with zipfile.ZipFile(HERE / f"note_{lang}.docx") as package:
        document = package.read("word/document.xml").decode("utf-8")
        footnotes = package.read("word/footnotes.xml").decode("utf-8")
        types = package.read("[Content_Types].xml").decode("utf-8")
    assert "wordprocessingml.footnotes+xml" in types
    assert len(re.findall(r'<w:footnote w:id="[1-9]', footnotes)) == 3
    assert document.count("<w:footnoteReference") == 3 and 'w:customMarkFollows="1"' in document
    assert document.count("<w:tblHeader/>") == 1 and document.count("<w:tbl>") == 2
    assert ("<w:bidiVisual/>" in document) == (lang == "ar")


@pytest.mark.parametrize("lang", LANGS)
def test_tagged_pdf_has_a_structure_tree_and_untagged_none(lang):
    tagged = (HERE / f"note_{lang}.tagged.pdf").read_bytes()
    untagged = (HERE / f"note_{lang}.untagged.pdf").read_bytes()
    assert tagged.startswith(b"%PDF-") and untagged.startswith(b"%PDF-")
    assert b"/StructTreeRoot" in tagged and re.search(rb"/Marked\s*true", tagged)
    assert b"/StructTreeRoot" not in untagged
    for kind in (b"Table", b"TH", b"Note", b"H2"):
        assert re.search(rb"/S\s*/" + kind + rb"\b", tagged), kind


@pytest.mark.parametrize("measure", MEASURES)
def test_remeasured_seed_text_has_the_false_chapter_line(measure):
    text = (HERE / f"seed_zh_{measure}.txt").read_text(encoding="utf-8")
    assert "\f" in text
    assert any(line.startswith("三、蒙古总统") for line in text.splitlines())
