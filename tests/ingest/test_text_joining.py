"""Line joining, hyphenation and whitespace rules (hlmpub.ingest.segment.joining). Inputs are SYNTHETIC snippets."""

from __future__ import annotations

import pytest

from hlmpub.ingest.segment.joining import join_lines, keep_hyphen, normalise_space, vocabulary


@pytest.mark.parametrize(
    ("lines", "lang", "joined"),
    [
        (["全面彻底裁军的", "目标。"], "zh", "全面彻底裁军的目标。"),
        (["the Treaty on the", "Non-Proliferation"], "en", "the Treaty on the Non-Proliferation"),
        (["of disarma-", "ment"], "en", "of disarmament"),
        (["of non-", "proliferation"], "en", "of non-proliferation"),
        (["a self-", "governing territory"], "en", "a self-governing territory"),
        (["the co-", "sponsors"], "en", "the co-sponsors"),
        (["in mid-", "October"], "en", "in mid-October"),
        (["the 1990-", "2000 period"], "en", "the 1990-2000 period"),
        (["soft\u00ad", "hyphen"], "en", "softhyphen"),
        (["a dash -", "then"], "en", "a dash - then"),
        (["разору-", "жение"], "ru", "разоружение"),
        (["социально-", "экономический"], "ru", "социально-экономический"),
        (["نص", "عربي"], "ar", "نص عربي"),
        (["مثال-", "آخر"], "ar", "مثال- آخر"),  # no hyphenation in Arabic
    ],
)
def test_join(lines, lang, joined):
    assert join_lines(lines, lang) == joined


def test_document_evidence_decides_before_the_prefix_list():
    vocab = vocabulary(["a rule-based order", "peacebuilding matters", "the non-proliferation regime"])
    assert keep_hyphen("rule", "based", "en", vocab)
    assert not keep_hyphen("peace", "building", "en", vocab)
    assert keep_hyphen("non", "proliferation", "en", frozenset())
    assert not keep_hyphen("disarma", "ment", "en", frozenset())


@pytest.mark.parametrize(
    ("text", "lang", "normalised"),
    [
        ("根据大会第 67/39 号决议", "zh", "根据大会第67/39号决议"),
        ("奥巴马总统2013年 6月 19日在柏林", "zh", "奥巴马总统2013年6月19日在柏林"),
        ("议程项目 99(aa)", "zh", "议程项目99(aa)"),
        ("引用 A/RES/67/39 and the NPT 条约", "zh", "引用A/RES/67/39 and the NPT条约"),
        ("全角\u3000空格", "zh", "全角空格"),
        ("two  spaces\tand a tab ", "en", "two spaces and a tab"),
        ("Original : anglais", "fr", "Original : anglais"),
    ],
)
def test_whitespace_rule(text, lang, normalised):
    assert normalise_space(text, lang) == normalised


# Line-end hyphens with no evidence in the document: the compound tables decide (SYNTHETIC word pairs).
COMPOUNDS_KEPT = [
    ("ru", "государствами", "членами"),
    ("ru", "государства", "члены"),
    ("ru", "государств", "участников"),
    ("ru", "государства", "участники"),
    ("ru", "государства", "наблюдатели"),
    ("ru", "страны", "участницы"),
    ("ru", "страны", "доноры"),
    ("ru", "военно", "морской"),
    ("ru", "социально", "экономический"),
    ("ru", "вице", "председатель"),
    ("fr", "porte", "parole"),
    ("fr", "ci", "dessus"),
    ("fr", "ci", "après"),
    ("fr", "peut", "être"),
    ("fr", "au", "delà"),
    ("fr", "vingt", "deux"),
    ("fr", "celle", "ci"),
    ("fr", "États", "Unis"),
    ("fr", "Nations", "Unies"),
    ("fr", "non", "prolifération"),
    ("es", "socio", "económico"),
    ("es", "político", "militar"),
    ("es", "técnico", "jurídico"),
    ("es", "franco", "alemana"),
    ("en", "rights", "based"),
    ("en", "gender", "related"),
    ("en", "results", "oriented"),
    ("en", "medium", "term"),
]
BREAKS_JOINED = [
    ("ru", "разоруже", "ние"),
    ("ru", "разору", "жение"),
    ("ru", "рас", "членение"),  # расчленение: a prefix, not a first element
    ("ru", "со", "участник"),  # соучастник
    ("ru", "государст", "венный"),  # a break inside государственный
    ("ru", "общественно", "сти"),  # общественности: too short to be a second element
    ("ru", "член", "ство"),
    ("fr", "désarme", "ment"),
    ("fr", "féli", "cité"),  # short second elements (ci) match whole words only
    ("fr", "re", "joint"),  # rejoint
    ("fr", "porte", "feuille"),  # portefeuille
    ("fr", "ré", "unies"),
    ("es", "desar", "me"),
    ("es", "so", "cial"),
    ("es", "políti", "ca"),
    ("en", "disarma", "ment"),
    ("en", "un", "related"),  # unrelated
    ("en", "inter", "related"),  # interrelated
    ("en", "dis", "oriented"),
]


@pytest.mark.parametrize(("lang", "left", "right"), COMPOUNDS_KEPT)
def test_compound_keeps_its_line_end_hyphen(lang, left, right):
    assert keep_hyphen(left, right, lang, frozenset())
    assert join_lines([f"x {left}-", f"{right} y"], lang) == f"x {left}-{right} y"


@pytest.mark.parametrize(("lang", "left", "right"), BREAKS_JOINED)
def test_hyphenation_break_is_undone(lang, left, right):
    assert not keep_hyphen(left, right, lang, frozenset())
    assert join_lines([f"x {left}-", f"{right} y"], lang) == f"x {left}{right} y"


def test_document_evidence_still_overrides_the_compound_tables():
    # SYNTHETIC: a document that writes the solid form elsewhere
    assert not keep_hyphen("rights", "based", "en", vocabulary(["a rightsbased approach"]))
    assert keep_hyphen("разоруже", "ние", "ru", vocabulary(["разоруже-ние"]))
