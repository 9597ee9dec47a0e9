"""The segmenter on small synthetic UN-layout fixtures in ar, en, es, fr, ru (tests/fixtures/ingest/).

Each fixture has a masthead, front matter, chapters, sections, paragraphs,
sub-paragraphs, page furniture in the middle of a paragraph and a form feed;
the Latin and Cyrillic ones have line-end hyphens to undo or keep.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hlmpub.ingest import parse_text
from hlmpub.model import Source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
META = ["meta:session", "meta:agenda-item", "meta:agenda-title", "meta:title", "meta:subtitle"]


def load(lang: str):
    path = FIXTURES / f"{lang}.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    text = "\n".join(line for line in lines if not line.startswith("# "))  # drop the SYNTHETIC label
    return parse_text(text, lang, Source(path.name, "txt", ""))


EXPECTED_KEYS = {
    "en": META
    + ["ch:1", "p:1", "p:2", "p:2.a", "p:2.b", "p:2.c", "ch:2", "sec:2.A", "p:3", "p:4", "sec:2.B", "p:5", "p:6"],
    "fr": META + ["ch:1", "p:1", "p:2", "p:2.a", "p:2.b", "ch:2", "sec:2.A", "p:3", "sec:2.B", "p:4"],
    "es": META + ["ch:1", "p:1", "p:2", "p:2.a", "p:2.b", "sec:1.A", "p:3", "sec:1.B", "p:4"],
    "ru": META + ["ch:1", "p:1", "p:2", "p:2.a", "p:2.b", "p:2.c", "ch:2", "sec:2.A", "p:3", "sec:2.B", "p:4"],
    "ar": META + ["ch:1", "p:1", "p:2", "p:2.a", "p:2.b", "ch:2", "sec:2.A", "p:3", "sec:2.B", "p:4"],
}

# printed in each language ("Distr. générale", "2 de enero de 2099", "Original: inglés"), stored alike
EXPECTED_META = {
    "en": {"symbol": "A/99/001", "distribution": "General", "date": "2099-01-02", "original": "en"},
    "fr": {"symbol": "A/99/001", "distribution": "General", "date": "2099-01-02", "original": "en"},
    "es": {"symbol": "A/99/001", "distribution": "General", "date": "2099-01-02", "original": "en"},
    "ru": {"symbol": "A/99/001", "distribution": "General", "date": "2099-01-02", "original": "en"},
    "ar": {"symbol": "A/99/001", "distribution": "General", "date": "2099-01-02", "original": "en"},
}
EXPECTED_JOB = {
    "en": "13-00001 (E)",
    "fr": "13-00001 (F)",
    "es": "13-00001X (S)",
    "ru": "13-00001 (R)",
    "ar": "13-00001 (A)",
}

FURNITURE = ["A/99/001", "2/3", "13-00001", "*1300001*", "♲", "recycl", "Distr", "http", "\f", "Original"]


@pytest.mark.parametrize("lang", sorted(EXPECTED_KEYS))
def test_keys_in_order(lang):
    assert [u.key for u in load(lang).units] == EXPECTED_KEYS[lang]


@pytest.mark.parametrize("lang", sorted(EXPECTED_KEYS))
def test_furniture_goes_to_meta_not_text(lang):
    version = load(lang)
    assert {k: version.meta.get(k) for k in EXPECTED_META[lang]} == EXPECTED_META[lang]
    assert version.meta["job"] == EXPECTED_JOB[lang]
    for unit in version.units:
        for bit in FURNITURE:
            assert bit not in unit.text, (unit.id, bit)
        assert unit.text not in ("United Nations", "Nations Unies", "Naciones Unidas", "الأمم المتحدة")


@pytest.mark.parametrize("lang", sorted(EXPECTED_KEYS))
def test_ids_are_unique_and_follow_the_scheme(lang):
    units = load(lang).units
    assert len({u.id for u in units}) == len(units)
    for u in units:
        prefix = {"meta": "m", "chapter": "h", "section": "h"}.get(u.kind, "p")
        assert u.id.startswith(f"{lang}-{prefix}"), u.id
    assert [u.id for u in units if u.kind == "subpara"][0] == f"{lang}-p2.a"


PAGE_BREAK = {
    "en": "its first part is printed here and its second part is printed on the next page after the header.",
    "es": "su primera parte está aquí y su segunda parte en la página siguiente.",
    "ru": "первая часть здесь, а вторая часть на следующей странице.",
    "ar": "الجزء الأول هنا والجزء الثاني في الصفحة التالية.",
}


@pytest.mark.parametrize("lang", sorted(PAGE_BREAK))
def test_paragraph_across_a_page_break_joins(lang):
    p3 = next(u for u in load(lang).units if u.key == "p:3")
    assert p3.text.endswith(PAGE_BREAK[lang])


# ----------------------------------------------------------------- hyphenation

HYPHENATION = {
    "en": (["disarmament", "non-proliferation", "rule-based order again", "peacebuilding;", "mid-October"],
           ["disarma-", "disarma ment", "non proliferation", "peace-building"]),
    "fr": (["désarmement", "non-prolifération", "sous-région", "porte-parole", "ci-dessus"],
           ["désarme-", "sousrégion", "nonprolifération", "porteparole", "cidessus"]),
    "es": (["unirlas", "desarme y", "franco-alemana", "socio-económico", "político-militar", "la sociedad."],
           ["unir-", "desar-", "francoalemana", "socioeconómico", "políticomilitar", "so-ciedad"]),
    "ru": (["разоружении", "социально-экономическом", "государствами-членами", "государств-участников",
            "военно-морской", "разоружения."],
           ["разору-", "социальноэкономическом", "государствамичленами", "государствучастников", "разоруже-"]),
}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(HYPHENATION))
def test_line_end_hyphens(lang):
    text = " ".join(u.text for u in load(lang).units)
    present, absent = HYPHENATION[lang]
    for word in present:
        assert word in text, word
    for word in absent:
        assert word not in text, word


# ------------------------------------------------------------- per language


def test_en_markers_and_false_markers():
    units = {u.key: u for u in load("en").units}
    assert units["p:2.a"].marker == "(a)" and units["p:2.a"].text.endswith("mid-October 2098;")
    assert "2099. and is not a new paragraph" in units["p:5"].text  # not paragraph 2099
    assert units["p:5"].text.endswith("A. Smith spoke.")  # not a second section A
    assert units["sec:2.B"].text.endswith("wrap onto a second line of the page")


def test_fr_double_spaced_lines_and_markers():
    units = {u.key: u for u in load("fr").units}
    assert units["p:2.a"].marker == "a)"
    assert units["p:2.a"].text == "Un premier alinéa qui se poursuit sur une deuxième ligne ;"
    assert units["p:4"].text == "Le dernier paragraphe cite la résolution A/RES/98/1 adoptée en 2098."
    assert units["meta:agenda-item"].text == "Point 12 b) de l’ordre du jour"


def test_ru_cyrillic_lookalike_letters():
    units = {u.key: u for u in load("ru").units}
    assert units["sec:2.A"].marker == "А." and units["sec:2.B"].marker == "В."  # Cyrillic А, В
    assert [units[k].marker for k in ("p:2.a", "p:2.b", "p:2.c")] == ["а)", "b)", "с)"]


def test_ar_markers_logical_order_and_arabic_indic_digits():
    version = load("ar")
    units = {u.key: u for u in version.units}
    assert units["ch:1"].marker == "أولا -" and units["ch:2"].marker == "ثانياً -"
    assert units["sec:2.A"].marker == "ألف -" and units["sec:2.B"].marker == "باء -"
    assert units["p:3"].marker == "٣ -"
    assert units["p:2.a"].marker == "(أ)" and units["p:2.b"].marker == "(ب)"
    assert units["p:1"].text == "هذه فقرة اصطناعية تمتد على عدة أسطر لكي يعيد القارئ ربطها."  # RLM gone
    assert all(u.direction == "rtl" for u in version.units)
