"""The bead scorer: tiny hand-made bead files, scores computed by hand (vecalign's conventions)."""

from __future__ import annotations

import pytest

from hlmpub.align.evaluate import read_beads, score_beads
from hlmpub.errors import InputError

GOLD = [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((), (2,))]
TEST = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))]


def test_one_document_by_hand():
    s = score_beads([GOLD], [TEST])
    # precision over the 4 test beads: strict [0]:[0]; lax also [1]:[1] (source 1 is in gold [1,2]:[1])
    assert (s.strict.correct, s.strict.predicted, s.strict.precision) == (1, 4, 0.25)
    assert s.lax.precision == 0.5
    # recall: gold without empty sides ([0]:[0], [1,2]:[1]) against test without them
    assert s.strict.gold == 2 and s.strict.recall == 0.5
    assert s.lax.recall == 1.0
    assert s.strict.f1 == pytest.approx(1 / 3)
    assert s.lax.f1 == pytest.approx(2 / 3)


def test_counts_are_summed_over_documents_before_dividing():
    s = score_beads([GOLD, [((0,), (0,))]], [TEST, [((0,), (0,))]])
    assert s.strict.precision == pytest.approx(2 / 5)
    assert s.strict.recall == pytest.approx(2 / 3)
    assert s.strict.f1 == pytest.approx(0.5)


def test_crossing_gold_and_sentences_in_no_bead_are_accepted():
    gold = [((0,), (0,)), ((0,), (1,))]  # source 0 in two beads (Text+Berg doc 002); source 1 in none
    s = score_beads([gold], [[((0,), (0, 1)), ((1,), ())]])
    assert s.strict.precision == 0.0 and s.strict.recall == 0.0
    assert s.lax.precision == 0.5 and s.lax.recall == 1.0


def test_beads_empty_on_both_sides_and_duplicates_are_ignored():
    s = score_beads([[((0,), (0,))]], [[((0,), (0,)), ((0,), (0,)), ((), ())]])
    assert (s.strict.precision, s.strict.recall, s.strict.f1) == (1.0, 1.0, 1.0)


def test_read_beads_accepts_both_spellings_and_a_confidence(tmp_path):
    path = tmp_path / "x.beads"
    path.write_text("[0]:[0, 1]\n[1,2]:[2]\t0.93\n\n[]:[3]\n[3]:[]\n", encoding="utf-8")
    assert read_beads(path) == [((0,), (0, 1)), ((1, 2), (2,)), ((), (3,)), ((3,), ())]


@pytest.mark.parametrize(
    ("content", "message"),
    [("[0]-[1]\n", "line 1: expected a bead"), ("[0]:[x]\n", "line 1"), ("[0]:[-1]\n", "line 1"), ("\n", "no beads")],
)
def test_read_beads_errors_name_the_file(tmp_path, content, message):
    path = tmp_path / "bad.beads"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        read_beads(path)
    assert "bad.beads" in str(info.value)


def test_missing_bead_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_beads(tmp_path / "none.beads")
