"""hlmpub.conventions: UN markers per language → language-independent keys, and unit ids."""

from __future__ import annotations

import pytest

from hlmpub.conventions import (
    IdAllocator,
    article_number,
    chinese_number,
    marker_candidates,
    section_key,
    subpara_key,
    unit_id,
)


def readings(line: str, lang: str) -> list[tuple[str, tuple[int, ...], str]]:
    return [(m.kind, m.values, m.printed) for m in marker_candidates(line, lang)]


@pytest.mark.parametrize(
    ("lang", "line", "kind", "value", "printed", "rest"),
    [
        ("zh", "一. 导言", "chapter", 1, "一.", "导言"),
        ("zh", "十二、其他", "chapter", 12, "十二、", "其他"),
        ("en", "IV. Approaches", "chapter", 4, "IV.", "Approaches"),
        ("ar", "أولا - مقدمة", "chapter", 1, "أولا -", "مقدمة"),
        ("ar", "ثالثاً - خلاصة", "chapter", 3, "ثالثاً -", "خلاصة"),
        ("ar", "حادي عشر - نص", "chapter", 11, "حادي عشر -", "نص"),
        ("zh", "A. 高级别会议", "section", 1, "A.", "高级别会议"),
        ("fr", "C. Section", "section", 3, "C.", "Section"),
        ("ar", "جيم - فرع", "section", 3, "جيم -", "فرع"),
        ("ar", "هاء - فرع", "section", 5, "هاء -", "فرع"),
        ("zh", "19. 各国", "para", 19, "19.", "各国"),
        ("zh", "１９．各国", "para", 19, "１９．", "各国"),
        ("ar", "19 - نص", "para", 19, "19 -", "نص"),
        ("ar", "١٩ - نص", "para", 19, "١٩ -", "نص"),
        ("en", "(a) item", "subpara", 1, "(a)", "item"),
        ("en", "(aa) item", "subpara", 27, "(aa)", "item"),
        ("fr", "b) alinéa", "subpara", 2, "b)", "alinéa"),
        ("es", "c) apartado", "subpara", 3, "c)", "apartado"),
        ("ar", "(ج) بند", "subpara", 3, "(ج)", "بند"),
        ("ar", "(هـ) بند", "subpara", 5, "(هـ)", "بند"),
        ("zh", "㈢ 项目", "subpara", 3, "㈢", "项目"),
        ("zh", "（b） 项目", "subpara", 2, "（b）", "项目"),
    ],
)
def test_marker_readings(lang, line, kind, value, printed, rest):
    found = [m for m in marker_candidates(line, lang) if m.kind == kind]
    assert found, readings(line, lang)
    assert value in found[0].values
    assert found[0].printed == printed and found[0].rest == rest


def test_cyrillic_lookalikes_have_both_readings():
    # В is B as a look-alike, or the third letter in Russian order (А Б В)
    (section,) = [m for m in marker_candidates("В. Раздел", "ru") if m.kind == "section"]
    assert section.values == (2, 3)
    (sub,) = [m for m in marker_candidates("а) подпункт", "ru") if m.kind == "subpara"]
    assert sub.values == (1,)
    (sub_c,) = [m for m in marker_candidates("с) подпункт", "ru") if m.kind == "subpara"]
    assert 3 in sub_c.values


def test_roman_i_is_chapter_or_section():
    kinds = {m.kind: m.values for m in marker_candidates("I. Intro", "en")}
    assert kinds == {"chapter": (1,), "section": (9,)}


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("2013年 6月", "zh"),
        ("Smith and Jones", "en"),
        ("1990-2000 was", "en"),  # not an Arabic-style "1 -" marker outside Arabic
        ("(a)b", "zh"),
        ("عنوان - نص", "ar"),
    ],
)
def test_not_markers(line, lang):
    assert [m for m in marker_candidates(line, lang) if m.kind in ("para", "chapter", "subpara")] == []


def test_chinese_chapter_numbers():
    # the numerals themselves are tested in tests/test_numerals.py; a digit run is no chapter number
    assert [chinese_number(s) for s in ("一", "十", "十一", "二十", "二十九", "九十九")] == [1, 10, 11, 20, 29, 99]
    assert chinese_number("一二") is None and chinese_number("") is None


@pytest.mark.parametrize(
    ("title", "number"),
    [
        ("Article 1", 1),
        ("Article premier", 1),
        ("Artículo 1", 1),
        ("Статья 1", 1),
        ("المادة 1", 1),
        ("المادة ٢٩", 29),
        ("第一条", 1),
        ("第二十九条", 29),
        ("Article 30", 30),
        ("Preamble", None),
        ("序言", None),
    ],
)
def test_article_titles(title, number):
    assert article_number(title) == number


def test_keys_are_language_independent():
    assert section_key(2, 2) == "sec:2.B"
    assert subpara_key(19, 1) == "p:19.a"
    # the same structure read from zh, ru and ar markers gives the same key
    zh = next(m for m in marker_candidates("B. 与核裁军", "zh") if m.kind == "section").values
    ru = next(m for m in marker_candidates("В. Раздел", "ru") if m.kind == "section").values
    ar = next(m for m in marker_candidates("باء - فرع", "ar") if m.kind == "section").values
    assert {section_key(2, v) for v in zh} & {section_key(2, v) for v in ru} & {section_key(2, v) for v in ar} == {
        "sec:2.B"
    }


def test_unit_id_scheme():
    assert unit_id("zh", "meta", "meta:title", 4) == "zh-m4"
    assert unit_id("zh", "chapter", "ch:2", 7) == "zh-h7"
    assert unit_id("ar", "section", "sec:2.A", 8) == "ar-h8"
    assert unit_id("en", "para", "p:19") == "en-p19"
    assert unit_id("en", "subpara", "p:19.a") == "en-p19.a"
    assert unit_id("fr", "other", "", 3) == "fr-u3"
    assert unit_id("fr", "note", "", 2) == "fr-n2"


def test_id_allocator_counts_per_family_and_never_collides():
    ids = IdAllocator("en")
    got = [
        ids.assign("meta", "meta:title"),
        ids.assign("chapter", "ch:1"),
        ids.assign("para", "p:1"),
        ids.assign("section", "sec:1.A"),
        ids.assign("para", "p:1"),  # a restarted or repeated number
        ids.assign("other"),
        ids.assign("para", "p:1"),
        ids.assign("note"),
        ids.assign("meta", "meta:subtitle"),
    ]
    assert got == ["en-m1", "en-h1", "en-p1", "en-h2", "en-p1-2", "en-u1", "en-p1-3", "en-n1", "en-m2"]
    assert len(set(got)) == len(got)


def test_note_ids_follow_the_note_number_and_never_collide():
    ids = IdAllocator("zh")
    got = [ids.assign("note", "note:1"), ids.assign("note", "note:2"), ids.assign("note", "note:1"), ids.assign("note")]
    assert got == ["zh-n1", "zh-n2", "zh-n1-2", "zh-n4"]
