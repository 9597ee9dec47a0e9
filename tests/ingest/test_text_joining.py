"""Line joining, hyphenation and whitespace rules (hlmpub.ingest.joining). Inputs are SYNTHETIC snippets."""

from __future__ import annotations

import pytest

from hlmpub.ingest.joining import join_lines, keep_hyphen, normalise_space, vocabulary


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
