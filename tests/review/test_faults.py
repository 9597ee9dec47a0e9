"""Injected faults in copies of the UDHR (real texts) are each found, naming the right language and unit.

Each test changes one unit of one language with ``dataclasses.replace`` (see
conftest.py) and checks that the review reports exactly that language and unit,
and that the untouched edition has no such finding.  The faults run on the
hand-aligned UDHR (fast) and on the real ingest + aligner edition
(``udhr_edition``).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from hlmpub.config import ReviewSettings, Settings
from hlmpub.model import Edition, Finding
from hlmpub.review import review_edition


@pytest.fixture(params=["handmade", "aligned"])
def udhr(request: pytest.FixtureRequest) -> Edition:
    name = "udhr_handmade" if request.param == "handmade" else "udhr_edition"
    return request.getfixturevalue(name)


def review(edition: Edition, **config: object) -> list[Finding]:
    return review_edition(edition, Settings(review=ReviewSettings(**config)))


def row_of(edition: Edition, unit_id: str) -> int:
    return next(i for i, lk in enumerate(edition.links) if any(unit_id in ids for ids in lk.units.values()))


def uid(edition: Edition, lang: str, key: str, kind: str = "") -> str:
    """The id of the unit of ``lang`` whose key is ``key`` (ids differ between the two UDHR editions)."""
    return next(u.id for u in edition.version(lang).units if u.key == key and (not kind or u.kind == kind))


def note_id(edition: Edition, lang: str) -> str:
    return next(u.id for u in edition.version(lang).units if u.kind == "note")


def new(before: list[Finding], after: list[Finding]) -> list[tuple[str, str, str]]:
    """Findings present after the fault and not before, as (code, lang, unit_id)."""
    old = {(f.code, f.lang, f.unit_id, f.evidence) for f in before}
    return sorted({(f.code, f.lang, f.unit_id) for f in after if (f.code, f.lang, f.unit_id, f.evidence) not in old})


def heading_key(edition: Edition, number: int) -> str:
    return next(u.key for u in edition.version("en").units if u.text == f"Article {number}")


def test_changed_number_in_a_heading(udhr: Edition, edit: SimpleNamespace) -> None:
    unit = uid(udhr, "fr", heading_key(udhr, 25))
    faulty = edit.replace_text(udhr, unit, "25", "26")
    found = new(review(udhr), review(faulty))
    assert found == [("number-mismatch", "fr", unit)]
    f = next(f for f in review(faulty) if f.code == "number-mismatch")
    assert f.row == row_of(faulty, unit) and f.severity == "error"
    assert f.evidence == "missing: number 25 | extra: number 26"


def test_changed_year_in_the_adoption_note(udhr: Edition, edit: SimpleNamespace) -> None:
    unit = note_id(udhr, "ar")
    faulty = edit.replace_text(udhr, unit, "1948", "1949")
    found = new(review(udhr), review(faulty))
    assert found == [("date-mismatch", "ar", unit)]
    f = next(f for f in review(faulty) if f.code == "date-mismatch")
    assert "1948-12-10" in f.evidence and "1949-12-10" in f.evidence


def test_changed_date_in_the_adoption_note(udhr: Edition, edit: SimpleNamespace) -> None:
    unit = note_id(udhr, "ru")
    faulty = edit.replace_text(udhr, unit, "10 декабря", "12 декабря")
    assert new(review(udhr), review(faulty)) == [("date-mismatch", "ru", unit)]


def test_changed_chinese_numeral_date(udhr: Edition, edit: SimpleNamespace) -> None:
    unit = note_id(udhr, "zh")
    faulty = edit.replace_text(udhr, unit, "十二月十日", "十一月十日")
    assert new(review(udhr), review(faulty)) == [("date-mismatch", "zh", unit)]


def test_swapped_resolution_symbol(udhr: Edition, edit: SimpleNamespace) -> None:
    unit = note_id(udhr, "ar")
    faulty = edit.replace_text(udhr, unit, "217 ألف", "217 باء")
    assert new(review(udhr), review(faulty)) == [("symbol-mismatch", "ar", unit)]
    f = next(f for f in review(faulty) if f.code == "symbol-mismatch")
    assert f.evidence == "missing: symbol res 217A(III) | extra: symbol res 217B(III)"


def test_deleted_paragraph(udhr: Edition, edit: SimpleNamespace) -> None:
    key = next(
        u.key
        for u in udhr.version("en").units
        if u.kind in ("para", "subpara") and "Parents have a prior right" in u.text
    )
    unit = uid(udhr, "es", key)
    faulty = edit.drop_unit(udhr, unit)
    found = new(review(udhr), review(faulty))
    section = uid(udhr, "es", heading_key(udhr, 26))
    assert ("missing-cell", "es", "") in found
    assert ("paragraph-count", "es", section) in found
    rows = [f.row for f in review(faulty) if f.code == "missing-cell" and f.lang == "es"]
    assert row_of(udhr, unit) in rows


@pytest.mark.parametrize(("lang", "source"), [("fr", "en"), ("ru", "en"), ("zh", "en"), ("ar", "fr"), ("es", "en")])
def test_untranslated_cell(udhr: Edition, lang: str, source: str, edit: SimpleNamespace) -> None:
    key = next(
        u.key
        for u in udhr.version("en").units
        if u.kind in ("para", "subpara") and u.text.startswith("Everyone has the right to")
    )
    unit = uid(udhr, lang, key)
    faulty = edit.set_text(udhr, unit, udhr.units_by_id()[uid(udhr, source, key)].text)
    found = [x for x in new(review(udhr), review(faulty)) if x[0] == "untranslated"]
    assert found == [("untranslated", lang, unit)]


def test_untranslated_latin_language_without_copy(udhr: Edition, edit: SimpleNamespace) -> None:
    """French column holding an English sentence that is not the English cell of the row."""
    life = next(u.key for u in udhr.version("en").units if u.text.startswith("Everyone has the right to life"))
    slavery = next(u.key for u in udhr.version("en").units if u.text.startswith("No one shall be held in slavery"))
    unit = uid(udhr, "fr", life)
    english = udhr.units_by_id()[uid(udhr, "en", slavery)].text
    faulty = edit.set_text(udhr, unit, english)
    found = [x for x in new(review(udhr), review(faulty)) if x[0] == "untranslated"]
    assert found == [("untranslated", "fr", unit)]


def test_truncated_cell_is_a_length_outlier(udhr: Edition, edit: SimpleNamespace) -> None:
    key = next(u.key for u in udhr.version("en").units if u.text.startswith("Everyone, as a member of society"))
    unit = uid(udhr, "ru", key)
    text = udhr.units_by_id()[unit].text
    faulty = edit.set_text(udhr, unit, text[: len(text) // 3])
    assert ("length-ratio", "ru", unit) in new(review(udhr), review(faulty))


def test_unbalanced_quote(udhr: Edition, edit: SimpleNamespace) -> None:
    unit = note_id(udhr, "zh")
    faulty = edit.replace_text(udhr, unit, "号决议", "号决议（")
    assert new(review(udhr), review(faulty)) == [("unbalanced-pair", "zh", unit)]
