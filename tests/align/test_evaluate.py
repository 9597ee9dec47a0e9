"""Strict scoring, the gold reader and the `hlmpub eval` command."""

from __future__ import annotations

import pytest

from hlmpub import model
from hlmpub.align import align_versions
from hlmpub.align.evaluate import evaluate, load_gold, pair_links, score_pair
from hlmpub.cli import run
from hlmpub.errors import InputError
from hlmpub.model import DocumentMeta, Edition, Link
from hlmpub.tei import read_edition

from .conftest import GOLD


def link(**units: tuple[str, ...]) -> Link:
    return Link(units=units, method="semantic", score=0.5)


def test_pair_links_ignore_rows_empty_on_both_sides():
    # synthetic rows
    rows = [link(zh=("z1",), en=("e1",), fr=()), link(zh=(), en=(), fr=("f1",)), link(zh=("z2",), en=(), fr=())]
    assert pair_links(rows, "zh", "en") == {(("z1",), ("e1",)), (("z2",), ())}


def test_strict_scores_count_a_wrong_split_as_wrong():
    gold = {(("z1",), ("e1", "e2")), (("z2",), ("e3",))}
    predicted = {(("z1",), ("e1",)), ((), ("e2",)), (("z2",), ("e3",))}
    s = score_pair(predicted, gold)
    assert (s.correct, s.predicted, s.gold) == (1, 3, 2)
    assert s.precision == pytest.approx(1 / 3) and s.recall == pytest.approx(1 / 2)
    assert s.f1 == pytest.approx(0.4)


def test_gold_file_reads_as_manual_links():
    gold = load_gold(GOLD)
    assert len(gold) == 92
    assert all(lk.method == "manual" and lk.score == 1.0 for lk in gold)
    assert gold[2].units == {"zh": ("zh-n2",), "ar": (), "en": (), "es": (), "fr": (), "ru": ()}


def test_bad_gold_files_are_one_line_input_errors(tmp_path):
    missing = tmp_path / "none.toml"
    with pytest.raises(InputError, match="not found"):
        load_gold(missing)
    bad = tmp_path / "bad.toml"
    bad.write_text("row = [ { zh = 'x' } ]\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 0"):
        load_gold(bad)


@pytest.fixture(scope="module")
def udhr_json(udhr_versions, shared_encoder, tmp_path_factory):
    versions = tuple(udhr_versions.values())
    links, findings = align_versions(versions, encoder=shared_encoder)
    edition = Edition(DocumentMeta("A/RES/217(III)", "udhr"), versions, tuple(links), tuple(findings))
    path = tmp_path_factory.mktemp("eval") / "udhr.json"
    path.write_text(model.dump(edition), encoding="utf-8")
    return path


def test_evaluate_reads_model_json(udhr_json):
    scores = evaluate(read_edition(udhr_json), load_gold(GOLD))
    assert set(scores) >= {"zh-en", "ar-ru", "fr-ru"}
    assert all(s.f1 == 1.0 for s in scores.values())


def test_eval_command_prints_a_table(udhr_json, capsys):
    assert run(["eval", str(udhr_json), str(GOLD)]) == 0
    out = capsys.readouterr().out
    assert "zh-ar" in out and "1.000" in out


def test_a_worse_edition_scores_below_one(udhr_versions):
    # synthetic: every version aligned 1:1 by position, which the gold must reject around the preamble
    versions = tuple(udhr_versions[lang] for lang in ("zh", "en"))
    rows = [link(zh=(z.id,), en=(e.id,)) for z, e in zip(versions[0].units, versions[1].units, strict=False)]
    edition = Edition(DocumentMeta("x", "x"), versions, tuple(rows))
    assert evaluate(edition, load_gold(GOLD))["zh-en"].f1 < 0.9
