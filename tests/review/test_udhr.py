"""Every finding on the real six-language UDHR, each with its verdict.

The verdicts (true problem or false alarm) are explained in
docs/design/review.md; this test pins the list so a change in the checks that
adds noise, or loses a true finding, fails here.
"""

from __future__ import annotations

from pathlib import Path

from hlmpub.config import Settings
from hlmpub.model import Edition
from hlmpub.review import review_edition

#: (severity, code, lang, unit id) on the ingest + aligner edition, and the verdict.
EXPECTED_ALIGNED = {
    # true: the OHCHR en/es/fr files carry no adoption note ("Adopted by resolution 217 A (III) ...")
    ("warning", "missing-cell", "en", ""): "true (source gap)",
    ("warning", "missing-cell", "es", ""): "true (source gap)",
    ("warning", "missing-cell", "fr", ""): "true (source gap)",
    # true: the same row, a note in three languages only, is one the aligner could not score well
    ("warning", "low-confidence", "", ""): "true (partial row)",
    # true: the Chinese file has a second, editorial note found in no other version
    ("warning", "unmatched-unit", "zh", "zh-n2"): "true (zh-only text)",
    # true: the Arabic preamble lacks the recital on friendly relations between nations
    ("warning", "missing-cell", "ar", ""): "true (missing recital)",
    ("warning", "paragraph-count", "ar", "ar-h1"): "true (missing recital)",
    # true, informative: the proclamation is 1 paragraph in zh, 2 in fr/ru, 3 in en/es/ar
    ("info", "bead-not-1-1", "ar", "ar-u7"): "true (layout)",
    ("info", "bead-not-1-1", "en", "en-u8"): "true (layout)",
    ("info", "bead-not-1-1", "es", "es-u8"): "true (layout)",
    ("info", "bead-not-1-1", "fr", "fr-u8"): "true (layout)",
    ("info", "bead-not-1-1", "ru", "ru-u8"): "true (layout)",
}


def keys(edition: Edition) -> set[tuple[str, str, str, str]]:
    return {(f.severity, f.code, f.lang, f.unit_id) for f in review_edition(edition, Settings())}


def test_udhr_findings_are_the_explained_ones(udhr_edition: Edition) -> None:
    assert keys(udhr_edition) == set(EXPECTED_ALIGNED)


def test_udhr_has_no_error_level_finding(udhr_edition: Edition) -> None:
    assert not [f for f in review_edition(udhr_edition, Settings()) if f.severity == "error"]


def test_udhr_missing_recital_is_in_the_friendly_relations_row(udhr_edition: Edition) -> None:
    finding = next(f for f in review_edition(udhr_edition, Settings()) if f.code == "missing-cell" and f.lang == "ar")
    row = udhr_edition.links[finding.row]
    english = udhr_edition.units_by_id()[row.units["en"][0]].text
    assert "friendly relations between nations" in english


def test_hand_aligned_udhr_gives_the_same_verdicts(udhr_handmade: Edition) -> None:
    """The hand alignment scores partial rows 0.6, so no low-confidence finding; the rest match."""
    found = {(s, c, lang) for s, c, lang, _ in keys(udhr_handmade)}
    expected = {(s, c, lang) for s, c, lang, _ in EXPECTED_ALIGNED if c != "low-confidence"}
    assert found == expected


def test_findings_survive_the_tei_round_trip(udhr_edition: Edition, tmp_path: Path) -> None:
    """``hlmpub review`` reads the TEI archive: the findings and their ids are the same as on the model."""
    from hlmpub.review import finding_id
    from hlmpub.tei import read_tei, write_tei

    back = read_tei(write_tei(udhr_edition, tmp_path / "udhr.tei.xml"))
    ids = sorted(finding_id(f) for f in review_edition(udhr_edition, Settings()))
    assert sorted(finding_id(f) for f in review_edition(back, Settings())) == ids
