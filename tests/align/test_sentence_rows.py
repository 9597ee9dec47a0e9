"""Sentence alignment inside the paragraph rows, n-way through the pivot (hlmpub.align.sentence_rows)."""

from __future__ import annotations

from hlmpub.align.sentence_rows import align_sentence_rows, merge_sentence_rows, with_sentences
from hlmpub.align.sentences import Bead
from hlmpub.model import Link, Source, Unit, Version


class _NoModel:
    def encode(self, texts):
        raise AssertionError("a row with one sentence per language needs no model call")


def _version(lang: str, *texts: str) -> Version:
    units = tuple(Unit(f"{lang}-p{i}", lang, "para", f"p:{i}", f"{i}.", t) for i, t in enumerate(texts, start=1))
    return Version(lang, units, Source("x", "txt", ""))


def test_merge_joins_pivot_groups_and_places_insertions():
    pairs = {
        "en": [
            Bead((0,), (0, 1), "semantic", 0.8),
            Bead((1, 2), (2,), "semantic", 0.6),
            Bead((), (3,), "semantic", 0.9),
        ],
        "fr": [
            Bead((0,), (0,), "semantic", 1.0),
            Bead((1,), (1,), "semantic", 1.0),
            Bead((2,), (), "semantic", 0.5),
            Bead((), (2,), "semantic", 0.7),
        ],
    }
    rows = merge_sentence_rows(3, pairs, "zh")
    assert [r[0] for r in rows] == [
        {"zh": [0], "en": [0, 1], "fr": [0]},
        {"zh": [1, 2], "en": [2], "fr": [1]},
        {"en": [3], "fr": [2]},
    ]
    assert rows[1][1] == [0.6, 1.0, 0.5]


def test_insertion_before_the_first_pivot_sentence_comes_first():
    rows = merge_sentence_rows(1, {"en": [Bead((), (0,), "semantic", 0.9), Bead((0,), (1,), "semantic", 0.9)]}, "zh")
    assert [r[0] for r in rows] == [{"en": [0]}, {"zh": [0], "en": [1]}]


def test_one_sentence_in_every_language_is_one_row_without_a_model():
    versions = with_sentences([_version("zh", "第一句。"), _version("en", "One sentence."), _version("fr", "")])
    link = Link({"zh": ("zh-p1",), "en": ("en-p1",), "fr": ()}, "structural", 1.0, "p:1")
    (only,) = align_sentence_rows(versions, [link], encoder=_NoModel())
    assert only.units == {"zh": ("zh-p1-s1",), "en": ("en-p1-s1",), "fr": ()}
    assert (only.method, only.score, only.key) == ("row", 1.0, "p:1")


def test_udhr_every_row_has_sentence_links_and_every_sentence_one_link_per_pair(udhr_edition):
    ed = udhr_edition
    units = ed.units_by_id()
    row_of = {uid: r for r, lk in enumerate(ed.links) for ids in lk.units.values() for uid in ids}
    for lang in ed.langs:
        sentences = [sid for u in ed.version(lang).units for sid in u.sentence_ids()]
        linked = [sid for lk in ed.sentence_links for sid in lk.units[lang]]
        assert linked == sentences  # each once, in document order: one link per language pair
    rows_with_links = set()
    for lk in ed.sentence_links:
        rows = {row_of[sid.rsplit("-s", 1)[0]] for ids in lk.units.values() for sid in ids}
        assert len(rows) == 1  # a sentence link never crosses a paragraph row
        rows_with_links |= rows
    assert rows_with_links == {
        r for r, lk in enumerate(ed.links) if any(units[u].sentences for ids in lk.units.values() for u in ids)
    }
    assert len(rows_with_links) == len(ed.links)
    assert sum(lk.method == "semantic" for lk in ed.sentence_links) >= 10
    assert all(u.sentences for v in ed.versions for u in v.units if u.text.strip() and u.kind != "table")


def test_a_row_of_one_language_gives_one_sentence_row_per_sentence_without_a_model():
    versions = with_sentences([_version("zh", "第一句。第二句。"), _version("en", "")])
    link = Link({"zh": ("zh-p1",), "en": ()}, "semantic", 0.4)
    rows = align_sentence_rows(versions, [link], encoder=_NoModel())
    assert [lk.units for lk in rows] == [{"zh": ("zh-p1-s1",), "en": ()}, {"zh": ("zh-p1-s2",), "en": ()}]
    assert {lk.method for lk in rows} == {"row"}
