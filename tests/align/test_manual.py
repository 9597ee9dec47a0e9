"""Manual links (a reviewer's rows) are constraints: kept unchanged, the rest aligned around them.

Real data: the bundled UDHR (six versions) and the seed A/68/563.  The manual links below are
SYNTHETIC reviewer decisions over real unit ids (no text is invented); the end-to-end tests edit
the TEI archive a real build wrote, as a reviewer would, and build again through ``hlmpub.cli.run``.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from hlmpub import pipeline
from hlmpub.align import align_versions
from hlmpub.cli import run
from hlmpub.config import Settings
from hlmpub.model import Edition, Link
from hlmpub.tei import read_tei, validate_file

from .conftest import UDHR

TEI = "{http://www.tei-c.org/ns/1.0}"
LANGS = ("zh", "ar", "en", "es", "fr", "ru")
# SYNTHETIC reviewer decision: "Now, therefore," (en-u8) belongs with the last recital (row of zh-u7).
MOVED = {"zh": "zh-u7", "ar": "ar-u6", "en": "en-u7 en-u8", "es": "es-u7", "fr": "fr-u7", "ru": "ru-u7"}


def manual(score: float = 0.99, **ids: str) -> Link:
    return Link({lang: tuple(ids.get(lang, "").split()) for lang in LANGS}, "manual", score)


def row_of(links: list[Link] | tuple[Link, ...], uid: str) -> int:
    return next(r for r, link in enumerate(links) if any(uid in ids for ids in link.units.values()))


def assert_complete(links, versions) -> None:
    """Every unit of every version in exactly one row."""
    counts = Counter(u for link in links for ids in link.units.values() for u in ids)
    assert set(counts) == {u.id for v in versions for u in v.units}
    assert set(counts.values()) == {1}


@pytest.fixture(scope="module")
def versions(udhr_edition: Edition):
    assert udhr_edition.langs == LANGS
    return udhr_edition.versions


@pytest.fixture(scope="module")
def baseline(versions, shared_encoder):
    return align_versions(versions, "zh", shared_encoder)


# ------------------------------------------------------------------ align_versions


def test_no_manual_links_is_the_plain_alignment(versions, baseline, shared_encoder):
    assert align_versions(versions, "zh", shared_encoder, manual=()) == baseline
    links, _ = baseline
    assert not any(link.method == "manual" for link in links)
    assert row_of(links, "en-u8") == row_of(links, "zh-u8")  # the computed decision the reviewer overrides below


def test_a_moved_unit_stays_where_the_reviewer_put_it(versions, baseline, shared_encoder):
    link = manual(**MOVED)
    links, findings = align_versions(versions, "zh", shared_encoder, manual=[link])
    assert_complete(links, versions)
    r = links.index(link)
    assert links[r] == link and links[r].method == "manual" and links[r].score == 0.99
    assert links[r + 1].units["en"] == ("en-u9", "en-u10")  # the rest of the closing rows, aligned around it
    assert links[r + 1].units["zh"] == ("zh-u8",)
    old, _ = baseline
    assert len(links) == len(old)
    assert [lk for k, lk in enumerate(links) if k not in (r, r + 1)] == [
        lk for k, lk in enumerate(old) if k not in (r, r + 1)
    ]
    assert not [f for f in findings if f.code.startswith("align-manual")]


def test_one_sided_rows_keep_their_place(versions, shared_encoder):
    alone_en = manual(en="en-u8")  # pivot-less row: en-u8 has no counterpart anywhere
    alone_zh = manual(0.8, zh="zh-u4")  # pivot-only row: zh-u4 has none
    pair = manual(en="en-u9", fr="fr-u8")  # a row of two non-pivot languages
    links, findings = align_versions(versions, "zh", shared_encoder, manual=[alone_zh, alone_en, pair])
    assert_complete(links, versions)
    for link in (alone_en, alone_zh, pair):
        assert link in links
    assert row_of(links, "en-u7") < links.index(alone_en) < links.index(pair) < row_of(links, "en-u10")
    assert row_of(links, "zh-u3") < links.index(alone_zh) < row_of(links, "zh-u5")
    assert not [f for f in findings if f.code.startswith("align-manual")]


def test_a_vanished_unit_drops_its_link_with_a_warning(versions, baseline, shared_encoder):
    stale = manual(zh="zh-u7", en="en-u99")  # en-u99: the source changed, the unit is gone
    links, findings = align_versions(versions, "zh", shared_encoder, manual=[stale])
    assert links == baseline[0]
    found = [f for f in findings if f.code == "align-manual-stale"]
    assert len(found) == 1 and found[0].severity == "warning" and found[0].unit_id == "en-u99"


def test_conflicting_and_crossing_links_lose_to_the_earlier_one(versions, shared_encoder):
    first = manual(**MOVED)
    again = manual(zh="zh-u8", en="en-u8")  # en-u8 is in `first` already
    backwards = manual(zh="zh-u8", en="en-u6")  # zh-u8 after zh-u7 but en-u6 before en-u7: crosses `first`
    scattered = manual(zh="zh-u1", en="en-u1 en-u3")  # en-u2 in between
    links, findings = align_versions(versions, "zh", shared_encoder, manual=[first, again, backwards, scattered])
    assert_complete(links, versions)
    assert first in links and again not in links and backwards not in links and scattered not in links
    codes = [(f.code, f.unit_id) for f in findings if f.code.startswith("align-manual")]
    assert codes == [
        ("align-manual-conflict", "en-u8"),
        ("align-manual-order", "zh-u8"),
        ("align-manual-order", "en-u1"),
    ]


def test_manual_rows_are_deterministic_and_may_be_odd(versions, shared_encoder):
    odd = manual(0.5, zh="zh-u2", en="en-u5")  # legal: consecutive, crosses no other manual row
    one = align_versions(versions, "zh", shared_encoder, manual=[odd, manual(**MOVED)])
    two = align_versions(versions, "zh", shared_encoder, manual=[odd, manual(**MOVED)])
    assert one == two
    assert_complete(one[0], versions)
    assert odd in one[0] and manual(**MOVED) in one[0]


def test_languages_not_being_aligned_are_left_out_of_the_kept_link(versions, shared_encoder):
    zh_ar_en = versions[:3]  # as with `--langs zh,ar,en`
    links, findings = align_versions(zh_ar_en, "zh", shared_encoder, manual=[manual(**MOVED)])
    assert_complete(links, zh_ar_en)
    kept = [link for link in links if link.method == "manual"]
    assert [link.units for link in kept] == [{"zh": ("zh-u7",), "ar": ("ar-u6",), "en": ("en-u7", "en-u8")}]
    assert kept[0].score == 0.99


def test_a_manual_row_in_a_single_version(seed_version):
    ids = [u.id for u in seed_version.units[3:5]]
    link = Link({"zh": tuple(ids)}, "manual", 1.0)
    links, findings = align_versions([seed_version], "zh", manual=[link])
    assert len(links) == len(seed_version.units) - 1 and link in links
    assert_complete(links, [seed_version])


# ------------------------------------------------------------------ through the CLI, on files


def edit_link(tei: Path, holding: str, targets: list[str], cert: str = "0.99") -> None:
    """What a reviewer does in an XML editor: the row holding ``holding`` gets ``targets``, a certainty and
    ``resp="#resp-manual"``; the units moved there leave their old rows."""
    tree = etree.parse(str(tei))
    rows = list(tree.iter(f"{TEI}link", f"{TEI}ptr"))
    moved = {f"#{t}" for t in targets}
    for el in rows:
        kept = [t for t in el.get("target", "").split() if t not in moved]
        if f"#{holding}" in el.get("target", "").split():
            el.set("target", " ".join(f"#{t}" for t in targets))
            el.set("cert", cert)
            el.set("resp", "#resp-manual")
        elif len(kept) != len(el.get("target", "").split()):
            el.set("target", " ".join(kept))
    tree.write(str(tei), xml_declaration=True, encoding="UTF-8")


def build(src: Path, out: Path) -> None:
    assert run(["build", str(src), "-o", str(out), "--to", "tei"]) == 0


def assert_valid(tei: Path) -> Edition:
    problems = [f for f in validate_file(tei) if f.severity == "error"]
    assert problems == []
    edition = read_tei(tei)
    assert_complete(edition.links, edition.versions)
    return edition


def moved_targets() -> list[str]:
    return [u for lang in LANGS for u in MOVED[lang].split()]


def test_a_hand_edited_link_survives_two_builds(tmp_path):
    out = tmp_path / "output"
    build(UDHR, out)
    tei = out / "udhr" / "udhr.tei.xml"
    edit_link(tei, "zh-u7", moved_targets())
    edited = tei.read_bytes()
    for _ in range(2):
        build(UDHR, out)
        edition = assert_valid(tei)
        assert manual(**MOVED) in edition.links
    assert (tei.parent / "udhr.tei.xml.bak").read_bytes() == edited
    (out / ".hlmpub-cache.json").unlink()  # no cache: realigned from the sources, the link still kept
    build(UDHR, out)
    assert manual(**MOVED) in assert_valid(tei).links
    assert run(["align", str(UDHR), "-o", str(out)]) == 0  # `hlmpub align` keeps it too
    assert manual(**MOVED) in assert_valid(tei).links


def test_a_manual_link_to_a_vanished_unit_warns_and_the_rest_builds(tmp_path, caplog):
    src = tmp_path / "udhr"
    shutil.copytree(UDHR, src)
    out = tmp_path / "output"
    build(src, out)
    tei = out / "udhr" / "udhr.tei.xml"
    edit_link(tei, "zh-u7", moved_targets())
    closing = "zh-u8 ar-u7 ar-u8 ar-u9 en-u9 en-u10 es-u8 es-u9 es-u10 fr-u8 fr-u9 ru-u8 ru-u9".split()
    edit_link(tei, "zh-u8", closing)  # the reviewer confirms the closing row too
    edited = tei.read_bytes()
    english = src / "udhr_eng.xml"  # SYNTHETIC change of the copy: the "Now, therefore," line deleted
    lines = english.read_text(encoding="utf-8").splitlines(keepends=True)
    english.write_text("".join(line for line in lines if "<para>Now, therefore,</para>" not in line), "utf-8")
    settings = Settings(output_dir=out, formats=("tei",))
    edition = pipeline.edition_from_sources(src, settings)
    stale = [f for f in edition.findings if f.code == "align-manual-stale"]
    assert [(f.severity, f.unit_id) for f in stale] == [("warning", "en-u8"), ("warning", "en-u10")]
    assert "has another text" in stale[0].message and "is no longer in" in stale[1].message
    assert not any(link.method == "manual" for link in edition.links)
    build(src, out)
    rebuilt = assert_valid(tei)
    assert len(rebuilt.version("en").units) == len(edition.version("en").units)
    assert (tei.parent / "udhr.tei.xml.bak").read_bytes() == edited


def test_an_unreadable_previous_archive_is_a_warning(tmp_path):
    out = tmp_path / "output"
    tei = out / "udhr" / "udhr.tei.xml"
    tei.parent.mkdir(parents=True)
    tei.write_text("<teiCorpus>broken", encoding="utf-8")
    edition = pipeline.edition_from_sources(UDHR, Settings(output_dir=out))
    found = [f for f in edition.findings if f.code == "manual-links-unreadable"]
    assert len(found) == 1 and found[0].severity == "warning" and str(tei) in found[0].message
    assert edition.links
    assert run(["align", str(UDHR), "-o", str(out)]) == 0  # writing over it keeps the unreadable file first
    assert (tei.parent / "udhr.tei.xml.bak").read_text(encoding="utf-8") == "<teiCorpus>broken"
