"""The UDHR-in-XML reader on the six bundled files (real data), and on broken input."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from hlmpub.cli import run
from hlmpub.errors import ExitCode, InputError, LanguageError
from hlmpub.ingest import read_version
from hlmpub.safeio import sha256_file

UDHR = Path(__file__).resolve().parents[2] / "sources" / "udhr"
FILES = {
    "ar": "udhr_arb.xml",
    "en": "udhr_eng.xml",
    "es": "udhr_spa.xml",
    "fr": "udhr_fra.xml",
    "ru": "udhr_rus.xml",
    "zh": "udhr_cmn_hans.xml",
}

# Counted by hand in each file (PROVENANCE.md: the preamble does not align 1:1).
PREAMBLE_PARAS = {"ar": 9, "en": 10, "es": 10, "fr": 9, "ru": 9, "zh": 8}
NOTES = {"ar": 1, "en": 0, "es": 0, "fr": 0, "ru": 1, "zh": 2}

# From PROVENANCE.md: article bodies have the same shape in all six languages.
ITEMS = {11: 2, 13: 2, 14: 2, 15: 2, 17: 2, 20: 2, 25: 2, 27: 2, 16: 3, 21: 3, 26: 3, 29: 3, 23: 4}
PARAS = {n: 0 if n in ITEMS else (2 if n == 2 else 1) for n in range(1, 31)}

TITLE_1 = {
    "ar": "المادة 1",
    "en": "Article 1",
    "es": "Artículo 1",
    "fr": "Article premier",
    "ru": "Статья 1",
    "zh": "第一条",
}


def _read(lang: str):
    return read_version(UDHR / FILES[lang], lang)


@pytest.fixture(scope="module", params=sorted(FILES))
def version(request):
    return _read(request.param)


def test_thirty_articles_in_order(version):
    headings = [u for u in version.units if u.kind == "section" and u.key.startswith("art:")]
    assert [u.key for u in headings] == [f"art:{n}" for n in range(1, 31)]
    assert headings[0].text == TITLE_1[version.lang]
    assert [u.id for u in headings] == [f"{version.lang}-h{n}" for n in range(2, 32)]


def test_article_paragraphs_and_items(version):
    paras = Counter(u.key.split(".")[0] for u in version.units if u.kind == "para" and u.key)
    items = Counter(u.key.split(".")[0] for u in version.units if u.kind == "subpara")
    for n in range(1, 31):
        assert paras[f"art:{n}"] == PARAS[n], n
        assert items[f"art:{n}"] == ITEMS.get(n, 0), n
    art23 = [u for u in version.units if u.key.startswith("art:23.")]
    assert [u.key for u in art23] == [f"art:23.i{k}" for k in range(1, 5)]
    assert [u.id for u in art23] == [f"{version.lang}-a23.i{k}" for k in range(1, 5)]
    art2 = [u for u in version.units if u.key.startswith("art:2.")]
    assert [u.id for u in art2] == [f"{version.lang}-a2.p1", f"{version.lang}-a2.p2"]


def test_preamble_and_notes(version):
    lang = version.lang
    pre = [u for u in version.units if u.kind == "para" and not u.key]
    assert len(pre) == PREAMBLE_PARAS[lang]
    assert [u.id for u in pre] == [f"{lang}-u{k}" for k in range(1, len(pre) + 1)]
    notes = [u for u in version.units if u.kind == "note"]
    assert len(notes) == NOTES[lang]
    assert all(u.key == "" for u in notes)
    heading = next(u for u in version.units if u.key == "sec:preamble")
    assert heading.id == f"{lang}-h1" and heading.kind == "section"
    title = version.units[0]
    assert (title.id, title.kind, title.key) == (f"{lang}-m1", "meta", "meta:title")
    # document order: the preamble heading comes before its paragraphs, and all before article 1
    order = [u.id for u in version.units]
    assert order.index(heading.id) < order.index(pre[0].id) < order.index(f"{lang}-h2")


def test_texts_clean_and_ids_unique(version):
    assert len({u.id for u in version.units}) == len(version.units)
    for u in version.units:
        assert u.text and u.text == " ".join(u.text.split()), u.id
        assert u.lang == version.lang
    assert version.source.format == "udhr-xml"
    assert version.source.path == FILES[version.lang]
    assert version.source.sha256 == sha256_file(UDHR / FILES[version.lang])


def test_chinese_items_keep_their_printed_tags():
    zh = _read("zh")
    assert [u.marker for u in zh.units if u.key.startswith("art:23.")] == ["㈠", "㈡", "㈢", "㈣"]
    en = _read("en")
    assert {u.marker for u in en.units} == {""}


def test_known_texts():
    en = _read("en")
    assert en.unit("en-a1.p1").text.startswith("All human beings are born free and equal in dignity and rights.")
    assert en.unit("en-h1").text == "Preamble"
    zh = _read("zh")
    assert zh.unit("zh-n1").text == "联合国大会一九四八年十二月十日第217A(III)号决议通过并颁布"
    assert zh.unit("zh-h31").text == "第三十条"


# ---------------------------------------------------------------- bad input

GOOD = (
    "<udhr xmlns='http://efele.net/udhr' xml:lang='{lang}'><title>T</title>"
    "<preamble><title>P</title><para>p</para></preamble>"
    "<article number='{n}'><title>{title}</title><para>x</para></article></udhr>"
)


def _write(tmp_path: Path, text: str, name: str = "u.xml") -> Path:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def test_minimal_synthetic_file(tmp_path):
    # synthetic: a minimal UDHR-shaped file with language tag zh-Hans
    f = _write(tmp_path, GOOD.format(lang="zh-Hans", n=3, title="第三条"))
    v = read_version(f, "zh")
    assert [(u.id, u.key) for u in v.units] == [
        ("zh-m1", "meta:title"),
        ("zh-h1", "sec:preamble"),
        ("zh-u1", ""),
        ("zh-h2", "art:3"),
        ("zh-a3.p1", "art:3.p1"),
    ]


def test_number_attribute_checked_against_title(tmp_path):
    f = _write(tmp_path, GOOD.format(lang="ru", n=4, title="Статья 5"))  # synthetic
    with pytest.raises(InputError, match="number=4 but its title says 5"):
        read_version(f, "ru")


def test_language_mismatch_names_the_file():
    with pytest.raises(LanguageError) as err:
        read_version(UDHR / "udhr_eng.xml", "fr")
    assert "udhr_eng.xml" in str(err.value) and "'en'" in str(err.value)


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("<udhr xmlns='http://efele.net/udhr' xml:lang='en'><title>T</title><article>", "malformed"),
        (
            "<?xml version='1.0'?><!DOCTYPE udhr [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;'>]>"
            "<udhr xmlns='http://efele.net/udhr' xml:lang='en'><title>&b;</title></udhr>",
            "entities",
        ),
        (
            "<?xml version='1.0'?><!DOCTYPE udhr [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
            "<udhr xmlns='http://efele.net/udhr' xml:lang='en'><title>&x;</title></udhr>",
            "entities",
        ),
        ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text/></TEI>", "expected <udhr>"),
        ("<udhr xml:lang='en'><title>T</title></udhr>", "expected <udhr>"),  # no namespace
    ],
    ids=["malformed", "bomb", "external-entity", "wrong-root", "no-namespace"],
)
def test_bad_xml_is_one_line_through_the_cli(tmp_path, capsys, content, needle):
    f = _write(tmp_path, content, "bad_udhr.xml")  # synthetic broken input
    before = sorted(tmp_path.iterdir())
    assert run(["ingest", str(f), "--lang", "en"]) == ExitCode.INPUT
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1 and "bad_udhr.xml" in err and needle in err, err
    assert "Traceback" not in captured.err and captured.out == ""
    assert sorted(tmp_path.iterdir()) == before


def test_cli_json_for_udhr(capsys):
    import json

    assert run(["ingest", str(UDHR / "udhr_rus.xml"), "--lang", "ru", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["id"] == "ru-m1"
    assert sum(1 for r in rows if r["kind"] == "section") == 31
    assert {r["kind"] for r in rows} == {"meta", "note", "section", "para", "subpara"}
