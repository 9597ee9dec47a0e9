"""Sub-sub-paragraphs (i), (ii) ... inside a sub-paragraph: key ``p:19.a.i``, id ``{lang}-p19.a.i``.

All snippets are SYNTHETIC (written for these tests, not UN documents).  The hard case is ``(i)`` right after
``(h)``: the letter i or roman one?  The numbering context decides (see docs/design/ingest.md).
"""

from __future__ import annotations

import pytest

from hlmpub.conventions import subsub_key
from hlmpub.ingest import parse_text
from hlmpub.model import Source

SRC = Source("x.txt", "txt", "")


def keys(text: str, lang: str = "en") -> list[str]:
    return [u.key for u in parse_text(text, lang, SRC).units]


def letters(upto: str) -> str:
    """SYNTHETIC sub-paragraphs (a) ... (upto), one line each."""
    return "".join(f"({c}) Item {c};\n" for c in "abcdefghijklmnopqrstuvwxyz"[: ord(upto) - ord("a") + 1])


def test_subsub_key_is_lower_case_roman():
    assert subsub_key(19, 1, 1) == "p:19.a.i"
    assert subsub_key(19, 2, 4) == "p:19.b.iv"
    assert subsub_key(3, 28, 9) == "p:3.bb.ix"


def test_roman_items_inside_lettered_items():
    earlier = "".join(f"{n}. Paragraph {n}.\n" for n in range(1, 19))
    text = (
        "19. The Assembly:\n(a) Decides:\n(i) the first point;\n(ii) the second point,\nwrapped on a line;\n"
        "(iii) the third point;\n(b) Requests:\n(i) again a first point;\n20. Next paragraph.\n"
    )
    units = parse_text(earlier + text, "en", SRC).units[18:]
    assert [(u.kind, u.key, u.id, u.marker) for u in units] == [
        ("para", "p:19", "en-p19", "19."),
        ("subpara", "p:19.a", "en-p19.a", "(a)"),
        ("subpara", "p:19.a.i", "en-p19.a.i", "(i)"),
        ("subpara", "p:19.a.ii", "en-p19.a.ii", "(ii)"),
        ("subpara", "p:19.a.iii", "en-p19.a.iii", "(iii)"),
        ("subpara", "p:19.b", "en-p19.b", "(b)"),
        ("subpara", "p:19.b.i", "en-p19.b.i", "(i)"),
        ("para", "p:20", "en-p20", "20."),
    ]
    assert units[3].text == "the second point, wrapped on a line;"


def test_i_after_h_is_the_letter_i_when_j_follows():
    assert keys("1. List:\n" + letters("h") + "(i) Item i;\n(j) Item j;\n")[-3:] == ["p:1.h", "p:1.i", "p:1.j"]


def test_i_after_h_is_the_letter_i_when_nothing_tells():
    assert keys("1. List:\n" + letters("h") + "(i) Item i.\n2. Next.\n")[-3:] == ["p:1.h", "p:1.i", "p:2"]


def test_i_after_h_is_roman_one_when_ii_follows():
    got = keys("1. List:\n" + letters("h") + "(i) first;\n(ii) second;\n(i) Item i.\n")
    assert got[-4:] == ["p:1.h", "p:1.h.i", "p:1.h.ii", "p:1.i"]  # after (ii), (i) can only be the letter


def test_i_after_a_is_roman_one():
    assert keys("1. List:\n(a) first:\n(i) one.\n") == ["p:1", "p:1.a", "p:1.a.i"]


def test_v_after_iv_inside_u_is_roman_unless_w_follows():
    body = "1. List:\n" + letters("u") + "(i) one;\n(ii) two;\n(iii) three;\n(iv) four;\n(v) five;\n"
    assert keys(body + "2. Next.\n")[-3:] == ["p:1.u.iv", "p:1.u.v", "p:2"]
    assert keys(body + "(w) Item w.\n")[-3:] == ["p:1.u.iv", "p:1.v", "p:1.w"]


def test_roman_item_without_a_sub_paragraph_is_text():
    units = parse_text("1. A paragraph that cites\n(ii) as text.\n", "en", SRC).units
    assert [(u.key, u.text) for u in units] == [("p:1", "A paragraph that cites (ii) as text.")]


@pytest.mark.parametrize(
    ("lang", "text", "markers"),
    [
        ("fr", "1. Liste :\na) Décide :\ni) premier point ;\nii) deuxième point ;\nb) Prie :\n", ["i)", "ii)"]),
        ("es", "1. Lista:\na) Decide:\ni) primer punto;\nii) segundo punto;\nb) Pide:\n", ["i)", "ii)"]),
        ("es", "1. Lista:\n(a) Decide:\n(i) primer punto;\n(ii) segundo punto;\n(b) Pide:\n", ["(i)", "(ii)"]),
        ("ru", "1. Перечень:\nа) постановляет:\ni) первый пункт;\nii) второй пункт;\nb) просит:\n", ["i)", "ii)"]),
        ("zh", "1. 清单：\n(a) 决定：\n㈠ 第一点；\n㈡ 第二点；\n(b) 请：\n", ["㈠", "㈡"]),
        ("ar", "1 - قائمة:\n(أ) تقرر:\n`1` النقطة الأولى؛\n`2` النقطة الثانية؛\n(ب) تطلب:\n", ["`1`", "`2`"]),
    ],
)
def test_subsub_markers_per_language(lang, text, markers):
    units = parse_text(text, lang, SRC).units
    assert [u.key for u in units] == ["p:1", "p:1.a", "p:1.a.i", "p:1.a.ii", "p:1.b"]
    assert [u.marker for u in units if u.key.count(".") == 2] == markers
    assert [u.id for u in units][2:4] == [f"{lang}-p1.a.i", f"{lang}-p1.a.ii"]


def test_chinese_paren_ideograph_right_after_a_paragraph_is_still_a_sub_paragraph():
    assert keys("1. 清单：\n㈠ 第一点；\n㈡ 第二点。\n", "zh") == ["p:1", "p:1.a", "p:1.b"]
