"""The real seed A/68/563 (zh): alone, and with a relabelled copy of itself.

The copy is SYNTHETIC: the same Chinese units with their language code and ids
changed to "en"; it is not an English version of the document and is never
presented as one.  It only shows that every keyed unit links structurally.
"""

from __future__ import annotations

from dataclasses import replace

from hlmpub.align import align_versions
from hlmpub.model import Version


def relabel(version: Version, lang: str) -> Version:
    """SYNTHETIC: the same units under another language code (for structural tests only)."""
    units = tuple(replace(u, lang=lang, id=lang + u.id.removeprefix(version.lang)) for u in version.units)
    return replace(version, lang=lang, units=units)


def test_seed_alone_is_structural_and_complete(seed_version):
    links, findings = align_versions([seed_version], pivot="zh")
    assert len(seed_version.units) == 102
    assert len(links) == 102
    assert [lk.units["zh"] for lk in links] == [(u.id,) for u in seed_version.units]
    assert all(lk.method == "structural" and lk.score == 1.0 for lk in links)
    assert [lk.key for lk in links] == [u.key for u in seed_version.units]
    assert findings == []


def test_seed_with_relabelled_copy_is_structural_and_complete(seed_version):
    copy = relabel(seed_version, "en")  # synthetic
    links, findings = align_versions([seed_version, copy], pivot="zh")
    assert len(links) == 102
    for version in (seed_version, copy):
        covered = [uid for lk in links for uid in lk.units[version.lang]]
        assert covered == [u.id for u in version.units]
    assert all(lk.shape(["zh", "en"]) == "1:1" and lk.method == "structural" for lk in links)
    assert all(lk.units["en"][0].removeprefix("en") == lk.units["zh"][0].removeprefix("zh") for lk in links)
    assert not [f for f in findings if f.severity != "info"]


def test_pivot_absent_falls_back_to_first_version(seed_version):
    copy = relabel(seed_version, "fr")  # synthetic
    links, _ = align_versions([copy, relabel(seed_version, "en")], pivot="zh")
    assert len(links) == 102
    assert list(links[0].units) == ["fr", "en"]
