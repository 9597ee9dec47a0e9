"""Robustness: a copy of the real English UDHR with a unit deleted, two merged, one split, a heading dropped.

The modified copies are SYNTHETIC (built in the test with dataclasses.replace
from the real English text; no wording is invented, units are only removed,
joined or cut).  Everything else must still link as in the gold, and the odd
unit must show as 1:0 / 2:1 / 1:2 with a confidence below the structural 1.0.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from hlmpub.align import align_versions
from hlmpub.align.evaluate import load_gold, pair_links
from hlmpub.model import Unit, Version

from .conftest import GOLD


def _index(version: Version, unit_id: str) -> int:
    return [u.id for u in version.units].index(unit_id)


def delete(version: Version, unit_id: str) -> Version:
    """SYNTHETIC: drop one unit."""
    return replace(version, units=tuple(u for u in version.units if u.id != unit_id))


def merge(version: Version, first_id: str) -> Version:
    """SYNTHETIC: join a unit with the next one; the merged unit keeps the first id and key."""
    units = list(version.units)
    i = _index(version, first_id)
    units[i : i + 2] = [replace(units[i], text=units[i].text + " " + units[i + 1].text)]
    return replace(version, units=tuple(units))


def split(version: Version, unit_id: str, at: str) -> Version:
    """SYNTHETIC: cut a unit before the text ``at``; the second half has no key (as a segmenter would leave it)."""
    units = list(version.units)
    i = _index(version, unit_id)
    head, tail = units[i].text.split(at, 1)
    second = Unit(unit_id + "b", version.lang, units[i].kind, "", "", (at + tail).strip())
    units[i : i + 1] = [replace(units[i], text=head.strip()), second]
    return replace(version, units=tuple(units))


def expected_zh_en(changes: dict[tuple[str, ...], tuple[str, ...]], dropped: set[str]) -> set:
    """The gold zh-en links with the synthetic changes applied."""
    out = set()
    for zh_ids, en_ids in pair_links(load_gold(GOLD), "zh", "en"):
        if zh_ids in changes:
            continue
        if not any(z in changes_flat(changes) for z in zh_ids):
            out.add((zh_ids, tuple(e for e in en_ids if e not in dropped)))
    out.update(changes.items())
    return out


def changes_flat(changes: dict[tuple[str, ...], tuple[str, ...]]) -> set[str]:
    return {z for zh_ids in changes for z in zh_ids}


CASES = {
    "delete a paragraph": (
        lambda en: delete(en, "en-a3.p1"),
        {("zh-a3.p1",): ()},
        {"en-a3.p1"},
    ),
    "merge two list items": (
        lambda en: merge(en, "en-a23.i1"),
        {("zh-a23.i1", "zh-a23.i2"): ("en-a23.i1",)},
        {"en-a23.i2"},
    ),
    "split a list item": (
        lambda en: split(en, "en-a25.i1", "and the right to security"),
        {("zh-a25.i1",): ("en-a25.i1", "en-a25.i1b")},
        set(),
    ),
    "drop a heading": (
        lambda en: delete(en, "en-h6"),
        {("zh-h6",): ()},
        {"en-h6"},
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_odd_unit_is_isolated_and_the_rest_links_as_gold(case, udhr_versions, shared_encoder):
    modify, changes, dropped = CASES[case]
    zh, fr = udhr_versions["zh"], udhr_versions["fr"]
    en = modify(udhr_versions["en"])
    links, findings = align_versions([zh, en, fr], pivot="zh", encoder=shared_encoder)
    assert pair_links(links, "zh", "en") == expected_zh_en(changes, dropped)
    # fr is untouched: its links match the gold except where the pivot row itself grew (the merge)
    untouched = {(z, f) for z, f in pair_links(load_gold(GOLD), "zh", "fr") if not set(z) & changes_flat(changes)}
    assert untouched <= pair_links(links, "zh", "fr")
    grown = {lk.units["fr"] for lk in links if lk.units["zh"] in changes}
    assert grown == {tuple("fr" + z.removeprefix("zh") for z in zh_ids) for zh_ids in changes}
    for zh_ids in changes:
        row = next(lk for lk in links if lk.units["zh"] == zh_ids)
        assert row.method == "semantic"
        assert row.score < 1.0
    for version in (zh, en, fr):
        assert [uid for lk in links for uid in lk.units[version.lang]] == [u.id for u in version.units]


def test_all_four_changes_at_once(udhr_versions, shared_encoder):
    en = udhr_versions["en"]
    for modify, _, _ in CASES.values():
        en = modify(en)
    changes = {k: v for _, c, _ in CASES.values() for k, v in c.items()}
    dropped = {d for _, _, ds in CASES.values() for d in ds}
    links, _ = align_versions([udhr_versions["zh"], en], pivot="zh", encoder=shared_encoder)
    assert pair_links(links, "zh", "en") == expected_zh_en(changes, dropped)
    shapes = {lk.units["zh"]: lk.shape(["zh", "en"]) for lk in links}
    assert shapes[("zh-a3.p1",)] == "1:0"
    assert shapes[("zh-a23.i1", "zh-a23.i2")] == "2:1"
    assert shapes[("zh-a25.i1",)] == "1:2"
    assert shapes[("zh-h6",)] == "1:0"
