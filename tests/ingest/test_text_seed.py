"""The text reader on the real seed: sources/A_68_563/zh.txt (A/68/563, Chinese)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from hlmpub.ingest import parse_text, read_version
from hlmpub.model import Source

SEED = Path(__file__).resolve().parents[2] / "sources" / "A_68_563" / "zh.txt"
SOURCE = Source(path="zh.txt", format="txt", sha256="")


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def version():
    return read_version(SEED, "zh")


def _shape(units):
    return [(u.id, u.kind, u.key, u.marker, u.text) for u in units]


def test_seed_has_exactly_the_expected_units(version):
    counts = Counter(u.kind for u in version.units)
    assert counts == {"meta": 5, "chapter": 5, "section": 13, "para": 79}
    assert len(version.units) == 102


def test_seed_meta_units(version):
    meta = [(u.key, u.text) for u in version.units if u.kind == "meta"]
    assert meta == [
        ("meta:session", "第六十八届会议"),
        ("meta:agenda-item", "议程项目99(aa)"),
        ("meta:agenda-title", "全面彻底裁军：核裁军"),
        ("meta:title", "大会核裁军问题高级别会议的摘要"),
        ("meta:subtitle", "大会主席的说明"),
    ]
    assert [u.id for u in version.units if u.kind == "meta"] == [f"zh-m{n}" for n in range(1, 6)]


def test_seed_paragraphs_numbered_1_to_79_in_order(version):
    paras = [u for u in version.units if u.kind == "para"]
    assert [u.key for u in paras] == [f"p:{n}" for n in range(1, 80)]
    assert [u.marker for u in paras] == [f"{n}." for n in range(1, 80)]
    assert [u.id for u in paras] == [f"zh-p{n}" for n in range(1, 80)]


def test_seed_chapters_and_sections(version):
    heads = [(u.kind, u.key, u.marker) for u in version.units if u.kind in ("chapter", "section")]
    chapters = [(k, m) for kind, k, m in heads if kind == "chapter"]
    assert chapters == [("ch:1", "一."), ("ch:2", "二."), ("ch:3", "三."), ("ch:4", "四."), ("ch:5", "五.")]
    sections = [k for kind, k, _ in heads if kind == "section"]
    assert sections == ["sec:2.A", "sec:2.B", "sec:2.C"] + [f"sec:3.{c}" for c in "ABCDE"] + [
        f"sec:4.{c}" for c in "ABCDE"
    ]
    heading_ids = [u.id for u in version.units if u.kind in ("chapter", "section")]
    assert heading_ids == [f"zh-h{n}" for n in range(1, 19)]


def test_seed_order_of_units_follows_the_document(version):
    order = [u.key for u in version.units]
    assert order.index("ch:2") == order.index("p:5") + 1
    assert order.index("sec:2.A") == order.index("ch:2") + 1
    assert order.index("ch:5") == order.index("p:78") + 1
    assert order[-1] == "p:79"


def test_seed_no_hyperlink_text(version):
    for u in version.units:
        assert "http" not in u.text and "undocs" not in u.text


def test_seed_every_other_character_present_in_order(version, seed_text):
    kept = "".join(line for line in seed_text.split("\n") if not line.strip().startswith("http://undocs.org/"))
    expected = re.sub(r"\s+", "", kept)
    actual = re.sub(r"\s+", "", "".join(u.marker + u.text for u in version.units))
    assert actual == expected


def test_seed_page_break_inside_paragraph_joins(version):
    p20 = version.unit("zh-p20").text
    assert "框架。各国认为这一行动计划的实施是一个集体责任。" in p20
    assert version.unit("zh-p19").text.startswith("各国仍然认为，《不扩散核武器条约》")


def test_seed_whitespace_between_cjk_and_digits_removed(version):
    assert "根据大会第67/39号决议" in version.unit("zh-p1").text
    assert "本次会议于2013年9月26日举行" in version.unit("zh-p1").text
    assert "奥巴马总统2013年6月19日在柏林" in version.unit("zh-p24").text
    assert version.unit("zh-p2").text.startswith("74位国家元首")
    for u in version.units:
        assert "  " not in u.text and u.text == u.text.strip()


def test_seed_chinese_lines_join_without_space(version):
    assert "召开了为期一天的全体会议" in version.unit("zh-p1").text


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda t: t.replace("\n\n", "\n"), id="double-to-single"),
        pytest.param(lambda t: re.sub(r"\n[ \t]*(?=\n)", "", t), id="no-blank-lines"),
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="crlf"),
    ],
)
def test_seed_with_single_line_breaks_gives_the_same_units(seed_text, version, variant):
    other = parse_text(variant(seed_text), "zh", SOURCE)
    assert _shape(other.units) == _shape(version.units)


def test_seed_source_records_file_and_hash(version):
    assert version.source.path == "zh.txt"
    assert version.source.format == "txt"
    assert len(version.source.sha256) == 64


def _un_pages(units, width: int = 36, per_page: int = 25) -> str:
    """The seed's units laid out like text extracted from a UN PDF: masthead, wrapped lines,
    page headers (symbol, page x/y), footers (job number, barcode) and form feeds mid-paragraph."""
    lines = ["United Nations", "A/68/563", "General Assembly", "Distr.: General", "30 October 2013", "Chinese"]
    lines.append("Original: English")
    for u in units:
        body = f"{u.marker} {u.text}".strip()
        lines += [body[i : i + width] for i in range(0, len(body), width)]
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    out = []
    for n, page in enumerate(pages, 1):
        head = [] if n == 1 else (["A/68/563", "", f"{n}/{len(pages)}", ""] if n % 2 else [f"{n}/{len(pages)}"])
        foot = ["", "13-53431 (C)    041113    061113", "*1353431*", "", "请回收 ♲"] if n == 1 else ["13-53431"]
        out.append("\n".join(head + page + foot))
    return "\f".join(out)


def test_seed_units_laid_out_as_un_pages_give_the_same_units(version):
    text = _un_pages(version.units)
    assert text.count("\f") >= 8
    again = parse_text(text, "zh", SOURCE)
    assert _shape(again.units) == _shape(version.units)
    assert again.meta["symbol"] == "A/68/563" and again.meta["job"] == "13-53431 (C)"
    assert again.meta["original"] == "en" and again.meta["date"] == "2013-10-30"
