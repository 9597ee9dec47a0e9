"""Anchors and windows on synthetic key sequences (keys only, no text)."""

from __future__ import annotations

from hlmpub.align.structural import Window, anchor_pairs, windows


def test_anchor_pairs_keep_the_longest_run_in_order():
    # synthetic: p:3 moved ahead of p:2 in the second sequence
    x = ["p:1", "p:2", "p:3", "p:4", ""]
    y = ["p:1", "p:3", "p:2", "p:4"]
    anchors, dropped = anchor_pairs(x, y)
    assert anchors == [(0, 0), (2, 1), (3, 3)]  # either of p:2, p:3 could go; the choice is fixed
    assert dropped == ["p:2"]


def test_equal_gaps_are_plain_windows():
    # synthetic: anchors at 0 and 3 on both sides, two unkeyed units between
    assert windows([(0, 0), (3, 3)], 4, 4) == [Window(1, 3, 1, 3)]


def test_lopsided_gap_takes_in_its_anchors():
    # synthetic: one unit deleted between anchors 1 and 3
    assert windows([(0, 0), (1, 1), (3, 2), (4, 3)], 5, 4) == [Window(1, 4, 1, 3)]


def test_touching_lopsided_windows_are_joined():
    anchors = [(0, 0), (2, 1), (4, 4)]  # synthetic: 1 vs 0 units, then 1 vs 2 units
    assert windows(anchors, 5, 5) == [Window(0, 5, 0, 5)]


def test_no_anchors_is_one_window():
    assert windows([], 3, 5) == [Window(0, 3, 0, 5)]
