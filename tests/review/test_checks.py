"""Each check on small SYNTHETIC editions (texts written for these tests, not UN documents),
and the numbering checks on the real seed A/68/563 (Chinese)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import SimpleNamespace

import pytest

from hlmpub.config import ReviewSettings, Settings, load_settings
from hlmpub.errors import ConfigError
from hlmpub.model import DocumentMeta, Edition, Finding, Link, Source, Unit, Version
from hlmpub.review import review_edition
from hlmpub.review.checks_style import pair_problems


def synthetic(rows: list[dict[str, str]], kind: str = "para", score: float = 1.0) -> Edition:
    """SYNTHETIC: one unit per language per row, ids ``{lang}-p{n}``, keys ``p:{n}``."""
    langs = list(rows[0])
    versions = []
    for lang in langs:
        units = tuple(
            Unit(f"{lang}-p{n}", lang, kind, f"p:{n}", f"{n}.", row[lang])
            for n, row in enumerate(rows, 1)
            if lang in row
        )
        versions.append(Version(lang, units, Source(f"{lang}.txt", "txt", "synthetic")))
    links = tuple(
        Link({lang: ((f"{lang}-p{n}",) if lang in row else ()) for lang in langs}, "structural", score, f"p:{n}")
        for n, row in enumerate(rows, 1)
    )
    return Edition(DocumentMeta("X/SYNTH/1", "synth"), tuple(versions), links)


def run(edition: Edition, *checks: str, **config: object) -> list[Finding]:
    return review_edition(edition, Settings(review=ReviewSettings(checks=checks, **config)))


SIX = {  # SYNTHETIC sentence with a number, a date and a resolution symbol in six languages
    "zh": "根据第 67/39 号决议，会议于 2013 年 9 月 26 日举行，74 位发言者发言。",
    "ar": "وفقا للقرار 67/39، عقد الاجتماع في 26 أيلول/سبتمبر 2013، وتكلم 74 متكلما.",
    "en": "Pursuant to resolution 67/39, the meeting was held on 26 September 2013; 74 speakers spoke.",
    "es": "Conforme a la resolución 67/39, la reunión se celebró el 26 de septiembre de 2013; hablaron 74 oradores.",
    "fr": "En application de la résolution 67/39, la réunion s’est tenue le 26 septembre 2013; 74 orateurs ont parlé.",
    "ru": "В соответствии с резолюцией 67/39 заседание состоялось 26 сентября 2013 года; выступили 74 оратора.",
}


def test_six_languages_agree_on_numbers_dates_symbols() -> None:
    assert run(synthetic([SIX]), "numbers", "symbols") == []


@pytest.mark.parametrize(
    ("lang", "old", "new", "code"),
    [
        ("ru", "74", "75", "number-mismatch"),
        ("ar", "2013", "2012", "date-mismatch"),
        ("zh", "26 日", "27 日", "date-mismatch"),
        ("es", "67/39", "67/93", "symbol-mismatch"),
        ("fr", "26 septembre", "26 octobre", "date-mismatch"),
    ],
)
def test_majority_names_the_odd_language(lang: str, old: str, new: str, code: str) -> None:
    row = dict(SIX)
    row[lang] = row[lang].replace(old, new)
    found = run(synthetic([row]), "numbers", "symbols")
    assert [(f.code, f.lang, f.unit_id, f.severity) for f in found] == [(code, lang, f"{lang}-p1", "error")]


def test_two_languages_tie_is_decided_by_the_pivot() -> None:
    row = {"zh": SIX["zh"], "en": SIX["en"].replace("74", "47")}
    found = run(synthetic([row]), "numbers")
    assert [(f.lang, f.severity, f.evidence) for f in found] == [
        ("en", "warning", "missing: number 74 | extra: number 47")
    ]
    assert "pivot" in found[0].message


def test_number_words_excuse_but_do_not_accuse() -> None:
    rows = {"zh": "第十条", "en": "Article 10", "fr": "Article 10", "es": "Artículo diez"}  # SYNTHETIC
    assert run(synthetic([rows], kind="section"), "numbers") == []
    rows["en"] = "Article 11"
    assert [f.lang for f in run(synthetic([rows], kind="section"), "numbers")] == ["en"]


def test_missing_cell_and_unmatched_unit() -> None:
    rows = [{"en": "Synthetic one.", "fr": "Synthétique un.", "es": "Sintético uno."}]
    edition = synthetic(rows)
    drop = {"fr": ("fr-p1",), "en": ("en-p1",), "es": ()}
    edition = dataclasses.replace(
        edition, links=(Link(drop, "structural", 1.0, "p:1"), Link({"es": ("es-p1",)}, "dp", 0.4))
    )
    found = [(f.code, f.lang, f.unit_id, f.row) for f in run(edition, "unaligned")]
    assert found == [("missing-cell", "es", "", 0), ("unmatched-unit", "es", "es-p1", 1)]


def test_low_confidence_and_beads() -> None:
    edition = synthetic([{"en": "Synthetic a.", "fr": "Synthétique a."}], score=0.3)
    assert [f.code for f in run(edition, "confidence")] == ["low-confidence"]
    assert run(edition, "confidence", low_confidence=0.2) == []


def test_empty_cell() -> None:
    found = run(synthetic([{"en": "Synthetic text.", "fr": " … "}]), "empty")
    assert [(f.code, f.lang, f.unit_id) for f in found] == [("empty-cell", "fr", "fr-p1")]


@pytest.mark.parametrize(
    ("lang", "text", "ok"),
    [
        ("en", "the “quoted” text (see annex)", True),
        ("en", "the “quoted text (see annex)", False),
        ("en", "the quoted) text (", False),
        ("fr", "la « citation » et l’homme, a) premier; b) second", True),
        ("fr", "a) premier (voir b) ci-dessous); b) second", True),
        ("ru", "Взносы (долл. США)", True),
        ("ru", "Взносы (долл. США", False),
        ("en", "as shown (see para. 4)", True),
        ("en", "a) first (see para. 4", False),
        ("fr", "la « citation et l’homme", False),
        ("ru", "«Слово „внутри“ цитаты»", True),
        ("ru", "«Слово „внутри цитаты»", False),
        ("zh", "《世界人权宣言》（草案）“引文”", True),
        ("zh", "《世界人权宣言（草案）", False),
        ("ar", "«نص» (انظر المرفق)", True),
        ("ar", "«نص (انظر المرفق)", False),
        ("es", "el texto «citado» [sic]", True),
        ("es", "el texto «citado [sic]", False),
    ],
)
def test_paired_punctuation(lang: str, text: str, ok: bool) -> None:  # SYNTHETIC snippets
    assert (pair_problems(text, lang) == []) is ok


def test_quotation_running_over_paragraphs_is_not_flagged() -> None:
    rows = [{"en": "“Synthetic quotation opens here,"}, {"en": "“and closes here.”"}]
    assert run(synthetic(rows), "punctuation") == []


def test_length_ratio_thresholds_come_from_the_edition() -> None:
    base = "Synthetic sentence number {} written to have a steady length."
    rows = [{"en": base.format(i), "fr": base.format(i) + " Phrase."} for i in range(12)]
    rows[5]["fr"] = "Court."
    rows[7]["fr"] = rows[7]["fr"] * 3
    found = run(synthetic(rows), "length-ratio", length_min_chars=5)
    assert [(f.lang, f.unit_id) for f in found] == [("fr", "fr-p6"), ("fr", "fr-p8")]


def test_unknown_check_or_key_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown check"):
        run(synthetic([{"en": "a"}]), "no-such-check")
    (tmp_path / "hlmpub.toml").write_text("[review]\nthreshold = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key"):
        load_settings(tmp_path / "hlmpub.toml")


def test_severity_override() -> None:
    edition = synthetic([{"en": "Synthetic a.", "fr": "Synthétique a."}], score=0.3)
    assert [f.severity for f in run(edition, "confidence", severity={"low-confidence": "error"})] == ["error"]


def test_seed_is_quiet_and_a_deleted_paragraph_is_a_numbering_gap(seed_edition: Edition, edit: SimpleNamespace) -> None:
    """The real Chinese seed: no finding; without paragraph 19 the gap is named at paragraph 20."""
    assert review_edition(seed_edition, Settings()) == []
    faulty = edit.drop_unit(seed_edition, "zh-p19")
    found = [(f.code, f.lang, f.unit_id, f.evidence) for f in review_edition(faulty, Settings())]
    assert found == [("numbering-gap", "zh", "zh-p20", "p 18 → 20")]


def test_seed_repeated_paragraph_number(seed_edition: Edition) -> None:
    version = seed_edition.versions[0]
    units = tuple(dataclasses.replace(u, key="p:11") if u.id == "zh-p12" else u for u in version.units)
    faulty = dataclasses.replace(seed_edition, versions=(dataclasses.replace(version, units=units),))
    found = [(f.code, f.unit_id) for f in review_edition(faulty, Settings())]
    assert ("numbering-repeat", "zh-p12") in found
