"""The UDHR in six real languages against the hand-made gold (sources/udhr/gold-alignment.toml)."""

from __future__ import annotations

import pytest

from hlmpub.align import align_versions
from hlmpub.align.evaluate import evaluate, load_gold
from hlmpub.model import DocumentMeta, Edition

from .conftest import GOLD


@pytest.fixture(scope="module")
def aligned(udhr_versions, shared_encoder):
    versions = tuple(udhr_versions.values())
    links, findings = align_versions(versions, pivot="zh", encoder=shared_encoder)
    return Edition(DocumentMeta("A/RES/217(III)", "udhr"), versions, tuple(links), tuple(findings))


def test_f1_is_one_for_every_language_pair(aligned):
    scores = evaluate(aligned, load_gold(GOLD))
    assert len(scores) == 15
    assert {pair: s.f1 for pair, s in scores.items()} == {pair: 1.0 for pair in scores}


def test_gold_covers_every_unit_once(udhr_versions):
    seen = [uid for link in load_gold(GOLD) for ids in link.units.values() for uid in ids]
    assert sorted(seen) == sorted(u.id for v in udhr_versions.values() for u in v.units)


def test_every_unit_in_exactly_one_row_in_document_order(aligned):
    for version in aligned.versions:
        ids = [uid for link in aligned.links for uid in link.units[version.lang]]
        assert ids == [u.id for u in version.units]


def test_notes_and_preamble_rows(aligned):
    langs = aligned.langs
    by_zh = {link.units["zh"]: link for link in aligned.links if link.units["zh"]}
    assert by_zh[("zh-n1",)].shape(langs) == "1:1:0:0:0:1"
    assert by_zh[("zh-n2",)].shape(langs) == "1:0:0:0:0:0"
    assert by_zh[("zh-u4",)].shape(langs) == "1:0:1:1:1:1"  # ar has no "friendly relations" recital
    assert by_zh[("zh-u8",)].shape(langs) == "1:3:3:3:2:2"
    for key in [("zh-n1",), ("zh-u4",), ("zh-u8",)]:
        assert by_zh[key].method == "semantic"
        assert 0.0 < by_zh[key].score < 1.0


def test_articles_are_structural_with_full_confidence(aligned):
    article_rows = [lk for lk in aligned.links if lk.key.startswith("art:")]
    assert len(article_rows) == 30 + 50  # 30 headings, 50 paragraphs and list items
    assert all(lk.method == "structural" and lk.score == 1.0 for lk in article_rows)


def test_findings_name_the_unmatched_rows(aligned):
    unmatched = [f for f in aligned.findings if f.code == "align-unmatched"]
    assert {f.unit_id for f in unmatched} == {"zh-n1", "zh-n2", "zh-u4"}


def test_alignment_is_deterministic(udhr_versions, aligned):
    again, findings = align_versions(tuple(udhr_versions.values()), pivot="zh")  # fresh cache
    assert again == list(aligned.links)
    assert findings == list(aligned.findings)
