"""Score features: anchor tokens, CJK-weighted length, the length ratio, bead costs on real UDHR text."""

from __future__ import annotations

import numpy as np
import pytest

from hlmpub.align.score import CJK_WEIGHT, WindowScorer, anchor_tokens, build_spans, estimate_ratio, text_length


@pytest.mark.parametrize(
    "text,tokens",
    [
        ("根据大会第 67/39 号决议", {"67/39"}),
        ("وفقا للقرار ٦٧/٣٩ المؤرخ ٢٠١٣", {"67/39", "2013"}),  # Arabic-Indic digits
        ("第６７／３９号", {"67", "39"}),  # full-width digits; the full-width slash is not a separator
        ("on 26 September 2013", {"26", "2013"}),
        ("no numbers here", set()),
    ],
)
def test_anchor_tokens(text, tokens):
    assert anchor_tokens(text) == tokens


def test_cjk_characters_weigh_more_than_latin_ones():
    assert text_length("人权") == 2 * CJK_WEIGHT
    assert text_length("human rights") == 11
    assert text_length("第 1 条") == 2 * CJK_WEIGHT + 1


def test_ratio_comes_from_anchors_when_there_are_enough():
    pairs = [("a" * 100, "b" * 150)] * 5  # synthetic lengths
    assert estimate_ratio(pairs, "en", "fr") == pytest.approx(1.5)
    assert estimate_ratio(pairs[:2], "en", "fr") == pytest.approx(1.09)


def test_true_translation_costs_less_than_a_neighbour(udhr_versions, shared_encoder):
    zh = [u for u in udhr_versions["zh"].units if u.kind == "para" and not u.key]
    en = [u for u in udhr_versions["en"].units if u.kind == "para" and not u.key]
    scorer = WindowScorer(
        build_spans(zh, [""] * len(zh), shared_encoder), build_spans(en, [""] * len(en), shared_encoder), 1.0
    )
    costs = scorer.cost(1, 1, 0, np.arange(len(en)))
    assert int(np.argmin(costs)) == 0  # recital 1 ↔ recital 1
    assert scorer.cost(1, 0, 0, np.array([0]))[0] == pytest.approx(0.4)
    assert 0.0 < scorer.confidence(1, 1, 0, 0) < 1.0
